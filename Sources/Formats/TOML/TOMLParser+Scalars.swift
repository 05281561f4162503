/// Strings, numbers and date-times.
extension TOMLParser {
  mutating func parseBasicString() throws -> String {
    advance()  // "
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() {
      if !raw.isEmpty {
        scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
        raw.removeAll(keepingCapacity: true)
      }
    }
    while true {
      guard let b = current, b != UInt8(ascii: "\n") else { throw fail("unterminated string: expected '\"' before the end of the line") }
      if b == UInt8(ascii: "\"") {
        advance()
        flush()
        return String(scalars)
      }
      if b == UInt8(ascii: "\\") {
        flush()
        scalars.append(try parseEscape())
        continue
      }
      raw.append(b)
      advance()
    }
  }

  mutating func parseEscape() throws -> Unicode.Scalar {
    let backslash = (position: position, line: line, lineStart: lineStart)
    advance()  // backslash
    guard let e = current else { throw fail("unterminated escape sequence") }
    advance()
    switch e {
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "e"): return "\u{1B}"
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "u"), UInt8(ascii: "U"):
      let count = e == UInt8(ascii: "u") ? 4 : 8
      guard position + count <= bytes.count,
        let code = UInt32(String(decoding: bytes[position..<position + count], as: UTF8.self), radix: 16),
        let scalar = Unicode.Scalar(code)
      else { throw fail("expected \(count) hex digits of a Unicode scalar after \\\(Character(Unicode.Scalar(e)))") }
      for _ in 0..<count { advance() }
      return scalar
    default:
      // The error points at the escape, not past it; the line too, as the byte after the
      // backslash may be a line break (a fuzzed `"\⏎` put the column's start past its end).
      (position, line, lineStart) = backslash
      let shown = (0x21...0x7E).contains(e) ? "'\\\(Character(Unicode.Scalar(e)))'" : "'\\' followed by byte 0x\(String(e, radix: 16, uppercase: true))"
      throw fail("unknown escape sequence \(shown)")
    }
  }

  mutating func parseLiteralString() throws -> String {
    advance()  // '
    let start = position
    while let b = current, b != UInt8(ascii: "'") {
      if b == UInt8(ascii: "\n") { throw fail("unterminated string: expected \"'\" before the end of the line") }
      advance()
    }
    guard !atEnd else { throw fail("unterminated string: expected \"'\"") }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    advance()
    return text
  }

  mutating func parseMultilineBasicString() throws -> String {
    position += 3
    if current == UInt8(ascii: "\n") { advance() } else if starts(with: "\r\n") { advance(); advance() }
    var result = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() {
      if !raw.isEmpty {
        result.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
        raw.removeAll(keepingCapacity: true)
      }
    }
    while true {
      guard let b = current else { throw fail("unterminated multi-line string: expected '\"\"\"'") }
      if starts(with: "\"\"\"") {
        position += 3
        // Up to two quotes may directly precede the closing delimiter.
        while current == UInt8(ascii: "\"") {
          raw.append(UInt8(ascii: "\""))
          advance()
        }
        flush()
        return String(result)
      }
      if b == UInt8(ascii: "\\") {
        // A line-ending backslash trims the newline and following whitespace.
        var look = position + 1
        while look < bytes.count, bytes[look] == UInt8(ascii: " ") || bytes[look] == UInt8(ascii: "\t") { look += 1 }
        if look < bytes.count, bytes[look] == UInt8(ascii: "\n") || bytes[look] == UInt8(ascii: "\r") {
          flush()
          advance()
          try skipBlankNoComments()
          continue
        }
        flush()
        result.append(try parseEscape())
        continue
      }
      raw.append(b)
      advance()
    }
  }

  mutating func skipBlankNoComments() throws {
    while let b = current, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { advance() }
  }

  mutating func parseMultilineLiteralString() throws -> String {
    position += 3
    if current == UInt8(ascii: "\n") { advance() } else if starts(with: "\r\n") { advance(); advance() }
    let start = position
    while !atEnd && !starts(with: "'''") { advance() }
    guard !atEnd else { throw fail("unterminated multi-line string: expected \"'''\"") }
    var end = position
    position += 3
    while current == UInt8(ascii: "'") { advance(); end += 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  static func isValueEnd(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
      || b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: "#")
  }

  mutating func parseNumberOrDate() throws -> TOMLValue {
    let start = position
    let startColumn = column
    while let b = current, !Self.isValueEnd(b) { advance() }
    var token = String(decoding: bytes[start..<position], as: UTF8.self)
    // A date-time may separate date and time with a space: `1979-05-27 07:32:00Z`.
    if Self.looksLikeDate(token), current == UInt8(ascii: " "), let n = peek(1), n >= UInt8(ascii: "0"), n <= UInt8(ascii: "9"),
      peek(3) == UInt8(ascii: ":")
    {
      advance()
      let timeStart = position
      while let b = current, !Self.isValueEnd(b) { advance() }
      token += " " + String(decoding: bytes[timeStart..<position], as: UTF8.self)
    }
    guard !token.isEmpty else { throw fail("expected a value (string, number, true/false, array or table)") }
    if Self.looksLikeDate(token) || Self.looksLikeTime(token) { return .dateTime(token) }
    if let value = Self.number(from: token) { return value }
    throw InputError("expected a value (string in quotes, number, true/false, array or table), found '\(token)'", file: fileName, line: line, column: startColumn)
  }

  static func looksLikeDate(_ token: String) -> Bool {
    let b = Array(token.utf8)
    func digit(_ i: Int) -> Bool { i < b.count && b[i] >= 48 && b[i] <= 57 }
    return b.count >= 10 && digit(0) && digit(1) && digit(2) && digit(3) && b[4] == UInt8(ascii: "-") && digit(5) && digit(6) && b[7] == UInt8(ascii: "-")
  }

  static func looksLikeTime(_ token: String) -> Bool {
    let b = Array(token.utf8)
    return b.count >= 8 && b[2] == UInt8(ascii: ":") && b[5] == UInt8(ascii: ":")
  }

  /// TOML numbers: decimal integers with `_` between digits, 0x/0o/0b integers, floats with a
  /// fraction and/or exponent, and ±inf/±nan.
  static func number(from token: String) -> TOMLValue? {
    switch token {
    case "inf", "+inf": return .float(.infinity)
    case "-inf": return .float(-.infinity)
    case "nan", "+nan", "-nan": return .float(.nan)
    default: break
    }
    let chars = Array(token)
    for (i, c) in chars.enumerated() where c == "_" {
      guard i > 0, i < chars.count - 1, chars[i - 1].isHexDigit, chars[i + 1].isHexDigit else { return nil }
    }
    let clean = String(token.filter { $0 != "_" })
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where clean.hasPrefix(prefix) {
      return Int(clean.dropFirst(2), radix: radix).map { .integer($0) }
    }
    let body = clean.hasPrefix("+") || clean.hasPrefix("-") ? String(clean.dropFirst()) : clean
    guard let first = body.first, first.isNumber else { return nil }
    // Leading zeros are not allowed in TOML decimals ("007").
    if body.count > 1, body.hasPrefix("0"), let second = body.dropFirst().first, second.isNumber { return nil }
    if !clean.contains(".") && !clean.contains("e") && !clean.contains("E") {
      return Int(clean).map { .integer($0) }
    }
    if let dot = body.firstIndex(of: ".") {
      // A dot needs digits on both sides: "1." and ".5" are not TOML.
      let after = body.index(after: dot)
      guard after < body.endIndex, body[after].isNumber else { return nil }
    }
    return Double(clean).map { .float($0) }
  }
}
