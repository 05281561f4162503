import CZlib

/// DEFLATE decompression (RFC 1951) by the system's zlib, as a stream: compressed bytes are pulled
/// from a `ByteSource` through a 64 KiB buffer and output is produced as the caller asks for it,
/// so memory is zlib's 32 KiB history window and that buffer, whatever the decoded size. The
/// input is raw deflate (no zlib or gzip wrapper), as zip entries hold it. A truncated or corrupt
/// stream throws an `InputError` naming the byte offset (from the start of the compressed data)
/// and zlib's own reason; it never traps.
public final class InflateStream<Input: ByteSource>: ByteSource {
  private static var inputCapacity: Int { 1 << 16 }

  private var input: Input
  private let inputBuffer: UnsafeMutableRawBufferPointer
  private var inputExhausted = false
  private var finished = false
  /// zlib's stream state points back at this struct, so it lives at a fixed address.
  private let stream: UnsafeMutablePointer<z_stream>

  /// - Throws: `InputError` when zlib cannot set up a stream (out of memory, a zlib of another
  ///   version than the header's).
  public init(_ input: Input) throws {
    self.input = input
    inputBuffer = .allocate(byteCount: Self.inputCapacity, alignment: 1)
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let status = glovebox_inflate_init_raw(stream)
    guard status == Z_OK else {
      stream.deallocate()
      inputBuffer.deallocate()
      throw InputError("zlib could not start an inflate stream (status \(status))")
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
    inputBuffer.deallocate()
  }

  /// Total bytes decoded so far.
  public var decodedCount: Int { Int(stream.pointee.total_out) }

  /// Offset of the next compressed byte zlib has not consumed (for messages).
  private var position: Int { Int(stream.pointee.total_in) }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let out = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
    // avail_out is 32-bit: a larger buffer is filled up to 1 GiB per call.
    let want = min(buffer.count, 1 << 30)
    stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
    stream.pointee.avail_out = uInt(want)
    while stream.pointee.avail_out > 0 {
      if stream.pointee.avail_in == 0 && !inputExhausted {
        let n = try input.read(into: inputBuffer)
        if n == 0 {
          inputExhausted = true
        } else {
          stream.pointee.next_in = inputBuffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
          stream.pointee.avail_in = uInt(n)
        }
      }
      let status = inflate(stream, Z_NO_FLUSH)
      if status == Z_STREAM_END {
        finished = true
        break
      }
      if status == Z_OK { continue }
      // Z_BUF_ERROR: no progress without more input (output space is left); when the input is
      // used up the stream stopped before its final block.
      if status == Z_BUF_ERROR {
        if inputExhausted { throw InputError("deflate stream ends early at byte \(position)") }
        continue
      }
      throw InputError("invalid deflate data near byte \(position): \(reason(status))")
    }
    return want - Int(stream.pointee.avail_out)
  }

  /// zlib's message for the last error (e.g. "invalid distance too far back"), or the status.
  private func reason(_ status: Int32) -> String {
    if let message = stream.pointee.msg { return String(cString: message) }
    return status == Z_MEM_ERROR ? "out of memory" : "zlib status \(status)"
  }
}
