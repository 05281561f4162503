import Engine

extension CyclingBenchmarkFile {
  /// An EC-Lab `.mpr` as a GCPL run writes it: the magic, a `VMP Set` module, and a `VMP data`
  /// module of version 2 with the column ids mode + ox/red (one flags byte), time/s (f8), Ewe/V
  /// (f4), I/mA (f4), dq/mA.h (f8), cycle number (f8) and Q charge/discharge/mA.h (f8): 41-byte
  /// records from byte 405 of the module.
  static func writeMPR(points: Int, pointsPerHalfCycle: Int, _ sink: ([UInt8]) throws -> Void) throws {
    func module(_ short: String, _ long: String, length: Int, version: Int) -> [UInt8] {
      var m = Array("MODULE".utf8)
      m += Array(short.utf8) + [UInt8](repeating: 0x20, count: 10 - short.utf8.count)
      m += Array(long.utf8) + [UInt8](repeating: 0x20, count: 25 - long.utf8.count)
      m.appendLittleEndian(UInt32(length))
      m.appendLittleEndian(UInt32(version))
      m += Array("11/25/26".utf8)
      return m
    }
    var out = BioLogicFile.binaryMagic
    let settings = [UInt8](repeating: 0, count: 64)
    out += module("VMP Set", "Synthetic benchmark", length: settings.count, version: 0) + settings
    let ids: [UInt16] = [1, 2, 4, 6, 8, 7, 24, 211]
    let recordSize = 1 + 8 + 4 + 4 + 8 + 8 + 8
    out += module("VMP data", "Synthetic benchmark", length: 405 + points * recordSize, version: 2)
    var header = [UInt8]()
    header.appendLittleEndian(UInt32(points))
    header.append(UInt8(ids.count))
    for id in ids { header.appendLittleEndian(id) }
    header += [UInt8](repeating: 0, count: 405 - header.count)
    out += header
    for i in 0..<points {
      let p = Point(i, pointsPerHalfCycle: pointsPerHalfCycle)
      let sign = p.charging ? 1.0 : -1.0
      out.append(p.charging ? 0x05 : 0x01)  // mode 1 (galvanostatic), ox/red bit 0x04 on charge
      out.appendLittleEndian(Double(p.seconds).bitPattern)
      out.appendLittleEndian(Float(Double(p.microvolts) / 1e6).bitPattern)
      out.appendLittleEndian(Float(sign).bitPattern)  // ±1 mA
      out.appendLittleEndian((sign / 3600).bitPattern)  // 1 mA × 1 s in mA·h
      out.appendLittleEndian(Double(p.halfCycle / 2).bitPattern)
      out.appendLittleEndian((sign * Double(p.pointInHalfCycle) / 3600).bitPattern)
      if out.count >= 1 << 20 {
        try sink(out)
        out.removeAll(keepingCapacity: true)
      }
    }
    if !out.isEmpty { try sink(out) }
  }
}
