/// DEFLATE decompression (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Huffman codes are decoded canonically (count of codes per length, symbols in code order),
/// reading one bit at a time with a fast 9-bit table in front for the common short codes. Every
/// read is bounds-checked: a truncated or corrupt stream throws an `InputError` naming the byte
/// offset (relative to the start of the compressed data), never traps.
public enum Inflate {
  public static func decompress(_ input: [UInt8], expectedSize: Int? = nil) throws -> [UInt8] {
    var state = InflateState(input: input)
    if let expectedSize { state.output.reserveCapacity(expectedSize) }
    try state.run()
    return state.output
  }
}

private struct Huffman {
  var counts = [Int](repeating: 0, count: 16)
  var symbols: [Int] = []
  /// For codes of ≤ 9 bits: table[reversed 9-bit prefix] = (symbol << 4) | length, or −1.
  var fast = [Int32](repeating: -1, count: 512)

  init(lengths: [Int]) throws {
    for l in lengths { counts[l] += 1 }
    counts[0] = 0
    var left = 1
    for len in 1..<16 {
      left <<= 1
      left -= counts[len]
      if left < 0 { throw InputError("over-subscribed Huffman code in deflate stream") }
    }
    var offsets = [Int](repeating: 0, count: 16)
    for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
    symbols = [Int](repeating: 0, count: lengths.count)
    for (symbol, l) in lengths.enumerated() where l != 0 {
      symbols[offsets[l]] = symbol
      offsets[l] += 1
    }
    // Fast table: canonical codes assigned in order of length, then symbol.
    var code = 0
    var index = 0
    for len in 1...15 {
      for _ in 0..<counts[len] {
        if len <= 9 {
          var reversed = 0
          for b in 0..<len where code & (1 << (len - 1 - b)) != 0 { reversed |= 1 << b }
          var fill = reversed
          while fill < 512 {
            fast[fill] = Int32(symbols[index] << 4 | len)
            fill += 1 << len
          }
        }
        code += 1
        index += 1
      }
      code <<= 1
    }
  }
}

private struct InflateState {
  let input: [UInt8]
  var position = 0
  var bitBuffer: UInt64 = 0
  var bitCount = 0
  var output: [UInt8] = []

  init(input: [UInt8]) { self.input = input }

  mutating func refill() {
    while bitCount <= 56 && position < input.count {
      bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
      position += 1
      bitCount += 8
    }
  }

  mutating func bits(_ n: Int) throws -> Int {
    if n == 0 { return 0 }
    if bitCount < n { refill() }
    if bitCount < n { throw InputError("deflate stream ends early at byte \(position)") }
    let value = Int(bitBuffer & ((1 << UInt64(n)) - 1))
    bitBuffer >>= UInt64(n)
    bitCount -= n
    return value
  }

  mutating func decode(_ h: Huffman) throws -> Int {
    if bitCount < 15 { refill() }
    let entry = h.fast[Int(bitBuffer & 511)]
    if entry >= 0 && Int(entry & 15) <= bitCount {
      let len = Int(entry & 15)
      bitBuffer >>= UInt64(len)
      bitCount -= len
      return Int(entry >> 4)
    }
    var code = 0
    var first = 0
    var index = 0
    for len in 1..<16 {
      code |= try bits(1)
      let count = h.counts[len]
      if code - count < first { return h.symbols[index + (code - first)] }
      index += count
      first += count
      first <<= 1
      code <<= 1
    }
    throw InputError("invalid Huffman code in deflate stream near byte \(position)")
  }

  mutating func run() throws {
    var last = false
    while !last {
      last = try bits(1) == 1
      switch try bits(2) {
      case 0: try stored()
      case 1: try codes(Self.fixedLength, Self.fixedDistance)
      case 2:
        let (l, d) = try dynamicTables()
        try codes(l, d)
      default: throw InputError("invalid deflate block type near byte \(position)")
      }
    }
  }

  mutating func stored() throws {
    // Drop to a byte boundary: unread whole bytes in the bit buffer go back to the input.
    bitBuffer = 0
    position -= bitCount / 8
    bitCount = 0
    guard position + 4 <= input.count else { throw InputError("stored deflate block header cut at byte \(position)") }
    let len = Int(input[position]) | Int(input[position + 1]) << 8
    let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
    guard len == (~nlen & 0xFFFF) else { throw InputError("stored deflate block length check fails at byte \(position)") }
    position += 4
    guard position + len <= input.count else { throw InputError("stored deflate block runs past the end at byte \(position)") }
    output.append(contentsOf: input[position..<(position + len)])
    position += len
  }

  static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
  static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
  ]
  static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
  static let fixedLength: Huffman = {
    var lengths = [Int](repeating: 8, count: 288)
    for i in 144..<256 { lengths[i] = 9 }
    for i in 256..<280 { lengths[i] = 7 }
    return (try? Huffman(lengths: lengths)) ?? Huffman.empty
  }()
  static let fixedDistance: Huffman = (try? Huffman(lengths: [Int](repeating: 5, count: 30))) ?? Huffman.empty

  mutating func codes(_ lengthCode: Huffman, _ distanceCode: Huffman) throws {
    while true {
      let symbol = try decode(lengthCode)
      if symbol < 256 {
        output.append(UInt8(symbol))
      } else if symbol == 256 {
        return
      } else {
        let s = symbol - 257
        guard s < 29 else { throw InputError("invalid length symbol in deflate stream near byte \(position)") }
        let length = Self.lengthBase[s] + (try bits(Self.lengthExtra[s]))
        let d = try decode(distanceCode)
        guard d < 30 else { throw InputError("invalid distance symbol in deflate stream near byte \(position)") }
        let distance = Self.distanceBase[d] + (try bits(Self.distanceExtra[d]))
        guard distance <= output.count else { throw InputError("deflate distance reaches before the start near byte \(position)") }
        // Byte by byte: a slice of `output` appended to itself would copy the whole buffer, and
        // overlapping copies (distance < length) must repeat the bytes just written.
        let start = output.count - distance
        for k in 0..<length { output.append(output[start + k]) }
      }
    }
  }

  static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  mutating func dynamicTables() throws -> (Huffman, Huffman) {
    let nlen = try bits(5) + 257
    let ndist = try bits(5) + 1
    let ncode = try bits(4) + 4
    guard nlen <= 286, ndist <= 30 else { throw InputError("bad deflate table sizes near byte \(position)") }
    var codeLengths = [Int](repeating: 0, count: 19)
    for i in 0..<ncode { codeLengths[Self.codeLengthOrder[i]] = try bits(3) }
    let codeLengthCode = try Huffman(lengths: codeLengths)
    var lengths: [Int] = []
    lengths.reserveCapacity(nlen + ndist)
    while lengths.count < nlen + ndist {
      let symbol = try decode(codeLengthCode)
      switch symbol {
      case 0..<16: lengths.append(symbol)
      case 16:
        guard let previous = lengths.last else { throw InputError("deflate repeat with no previous length near byte \(position)") }
        lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
      case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
      default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
      }
    }
    guard lengths.count == nlen + ndist else { throw InputError("deflate code lengths overrun near byte \(position)") }
    guard lengths[256] != 0 else { throw InputError("deflate block without an end code near byte \(position)") }
    return (try Huffman(lengths: Array(lengths[0..<nlen])), try Huffman(lengths: Array(lengths[nlen...])))
  }
}

extension Huffman {
  static var empty: Huffman {
    var h = Huffman(uncheckedEmpty: ())
    h.symbols = []
    return h
  }
  private init(uncheckedEmpty: Void) {}
}
