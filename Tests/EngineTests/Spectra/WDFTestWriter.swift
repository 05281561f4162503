import Foundation

/// Writes small Renishaw `.wdf` files to the published layout (512-byte WDF1 header, then
/// 16-byte-headed DATA, XLST, ORGN blocks; little-endian), so the reader is tested against bytes
/// laid out independently of it. Fields can be bent to make malformed files.
struct WDFTestWriter {
  struct Origin {
    var type: UInt32
    var units: UInt32
    var label: String
    /// One 8-byte value per capacity slot, as raw bits (a double's pattern or FILETIME ticks).
    var bits: [UInt64]
  }

  var x: [Float]
  var spectra: [[Float]]
  var capacity: Int
  var xUnit: UInt32 = 1
  var laserWavenumber: Float = 18_796.99
  var title = "LPSC pellet 532 nm"
  var measurementType: UInt32 = 1
  var origins: [Origin] = []
  /// Header overrides for malformed files.
  var declaredPoints: UInt32? = nil
  var declaredXList: UInt32? = nil
  var declaredCollected: UInt64? = nil
  var declaredOrigins: UInt32? = nil

  init(x: [Float], spectra: [[Float]], capacity: Int? = nil) {
    self.x = x
    self.spectra = spectra
    self.capacity = capacity ?? spectra.count
  }

  static func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
  static func text(_ s: String, width: Int) -> [UInt8] { Array((Array(s.utf8) + [UInt8](repeating: 0, count: width)).prefix(width)) }
  static func block(_ name: String, _ body: [UInt8]) -> [UInt8] {
    Array(name.utf8) + le(UInt32(0)) + le(UInt64(16 + body.count)) + body
  }

  var header: [UInt8] {
    var h = [UInt8](repeating: 0, count: 512)
    func put(_ bytes: [UInt8], at offset: Int) { h.replaceSubrange(offset..<(offset + bytes.count), with: bytes) }
    put(Array("WDF1".utf8) + Self.le(UInt32(1)) + Self.le(UInt64(512)), at: 0)
    put(Self.le(declaredPoints ?? UInt32(x.count)), at: 0x3C)
    put(Self.le(UInt64(capacity)) + Self.le(declaredCollected ?? UInt64(spectra.count)), at: 0x40)
    put(Self.le(UInt32(3)) + Self.le(UInt32(1)) + Self.le(declaredXList ?? UInt32(x.count)) + Self.le(UInt32(origins.count)), at: 0x50)
    put(Self.text("WiRE", width: 24) + [4, 0, 4, 0, 0, 0, 0xD4, 0x10], at: 0x60)
    put(Self.le(UInt32(1)) + Self.le(measurementType), at: 0x80)
    put(Self.le(UInt32(6)) + Self.le(laserWavenumber.bitPattern), at: 0x98)
    put(Self.text("glovebox", width: 32) + Self.text(title, width: 160), at: 0xD0)
    return h
  }

  var dataBlock: [UInt8] {
    var body: [UInt8] = []
    for k in 0..<capacity {
      let s = k < spectra.count ? spectra[k] : [Float](repeating: 0, count: x.count)
      body += s.flatMap { Self.le($0.bitPattern) }
    }
    return Self.block("DATA", body)
  }

  var xBlock: [UInt8] { Self.block("XLST", Self.le(UInt32(1)) + Self.le(xUnit) + x.flatMap { Self.le($0.bitPattern) }) }
  var yBlock: [UInt8] { Self.block("YLST", Self.le(UInt32(4)) + Self.le(UInt32(16)) + Self.le(Float(1).bitPattern)) }

  var originBlock: [UInt8] {
    var body = Self.le(declaredOrigins ?? UInt32(origins.count))
    for o in origins {
      body += Self.le(o.type) + Self.le(o.units) + Self.text(o.label, width: 16) + o.bits.flatMap { Self.le($0) }
    }
    return Self.block("ORGN", body)
  }

  /// The whole file: header, DATA, YLST, XLST, ORGN (when there are origins), and a TEXT block
  /// the reader must step over.
  var bytes: [UInt8] {
    header + dataBlock + yBlock + xBlock + (origins.isEmpty ? [] : originBlock) + Self.block("TEXT", Array("a note".utf8))
  }

  var data: Data { Data(bytes) }
}
