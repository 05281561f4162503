import Formats

/// How a `VTKImageData` document stores its arrays (VTK file formats, "XML File Formats",
/// binary inline data, VTK 9 user's guide §19.3):
/// - `raw`: base64 of [UInt64 byte count][little-endian doubles], all in one base64 run.
/// - `zlib`: the VTKFile element carries `compressor="vtkZLibDataCompressor"`; each array's
///   bytes are cut into blocks of `blockSize` bytes (the last one shorter), each block a zlib
///   stream (RFC 1950), and the payload is base64(header) followed by base64(the compressed
///   blocks, concatenated), two separately padded runs. The header is UInt64 words
///   [number of blocks][uncompressed block size][size of the last block when it is partial,
///   else 0][compressed size of block 1]…[compressed size of block n]. An empty array has
///   zero blocks. Compression is lossless: the doubles read back bit for bit.
public enum VTKArrayEncoding: Sendable, Equatable {
  case raw
  case zlib

  /// VTK's own default block size.
  public static let blockSize = 32_768

  /// zlib level 1: a 1024² snapshot (≈ 90 MB of doubles) is written every output interval by
  /// the stepping process, where speed matters more than the last few percent of size.
  static let level: Int32 = 1

  /// The base64 payload of one array in the `zlib` layout.
  static func zlibPayload(_ values: [Double]) throws -> [UInt8] {
    var raw = [UInt8]()
    raw.reserveCapacity(8 * values.count)
    VTKImageData.appendLittleEndian(values, to: &raw)
    let blockCount = (raw.count + blockSize - 1) / blockSize
    var header: [UInt64] = [UInt64(blockCount), UInt64(blockSize), UInt64(raw.count % blockSize)]
    var blocks = [UInt8]()
    try raw.withUnsafeBytes { all in
      for block in 0..<blockCount {
        let start = block * blockSize
        let part = UnsafeRawBufferPointer(rebasing: all[start..<min(all.count, start + blockSize)])
        let compressed = try ZlibBlock.compress(part, level: level)
        header.append(UInt64(compressed.count))
        blocks.append(contentsOf: compressed)
      }
    }
    var headerBytes = [UInt8]()
    headerBytes.reserveCapacity(8 * header.count)
    for word in header { withUnsafeBytes(of: word.littleEndian) { headerBytes.append(contentsOf: $0) } }
    return Base64.encode(headerBytes) + Base64.encode(blocks)
  }
}
