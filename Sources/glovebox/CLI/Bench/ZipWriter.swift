import Formats

/// Writes a zip archive front to back into a byte sink (the benchmark files of `cycle demo`):
/// entries are deflated as their bytes arrive (`DeflateEncoder`, zlib), with the CRC-32 and sizes in a data descriptor after each entry
/// (general-purpose flag bit 3) and in the central directory, so nothing is held but one block.
/// Entries and the archive stay below 4 GiB (zip64 is not written; larger input is an error).
struct ZipWriter {
  private let sink: ([UInt8]) throws -> Void
  private var offset = 0
  private var central: [UInt8] = []
  private var entryCount = 0
  private var open: (name: [UInt8], headerOffset: Int, encoder: DeflateEncoder, crc: UInt32, size: Int, compressed: Int)?

  init(_ sink: @escaping ([UInt8]) throws -> Void) {
    self.sink = sink
  }

  private mutating func emit(_ bytes: [UInt8]) throws {
    if bytes.isEmpty { return }
    try sink(bytes)
    offset += bytes.count
  }

  mutating func beginEntry(_ name: String) throws {
    try endEntry()
    let nameBytes = Array(name.utf8)
    var header = Self.le32(0x0403_4B50) + Self.le16(20) + Self.le16(0x0008) + Self.le16(8) + Self.le16(0) + Self.le16(0x21)
    header += Self.le32(0) + Self.le32(0) + Self.le32(0) + Self.le16(nameBytes.count) + Self.le16(0) + nameBytes
    let headerOffset = offset
    try emit(header)
    open = (nameBytes, headerOffset, try DeflateEncoder(), 0, 0, 0)
  }

  mutating func write(_ bytes: [UInt8]) throws {
    guard var entry = open else { throw InputError("zip writer: bytes written before an entry was begun") }
    open = nil
    let compressed = try bytes.withUnsafeBufferPointer { try entry.encoder.compress($0) }
    entry.crc = bytes.withUnsafeBytes { CRC32.update(entry.crc, $0) }
    entry.size += bytes.count
    entry.compressed += compressed.count
    guard entry.size < 0xFFFF_FFFF, entry.compressed < 0xFFFF_FFFF else {
      throw InputError("zip entry larger than 4 GiB; zip64 is not written")
    }
    try emit(compressed)
    open = entry
  }

  mutating func endEntry() throws {
    guard var entry = open else { return }
    open = nil
    let tail = try entry.encoder.finish()
    entry.compressed += tail.count
    try emit(tail)
    try emit(Self.le32(0x0807_4B50) + Self.le32(entry.crc) + Self.le32(UInt32(entry.compressed)) + Self.le32(UInt32(entry.size)))
    var record = Self.le32(0x0201_4B50) + Self.le16(20) + Self.le16(20) + Self.le16(0x0008) + Self.le16(8)
    record += Self.le16(0) + Self.le16(0x21) + Self.le32(entry.crc) + Self.le32(UInt32(entry.compressed))
    record += Self.le32(UInt32(entry.size)) + Self.le16(entry.name.count) + Self.le16(0) + Self.le16(0)
    record += Self.le16(0) + Self.le16(0) + Self.le32(0) + Self.le32(UInt32(entry.headerOffset)) + entry.name
    central += record
    entryCount += 1
  }

  /// Ends the last entry and writes the central directory.
  mutating func finish() throws {
    try endEntry()
    guard offset < 0xFFFF_FFFF, entryCount < 0xFFFF else { throw InputError("zip archive larger than 4 GiB; zip64 is not written") }
    let directoryOffset = offset
    try emit(central)
    try emit(
      Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(entryCount) + Self.le16(entryCount)
        + Self.le32(UInt32(central.count)) + Self.le32(UInt32(directoryOffset)) + Self.le16(0))
  }

  static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
  static func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
  static func le32(_ v: Int) -> [UInt8] { le32(UInt32(truncatingIfNeeded: v)) }
}
