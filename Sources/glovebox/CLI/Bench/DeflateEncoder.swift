import CZlib
import Formats

/// DEFLATE compression (RFC 1951, raw: no zlib or gzip wrapper, as zip entries hold it) for the
/// benchmark files the executable writes (workbooks and Neware archives), by the system's zlib
/// at its default level (6), which is what spreadsheet and instrument software commonly write.
/// Input is taken piece by piece and the compressed bytes completed so far are returned, so a
/// writer of multi-gigabyte XML holds one piece and zlib's window, never the whole entry.
final class DeflateEncoder {
  /// zlib's stream state points back at this struct, so it lives at a fixed address.
  private let stream: UnsafeMutablePointer<z_stream>
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)

  init() throws {
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let status = glovebox_deflate_init_raw(stream, Z_DEFAULT_COMPRESSION)
    guard status == Z_OK else {
      stream.deallocate()
      throw InputError("zlib could not start a deflate stream (status \(status))")
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deallocate()
  }

  /// Compresses `input` (any size) and returns the compressed bytes completed so far.
  func compress(_ input: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
    guard let base = input.baseAddress else { return [] }
    var output: [UInt8] = []
    var offset = 0
    // avail_in is 32-bit: larger input goes in 1 GiB pieces.
    while offset < input.count {
      let n = min(input.count - offset, 1 << 30)
      stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
      stream.pointee.avail_in = uInt(n)
      try run(flush: Z_NO_FLUSH, into: &output)
      offset += n
    }
    return output
  }

  /// Ends the stream (zlib writes its final block); returns the last bytes.
  func finish() throws -> [UInt8] {
    var output: [UInt8] = []
    stream.pointee.next_in = nil
    stream.pointee.avail_in = 0
    try run(flush: Z_FINISH, into: &output)
    return output
  }

  /// Calls deflate until it has taken all input (or, finishing, has written the end of the stream).
  private func run(flush: Int32, into output: inout [UInt8]) throws {
    while true {
      let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = uInt(out.count)
        return deflate(stream, flush)
      }
      let produced = chunk.count - Int(stream.pointee.avail_out)
      output.append(contentsOf: chunk[0..<produced])
      if status == Z_STREAM_END { return }
      guard status == Z_OK || status == Z_BUF_ERROR else {
        throw InputError("zlib deflate failed (status \(status))")
      }
      // Z_NO_FLUSH: done once the input is taken and the output buffer was not filled.
      if flush == Z_NO_FLUSH && stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return }
    }
  }
}
