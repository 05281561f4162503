/// DEFLATE decompression (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// `InflateStream` decodes incrementally: compressed bytes are pulled from a `ByteSource` through a
/// 64 KiB buffer and output is produced as the caller asks for it, so memory is the 32 KiB history
/// window DEFLATE's distances reach back into (≤ 32768 bytes), whatever the decoded size. Huffman
/// codes are decoded canonically (count of codes per length, symbols in code order) with a 9-bit
/// table in front for the common short codes. Every read is bounds-checked: a truncated or corrupt
/// stream throws an `InputError` naming the byte offset (from the start of the compressed data),
/// never traps.
public enum Inflate {
  /// The whole decompressed stream (small parts: workbook.xml, shared strings, tests).
  public static func decompress(_ input: [UInt8], expectedSize: Int? = nil) throws -> [UInt8] {
    let stream = InflateStream(MemoryByteSource(input))
    var output: [UInt8] = []
    if let expectedSize { output.reserveCapacity(expectedSize) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
      if n == 0 { return output }
      output.append(contentsOf: chunk[0..<n])
    }
  }
}

struct Huffman {
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

  static let fixedLength: Huffman = {
    var lengths = [Int](repeating: 8, count: 288)
    for i in 144..<256 { lengths[i] = 9 }
    for i in 256..<280 { lengths[i] = 7 }
    return (try? Huffman(lengths: lengths)) ?? Huffman()
  }()
  static let fixedDistance: Huffman = (try? Huffman(lengths: [Int](repeating: 5, count: 30))) ?? Huffman()

  /// An empty code (never decodes a symbol).
  init() {}
}

/// A DEFLATE decoder that reads its input and yields its output piecewise (see `Inflate`).
public final class InflateStream<Input: ByteSource>: ByteSource {
  private enum Phase {
    case blockHeader
    case stored(remaining: Int)
    case codes
    case done
  }

  private static var windowSize: Int { 1 << 15 }
  private static var inputCapacity: Int { 1 << 16 }

  private var input: Input
  private let inputBuffer: UnsafeMutablePointer<UInt8>
  private var inputStart = 0
  private var inputEnd = 0
  /// Compressed bytes before `inputBuffer[0]`.
  private var inputBase = 0
  private var inputExhausted = false
  private var bitBuffer: UInt64 = 0
  private var bitCount = 0
  /// The last 32 KiB of output, indexed by total output modulo the window size.
  private let window: UnsafeMutablePointer<UInt8>
  private var produced = 0
  private var phase = Phase.blockHeader
  private var lastBlock = false
  private var lengthCode = Huffman.fixedLength
  private var distanceCode = Huffman.fixedDistance
  private var copyLength = 0
  private var copyDistance = 0

  public init(_ input: Input) {
    self.input = input
    inputBuffer = .allocate(capacity: Self.inputCapacity)
    window = .allocate(capacity: Self.windowSize)
  }

  deinit {
    inputBuffer.deallocate()
    window.deallocate()
  }

  /// Total bytes decoded so far.
  public var decodedCount: Int { produced }

  /// Offset of the next compressed byte not yet taken into the bit buffer (for messages).
  private var position: Int { inputBase + inputStart }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let raw = buffer.baseAddress else { return 0 }
    let out = raw.assumingMemoryBound(to: UInt8.self)
    let want = buffer.count
    var n = 0
    let mask = Self.windowSize - 1
    while n < want {
      if copyLength > 0 {
        let count = min(copyLength, want - n)
        for _ in 0..<count {
          let byte = window[(produced - copyDistance) & mask]
          window[produced & mask] = byte
          out[n] = byte
          n += 1
          produced += 1
        }
        copyLength -= count
        continue
      }
      switch phase {
      case .done:
        return n
      case .blockHeader:
        if lastBlock {
          phase = .done
          continue
        }
        lastBlock = try bits(1) == 1
        switch try bits(2) {
        case 0:
          _ = try bits(bitCount & 7)  // to a byte boundary
          let len = try bits(16)
          let nlen = try bits(16)
          guard len == (~nlen & 0xFFFF) else { throw InputError("stored deflate block length check fails at byte \(position)") }
          phase = .stored(remaining: len)
        case 1:
          lengthCode = Huffman.fixedLength
          distanceCode = Huffman.fixedDistance
          phase = .codes
        case 2:
          try readDynamicTables()
          phase = .codes
        default:
          throw InputError("invalid deflate block type near byte \(position)")
        }
      case .stored(let remaining):
        let count = min(remaining, want - n)
        for _ in 0..<count {
          let byte: UInt8
          if bitCount >= 8 {
            byte = UInt8(truncatingIfNeeded: bitBuffer)
            bitBuffer >>= 8
            bitCount -= 8
          } else {
            if inputStart == inputEnd, try !fillInput() {
              throw InputError("stored deflate block runs past the end at byte \(position)")
            }
            byte = inputBuffer[inputStart]
            inputStart += 1
          }
          window[produced & mask] = byte
          out[n] = byte
          n += 1
          produced += 1
        }
        phase = remaining - count == 0 ? .blockHeader : .stored(remaining: remaining - count)
      case .codes:
        n = try decodeCodes(out, from: n, to: want)
      }
    }
    return n
  }

  /// The literal/length loop of a Huffman block with the bit buffer in a local `InflateBits`
  /// (the hot path: class properties, and variables captured by local functions, are checked
  /// for exclusive access at run time at every use). Returns the new output count; leaves
  /// `phase` at `.blockHeader` after an end-of-block code and a pending copy in `copyLength` when
  /// the caller's buffer fills inside a match.
  private func decodeCodes(_ out: UnsafeMutablePointer<UInt8>, from start: Int, to want: Int) throws -> Int {
    var n = start
    var pos = produced
    var r = InflateBits(bits: bitBuffer, count: bitCount, input: inputBuffer, at: inputStart, limit: inputEnd)
    let mask = Self.windowSize - 1
    let window = self.window
    let literalCode = lengthCode
    let distances = distanceCode
    let lengthBase = InflateTables.lengthBase
    let lengthExtra = InflateTables.lengthExtra
    let distanceBase = InflateTables.distanceBase
    let distanceExtra = InflateTables.distanceExtra
    defer {
      bitBuffer = r.bits
      bitCount = r.count
      inputStart = r.at
      produced = pos
    }
    return try literalCode.fast.withUnsafeBufferPointer { literalFast in
      try distances.fast.withUnsafeBufferPointer { distanceFast in
        while n < want {
          let s = try symbol(&r, literalCode, literalFast)
          if s < 256 {
            let byte = UInt8(truncatingIfNeeded: s)
            window[pos & mask] = byte
            out[n] = byte
            n += 1
            pos += 1
            continue
          }
          if s == 256 {
            phase = .blockHeader
            return n
          }
          let l = s - 257
          guard l < 29 else { throw InputError("invalid length symbol in deflate stream near byte \(inputBase + r.at)") }
          let length = lengthBase[l] + (try take(&r, lengthExtra[l]))
          let d = try symbol(&r, distances, distanceFast)
          guard d < 30 else { throw InputError("invalid distance symbol in deflate stream near byte \(inputBase + r.at)") }
          let distance = distanceBase[d] + (try take(&r, distanceExtra[d]))
          guard distance <= pos else {
            throw InputError("deflate distance reaches before the start near byte \(inputBase + r.at)")
          }
          let count = min(length, want - n)
          for _ in 0..<count {
            let byte = window[(pos - distance) & mask]
            window[pos & mask] = byte
            out[n] = byte
            n += 1
            pos += 1
          }
          if count < length {
            copyLength = length - count
            copyDistance = distance
            return n
          }
        }
        return n
      }
    }
  }

  /// Tops `r` up to at least 57 bits, reading more input when its buffer runs out.
  @inline(__always)
  private func refill(_ r: inout InflateBits) throws {
    if r.refillFromBuffer() { return }
    while r.count <= 56 {
      inputStart = r.at
      let more = try fillInput()
      r.at = inputStart
      r.limit = inputEnd
      if !more || r.refillFromBuffer() { return }
    }
  }

  @inline(__always)
  private func take(_ r: inout InflateBits, _ k: Int) throws -> Int {
    if k == 0 { return 0 }
    if r.count < k { try refill(&r) }
    if r.count < k { throw InputError("deflate stream ends early at byte \(inputBase + r.at)") }
    let value = Int(r.bits & ((1 << UInt64(k)) - 1))
    r.bits >>= UInt64(k)
    r.count -= k
    return value
  }

  @inline(__always)
  private func symbol(_ r: inout InflateBits, _ h: Huffman, _ fast: UnsafeBufferPointer<Int32>) throws -> Int {
    if r.count < 15 { try refill(&r) }
    let entry = fast[Int(r.bits & 511)]
    if entry >= 0 && Int(entry & 15) <= r.count {
      let length = Int(entry & 15)
      r.bits >>= UInt64(length)
      r.count -= length
      return Int(entry >> 4)
    }
    // Longer codes: canonical decoding bit by bit (counts per length, symbols in code order).
    var code = 0
    var first = 0
    var index = 0
    for length in 1..<16 {
      guard r.count > 0 else { throw InputError("deflate stream ends early at byte \(inputBase + r.at)") }
      code |= Int(r.bits & 1)
      r.bits >>= 1
      r.count -= 1
      let count = h.counts[length]
      if code - count < first { return h.symbols[index + (code - first)] }
      index += count
      first += count
      first <<= 1
      code <<= 1
    }
    throw InputError("invalid Huffman code in deflate stream near byte \(inputBase + r.at)")
  }

  // MARK: bits

  private func fillInput() throws -> Bool {
    if inputExhausted { return false }
    inputBase += inputEnd
    inputStart = 0
    inputEnd = try input.read(into: UnsafeMutableRawBufferPointer(start: inputBuffer, count: Self.inputCapacity))
    if inputEnd == 0 { inputExhausted = true }
    return inputEnd > 0
  }

  @inline(__always)
  private func refill() throws {
    while bitCount <= 56 {
      if inputStart == inputEnd, try !fillInput() { return }
      bitBuffer |= UInt64(inputBuffer[inputStart]) << UInt64(bitCount)
      inputStart += 1
      bitCount += 8
    }
  }

  @inline(__always)
  private func bits(_ n: Int) throws -> Int {
    if n == 0 { return 0 }
    if bitCount < n { try refill() }
    if bitCount < n { throw InputError("deflate stream ends early at byte \(position)") }
    let value = Int(bitBuffer & ((1 << UInt64(n)) - 1))
    bitBuffer >>= UInt64(n)
    bitCount -= n
    return value
  }

  @inline(__always)
  private func decode(_ h: Huffman) throws -> Int {
    if bitCount < 15 { try refill() }
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

  // MARK: tables

  private func readDynamicTables() throws {
    let nlen = try bits(5) + 257
    let ndist = try bits(5) + 1
    let ncode = try bits(4) + 4
    guard nlen <= 286, ndist <= 30 else { throw InputError("bad deflate table sizes near byte \(position)") }
    var codeLengths = [Int](repeating: 0, count: 19)
    for i in 0..<ncode { codeLengths[InflateTables.codeLengthOrder[i]] = try bits(3) }
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
    lengthCode = try Huffman(lengths: Array(lengths[0..<nlen]))
    distanceCode = try Huffman(lengths: Array(lengths[nlen...]))
  }
}

/// RFC 1951's fixed tables (§3.2.5, §3.2.7).
enum InflateTables {
  static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
  static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
  ]
  static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
  static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
}

/// The decoder's bit buffer and its view of the input buffer, kept in a local while decoding.
struct InflateBits {
  var bits: UInt64
  var count: Int
  let input: UnsafeMutablePointer<UInt8>
  var at: Int
  var limit: Int

  /// Adds whole bytes from the buffered input until at least 57 bits are held; false when the
  /// buffer ran out first.
  @inline(__always)
  mutating func refillFromBuffer() -> Bool {
    if limit - at >= 8 {
      // Eight bytes at once; keep only the whole bytes that fit below bit 64.
      let take = (63 - count) >> 3
      let word = UInt64(littleEndian: UnsafeRawPointer(input + at).loadUnaligned(as: UInt64.self))
      bits |= word << UInt64(count)
      count += take * 8
      bits &= (1 << UInt64(count)) - 1
      at += take
      return true
    }
    while count <= 56 {
      if at == limit { return false }
      bits |= UInt64(input[at]) << UInt64(count)
      at += 1
      count += 8
    }
    return true
  }
}
