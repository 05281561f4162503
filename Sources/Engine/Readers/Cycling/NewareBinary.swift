import Formats

/// Neware binary files: BTS `.nda` (version 29) and the `.ndax` zip (its `data.ndc`, version 5
/// file type 1). Layouts learned from NewareNDA (SES AI) and checked against its output on real
/// files; offsets below are little-endian byte offsets within one record.
///
/// Record fields (both layouts share them, at different offsets): index u32, cycle u32, step
/// number, status u8 (the step type), step time u64 in ms, voltage i32 in 0.1 mV, current i32,
/// charge/discharge capacity and energy i64 per step, and the current *range* i32 whose table
/// gives the scale of current (mA per count) and of capacity (mA·s per count). Test time is
/// rebuilt by adding step times: each step starts at the test time the previous step ended.
/// Rows repeating an index already read (the format writes some twice) are skipped. Public for
/// the layouts (the benchmark writer of `cycle demo` writes records at these offsets).
public enum NewareBinary {
  /// mA per count for each current range (Neware's hardware ranges; NewareNDA's table).
  static let rangeScale: [Int32: Double] = [
    -100_000_000: 10, -200_000: 1e-2, -100_000: 1e-2, -60000: 1e-2, -50000: 1e-2, -40000: 1e-2, -30000: 1e-2,
    -20000: 1e-2, -12000: 1e-2, -10000: 1e-2, -6000: 1e-2, -5000: 1e-2, -3000: 1e-2, -2000: 1e-2, -1000: 1e-2,
    -500: 1e-3, -100: 1e-3, -50: 1e-4, -25: 1e-4, -20: 1e-4, -10: 1e-4, -5: 1e-5, -2: 1e-5, -1: 1e-5, 0: 0,
    1: 1e-4, 2: 1e-4, 5: 1e-4, 10: 1e-3, 20: 1e-3, 25: 1e-3, 50: 1e-3, 100: 1e-2, 200: 1e-2, 250: 1e-2, 500: 1e-2,
    1000: 1e-1, 6000: 1e-1, 10000: 1e-1, 12000: 1e-1, 20000: 1e-1, 30000: 1e-1, 40000: 1e-1, 50000: 1e-1,
    60000: 1e-1, 100_000: 1e-1, 200_000: 1e-1,
  ]

  static func stepType(status: UInt8) -> StepType {
    switch status {
    case 1, 7, 9, 27: return .charge  // CC, CCCV, CP, CPCV charge
    case 2, 8, 10, 20, 26: return .discharge  // CC, CP, CR, CCCV, CPCV discharge
    case 3: return .constantVoltageCharge
    case 19: return .constantVoltageDischarge
    case 4, 13, 22: return .rest  // rest, pause, OCV
    default: return .other
    }
  }

  public struct Layout: Sendable {
    public var index = 0, cycle = 0, step = 0, status = 0, time = 0, voltage = 0, current = 0
    public var chargeCapacity = 0, dischargeCapacity = 0, chargeEnergy = 0, dischargeEnergy = 0, range = 0
    public var stepIsWide = false
  }

  /// .nda v29: 86-byte records starting 0x55 0x00, ending in four zero bytes.
  public static let nda29 = Layout(
    index: 2, cycle: 6, step: 10, status: 12, time: 14, voltage: 22, current: 26, chargeCapacity: 38,
    dischargeCapacity: 46, chargeEnergy: 54, dischargeEnergy: 62, range: 78, stepIsWide: true)
  /// .ndc v5 type 1: 87-byte records, marker 0x55 at byte 7.
  public static let ndc5 = Layout(
    index: 8, cycle: 12, step: 16, status: 17, time: 23, voltage: 31, current: 35, chargeCapacity: 43,
    dischargeCapacity: 51, chargeEnergy: 59, dischargeEnergy: 67, range: 82, stepIsWide: false)

  /// Turns records into rows, rebuilding test time from step times.
  struct Assembler {
    var lastIndex: UInt32 = 0
    var seenAny = false
    var stepOffset = 0.0
    var lastTestTime = 0.0
    var lastStepTime = 0.0
    var lastStep: UInt32 = .max
    var lastStatus: UInt8 = .max

    mutating func record(_ bytes: UnsafeRawBufferPointer, _ base: Int, _ layout: Layout, offset: Int) throws -> CyclingRecord? {
      func load<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: base + at, as: T.self))
      }
      let index = load(layout.index, UInt32.self)
      if index == 0 || (seenAny && index <= lastIndex) { return nil }
      let status = load(layout.status, UInt8.self)
      if status == 0 { return nil }
      let range = load(layout.range, Int32.self)
      guard let scale = rangeScale[range] else {
        throw InputError("unknown Neware current range \(range) in the record at byte \(offset)")
      }
      let step = layout.stepIsWide ? UInt32(load(layout.step, UInt16.self)) : UInt32(load(layout.step, UInt8.self))
      let stepTime = Double(load(layout.time, UInt64.self)) / 1000
      if seenAny && (step != lastStep || status != lastStatus || stepTime < lastStepTime) { stepOffset = lastTestTime }
      let testTime = stepOffset + stepTime
      seenAny = true
      lastIndex = index
      lastStep = step
      lastStatus = status
      lastStepTime = stepTime
      lastTestTime = testTime
      var r = CyclingRecord(
        testTime: testTime, voltage: Double(load(layout.voltage, Int32.self)) / 10000,
        current: Double(load(layout.current, Int32.self)) * scale / 1000)
      r.stepTime = stepTime
      // Stored from 0; a count near UInt32.max overflowed `+ 1` (a trap found by make fuzz).
      let cycle = load(layout.cycle, UInt32.self)
      guard cycle < UInt32(Int32.max) else {
        throw InputError("cycle number \(cycle) in the record at byte \(offset) is out of range (at most \(Int32.max - 1))")
      }
      r.cycle = Int32(cycle) + 1
      r.stepIndex = Int32(truncatingIfNeeded: step)
      r.stepType = stepType(status: status)
      // Counters: mA·s per count × scale → Ah.
      let toAh = scale / 3600 / 1000
      r.capacityCounter = Double(load(layout.chargeCapacity, Int64.self)) * toAh
      r.secondCapacityCounter = Double(load(layout.dischargeCapacity, Int64.self)) * toAh
      r.energyCounter = Double(load(layout.chargeEnergy, Int64.self)) * toAh
      r.secondEnergyCounter = Double(load(layout.dischargeEnergy, Int64.self)) * toAh
      return r
    }
  }
}

/// Reads a Neware `.nda` file (version 29; other versions are refused by number). Streams: the
/// first record is searched window by window and the records are read through one buffer.
func readNewareNDA<R: CyclingRecordSink>(_ source: any RandomAccessByteSource, into sink: inout R) throws -> String {
  let head = try source.bytes(at: 0, count: 16)
  guard head.count == 16, source.size > 16, Array(head[0..<6]) == Array("NEWARE".utf8) else {
    throw InputError("not a Neware .nda file: it does not start with `NEWARE` (byte 0)")
  }
  let version = head[14]
  guard version == 29 else {
    throw InputError("Neware .nda version \(version) is not supported (only 29); export the test as .xlsx or .csv (byte 14)")
  }
  let recordLength = 86
  guard let start = try firstNDARecord(source, recordLength: recordLength) else {
    throw InputError("Neware .nda file holds no data records (searched \(source.size) bytes)")
  }
  var assembler = NewareBinary.Assembler()
  var records = source.sequential(start..<source.size)
  try forEachRecordRun(&records, recordLength: recordLength, startOffset: start) { raw, runOffset in
    var k = 0
    while k + recordLength <= raw.count {
      let isData = raw[k] == 0x55 && raw[k + 1] == 0 && raw[k + 82] == 0 && raw[k + 83] == 0
        && raw[k + 84] == 0 && raw[k + 85] == 0
      if isData, let record = try assembler.record(raw, k, NewareBinary.nda29, offset: runOffset + k) {
        do { try sink.consume(record) } catch let e as InputError {
          throw InputError(e.message + " (record at byte \(runOffset + k))")
        }
      }
      k += recordLength
    }
  }
  if !assembler.seenAny { throw InputError("Neware .nda file holds no valid data records") }
  return "neware-nda"
}

/// The data start after a `00 00 00 00 55 00` marker whose record is followed by another record;
/// searched in 1 MiB windows that overlap by one record.
private func firstNDARecord(_ source: any RandomAccessByteSource, recordLength: Int) throws -> Int? {
  let span = 6 + recordLength
  let windowLength = 1 << 20
  var windowStart = 0
  while windowStart + span < source.size {
    let bytes = try source.bytes(at: windowStart, count: windowLength + span)
    var p = 0
    while p < windowLength && p + span < bytes.count {
      if bytes[p] == 0, bytes[p + 1] == 0, bytes[p + 2] == 0, bytes[p + 3] == 0, bytes[p + 4] == 0x55, bytes[p + 5] == 0,
        bytes[p + 4 + recordLength] == 0x55, bytes[p + 4 + 12] != 0
      {
        return windowStart + p + 4
      }
      p += 1
    }
    windowStart += windowLength
  }
  return nil
}

/// Reads a Neware `.ndax` archive: `data.ndc` version 5, file type 1 (other versions are
/// refused by number), inflated and decoded one 4 KiB page at a time.
func readNewareNDAX<R: CyclingRecordSink>(_ source: any RandomAccessByteSource, into sink: inout R) throws -> String {
  let archive = try ZipArchive(source: source)
  var ndc = try archive.stream(named: "data.ndc")
  var assembler = NewareBinary.Assembler()
  let pageLength = 4096
  let recordLength = 87
  var sawHeader = false
  let leftover = try forEachRecordRun(&ndc, recordLength: pageLength) { raw, runOffset in
    var page = 0
    if runOffset == 0 {
      let fileType = raw[0]
      let version = raw[2]
      guard version == 5 && fileType == 1 else {
        throw InputError("Neware .ndax data.ndc version \(version), file type \(fileType) is not supported (only version 5, type 1)")
      }
      sawHeader = true
      page = pageLength
    }
    while page + pageLength <= raw.count {
      var offset = page + 125
      while offset + recordLength <= page + pageLength - 56 {
        if raw[offset + 7] == 0x55, let record = try assembler.record(raw, offset, NewareBinary.ndc5, offset: runOffset + offset) {
          do { try sink.consume(record) } catch let e as InputError {
            throw InputError(e.message + " (data.ndc record at byte \(runOffset + offset))")
          }
        }
        offset += recordLength
      }
      page += pageLength
    }
  }
  if !sawHeader { throw InputError("Neware data.ndc is \(leftover) bytes, shorter than its header") }
  if !assembler.seenAny { throw InputError("Neware data.ndc holds no data records") }
  return "neware-ndax"
}
