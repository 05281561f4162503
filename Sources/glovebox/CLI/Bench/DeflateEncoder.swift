/// DEFLATE compression (RFC 1951) for the files the project writes itself (benchmark workbooks
/// and Neware archives): fixed-Huffman blocks (§3.2.6) with greedy LZ77 matching.
///
/// Input is taken in blocks of up to 64 KiB; each block is compressed on its own (matches reach
/// back at most 32 KiB and never before the block), found through a hash of the next four bytes
/// that remembers the last position with that hash. That gives up some compression for speed and
/// a memory use of one block, which is all a writer of multi-gigabyte XML needs. The output is a
/// complete stream once `finish` has written the final (empty) block.
public struct DeflateEncoder {
  private var bitBuffer: UInt64 = 0
  private var bitCount = 0
  private var output: [UInt8] = []
  private var hashTable = [Int32](repeating: -1, count: 1 << 15)

  public init() {}

  /// Compresses one block of input (any size; split into 64 KiB pieces) and returns the bytes
  /// completed so far.
  public mutating func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var start = 0
    while start < input.count {
      let end = min(input.count, start + (1 << 16))
      block(UnsafeBufferPointer(rebasing: input[start..<end]))
      start = end
    }
    return takeOutput()
  }

  /// Writes the final block and pads to a byte boundary; returns the last bytes.
  public mutating func finish() -> [UInt8] {
    putBits(1, 1)  // BFINAL
    putBits(1, 2)  // BTYPE = 01, fixed Huffman
    putSymbol(256)
    if bitCount > 0 {
      output.append(UInt8(truncatingIfNeeded: bitBuffer))
      bitBuffer = 0
      bitCount = 0
    }
    return takeOutput()
  }

  private mutating func takeOutput() -> [UInt8] {
    defer { output.removeAll(keepingCapacity: true) }
    return output
  }

  private mutating func block(_ data: UnsafeBufferPointer<UInt8>) {
    putBits(0, 1)  // not final
    putBits(1, 2)  // fixed Huffman
    for k in hashTable.indices { hashTable[k] = -1 }
    let n = data.count
    var i = 0
    while i < n {
      var bestLength = 0
      var bestDistance = 0
      if i + 4 <= n {
        let h = Self.hash(data, i)
        let candidate = Int(hashTable[h])
        hashTable[h] = Int32(i)
        if candidate >= 0 && i - candidate <= 32768 {
          var length = 0
          let limit = min(258, n - i)
          while length < limit && data[candidate + length] == data[i + length] { length += 1 }
          if length >= 4 {
            bestLength = length
            bestDistance = i - candidate
          }
        }
      }
      if bestLength > 0 {
        putLength(bestLength)
        putDistance(bestDistance)
        i += bestLength
      } else {
        putSymbol(Int(data[i]))
        i += 1
      }
    }
    putSymbol(256)
  }

  @inline(__always)
  private static func hash(_ data: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let v = UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
    return Int((v &* 2_654_435_761) >> 17)
  }

  @inline(__always)
  private mutating func putBits(_ value: Int, _ count: Int) {
    bitBuffer |= UInt64(value) << UInt64(bitCount)
    bitCount += count
    while bitCount >= 8 {
      output.append(UInt8(truncatingIfNeeded: bitBuffer))
      bitBuffer >>= 8
      bitCount -= 8
    }
  }

  /// A literal/length symbol in the fixed code (Huffman codes go out most significant bit first).
  @inline(__always)
  private mutating func putSymbol(_ symbol: Int) {
    let (code, length): (Int, Int)
    switch symbol {
    case 0...143: (code, length) = (0x30 + symbol, 8)
    case 144...255: (code, length) = (0x190 + symbol - 144, 9)
    case 256...279: (code, length) = (symbol - 256, 7)
    default: (code, length) = (0xC0 + symbol - 280, 8)
    }
    putBits(Self.reversed(code, length), length)
  }

  private mutating func putLength(_ length: Int) {
    var s = 28
    while InflateTables.lengthBase[s] > length { s -= 1 }
    putSymbol(257 + s)
    let extra = InflateTables.lengthExtra[s]
    if extra > 0 { putBits(length - InflateTables.lengthBase[s], extra) }
  }

  private mutating func putDistance(_ distance: Int) {
    var d = 29
    while InflateTables.distanceBase[d] > distance { d -= 1 }
    putBits(Self.reversed(d, 5), 5)
    let extra = InflateTables.distanceExtra[d]
    if extra > 0 { putBits(distance - InflateTables.distanceBase[d], extra) }
  }

  @inline(__always)
  private static func reversed(_ code: Int, _ length: Int) -> Int {
    var r = 0
    for b in 0..<length where code & (1 << b) != 0 { r |= 1 << (length - 1 - b) }
    return r
  }
}
