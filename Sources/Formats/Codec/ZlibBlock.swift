import CZlib

/// One zlib stream (RFC 1950: a 2-byte header, deflate data, an Adler-32 trailer) compressed or
/// decompressed whole in memory by the system's zlib (`compress2`, `uncompress`). VTK's
/// `vtkZLibDataCompressor` stores each block of a compressed array this way.
public enum ZlibBlock {
  /// `bytes` compressed at `level` (1 fastest … 9 smallest, zlib's scale).
  /// - Throws: `InputError` when zlib fails (with `compressBound` room only out of memory can).
  public static func compress(_ bytes: UnsafeRawBufferPointer, level: Int32 = 1) throws -> [UInt8] {
    var capacity = compressBound(uLong(bytes.count))
    var out = [UInt8](repeating: 0, count: Int(capacity))
    let status = out.withUnsafeMutableBufferPointer { o -> Int32 in
      guard let destination = o.baseAddress else { return Z_BUF_ERROR }
      // An empty input still gets a stream (header and trailer); zlib wants a valid pointer.
      var empty: UInt8 = 0
      let source = bytes.baseAddress?.assumingMemoryBound(to: Bytef.self)
      return withUnsafePointer(to: &empty) { e in
        compress2(destination, &capacity, source ?? e, uLong(bytes.count), level)
      }
    }
    guard status == Z_OK else { throw InputError("zlib could not compress \(bytes.count) bytes (status \(status))") }
    out.removeLast(out.count - Int(capacity))
    return out
  }

  /// The `expectedCount` bytes a zlib stream decompresses to.
  /// - Throws: `InputError` as `decompress(_:into:)`.
  public static func decompress(_ stream: UnsafeRawBufferPointer, expectedCount: Int) throws -> [UInt8] {
    var out = [UInt8](repeating: 0, count: expectedCount)
    try out.withUnsafeMutableBytes { try decompress(stream, into: $0) }
    return out
  }

  /// Decompresses a zlib stream into `output`, which it must fill exactly.
  /// - Throws: `InputError` when the stream is corrupt, truncated, or decompresses to another
  ///   length than `output.count` (the block sizes of a VTK header).
  public static func decompress(_ stream: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
    // uncompress wants a non-null destination even for an empty block.
    var spare: UInt8 = 0
    var length = uLongf(output.count)
    let status = withUnsafeMutablePointer(to: &spare) { s -> Int32 in
      guard let source = stream.baseAddress else { return Z_BUF_ERROR }
      let destination = output.baseAddress?.assumingMemoryBound(to: Bytef.self) ?? s
      return uncompress(destination, &length, source.assumingMemoryBound(to: Bytef.self), uLong(stream.count))
    }
    switch status {
    case Z_OK:
      guard Int(length) == output.count else {
        throw InputError("zlib block holds \(length) bytes, expected \(output.count)")
      }
    case Z_BUF_ERROR:
      // The output is full and the stream goes on, or the stream stops short.
      if Int(length) == output.count { throw InputError("zlib block holds more than the expected \(output.count) bytes") }
      throw InputError("zlib block ends early (after \(length) of \(output.count) bytes)")
    case Z_MEM_ERROR: throw InputError("out of memory inflating a zlib block of \(output.count) bytes")
    default:
      // zlib ≥ 1.2.9 reports a stream cut short as a data error too.
      throw InputError("invalid or truncated zlib data (\(length) of \(output.count) bytes decoded)")
    }
  }
}
