import Formats
/// Splits CIF 1.1 text into tokens (International Tables Vol. G, §2.2.7: the CIF 1.1 syntax):
/// `data_` headers, `loop_`, tags (`_name`), and values — unquoted, 'single-' or "double-quoted"
/// (a quote closes only when followed by white space), or semicolon text fields (a `;` at the
/// start of a line opens and closes them). `#` starts a comment outside values.
///
/// One pass over the bytes, no recursion: the work is linear in the input.
struct CIFTokenizer {
  enum Kind {
    case dataHeader(String)
    case loop
    case tag(String)
    case value(CIFDocument.Value)
    case reserved(String)
  }

  struct Token {
    var kind: Kind
    var line: Int
  }

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1

  init(text: String) { bytes = Array(text.utf8) }

  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  private static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == newline || b == carriageReturn
  }

  private var atLineStart: Bool {
    index == 0 || bytes[index - 1] == Self.newline || bytes[index - 1] == Self.carriageReturn
  }

  /// Advances past one byte, counting lines (CR LF and lone CR both end a line).
  private mutating func advance() {
    let b = bytes[index]
    if b == Self.newline || (b == Self.carriageReturn && (index + 1 >= bytes.count || bytes[index + 1] != Self.newline)) {
      line += 1
    }
    index += 1
  }

  private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

  mutating func next() throws(InputError) -> Token? {
    // White space and comments.
    while index < bytes.count {
      let b = bytes[index]
      if Self.isSpace(b) {
        advance()
      } else if b == UInt8(ascii: "#") {
        while index < bytes.count, bytes[index] != Self.newline, bytes[index] != Self.carriageReturn { index += 1 }
      } else {
        break
      }
    }
    guard index < bytes.count else { return nil }
    let startLine = line
    let b = bytes[index]
    if b == UInt8(ascii: ";") && atLineStart {
      return Token(kind: .value(try textField()), line: startLine)
    }
    if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
      return Token(kind: .value(try quoted(b)), line: startLine)
    }
    let start = index
    while index < bytes.count, !Self.isSpace(bytes[index]) { index += 1 }
    let word = text(start..<index)
    let lower = word.lowercased()
    if b == UInt8(ascii: "_") {
      guard word.utf8.count > 1 else { throw InputError("a tag name after '_'", line: startLine) }
      return Token(kind: .tag(lower), line: startLine)
    }
    if lower.hasPrefix("data_") {
      guard word.utf8.count > 5 else { throw InputError("a block name after data_", line: startLine) }
      return Token(kind: .dataHeader(String(word.dropFirst(5))), line: startLine)
    }
    if lower == "loop_" { return Token(kind: .loop, line: startLine) }
    if lower.hasPrefix("save_") || lower == "global_" || lower == "stop_" {
      return Token(kind: .reserved(word), line: startLine)
    }
    if b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "$") {
      throw InputError("""
        a CIF 1.1 value; an unquoted value may not start with '\(Character(UnicodeScalar(b)))' \
        (CIF 2 lists and save-frame references are not supported); quote it
        """, line: startLine)
    }
    let missing = word == "?" || word == "."
    return Token(kind: .value(.init(text: word, line: startLine, isMissing: missing)), line: startLine)
  }

  /// A value in quotes; the quote closes only when white space or the end follows it.
  private mutating func quoted(_ quote: UInt8) throws(InputError) -> CIFDocument.Value {
    let startLine = line
    index += 1
    let start = index
    while index < bytes.count {
      let b = bytes[index]
      if b == Self.newline || b == Self.carriageReturn { break }
      if b == quote && (index + 1 == bytes.count || Self.isSpace(bytes[index + 1])) {
        let value = text(start..<index)
        index += 1
        return .init(text: value, line: startLine, isMissing: false)
      }
      index += 1
    }
    throw InputError("a closing \(quote == UInt8(ascii: "'") ? "'" : "\"") on the same line", line: startLine)
  }

  /// A semicolon text field: from after the opening `;` to the line that starts with `;`.
  private mutating func textField() throws(InputError) -> CIFDocument.Value {
    let startLine = line
    index += 1
    let start = index
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: ";") && atLineStart {
        var end = index
        // The line break before the closing ';' belongs to the delimiter.
        if end > start, bytes[end - 1] == Self.newline { end -= 1 }
        if end > start, bytes[end - 1] == Self.carriageReturn { end -= 1 }
        let value = text(start..<end)
        index += 1
        return .init(text: value, line: startLine, isMissing: false)
      }
      advance()
    }
    throw InputError("a line starting with ';' to close the text field opened here", line: startLine)
  }
}
