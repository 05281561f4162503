/// A recursive-descent TOML reader over UTF-8 bytes. It builds the tree by paths: the current
/// table is a key path from the root, and an array of tables along a path always means its last
/// element, as TOML specifies.
struct TOMLParser {
  let bytes: [UInt8]
  let fileName: String?
  var position = 0
  var line = 1
  var lineStart = 0
  var root: TOMLTable
  /// Tables opened by a `[header]` (may not be opened twice).
  var explicitTables: Set<[String]> = []
  /// Arrays created by `[[header]]` (the only arrays that may grow).
  var tableArrays: Set<[String]> = []
  /// Inline tables and value arrays: closed once written.
  var closedPaths: Set<[String]> = []
  /// Tables created by dotted keys (may not later get a `[header]`).
  var dottedTables: Set<[String]> = []
  /// How many arrays and inline tables enclose the value being parsed. Values nest by recursion,
  /// so without a limit a hostile file nested 10 000 deep overflows the stack (a crash, not an
  /// error); no real recipe, protocol, config or theme nests more than a few levels.
  var nesting = 0
  static let maximumNesting = 100

  init(text: String, fileName: String?) {
    self.bytes = Array(text.utf8)
    self.fileName = fileName
    self.root = TOMLTable(fileName: fileName, line: 1, path: "")
  }

  // MARK: Errors and positions

  var column: Int {
    // Columns count characters, not bytes, so `µ` or `°` earlier on the line do not shift them.
    let end = min(position, bytes.count)
    return String(decoding: bytes[min(lineStart, end)..<end], as: UTF8.self).count + 1
  }

  func fail(_ message: String) -> InputError {
    InputError(message, file: fileName, line: line, column: column)
  }

  var atEnd: Bool { position >= bytes.count }
  var current: UInt8? { position < bytes.count ? bytes[position] : nil }
  func peek(_ offset: Int) -> UInt8? {
    position + offset < bytes.count ? bytes[position + offset] : nil
  }

  mutating func advance() {
    if let b = current, b == UInt8(ascii: "\n") {
      line += 1
      lineStart = position + 1
    }
    position += 1
  }

  func starts(with text: String) -> Bool {
    let pattern = Array(text.utf8)
    guard position + pattern.count <= bytes.count else { return false }
    return Array(bytes[position..<position + pattern.count]) == pattern
  }

  // MARK: Whitespace and comments

  mutating func skipSpaces() {
    while let b = current, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { advance() }
  }

  mutating func skipComment() throws {
    guard current == UInt8(ascii: "#") else { return }
    while let b = current, b != UInt8(ascii: "\n") {
      if b < 0x20 && b != UInt8(ascii: "\t") && b != UInt8(ascii: "\r") { throw fail("control character in a comment") }
      advance()
    }
  }

  /// After a key/value pair or a header only spaces, a comment and the end of the line may follow.
  mutating func expectLineEnd() throws {
    skipSpaces()
    try skipComment()
    if atEnd { return }
    if current == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { advance() }
    guard current == UInt8(ascii: "\n") else {
      throw fail("expected the end of the line, found '\(String(decoding: [current ?? 0], as: UTF8.self))'")
    }
    advance()
  }

  /// Skips blank lines, spaces and comments (inside arrays and between statements).
  mutating func skipBlank() throws {
    while let b = current {
      if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
        advance()
      } else if b == UInt8(ascii: "#") {
        try skipComment()
      } else {
        return
      }
    }
  }

  // MARK: Document

  mutating func parseDocument() throws -> TOMLTable {
    var currentPath: [String] = []
    while true {
      try skipBlank()
      guard let b = current else { break }
      if b == UInt8(ascii: "[") {
        let headerLine = line
        if peek(1) == UInt8(ascii: "[") {
          advance(); advance()
          skipSpaces()
          let path = try parseKeyPath()
          skipSpaces()
          guard current == UInt8(ascii: "]"), peek(1) == UInt8(ascii: "]") else { throw fail("expected ']]' to close the array-of-tables header") }
          advance(); advance()
          try appendTableArrayElement(path, line: headerLine)
          currentPath = path
        } else {
          advance()
          skipSpaces()
          let path = try parseKeyPath()
          skipSpaces()
          guard current == UInt8(ascii: "]") else { throw fail("expected ']' to close the table header") }
          advance()
          try openTable(path, line: headerLine)
          currentPath = path
        }
        try expectLineEnd()
      } else {
        try parseKeyValue(into: currentPath)
        try expectLineEnd()
      }
    }
    return root
  }

  mutating func parseKeyValue(into tablePath: [String]) throws {
    let keyLine = line
    let keyColumn = column
    let keys = try parseKeyPath()
    skipSpaces()
    guard current == UInt8(ascii: "=") else { throw fail("expected '=' after the key '\(keys.joined(separator: "."))'") }
    advance()
    skipSpaces()
    let valueColumn = column
    let fullPath = tablePath + keys
    let value = try parseValue(path: fullPath)
    try insert(value, at: fullPath, tablePrefix: tablePath.count, line: keyLine, column: keyColumn, valueColumn: valueColumn)
  }
}
