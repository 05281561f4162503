import Formats

/// A zip archive of stored (uncompressed) parts, for mutated xlsx and ndax inputs: a part is
/// changed and the archive rebuilt with fresh CRC-32s so the mutation reaches the reader past
/// its checksum test. Stored, not deflated: the readers' inflate path is fuzzed by the
/// unmutated archives; this only needs valid containers. Archives stay below 4 GiB.
enum StoredZip {
  static func archive(_ parts: [(name: String, contents: [UInt8])]) -> [UInt8] {
    var output: [UInt8] = []
    var central: [UInt8] = []
    for part in parts {
      let name = Array(part.name.utf8)
      let crc = CRC32.checksum(part.contents)
      let size = UInt32(truncatingIfNeeded: part.contents.count)
      let offset = UInt32(truncatingIfNeeded: output.count)
      // Local header: version 20, no flags, method 0, time/date 0, CRC, sizes, name length.
      output += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
      output += le32(crc) + le32(size) + le32(size) + le16(name.count) + le16(0) + name
      output += part.contents
      central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
      central += le32(crc) + le32(size) + le32(size) + le16(name.count) + le16(0) + le16(0)
      central += le16(0) + le16(0) + le32(0) + le32(offset) + name
    }
    let directoryOffset = UInt32(truncatingIfNeeded: output.count)
    output += central
    output += le32(0x0605_4B50) + le16(0) + le16(0) + le16(parts.count) + le16(parts.count)
    output += le32(UInt32(truncatingIfNeeded: central.count)) + le32(directoryOffset) + le16(0)
    return output
  }

  static func le16(_ v: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)] }
  static func le32(_ v: UInt32) -> [UInt8] {
    [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 24)]
  }
}
