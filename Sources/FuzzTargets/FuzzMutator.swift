import Engine
import Formats

/// Deterministic mutations of a seed file for the smoke test in `make test`: the same seed and
/// generator state give the same bytes on every machine (SplitMix64). Byte-level mutations (bit
/// flips, byte inserts and deletes, truncation, binary fields overwritten with extreme integers
/// and doubles) and structure-aware ones (a number replaced by a huge, negative, NaN or infinite
/// value; thousands of opening brackets; a line repeated). A zip (xlsx, ndax) has one of its
/// parts mutated and is zipped again, so the mutation reaches the XML past the CRC check.
public struct FuzzMutator {
  private var random: SplitMix64

  public init(seed: UInt64) { random = SplitMix64(seed: seed) }

  /// One to three mutations of `input`; `description` lists them (for a failure message).
  public mutating func mutate(_ input: [UInt8]) -> (bytes: [UInt8], description: String) {
    if input.starts(with: [0x50, 0x4B, 0x03, 0x04]), below(3) != 0, let rezipped = mutateZipPart(input) {
      return rezipped
    }
    var bytes = input
    var names: [String] = []
    for _ in 0...below(3) { names.append(mutateOnce(&bytes)) }
    return (bytes, names.joined(separator: ", "))
  }

  mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(random.next() % UInt64(n)) }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  static let numbers = [
    "1e308", "-1e308", "1e999", "nan", "NaN", "inf", "-inf", "0", "-0", "-1", "9223372036854775807",
    "-9223372036854775808", "18446744073709551616", "0x7fffffffffffffff", "4.9e-324", "1e-320",
    "99999999999999999999999", "2147483648", "-2147483649", "1.7976931348623157e308", "",
  ]
  static let tokens = [
    "[", "]", "{", "}", "(", ")", "p(", "\"", "'", "=", ",", ".", "-", "#", "\n", "\r\n", "\t", "\0",
    "\\", "\"\"\"", "[[", "]]", "e", "E+", ";", "<", ">", "/>", "&amp;", "\u{FEFF}", "é", "\u{FFFD}", "·",
  ]
  static let openers = ["[", "{a=", "a=[", "(", "p(", "[[", "<a>", "a.", "{"]
  static let integers: [UInt64] = [
    0, 1, 0xFF, 0x7F, 0x80, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x7FFF_FFFF_FFFF_FFFF,
    0x8000_0000_0000_0000, UInt64.max, Double.infinity.bitPattern, Double.nan.bitPattern,
    (-Double.infinity).bitPattern, (1e308).bitPattern, UInt64(Float.infinity.bitPattern), UInt64(Float.nan.bitPattern),
  ]

  /// Applies one mutation in place and names it.
  mutating func mutateOnce(_ bytes: inout [UInt8]) -> String {
    let at = below(bytes.count + 1)
    switch below(10) {
    case 0:
      guard !bytes.isEmpty else { return "nothing to flip" }
      let i = below(bytes.count), bit = below(8)
      bytes[i] ^= UInt8(1 << bit)
      return "bit \(bit) of byte \(i) flipped"
    case 1:
      let token = pick(Self.tokens)
      bytes.insert(contentsOf: Array(token.utf8), at: at)
      return "'\(token)' inserted at \(at)"
    case 2:
      let count = min(1 + below(64), bytes.count - min(at, bytes.count))
      bytes.removeSubrange(at..<(at + count))
      return "\(count) bytes deleted at \(at)"
    case 3:
      bytes.removeSubrange(at...)
      return "truncated to \(at) bytes"
    case 4:
      return replaceNumber(&bytes)
    case 5:
      let opener = pick(Self.openers), depth = pick([50, 101, 150, 1000, 20_000, 100_000])
      bytes.insert(contentsOf: Array(String(repeating: opener, count: depth).utf8), at: at)
      return "'\(opener)' × \(depth) inserted at \(at)"
    case 6:
      return repeatLine(&bytes)
    case 7:
      return overwriteField(&bytes)
    case 8:
      guard !bytes.isEmpty else { return "nothing to copy" }
      let start = below(bytes.count), count = min(1 + below(256), bytes.count - start)
      let chunk = Array(bytes[start..<(start + count)])
      bytes.insert(contentsOf: chunk, at: below(bytes.count + 1))
      return "\(count) bytes from \(start) copied"
    default:
      let count = 1 + below(8)
      for _ in 0..<count where !bytes.isEmpty { bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
      return "\(count) random bytes"
    }
  }

  /// Replaces the number (digits, sign, point, exponent) nearest after a random position.
  mutating func replaceNumber(_ bytes: inout [UInt8]) -> String {
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    func isNumberByte(_ b: UInt8) -> Bool { isDigit(b) || b == 0x2E || b == 0x2D || b == 0x2B || b == 0x65 || b == 0x45 }
    let from = below(bytes.count + 1)
    guard let digit = bytes[from...].firstIndex(where: isDigit) ?? bytes.firstIndex(where: isDigit) else {
      return "no number to replace"
    }
    var start = digit, end = digit
    while start > 0, isNumberByte(bytes[start - 1]) { start -= 1 }
    while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
    let number = pick(Self.numbers)
    bytes.replaceSubrange(start..<end, with: Array(number.utf8))
    return "number at \(start) replaced by '\(number)'"
  }

  /// Repeats one line (the tail of a table grows, a header appears twice).
  mutating func repeatLine(_ bytes: inout [UInt8]) -> String {
    guard !bytes.isEmpty else { return "no line to repeat" }
    let at = below(bytes.count)
    let start = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let end = bytes[at...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
    let line = Array(bytes[start..<end]), times = 1 + below(50)
    guard line.count * times < 1 << 20 else { return "line too long to repeat" }
    bytes.insert(contentsOf: Array(repeating: line, count: times).joined(), at: end)
    return "line at \(start) repeated \(times) times"
  }

  /// Writes an extreme integer or double, little- or big-endian, 1 to 8 bytes wide (binary
  /// headers: counts, offsets, lengths, cycle numbers).
  mutating func overwriteField(_ bytes: inout [UInt8]) -> String {
    let width = pick([1, 2, 4, 8])
    guard bytes.count >= width else { return "too short for a field" }
    let at = below(bytes.count - width + 1)
    let value = below(4) == 0 ? random.next() : pick(Self.integers)
    let bigEndian = below(4) == 0
    for k in 0..<width {
      let shift = UInt64(8 * (bigEndian ? width - 1 - k : k))
      bytes[at + k] = UInt8(truncatingIfNeeded: value >> shift)
    }
    return "\(width)-byte field at \(at) set to 0x\(String(value, radix: 16))\(bigEndian ? " (big-endian)" : "")"
  }

  /// Unzips, mutates one part's bytes, zips again (stored, fresh CRCs). Nil when the input is
  /// not a readable zip.
  mutating func mutateZipPart(_ input: [UInt8]) -> (bytes: [UInt8], description: String)? {
    guard let archive = try? ZipArchive(input), !archive.entries.isEmpty else { return nil }
    var parts: [(String, [UInt8])] = []
    for entry in archive.entries {
      guard let contents = try? archive.contents(of: entry) else { return nil }
      parts.append((entry.name, contents))
    }
    let target = below(parts.count)
    let description = "part \(parts[target].0): " + mutateOnce(&parts[target].1)
    return (StoredZip.archive(parts.map { (name: $0.0, contents: $0.1) }), description)
  }
}
