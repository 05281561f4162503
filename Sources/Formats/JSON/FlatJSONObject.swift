import Foundation

/// A JSON object whose members are scalars (string, number, true, false, null), read with the
/// line of every member, so a reader of a small status document can say where a value is wrong.
/// Foundation's decoders say only that the data is not valid JSON; a torn file (a writer that
/// died mid-write, or a reader racing a non-atomic writer) must be reported with its place.
public struct FlatJSONObject: Sendable, Equatable {
  public enum Value: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
  }

  public struct Member: Sendable, Equatable {
    public var name: String
    public var value: Value
    /// 1-based line of the member's name.
    public var line: Int
  }

  public var members: [Member]
  /// 1-based line of the closing brace (where a missing member is reported).
  public var endLine: Int

  public func member(_ name: String) -> Member? { members.first { $0.name == name } }

  /// Parses UTF-8 JSON text holding one object of scalar members.
  /// - Throws: `InputError` with the line and column of the first problem: a missing brace,
  ///   colon or comma, a nested object or array, a bad escape or number, text after the object,
  ///   or the end of the file inside the object (a torn write).
  public static func parse(_ data: Data, fileName: String? = nil) throws -> FlatJSONObject {
    var scanner = FlatJSONScanner(bytes: [UInt8](data), fileName: fileName)
    return try scanner.object()
  }
}

/// The byte scanner behind `FlatJSONObject.parse`; keeps line and column for its errors.
struct FlatJSONScanner {
  let bytes: [UInt8]
  let fileName: String?
  var index = 0
  var line = 1
  var lineStart = 0

  init(bytes: [UInt8], fileName: String?) {
    self.bytes = bytes
    self.fileName = fileName
  }

  func error(_ message: String) -> InputError {
    InputError(message, file: fileName, line: line, column: index - lineStart + 1)
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x0A:
        line += 1
        lineStart = index + 1
      case 0x20, 0x09, 0x0D: break
      default: return
      }
      index += 1
    }
  }

  /// The next non-blank byte, without consuming it; throws at the end of the input.
  mutating func peek(expecting what: String) throws -> UInt8 {
    skipWhitespace()
    guard index < bytes.count else {
      throw error("expected \(what), found the end of the file (the file is cut short: a torn write?)")
    }
    return bytes[index]
  }

  mutating func expect(_ byte: UInt8, _ what: String) throws {
    let found = try peek(expecting: what)
    guard found == byte else { throw error("expected \(what), found '\(Self.printable(found))'") }
    index += 1
  }

  static func printable(_ byte: UInt8) -> String {
    (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
  }

  mutating func object() throws -> FlatJSONObject {
    try expect(UInt8(ascii: "{"), "'{' (a JSON object)")
    var members: [FlatJSONObject.Member] = []
    if try peek(expecting: "a member name or '}'") == UInt8(ascii: "}") {
      index += 1
    } else {
      while true {
        guard try peek(expecting: "a member name") == UInt8(ascii: "\"") else {
          throw error("expected a member name in double quotes, found '\(Self.printable(bytes[index]))'")
        }
        let nameLine = line
        let name = try string()
        try expect(UInt8(ascii: ":"), "':' after \"\(name)\"")
        members.append(.init(name: name, value: try value(), line: nameLine))
        let next = try peek(expecting: "',' or '}'")
        index += 1
        if next == UInt8(ascii: "}") { break }
        guard next == UInt8(ascii: ",") else {
          index -= 1
          throw error("expected ',' or '}' after \"\(name)\", found '\(Self.printable(next))'")
        }
      }
    }
    let endLine = line
    skipWhitespace()
    guard index == bytes.count else { throw error("expected nothing after the object's closing '}'") }
    return FlatJSONObject(members: members, endLine: endLine)
  }

  mutating func value() throws -> FlatJSONObject.Value {
    let first = try peek(expecting: "a value")
    switch first {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try word("true"); return .bool(true)
    case UInt8(ascii: "f"): try word("false"); return .bool(false)
    case UInt8(ascii: "n"): try word("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default:
      throw error("expected a string, number, true, false or null, found '\(Self.printable(first))'")
    }
  }

  mutating func word(_ text: String) throws {
    let utf8 = Array(text.utf8)
    guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
      throw error("expected '\(text)'")
    }
    index += utf8.count
  }

  mutating func number() throws -> Double {
    let start = index
    let allowed = Set("+-.eE0123456789".utf8)
    while index < bytes.count, allowed.contains(bytes[index]) { index += 1 }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      index = start
      throw error("expected a number, found '\(text)'")
    }
    return value
  }

  mutating func string() throws -> String {
    index += 1  // the opening quote
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() {
      scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
      run.removeAll(keepingCapacity: true)
    }
    while true {
      guard index < bytes.count else {
        throw error("expected the closing '\"' of a string, found the end of the file (a torn write?)")
      }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        flush()
        return String(scalars)
      }
      if byte < 0x20 { throw error("expected '\"' before the end of the line (control character in a string)") }
      if byte != UInt8(ascii: "\\") {
        run.append(byte)
        index += 1
        continue
      }
      flush()
      guard index + 1 < bytes.count else { throw error("expected an escape after '\\', found the end of the file") }
      let escape = bytes[index + 1]
      index += 2
      switch escape {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"):
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code) {
          try word("\\u")
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw error("expected a low surrogate \\uDC00…\\uDFFF") }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("expected a Unicode scalar, found \\u\(String(code, radix: 16))") }
        scalars.append(scalar)
      default:
        index -= 1
        throw error("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found '\\\(Self.printable(escape))'")
      }
    }
  }

  mutating func hex4() throws -> UInt32 {
    guard index + 4 <= bytes.count,
      let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw error("expected four hex digits after \\u") }
    index += 4
    return code
  }
}
