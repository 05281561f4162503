/// A zip archive read through a random-access source: the central directory is read whole (it is
/// small), entries are inflated by zlib as streams on demand. Supports the methods xlsx and
/// Neware .ndax use (0 stored, 8 deflate) and zip64 sizes in the entries' extra fields; a zip64 end record and
/// encryption are refused with a clear error. Errors name the byte offset in the archive.
public struct ZipArchive: Sendable {
  public struct Entry: Sendable {
    public var name: String
    public var method: Int
    public var compressedSize: Int
    public var uncompressedSize: Int
    public var localHeaderOffset: Int
    public var flags: Int
    /// CRC-32 of the uncompressed data, checked when the entry's stream ends.
    public var crc32: UInt32
  }

  public let source: any RandomAccessByteSource
  public private(set) var entries: [Entry] = []

  public init(_ bytes: [UInt8]) throws {
    try self.init(source: MemoryRandomAccess(bytes))
  }

  public init(source: any RandomAccessByteSource) throws {
    self.source = source
    let size = source.size
    guard size >= 22 else { throw InputError("not a zip archive: \(size) bytes, shorter than an end record") }
    // The end-of-central-directory record: last 22 bytes plus up to 65535 of comment.
    let tailStart = max(0, size - 22 - 65535)
    let tail = try source.bytes(at: tailStart, count: size - tailStart)
    var end = -1
    var k = tail.count - 22
    while k >= 0 {
      if tail[k] == 0x50 && tail[k + 1] == 0x4B && tail[k + 2] == 0x05 && tail[k + 3] == 0x06 { end = k; break }
      k -= 1
    }
    guard end >= 0 else { throw InputError("not a zip archive: no end-of-central-directory record") }
    let count = Self.u16(tail, end + 10)
    let directorySize = Self.u32(tail, end + 12)
    let directoryOffset = Self.u32(tail, end + 16)
    if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
      throw InputError("zip64 archives are not supported (byte \(tailStart + end))")
    }
    guard directoryOffset + directorySize <= size else {
      throw InputError("zip central directory entry expected at byte \(directoryOffset), the archive ends at byte \(size)")
    }
    let directory = try source.bytes(at: directoryOffset, count: directorySize)
    var p = 0
    for _ in 0..<count {
      guard p + 46 <= directory.count, Self.u32(directory, p) == 0x0201_4B50 else {
        throw InputError("zip central directory entry expected at byte \(directoryOffset + p)")
      }
      let nameLength = Self.u16(directory, p + 28)
      let extraLength = Self.u16(directory, p + 30)
      let commentLength = Self.u16(directory, p + 32)
      guard p + 46 + nameLength <= directory.count else {
        throw InputError("zip entry name runs past the end at byte \(directoryOffset + p)")
      }
      let name = String(decoding: directory[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
      var entry = Entry(
        name: name, method: Self.u16(directory, p + 10), compressedSize: Self.u32(directory, p + 20),
        uncompressedSize: Self.u32(directory, p + 24), localHeaderOffset: Self.u32(directory, p + 42),
        flags: Self.u16(directory, p + 8), crc32: UInt32(Self.u32(directory, p + 16)))
      // Zip64 extra field (id 1): 8-byte values for each 32-bit field saturated at 0xFFFFFFFF, in
      // the order uncompressed size, compressed size, local header offset (Neware's .ndax uses it).
      var q = p + 46 + nameLength
      let extraEnd = min(q + extraLength, directory.count)
      while q + 4 <= extraEnd {
        let id = Self.u16(directory, q)
        let fieldSize = Self.u16(directory, q + 2)
        if id == 1 {
          var r = q + 4
          func next() -> Int? {
            guard r + 8 <= q + 4 + fieldSize, r + 8 <= directory.count else { return nil }
            defer { r += 8 }
            // Beyond 2⁴⁸ (or negative as an Int) no archive is real; such a size made
            // `start + compressedSize` an inverted range (a trap found by the fuzz smoke test).
            let value = Self.u32(directory, r) | Self.u32(directory, r + 4) << 32
            return value >= 0 && value < 1 << 48 ? value : nil
          }
          if entry.uncompressedSize == 0xFFFF_FFFF, let v = next() { entry.uncompressedSize = v }
          if entry.compressedSize == 0xFFFF_FFFF, let v = next() { entry.compressedSize = v }
          if entry.localHeaderOffset == 0xFFFF_FFFF, let v = next() { entry.localHeaderOffset = v }
        }
        q += 4 + fieldSize
      }
      entries.append(entry)
      p += 46 + nameLength + extraLength + commentLength
    }
  }

  public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

  /// The entry's uncompressed bytes as a stream: memory is the inflate window and a read buffer,
  /// whatever the entry's size. The size and CRC-32 are checked when the stream ends.
  public func stream(of entry: Entry) throws -> ZipEntryStream {
    let p = entry.localHeaderOffset
    let header = try source.bytes(at: p, count: 30)
    guard header.count == 30, Self.u32(header, 0) == 0x0403_4B50 else {
      throw InputError("zip local header of `\(entry.name)` expected at byte \(p)")
    }
    if entry.flags & 1 != 0 { throw InputError("zip entry `\(entry.name)` is encrypted") }
    let start = p + 30 + Self.u16(header, 26) + Self.u16(header, 28)
    guard entry.compressedSize >= 0, entry.compressedSize <= source.size - start else {
      throw InputError("zip entry `\(entry.name)` runs past the end of the archive (byte \(start))")
    }
    guard entry.method == 0 || entry.method == 8 else {
      throw InputError("zip entry `\(entry.name)` uses compression method \(entry.method); only stored and deflate are supported")
    }
    return try ZipEntryStream(entry: entry, dataStart: start, data: source.sequential(start..<(start + entry.compressedSize)))
  }

  public func stream(named name: String) throws -> ZipEntryStream {
    guard let e = entry(named: name) else { throw InputError("the archive has no entry `\(name)`") }
    return try stream(of: e)
  }

  /// The uncompressed bytes of an entry, whole (small parts only).
  public func contents(of entry: Entry) throws -> [UInt8] {
    var stream = try stream(of: entry)
    var data: [UInt8] = []
    data.reserveCapacity(min(entry.uncompressedSize, 1 << 26))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
      if n == 0 { return data }
      data.append(contentsOf: chunk[0..<n])
    }
  }

  public func contents(named name: String) throws -> [UInt8] {
    guard let e = entry(named: name) else { throw InputError("the archive has no entry `\(name)`") }
    return try contents(of: e)
  }

  static func u16(_ b: [UInt8], _ p: Int) -> Int { Int(b[p]) | Int(b[p + 1]) << 8 }
  static func u32(_ b: [UInt8], _ p: Int) -> Int { u16(b, p) | u16(b, p + 2) << 16 }
}

/// One entry's decompressed bytes, read front to back. Errors name the entry and where its data
/// starts in the archive; a size or CRC-32 that differs from the directory is reported when the
/// stream ends (every byte before it was delivered, so a reader may already have used them —
/// the error still fails the read).
public struct ZipEntryStream: ByteSource {
  public let entry: ZipArchive.Entry
  public let dataStart: Int
  private var stored: RangeByteSource?
  private let inflater: InflateStream<RangeByteSource>?
  private var crc: UInt32 = 0
  private var delivered = 0
  private var finished = false

  init(entry: ZipArchive.Entry, dataStart: Int, data: RangeByteSource) throws {
    self.entry = entry
    self.dataStart = dataStart
    if entry.method == 8 {
      inflater = try InflateStream(data)
      stored = nil
    } else {
      inflater = nil
      stored = data
    }
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if finished { return 0 }
    let n: Int
    do {
      if let inflater {
        n = try inflater.read(into: buffer)
      } else if var source = stored {
        n = try source.read(into: buffer)
        stored = source
      } else {
        n = 0
      }
    } catch let error as InputError {
      throw InputError("zip entry `\(entry.name)` (data at byte \(dataStart)): \(error.message)")
    }
    delivered += n
    if n > 0 { crc = CRC32.update(crc, UnsafeRawBufferPointer(rebasing: buffer[0..<n])) }
    if delivered > entry.uncompressedSize || (n == 0 && (delivered != entry.uncompressedSize || crc != entry.crc32)) {
      throw InputError("zip entry `\(entry.name)` is corrupt: size or CRC-32 differs from the directory (data at byte \(dataStart))")
    }
    if n == 0 { finished = true }
    return n
  }
}
