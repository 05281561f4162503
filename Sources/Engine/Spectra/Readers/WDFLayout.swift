import Formats

/// The 512-byte `WDF1` file header of a Renishaw WiRE `.wdf` file (little-endian), at the byte
/// offsets of the layout described by Gwyddion's renishaw module and the renishawWiRE project:
/// 0x3C points per spectrum (u32), 0x40 capacity (u64), 0x48 spectra collected (u64), 0x50
/// accumulations (u32), 0x54 y-list and 0x58 x-list lengths (u32), 0x5C number of origin lists
/// (u32), 0x60 application name (24 bytes), 0x78 version (4 × u16), 0x80 scan type and 0x84
/// measurement type (u32), 0x98 spectral data unit (u32), 0x9C laser wavenumber (f32, cm⁻¹),
/// 0xD0 user (32 bytes), 0xF0 title (160 bytes).
struct WDFHeader {
  static let size = 512
  var pointsPerSpectrum: Int
  var capacity: Int
  var collected: Int
  var accumulations: UInt32
  var yListCount: UInt32
  var xListCount: UInt32
  var originCount: Int
  var application: String
  var scanType: UInt32
  var measurementType: UInt32
  var spectralUnits: UInt32
  var laserWavenumber: Float
  var user: String
  var title: String

  init(_ b: WDFBytes) throws {
    guard b.count >= Self.size else {
      throw b.error("a .wdf file starts with a 512-byte WDF1 header; the file has only \(b.count) bytes", at: 0)
    }
    guard Array(b.bytes[0..<4]) == Array("WDF1".utf8) else { throw b.error("expected the signature \"WDF1\"", at: 0) }
    let declared = try b.u64(8, "the header length")
    guard declared == UInt64(Self.size) else { throw b.error("the WDF1 header declares \(declared) bytes, expected 512", at: 8) }
    // A spectrum of N points needs 4N bytes of DATA, so N ≤ file size / 4; likewise the counts.
    let limit = b.count / 4
    pointsPerSpectrum = try b.count(UInt64(try b.u32(0x3C, "the point count")), limit: limit, "point count", at: 0x3C)
    capacity = try b.count(try b.u64(0x40, "the spectrum capacity"), limit: limit, "spectrum capacity", at: 0x40)
    collected = try b.count(try b.u64(0x48, "the spectrum count"), limit: limit, "spectrum count", at: 0x48)
    accumulations = try b.u32(0x50, "the accumulation count")
    yListCount = try b.u32(0x54, "the y-list length")
    xListCount = try b.u32(0x58, "the x-list length")
    originCount = try b.count(UInt64(try b.u32(0x5C, "the origin-list count")), limit: 64, "origin-list count", at: 0x5C)
    let name = try b.text(0x60, width: 24, "the application name")
    let version = try (0..<4).map { try b.u16(0x78 + 2 * $0, "the application version") }
    application = name + " " + version.map(String.init).joined(separator: ".")
    scanType = try b.u32(0x80, "the scan type")
    measurementType = try b.u32(0x84, "the measurement type")
    spectralUnits = try b.u32(0x98, "the spectral data unit")
    laserWavenumber = try b.f32(0x9C, "the laser wavenumber")
    user = try b.text(0xD0, width: 32, "the user name")
    title = try b.text(0xF0, width: 160, "the title")

    guard pointsPerSpectrum > 0 else { throw b.error("the header declares 0 points per spectrum", at: 0x3C) }
    guard UInt64(pointsPerSpectrum) == UInt64(xListCount) else {
      throw b.error("the header declares \(pointsPerSpectrum) points per spectrum but an x-list of \(xListCount)", at: 0x3C)
    }
    guard yListCount == 1 else {
      throw b.error("a y-list of \(yListCount) rows: an image measurement, not spectra (expected 1)", at: 0x54)
    }
    guard collected > 0 else { throw b.error("the header declares 0 spectra collected", at: 0x48) }
    guard collected <= capacity else {
      throw b.error("the header declares \(collected) spectra collected but room for only \(capacity)", at: 0x48)
    }
  }

  /// The measurement kind as WiRE names it (0 unspecified, 1 single, 2 series, 3 map).
  var measurementName: String {
    switch measurementType {
    case 1: return "single"
    case 2: return "series"
    case 3: return "map"
    default: return "unspecified (\(measurementType))"
    }
  }
}

/// One block of a `.wdf` file: a 16-byte header (4-character name, u32 uid, u64 length that
/// includes the header) and its body.
struct WDFBlock {
  var name: String
  var offset: Int
  var length: Int
  var body: Int { offset + 16 }
  var bodyLength: Int { length - 16 }

  /// Every block from the start of the file; each declared length must be at least the 16-byte
  /// header and end within the file, and the blocks must tile the file to its last byte.
  static func all(in b: WDFBytes) throws -> [WDFBlock] {
    var blocks: [WDFBlock] = []
    var offset = 0
    while offset < b.count {
      guard b.count - offset >= 16 else {
        throw b.error("a block header needs 16 bytes, only \(b.count - offset) remain", at: offset)
      }
      let name = String(decoding: b.bytes[offset..<(offset + 4)], as: UTF8.self)
      let declared = try b.u64(offset + 8, "the length of block \(name)")
      guard declared >= 16 else { throw b.error("block \"\(name)\" declares a length of \(declared), less than its header", at: offset + 8) }
      guard declared <= UInt64(b.count - offset) else {
        throw b.error("block \"\(name)\" declares \(declared) bytes, past the end of the file (\(b.count - offset) remain)", at: offset + 8)
      }
      let length = Int(declared)
      blocks.append(WDFBlock(name: name, offset: offset, length: length))
      offset += length
    }
    return blocks
  }
}
