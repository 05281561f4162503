import Formats
import Foundation

/// Maps EC-Lab columns (`.mpr` or `.mpt`) to cycling rows.
///
/// Columns: `time/s`; `Ewe/V`, `<Ewe>/V` or `Ecell/V`; `I/mA` or `<I>/mA` (mA → A; EC-Lab's sign
/// is already positive for oxidation of the working electrode = charge); `Ns` (step) and
/// `cycle number`. Capacity, in order of preference: `Q charge/discharge/mA.h` (a counter that
/// restarts every half-cycle), `Q charge/mA.h` with `Q discharge/mA.h`, or the per-point
/// `dq/mA.h` summed into a running counter (its increments are then the |dq| of each point).
/// `(Q-Qo)/mA.h` is not used: it runs up and down and is no counter. Without any, the processor
/// integrates the current. Some GCPL files record no current column (only `control/V/mA`, which
/// is a set point, V or mA by mode); their current is then the charge passed per point over its
/// duration, I = dQ/Δt (mA.h per h = mA, Δt = t_i − t_{i−1}; 0 when Δt ≤ 0, as for the first
/// point) — navani's rule too.
struct BioLogicCyclingColumns {
  let time: Int
  let voltage: Int
  let measuredCurrent: Int?
  let increments: Int?
  let step: Int?
  let cycle: Int?
  let halfCounter: Int?
  let chargeCounter: Int?
  let dischargeCounter: Int?
  private var previousTime: Double? = nil
  private var running = 0.0

  init(names: [String]) throws {
    func anyOf(_ wanted: [String]) -> Int? {
      for name in wanted { if let k = names.firstIndex(of: name) { return k } }
      return nil
    }
    let list = names.joined(separator: ", ")
    guard let time = names.firstIndex(of: "time/s") else {
      throw InputError("EC-Lab table has no `time/s` column (columns: \(list))")
    }
    guard let voltage = anyOf(["Ewe/V", "<Ewe>/V", "Ecell/V", "<Ecell>/V"]) else {
      throw InputError("EC-Lab table has no `Ewe/V` or `Ecell/V` column (columns: \(list))")
    }
    increments = anyOf(["dq/mA.h", "dQ/mA.h"])
    measuredCurrent = anyOf(["I/mA", "<I>/mA"])
    guard measuredCurrent != nil || increments != nil else {
      throw InputError("EC-Lab table has no `I/mA`, `<I>/mA` or `dQ/mA.h` column (columns: \(list))")
    }
    self.time = time
    self.voltage = voltage
    step = names.firstIndex(of: "Ns")
    cycle = names.firstIndex(of: "cycle number")
    halfCounter = names.firstIndex(of: "Q charge/discharge/mA.h")
    chargeCounter = names.firstIndex(of: "Q charge/mA.h")
    dischargeCounter = names.firstIndex(of: "Q discharge/mA.h")
  }

  /// The columns `record` reads (a streaming reader parses only these).
  var usedColumns: [Int] {
    [time, voltage] + [measuredCurrent, increments, step, cycle, halfCounter, chargeCounter, dischargeCounter].compactMap { $0 }
  }

  /// The next row's record; `value(k)` is the row's value in column k.
  mutating func record(_ value: (Int) -> Double) -> CyclingRecord {
    let t = value(time)
    var milliamps = 0.0
    if let measuredCurrent {
      milliamps = value(measuredCurrent)
    } else if let increments, let previousTime {
      let hours = (t - previousTime) / 3600
      milliamps = hours > 0 ? value(increments) / hours : 0
    }
    previousTime = t
    var r = CyclingRecord(testTime: t, voltage: value(voltage), current: milliamps / 1000)
    if let step { r.stepIndex = Int32(exactly: value(step).rounded()) }
    if let cycle { r.cycle = Int32(exactly: value(cycle).rounded()) }
    if let halfCounter {
      r.capacityCounter = value(halfCounter) / 1000
    } else if let chargeCounter, let dischargeCounter {
      r.capacityCounter = value(chargeCounter) / 1000
      r.secondCapacityCounter = value(dischargeCounter) / 1000
    } else if let increments {
      running += abs(value(increments)) / 1000
      r.capacityCounter = running
    }
    return r
  }
}

/// Reads an EC-Lab file for cycling. A binary `.mpr` streams: module headers are read one by one
/// and the `VMP data` records pass through one buffer, decoding only the columns used. A `.mpt`
/// (text) streams line by line (`readBioLogicTextCycling`). Errors name the file's line (text) or
/// record (binary).
func readBioLogicCycling<R: CyclingRecordSink>(_ source: any RandomAccessByteSource, name: String, into sink: inout R) throws -> String {
  let magic = Array(BioLogicFile.binaryMagic.prefix(22))
  let head = try source.bytes(at: 0, count: magic.count)
  guard head == magic || name.lowercased().hasSuffix(".mpr") else {
    try readBioLogicTextCycling(source.sequential(0..<source.size), into: &sink)
    return "biologic"
  }
  func fail(_ message: String) -> InputError { InputError(message, file: name) }
  let size = source.size
  guard size >= BioLogicFile.binaryMagic.count else {
    throw fail("expected an EC-Lab .mpr file of at least \(BioLogicFile.binaryMagic.count) bytes, found \(size) (truncated)")
  }
  guard head == magic else {
    let found = String(decoding: head.map { (0x20..<0x7F).contains($0) ? $0 : 0x3F }, as: UTF8.self)
    throw fail("expected the magic 'BIO-LOGIC MODULAR FILE' at byte 0, found '\(found)'")
  }
  var modules: [MPRModule] = []
  var offset = BioLogicFile.binaryMagic.count
  while offset < size {
    let header = try source.bytes(at: offset, count: MPRModule.longestHeader)
    let module = try MPRModule(header: header, offset: offset, fileSize: size, fileName: name)
    modules.append(module)
    offset = module.content.upperBound
  }
  guard let dataModule = modules.first(where: { $0.shortName == "VMP data" }) else {
    throw fail("expected a 'VMP data' module, found \(modules.map { "'\($0.shortName)'" }.joined(separator: ", "))")
  }
  var metadata: [String: String] = [:]
  let content = dataModule.content
  let header = try source.bytes(at: content.lowerBound, count: min(content.count, MPRDataModule.longestHeader))
  let layout = try MPRDataModule.records(header: header, module: dataModule, fileName: name, metadata: &metadata)
  var columns = try BioLogicCyclingColumns(names: layout.fields.map { $0.name ?? "" })
  let fields = layout.fields
  let recordSize = layout.recordSize
  var records = source.sequential(layout.start..<(layout.start + layout.pointCount * recordSize))
  var row = 0
  try forEachRecordRun(&records, recordLength: recordSize, startOffset: layout.start) { raw, _ in
    var at = 0
    while at + recordSize <= raw.count {
      let record = columns.record { MPRDataModule.value(fields[$0], raw, at) }
      do { try sink.consume(record) } catch var e as InputError {
        e.message += " (record \(row + 1))"
        throw e
      }
      row += 1
      at += recordSize
    }
  }
  return "biologic-mpr"
}
