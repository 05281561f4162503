import Formats

/// Decodes one inline binary DataArray payload of a `.vti` file into doubles, in either layout
/// of `VTKArrayEncoding` with UInt32 or UInt64 header words. Decoding goes base64 → bytes
/// (by table) → (zlib blocks inflated straight into the result) → doubles, with every size
/// checked against the grid before anything is allocated from it.
struct VTKArrayLayout {
  var wordSize: Int
  var compressed: Bool

  func decode(_ payload: Range<Int>, count: Int, name: String, scanner: VTKTagScanner) throws -> [Double] {
    let bytes = scanner.bytes
    func fail(_ message: String, at offset: Int) -> InputError {
      scanner.failure("DataArray '\(name)': \(message)", at: offset)
    }
    func base64(_ range: Range<Int>) throws -> [UInt8] {
      do { return try Base64.decode(UnsafeRawBufferPointer(rebasing: bytes[range]), offset: range.lowerBound) } catch let e as InputError {
        throw fail(e.message, at: Self.offset(in: e.message) ?? range.lowerBound)
      }
    }
    func word(_ b: [UInt8], _ index: Int) -> UInt64 {
      var w: UInt64 = 0
      for k in 0..<wordSize { w |= UInt64(b[index * wordSize + k]) << (8 * UInt64(k)) }
      return w
    }
    let expectedBytes = 8 * count
    var values = [Double](repeating: 0, count: count)
    if !compressed {
      let raw = try base64(payload)
      guard raw.count >= wordSize else { throw fail("data is shorter than its \(wordSize)-byte header", at: payload.lowerBound) }
      let size = word(raw, 0)
      guard size == UInt64(raw.count - wordSize) else {
        throw fail("header says \(size) bytes, found \(raw.count - wordSize)", at: payload.lowerBound)
      }
      guard raw.count - wordSize == expectedBytes else {
        throw fail("has \((raw.count - wordSize) / 8) values, expected \(count)", at: payload.lowerBound)
      }
      values.withUnsafeMutableBytes { out in
        raw.withUnsafeBytes { out.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[wordSize...])) }
      }
    } else {
      // The header is its own padded base64 run: its first three words, then one per block.
      let fixed = 3 * wordSize
      guard let firstEnd = Self.end(ofCharacters: fixed / 3 * 4, in: bytes, payload) else {
        throw fail("the compression header is cut short", at: payload.lowerBound)
      }
      let head = try base64(payload.lowerBound..<firstEnd)
      let blockCount = word(head, 0), blockSize = word(head, 1), lastSize = word(head, 2)
      // Each block costs at least one base64 character of header, so a larger count is corrupt.
      guard blockCount <= UInt64(payload.count), blockSize <= UInt64(1 << 32), lastSize <= blockSize else {
        throw fail("implausible compression header (\(blockCount) blocks of \(blockSize) bytes)", at: payload.lowerBound)
      }
      let blocks = Int(blockCount)
      let total = blocks == 0 ? 0 : (blocks - 1) * Int(blockSize) + (lastSize == 0 ? Int(blockSize) : Int(lastSize))
      guard total == expectedBytes else {
        throw fail("has \(total / 8) values, expected \(count)", at: payload.lowerBound)
      }
      let headerCharacters = ((3 + blocks) * wordSize + 2) / 3 * 4
      guard let headerEnd = Self.end(ofCharacters: headerCharacters, in: bytes, payload) else {
        throw fail("the compression header is cut short", at: payload.lowerBound)
      }
      let header = try base64(payload.lowerBound..<headerEnd)
      let sizes = (0..<blocks).map { Int(clamping: word(header, 3 + $0)) }
      let data = try base64(headerEnd..<payload.upperBound)
      var claimed = 0
      for size in sizes {
        guard size <= data.count - claimed else {
          throw fail("the header's block sizes exceed the \(data.count) compressed bytes present", at: headerEnd)
        }
        claimed += size
      }
      guard claimed == data.count else {
        throw fail("compressed blocks hold \(data.count) bytes, the header says \(claimed)", at: headerEnd)
      }
      try values.withUnsafeMutableBytes { out in
        try data.withUnsafeBytes { input in
          var read = 0
          for (index, size) in sizes.enumerated() {
            let start = index * Int(blockSize)
            let length = index == blocks - 1 ? total - start : Int(blockSize)
            do {
              try ZlibBlock.decompress(UnsafeRawBufferPointer(rebasing: input[read..<(read + size)]),
                                       into: UnsafeMutableRawBufferPointer(rebasing: out[start..<(start + length)]))
            } catch let e as InputError {
              throw fail("block \(index + 1) of \(blocks): \(e.message)", at: headerEnd)
            }
            read += size
          }
        }
      }
    }
    #if _endian(big)
      for k in values.indices { values[k] = Double(bitPattern: UInt64(littleEndian: values[k].bitPattern)) }
    #endif
    return values
  }

  /// The offset just past the `characters`-th non-whitespace byte of `range`, or nil.
  static func end(ofCharacters characters: Int, in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
    var seen = 0
    var i = range.lowerBound
    while i < range.upperBound && seen < characters {
      let b = bytes[i]
      if b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { seen += 1 }
      i += 1
    }
    return seen == characters ? i : nil
  }

  /// The byte offset `Base64.decode` put at the end of its message ("… at byte N").
  static func offset(in message: String) -> Int? {
    guard let range = message.range(of: " at byte ", options: .backwards) else { return nil }
    return Int(message[range.upperBound...])
  }
}
