#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits a byte stream into lines without holding more than a chunk (and the longest line):
/// LF or CRLF endings, a UTF-8 byte-order mark on the first line dropped.
public struct LineScanner<Source: ByteSource> {
  @usableFromInline var source: Source
  @usableFromInline let chunkSize: Int

  public init(source: Source, chunkSize: Int = 1 << 20) {
    self.source = source
    self.chunkSize = chunkSize
  }

  /// Calls `body(line, lineNumber)` (1-based) for each line; `body` returns false to stop.
  /// Inlinable, so a reader's per-line closure is specialised into its own module.
  @inlinable
  public mutating func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool) throws {
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var start = 0  // first unread byte
    var end = 0  // one past the last valid byte
    var lineNumber = 0
    var atEnd = false
    while true {
      // Deliver every complete line in [start, end).
      var stop = false
      try buffer.withUnsafeBufferPointer { all in
        guard let base = all.baseAddress else { return }
        while start < end {
          guard let hit = memchr(base + start, 0x0A, end - start) else { break }
          let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
          lineNumber += 1
          if try !body(Self.trimmed(base, start, newline, first: lineNumber == 1), lineNumber) {
            stop = true
            return
          }
          start = newline + 1
        }
      }
      if stop { return }
      if atEnd {
        if start < end {
          lineNumber += 1
          try buffer.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            _ = try body(Self.trimmed(base, start, end, first: lineNumber == 1), lineNumber)
          }
        }
        return
      }
      // Move the partial line to the front; grow when one line fills the buffer.
      if start > 0 {
        let remaining = end - start
        buffer.withUnsafeMutableBufferPointer { b in
          if remaining > 0, let base = b.baseAddress { memmove(base, base + start, remaining) }
        }
        start = 0
        end = remaining
      }
      if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
      let filled = end
      let n = try buffer.withUnsafeMutableBytes { raw in
        try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
      }
      if n == 0 { atEnd = true } else { end += n }
    }
  }

  @usableFromInline
  static func trimmed(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int, first: Bool)
    -> UnsafeBufferPointer<UInt8>
  {
    var a = from
    var b = to
    if first && b - a >= 3 && base[a] == 0xEF && base[a + 1] == 0xBB && base[a + 2] == 0xBF { a += 3 }
    if b > a && base[b - 1] == 0x0D { b -= 1 }
    return UnsafeBufferPointer(start: base + a, count: b - a)
  }
}
