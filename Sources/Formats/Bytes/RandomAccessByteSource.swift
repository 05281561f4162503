#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bytes read at any offset: what containers need (a zip's directory sits at its end, a binary
/// cycler file is searched for its first record) without holding the file. Reads are positioned
/// (pread), so one source serves several sequential readers at once.
public protocol RandomAccessByteSource: Sendable {
  /// Total length in bytes.
  var size: Int { get }
  /// Fills up to `buffer.count` bytes from `offset`; returns fewer only at the end.
  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension RandomAccessByteSource {
  /// Up to `count` bytes from `offset` (fewer when the source ends first).
  public func bytes(at offset: Int, count: Int) throws -> [UInt8] {
    let n = max(0, min(count, size - offset))
    if n == 0 { return [] }
    var out = [UInt8](repeating: 0, count: n)
    var filled = 0
    while filled < n {
      let got = try out.withUnsafeMutableBytes { raw in
        try read(at: offset + filled, into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
      }
      if got == 0 { break }
      filled += got
    }
    return filled == n ? out : Array(out[0..<filled])
  }

  /// A sequential reader of `range` (clamped to the source).
  public func sequential(_ range: Range<Int>) -> RangeByteSource {
    RangeByteSource(source: self, range: max(0, range.lowerBound)..<max(0, min(range.upperBound, size)))
  }
}

/// Bytes already in memory (tests, small files).
public struct MemoryRandomAccess: RandomAccessByteSource {
  public let storage: [UInt8]
  public init(_ bytes: [UInt8]) { storage = bytes }
  public var size: Int { storage.count }
  public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let n = min(buffer.count, storage.count - offset)
    guard n > 0, offset >= 0, let to = buffer.baseAddress else { return 0 }
    storage.withUnsafeBytes { src in
      if let from = src.baseAddress { to.copyMemory(from: from + offset, byteCount: n) }
    }
    return n
  }
}

/// The thin edge to a file opened for positioned reads.
public final class FileRandomAccess: RandomAccessByteSource {
  public let path: String
  public let size: Int
  private let descriptor: Int32

  public init(path: String) throws {
    self.path = path
    descriptor = open(path, O_RDONLY)
    if descriptor < 0 { throw InputError("cannot open the file (errno \(errno))", file: path) }
    let end = lseek(descriptor, 0, SEEK_END)
    if end < 0 {
      close(descriptor)
      throw InputError("cannot find the file's size (errno \(errno))", file: path)
    }
    size = Int(end)
  }

  deinit { close(descriptor) }

  public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let base = buffer.baseAddress, offset < size else { return 0 }
    var filled = 0
    while filled < buffer.count {
      let n = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError("read failed at byte \(offset + filled) (errno \(errno))", file: path)
      }
      if n == 0 { break }
      filled += n
    }
    return filled
  }
}

/// A byte range of a random-access source read front to back (a zip entry's compressed data, the
/// records of a binary file).
public struct RangeByteSource: ByteSource {
  let source: any RandomAccessByteSource
  public private(set) var position: Int
  public let end: Int

  init(source: any RandomAccessByteSource, range: Range<Int>) {
    self.source = source
    position = range.lowerBound
    end = range.upperBound
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let n = min(buffer.count, end - position)
    if n <= 0 { return 0 }
    let got = try source.read(at: position, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n]))
    position += got
    return got
  }
}

/// Walks fixed-length records (or pages) of a sequential source through one bounded buffer:
/// `body` gets a run of whole records and the absolute offset of the first (for error messages).
/// A partial record at the end is not delivered; its length is returned (0 when the source ended
/// on a record boundary).
@discardableResult
public func forEachRecordRun<Source: ByteSource>(
  _ source: inout Source, recordLength: Int, startOffset: Int = 0, bufferSize: Int = 1 << 20,
  _ body: (UnsafeRawBufferPointer, Int) throws -> Void
) throws -> Int {
  precondition(recordLength > 0)
  let capacity = max(recordLength, bufferSize / recordLength * recordLength)
  let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
  defer { buffer.deallocate() }
  var offset = startOffset
  var filled = 0
  while true {
    let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
    filled += n
    if filled == capacity || (n == 0 && filled >= recordLength) {
      let whole = filled / recordLength * recordLength
      try body(UnsafeRawBufferPointer(rebasing: buffer[0..<whole]), offset)
      offset += whole
      let rest = filled - whole
      if rest > 0, let base = buffer.baseAddress { base.copyMemory(from: base + whole, byteCount: rest) }
      filled = rest
      continue
    }
    if n == 0 { return filled }
  }
}
