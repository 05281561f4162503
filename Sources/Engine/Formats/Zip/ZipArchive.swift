/// A zip archive read from memory: the central directory, and entries inflated on demand.
/// Supports the methods xlsx and Neware .ndax use (0 stored, 8 deflate) and zip64 sizes in the
/// entries' extra fields; a zip64 end record and encryption are refused with a clear error. Errors name the byte offset in the archive.
public struct ZipArchive: Sendable {
  public struct Entry: Sendable {
    public var name: String
    public var method: Int
    public var compressedSize: Int
    public var uncompressedSize: Int
    public var localHeaderOffset: Int
    public var flags: Int
    /// CRC-32 of the uncompressed data, checked after inflating.
    public var crc32: UInt32
  }

  public let bytes: [UInt8]
  public private(set) var entries: [Entry] = []

  public init(_ bytes: [UInt8]) throws {
    self.bytes = bytes
    guard bytes.count >= 22 else { throw InputError("not a zip archive: \(bytes.count) bytes, shorter than an end record") }
    // The end-of-central-directory record: last 22 bytes plus up to 65535 of comment.
    var end = -1
    var k = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 65535)
    while k >= lowest {
      if bytes[k] == 0x50 && bytes[k + 1] == 0x4B && bytes[k + 2] == 0x05 && bytes[k + 3] == 0x06 { end = k; break }
      k -= 1
    }
    guard end >= 0 else { throw InputError("not a zip archive: no end-of-central-directory record") }
    let count = u16(end + 10)
    let directoryOffset = u32(end + 16)
    if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF { throw InputError("zip64 archives are not supported (byte \(end))") }
    var p = directoryOffset
    for _ in 0..<count {
      guard p + 46 <= bytes.count, u32(p) == 0x0201_4B50 else {
        throw InputError("zip central directory entry expected at byte \(p)")
      }
      let nameLength = u16(p + 28)
      let extraLength = u16(p + 30)
      let commentLength = u16(p + 32)
      guard p + 46 + nameLength <= bytes.count else { throw InputError("zip entry name runs past the end at byte \(p)") }
      let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
      var entry = Entry(
        name: name, method: u16(p + 10), compressedSize: u32(p + 20), uncompressedSize: u32(p + 24),
        localHeaderOffset: u32(p + 42), flags: u16(p + 8), crc32: UInt32(u32(p + 16)))
      // Zip64 extra field (id 1): 8-byte values for each 32-bit field saturated at 0xFFFFFFFF, in
      // the order uncompressed size, compressed size, local header offset (Neware's .ndax uses it).
      var q = p + 46 + nameLength
      let extraEnd = min(q + extraLength, bytes.count)
      while q + 4 <= extraEnd {
        let id = u16(q)
        let size = u16(q + 2)
        if id == 1 {
          var r = q + 4
          func next() -> Int? {
            guard r + 8 <= q + 4 + size, r + 8 <= bytes.count else { return nil }
            defer { r += 8 }
            return u32(r) | u32(r + 4) << 32
          }
          if entry.uncompressedSize == 0xFFFF_FFFF, let v = next() { entry.uncompressedSize = v }
          if entry.compressedSize == 0xFFFF_FFFF, let v = next() { entry.compressedSize = v }
          if entry.localHeaderOffset == 0xFFFF_FFFF, let v = next() { entry.localHeaderOffset = v }
        }
        q += 4 + size
      }
      entries.append(entry)
      p += 46 + nameLength + extraLength + commentLength
    }
  }

  public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

  /// The uncompressed bytes of an entry.
  public func contents(of entry: Entry) throws -> [UInt8] {
    let p = entry.localHeaderOffset
    guard p + 30 <= bytes.count, u32(p) == 0x0403_4B50 else {
      throw InputError("zip local header of `\(entry.name)` expected at byte \(p)")
    }
    if entry.flags & 1 != 0 { throw InputError("zip entry `\(entry.name)` is encrypted") }
    let start = p + 30 + u16(p + 26) + u16(p + 28)
    guard start + entry.compressedSize <= bytes.count else {
      throw InputError("zip entry `\(entry.name)` runs past the end of the archive (byte \(start))")
    }
    let raw = Array(bytes[start..<(start + entry.compressedSize)])
    let data: [UInt8]
    switch entry.method {
    case 0: data = raw
    case 8:
      do {
        data = try Inflate.decompress(raw, expectedSize: entry.uncompressedSize)
      } catch let error as InputError {
        throw InputError("zip entry `\(entry.name)` (data at byte \(start)): \(error.message)")
      }
    default: throw InputError("zip entry `\(entry.name)` uses compression method \(entry.method); only stored and deflate are supported")
    }
    guard data.count == entry.uncompressedSize, CRC32.checksum(data) == entry.crc32 else {
      throw InputError("zip entry `\(entry.name)` is corrupt: size or CRC-32 differs from the directory (data at byte \(start))")
    }
    return data
  }

  public func contents(named name: String) throws -> [UInt8] {
    guard let e = entry(named: name) else { throw InputError("the archive has no entry `\(name)`") }
    return try contents(of: e)
  }

  private func u16(_ p: Int) -> Int { Int(bytes[p]) | Int(bytes[p + 1]) << 8 }
  private func u32(_ p: Int) -> Int { u16(p) | u16(p + 2) << 16 }
}
