/// Keys and values: strings (four kinds), integers, floats, booleans, date-times, arrays and
/// inline tables.
extension TOMLParser {
  static func isBareKeyByte(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
      || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
  }

  /// A key, possibly dotted (`a.b."c d"`).
  mutating func parseKeyPath() throws -> [String] {
    var parts: [String] = []
    while true {
      skipSpaces()
      parts.append(try parseSimpleKey())
      // Tables nest along a dotted key by recursion too (`a.a.a…` 20 000 parts overflowed the
      // stack building the tree), so a key has at most `maximumNesting` parts.
      guard parts.count <= Self.maximumNesting else {
        throw fail("a dotted key with more than \(Self.maximumNesting) parts")
      }
      skipSpaces()
      if current == UInt8(ascii: ".") {
        advance()
        continue
      }
      return parts
    }
  }

  mutating func parseSimpleKey() throws -> String {
    guard let b = current else { throw fail("expected a key, found the end of the file") }
    if b == UInt8(ascii: "\"") { return try parseBasicString() }
    if b == UInt8(ascii: "'") { return try parseLiteralString() }
    let start = position
    while let c = current, Self.isBareKeyByte(c) { advance() }
    guard position > start else {
      throw fail("expected a key (letters, digits, '_' or '-', or a quoted name), found '\(String(decoding: [b], as: UTF8.self))'")
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  mutating func parseValue(path: [String]) throws -> TOMLValue {
    // Dotted keys inside inline tables inside tables add up; the tree's depth stays bounded.
    guard path.count <= Self.maximumNesting else {
      throw fail("keys nested more than \(Self.maximumNesting) tables deep")
    }
    guard let b = current else { throw fail("expected a value after '='") }
    switch b {
    case UInt8(ascii: "\""):
      if starts(with: "\"\"\"") { return .string(try parseMultilineBasicString()) }
      return .string(try parseBasicString())
    case UInt8(ascii: "'"):
      if starts(with: "'''") { return .string(try parseMultilineLiteralString()) }
      return .string(try parseLiteralString())
    case UInt8(ascii: "["):
      try enterNesting()
      defer { nesting -= 1 }
      return try parseArray(path: path)
    case UInt8(ascii: "{"):
      try enterNesting()
      defer { nesting -= 1 }
      return try parseInlineTable(path: path)
    case UInt8(ascii: "t"), UInt8(ascii: "f"):
      if starts(with: "true") { position += 4; return .boolean(true) }
      if starts(with: "false") { position += 5; return .boolean(false) }
      throw fail("expected a value (string, number, true/false, array or table)")
    default:
      return try parseNumberOrDate()
    }
  }

  /// Counts one more enclosing array or inline table, refusing past `maximumNesting`.
  mutating func enterNesting() throws {
    guard nesting < Self.maximumNesting else {
      throw fail("arrays and inline tables nested more than \(Self.maximumNesting) deep")
    }
    nesting += 1
  }

  mutating func parseArray(path: [String]) throws -> TOMLValue {
    advance()  // [
    var items: [TOMLValue] = []
    while true {
      try skipBlank()
      guard let b = current else { throw fail("unterminated array: expected ']'") }
      if b == UInt8(ascii: "]") {
        advance()
        return .array(items)
      }
      items.append(try parseValue(path: path))
      try skipBlank()
      if atEnd { throw fail("unterminated array: expected ']'") }
      if current == UInt8(ascii: ",") {
        advance()
      } else if current == UInt8(ascii: "]") {
        continue
      } else {
        throw fail("expected ',' or ']' in the array")
      }
    }
  }

  mutating func parseInlineTable(path: [String]) throws -> TOMLValue {
    let startLine = line
    advance()  // {
    var table = TOMLTable(fileName: fileName, line: startLine, path: path.joined(separator: "."))
    skipSpaces()
    if current == UInt8(ascii: "}") {
      advance()
      return .table(table)
    }
    while true {
      skipSpaces()
      let keyLine = line
      let keys = try parseKeyPath()
      skipSpaces()
      guard current == UInt8(ascii: "=") else { throw fail("expected '=' in the inline table") }
      advance()
      skipSpaces()
      let value = try parseValue(path: path + keys)
      try Self.insertInline(value, keys: keys[...], into: &table, line: keyLine, parser: self)
      skipSpaces()
      if current == UInt8(ascii: ",") {
        advance()
      } else if current == UInt8(ascii: "}") {
        advance()
        return .table(table)
      } else {
        throw fail("expected ',' or '}' in the inline table (inline tables stay on one line)")
      }
    }
  }

  static func insertInline(_ value: TOMLValue, keys: ArraySlice<String>, into table: inout TOMLTable, line: Int, parser: TOMLParser) throws {
    guard let key = keys.first else { return }
    if keys.count == 1 {
      if table.contains(key) { throw parser.fail("duplicate key '\(key)' in the inline table") }
      table.set(key, value, line: line)
      return
    }
    var child: TOMLTable
    switch table[key] {
    case .none: child = TOMLTable(fileName: table.fileName, line: line, path: table.qualified(key))
    case .table(let t): child = t
    case .some: throw parser.fail("'\(key)' is already a value in the inline table")
    }
    try insertInline(value, keys: keys.dropFirst(), into: &child, line: line, parser: parser)
    table.set(key, .table(child), line: line)
  }
}
