/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip stores it per entry.
///
/// Computed eight bytes at a time ("slicing-by-8", Intel 2006): table k holds the CRC of a byte
/// followed by k zero bytes, so eight table lookups XORed together advance the CRC by eight bytes.
enum CRC32 {
  /// Eight tables of 256 entries, table k at offset 256·k.
  static let tables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for n in 0..<256 {
      var c = UInt32(n)
      for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
      t[n] = c
    }
    for k in 1..<8 {
      for n in 0..<256 {
        let previous = t[(k - 1) * 256 + n]
        t[k * 256 + n] = (previous >> 8) ^ t[Int(previous & 0xFF)]
      }
    }
    return t
  }()

  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBytes { update(0, $0) }
  }

  /// Continues a checksum over more bytes: `update(update(0, a), b) == checksum(a + b)`.
  static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var c = ~crc
    tables.withUnsafeBufferPointer { t in
      guard let base = bytes.baseAddress else { return }
      let n = bytes.count
      var i = 0
      while i + 8 <= n {
        let one = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt32.self)) ^ c
        let two = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self))
        c = t[7 * 256 + Int(one & 0xFF)] ^ t[6 * 256 + Int((one >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((one >> 16) & 0xFF)] ^ t[4 * 256 + Int(one >> 24)]
          ^ t[3 * 256 + Int(two & 0xFF)] ^ t[2 * 256 + Int((two >> 8) & 0xFF)]
          ^ t[1 * 256 + Int((two >> 16) & 0xFF)] ^ t[Int(two >> 24)]
        i += 8
      }
      while i < n {
        c = t[Int((c ^ UInt32(bytes[i])) & 0xFF)] ^ (c >> 8)
        i += 1
      }
    }
    return ~c
  }
}
