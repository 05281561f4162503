import CZlib

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip stores it per entry, computed by
/// the system's zlib (`crc32`).
public enum CRC32 {
  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBytes { update(0, $0) }
  }

  /// Continues a checksum over more bytes: `update(update(0, a), b) == checksum(a + b)`.
  public static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
    guard let base = bytes.baseAddress else { return crc }
    var c = uLong(crc)
    var offset = 0
    // zlib takes a 32-bit length: larger buffers go in 1 GiB pieces.
    while offset < bytes.count {
      let n = min(bytes.count - offset, 1 << 30)
      c = crc32(c, (base + offset).assumingMemoryBound(to: Bytef.self), uInt(n))
      offset += n
    }
    return UInt32(truncatingIfNeeded: c)
  }
}
