/// The small TOML subset theme files use: comments, `[table]` headers, `key = value` with bare,
/// quoted or dotted keys, basic and literal strings, integers and booleans. Keys are flattened to
/// dotted paths (`[series]` + `1` → `series.1`). Unlike full TOML, a key may be both a value and a
/// prefix (`border` and `border.focused`), because the theme keys are named that way.
/// TUI may not import Engine's TOML reader, hence this compact one.
struct TOMLSubset {
  enum Value: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case float(Double)
  }

  struct Entry: Hashable, Sendable {
    var key: String
    var value: Value
    /// Where the key starts (1-based).
    var line: Int
    var keyColumn: Int
    /// Where the value starts (1-based).
    var valueColumn: Int
  }

  /// Parses the whole text; the first syntax error throws with its line and column.
  static func parse(_ text: String, fileName: String) throws(ThemeFileError) -> [Entry] {
    var entries: [Entry] = []
    var firstLine: [String: Int] = [:]
    var table = ""
    var lineNumber = 0
    // Split on scalars: "\r\n" is one Character, so splitting the String on "\n" would miss it.
    for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var scanner = LineScanner(Array(rawLine), line: lineNumber, file: fileName)
      scanner.skipSpaces()
      if scanner.atEndOrComment { continue }
      if scanner.peek == "[" {
        table = try scanner.tableHeader()
        continue
      }
      let keyColumn = scanner.column
      let key = try scanner.dottedKey()
      scanner.skipSpaces()
      try scanner.expect("=", what: "'=' after the key")
      scanner.skipSpaces()
      let valueColumn = scanner.column
      let value = try scanner.value()
      scanner.skipSpaces()
      guard scanner.atEndOrComment else {
        throw scanner.error("expected the end of the line after the value")
      }
      let fullKey = table.isEmpty ? key : table + "." + key
      if let previous = firstLine[fullKey] {
        throw ThemeFileError(
          file: fileName, line: lineNumber, column: keyColumn,
          message: "duplicate key '\(fullKey)' (first set on line \(previous))")
      }
      firstLine[fullKey] = lineNumber
      entries.append(Entry(key: fullKey, value: value, line: lineNumber, keyColumn: keyColumn, valueColumn: valueColumn))
    }
    return entries
  }
}

/// Reads one line of the subset, character by character.
private struct LineScanner {
  let chars: [Unicode.Scalar]
  let line: Int
  let file: String
  var index = 0

  init(_ chars: [Unicode.Scalar], line: Int, file: String) {
    // A CRLF file leaves "\r" at the end of each line.
    if chars.last == "\r" { self.chars = Array(chars.dropLast()) } else { self.chars = chars }
    self.line = line
    self.file = file
  }

  var column: Int { index + 1 }
  var peek: Unicode.Scalar? { index < chars.count ? chars[index] : nil }
  var atEndOrComment: Bool { peek == nil || peek == "#" }

  func error(_ message: String) -> ThemeFileError {
    ThemeFileError(file: file, line: line, column: column, message: message)
  }

  mutating func skipSpaces() {
    while let c = peek, c == " " || c == "\t" { index += 1 }
  }

  mutating func expect(_ c: Unicode.Scalar, what: String) throws(ThemeFileError) {
    guard peek == c else { throw error("expected \(what)") }
    index += 1
  }

  static func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
  }

  mutating func tableHeader() throws(ThemeFileError) -> String {
    index += 1
    if peek == "[" { throw error("arrays of tables ([[...]]) are not used in theme files") }
    skipSpaces()
    let key = try dottedKey()
    skipSpaces()
    try expect("]", what: "']' to close the table header")
    skipSpaces()
    guard atEndOrComment else { throw error("expected the end of the line after the table header") }
    return key
  }

  mutating func dottedKey() throws(ThemeFileError) -> String {
    var parts: [String] = [try simpleKey()]
    while true {
      let save = index
      skipSpaces()
      guard peek == "." else {
        index = save
        break
      }
      index += 1
      skipSpaces()
      parts.append(try simpleKey())
    }
    return parts.joined(separator: ".")
  }

  mutating func simpleKey() throws(ThemeFileError) -> String {
    guard let c = peek else { throw error("expected a key") }
    if c == "\"" { return try basicString() }
    if c == "'" { return try literalString() }
    var key = String.UnicodeScalarView()
    while let c = peek, LineScanner.isBareKeyCharacter(c) {
      key.append(c)
      index += 1
    }
    if key.isEmpty { throw error("expected a key (letters, digits, '_' or '-', or a quoted key)") }
    return String(key)
  }

  mutating func value() throws(ThemeFileError) -> TOMLSubset.Value {
    guard let c = peek else { throw error("expected a value after '='") }
    switch c {
    case "\"":
      if index + 2 < chars.count, chars[index + 1] == "\"", chars[index + 2] == "\"" {
        throw error("multi-line strings are not used in theme files")
      }
      return .string(try basicString())
    case "'": return .string(try literalString())
    case "[", "{": throw error("arrays and inline tables are not used in theme files; expected a string or an integer")
    default: return try bareValue()
    }
  }

  mutating func bareValue() throws(ThemeFileError) -> TOMLSubset.Value {
    let start = index
    var word = String.UnicodeScalarView()
    while let c = peek, c != " ", c != "\t", c != "#" {
      word.append(c)
      index += 1
    }
    let text = String(word)
    if text == "true" { return .boolean(true) }
    if text == "false" { return .boolean(false) }
    if let n = LineScanner.integer(text) { return .integer(n) }
    if let x = LineScanner.float(text) { return .float(x) }
    index = start
    throw error("expected a value (a quoted string or an integer), found '\(text)'")
  }

  /// TOML decimal integers: optional sign, digits with single underscores between digits,
  /// no leading zeros.
  static func integer(_ text: String) -> Int? {
    var body = Substring(text)
    var negative = false
    if let first = body.first, first == "+" || first == "-" {
      negative = first == "-"
      body = body.dropFirst()
    }
    guard let first = body.first, first.isASCII, first.isNumber, body.last?.isNumber == true else { return nil }
    if first == "0" && body.count > 1 { return nil }
    if body.contains("__") { return nil }
    let digits = body.filter { $0 != "_" }
    guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let magnitude = Int(digits) else { return nil }
    return negative ? -magnitude : magnitude
  }

  static func float(_ text: String) -> Double? {
    guard text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return nil }
    return Double(text.filter { $0 != "_" })
  }

  mutating func literalString() throws(ThemeFileError) -> String {
    let openColumn = column
    index += 1
    var text = String.UnicodeScalarView()
    while let c = peek {
      index += 1
      if c == "'" { return String(text) }
      text.append(c)
    }
    throw ThemeFileError(file: file, line: line, column: openColumn, message: "unterminated string (missing closing ')")
  }

  mutating func basicString() throws(ThemeFileError) -> String {
    let openColumn = column
    index += 1
    var text = String.UnicodeScalarView()
    while let c = peek {
      index += 1
      if c == "\"" { return String(text) }
      if c == "\\" {
        guard let e = peek else { break }
        let escapeColumn = column
        index += 1
        switch e {
        case "\"": text.append("\"")
        case "\\": text.append("\\")
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "r": text.append("\r")
        case "b": text.append("\u{08}")
        case "f": text.append("\u{0C}")
        case "u", "U":
          let count = e == "u" ? 4 : 8
          guard index + count <= chars.count,
            let code = UInt32(String(String.UnicodeScalarView(chars[index..<index + count])), radix: 16),
            let scalar = Unicode.Scalar(code)
          else {
            throw ThemeFileError(
              file: file, line: line, column: escapeColumn - 1,
              message: "invalid unicode escape (expected \\\(e) and \(count) hex digits)")
          }
          text.append(scalar)
          index += count
        default:
          throw ThemeFileError(file: file, line: line, column: escapeColumn - 1, message: "invalid escape '\\\(e)'")
        }
        continue
      }
      text.append(c)
    }
    throw ThemeFileError(file: file, line: line, column: openColumn, message: "unterminated string (missing closing \")")
  }
}
