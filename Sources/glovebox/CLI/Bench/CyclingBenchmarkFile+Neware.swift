import Engine

extension CyclingBenchmarkFile {
  /// Current range 10: 10⁻³ mA per count for current and 10⁻³ mA·s (mW·s) per count for the
  /// capacity and energy counters (`NewareBinary.rangeScale`).
  static let newareRange: Int32 = 10

  /// One Neware record's fields at the offsets of `layout`, into `record` (zeroed, record-sized).
  static func fillNewareRecord(
    _ record: inout [UInt8], _ p: Point, layout: NewareBinary.Layout, energyCount: Int64, dateOffset: Int
  ) {
    func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
      var v = value.littleEndian
      withUnsafeBytes(of: &v) { bytes in for (k, b) in bytes.enumerated() { record[offset + k] = b } }
    }
    put(UInt32(p.index + 1), at: layout.index)
    put(UInt32(p.halfCycle / 2), at: layout.cycle)
    if layout.stepIsWide { put(UInt16(truncatingIfNeeded: p.halfCycle + 1), at: layout.step) } else {
      put(UInt8(truncatingIfNeeded: p.halfCycle + 1), at: layout.step)
    }
    put(UInt8(p.charging ? 1 : 2), at: layout.status)
    put(UInt64(p.pointInHalfCycle * 1000), at: layout.time)
    put(Int32(p.microvolts / 100), at: layout.voltage)
    put(Int32(p.charging ? 1000 : -1000), at: layout.current)
    let capacity = Int64(p.pointInHalfCycle * 1000)
    put(p.charging ? capacity : 0, at: layout.chargeCapacity)
    put(p.charging ? 0 : capacity, at: layout.dischargeCapacity)
    put(p.charging ? energyCount : 0, at: layout.chargeEnergy)
    put(p.charging ? 0 : energyCount, at: layout.dischargeEnergy)
    // A valid calendar date (NewareNDA builds a datetime from it): 2026-01-01 plus the test time.
    let t = p.seconds
    put(UInt16(2026), at: dateOffset)
    put(UInt8(1), at: dateOffset + 2)
    put(UInt8(1 + (t / 86400) % 28), at: dateOffset + 3)
    put(UInt8((t / 3600) % 24), at: dateOffset + 4)
    put(UInt8((t / 60) % 60), at: dateOffset + 5)
    put(UInt8(t % 60), at: dateOffset + 6)
    put(newareRange, at: layout.range)
  }

  /// A Neware BTS `.nda` of version 29: `NEWARE`, the version at byte 14, a zero header to byte
  /// 1024, then 86-byte records (`0x55 0x00` … four zero bytes).
  static func writeNDA(points: Int, pointsPerHalfCycle: Int, _ sink: ([UInt8]) throws -> Void) throws {
    var header = [UInt8](repeating: 0, count: 1024)
    for (k, b) in "NEWARE".utf8.enumerated() { header[k] = b }
    header[14] = 29
    var chunk = header
    var record = [UInt8](repeating: 0, count: 86)
    var energy: Int64 = 0
    for i in 0..<points {
      let p = Point(i, pointsPerHalfCycle: pointsPerHalfCycle)
      energy = p.pointInHalfCycle == 1 ? 0 : energy
      energy += Int64(p.microvolts / 1000)  // V × 1 mA × 1 s in mW·s, per 10⁻³
      for k in record.indices { record[k] = 0 }
      record[0] = 0x55
      fillNewareRecord(&record, p, layout: NewareBinary.nda29, energyCount: energy, dateOffset: 70)
      chunk += record
      if chunk.count >= 1 << 20 {
        try sink(chunk)
        chunk.removeAll(keepingCapacity: true)
      }
    }
    if !chunk.isEmpty { try sink(chunk) }
  }

  /// A Neware `.ndax`: a zip whose `data.ndc` (version 5, file type 1) holds a 4 KiB header page
  /// and 4 KiB pages of 45 records of 87 bytes from byte 125 of each page, and a `VersionInfo.xml`.
  static func writeNDAX(points: Int, pointsPerHalfCycle: Int, _ sink: @escaping ([UInt8]) throws -> Void) throws {
    var zip = ZipWriter(sink)
    try zip.beginEntry("VersionInfo.xml")
    try zip.write(Array("<?xml version=\"1.0\"?><root><config><ZwjVersion SvrVer=\"synthetic\"/></config></root>".utf8))
    try zip.beginEntry("data.ndc")
    var page = [UInt8](repeating: 0, count: 4096)
    page[0] = 1
    page[2] = 5
    var chunk = page
    var record = [UInt8](repeating: 0, count: 87)
    var energy: Int64 = 0
    var i = 0
    while i < points {
      for k in page.indices { page[k] = 0 }
      for slot in 0..<45 where i < points {
        let p = Point(i, pointsPerHalfCycle: pointsPerHalfCycle)
        energy = p.pointInHalfCycle == 1 ? 0 : energy
        energy += Int64(p.microvolts / 1000)
        for k in record.indices { record[k] = 0 }
        record[7] = 0x55
        fillNewareRecord(&record, p, layout: NewareBinary.ndc5, energyCount: energy, dateOffset: 75)
        page.replaceSubrange((125 + slot * 87)..<(125 + (slot + 1) * 87), with: record)
        i += 1
      }
      chunk += page
      if chunk.count >= 1 << 20 {
        try zip.write(chunk)
        chunk.removeAll(keepingCapacity: true)
      }
    }
    try zip.write(chunk)
    try zip.finish()
  }
}
