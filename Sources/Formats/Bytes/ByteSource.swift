#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a reader's bytes come from: a file read in chunks (so a large file never sits whole in
/// memory) or bytes already in memory (tests, zip entries).
public protocol ByteSource {
  /// Fills up to `buffer.count` bytes; returns 0 at the end.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

public struct MemoryByteSource: ByteSource {
  public let bytes: [UInt8]
  private var offset = 0
  public init(_ bytes: [UInt8]) { self.bytes = bytes }
  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let n = min(buffer.count, bytes.count - offset)
    if n <= 0 { return 0 }
    bytes.withUnsafeBytes { src in
      guard let from = src.baseAddress, let to = buffer.baseAddress else { return }
      to.copyMemory(from: from + offset, byteCount: n)
    }
    offset += n
    return n
  }
}

/// The thin edge to the file system: POSIX read(2) in the caller's chunks.
public final class FileByteSource: ByteSource {
  public let path: String
  private let descriptor: Int32

  public init(path: String) throws {
    self.path = path
    descriptor = open(path, O_RDONLY)
    if descriptor < 0 { throw InputError("cannot open the file (errno \(errno))", file: path) }
  }

  deinit { close(descriptor) }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    while true {
      #if canImport(Glibc)
        let n = Glibc.read(descriptor, base, buffer.count)
      #else
        let n = Darwin.read(descriptor, base, buffer.count)
      #endif
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw InputError("read failed (errno \(errno))", file: path)
    }
  }

  /// The whole file (for formats that need random access: zip containers, binary files).
  public static func contents(of path: String) throws -> [UInt8] {
    let source = try FileByteSource(path: path)
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }
}
