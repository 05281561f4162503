import Foundation

/// A JSON value of any shape (objects, arrays, scalars) with the line each value starts on, for
/// readers of instrument documents (pyimpspec's data frames, PalmSens sessions) that must say
/// where a value is missing or wrong. Members keep their order; a repeated name keeps both.
public struct JSONNode: Sendable, Equatable {
  public struct Member: Sendable, Equatable {
    public var name: String
    public var node: JSONNode
  }

  public indirect enum Value: Sendable, Equatable {
    case object([Member])
    case array([JSONNode])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
  }

  public var value: Value
  /// 1-based line where the value starts.
  public var line: Int

  /// The first member called `name`, when this is an object.
  public subscript(name: String) -> JSONNode? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.name == name }?.node
  }

  public var number: Double? { if case .number(let x) = value { return x } else { return nil } }
  public var string: String? { if case .string(let s) = value { return s } else { return nil } }
  public var array: [JSONNode]? { if case .array(let a) = value { return a } else { return nil } }
  public var members: [Member]? { if case .object(let m) = value { return m } else { return nil } }

  /// Deepest nesting of objects and arrays accepted: instrument documents nest a handful of
  /// levels; a bound keeps a hostile file of brackets from exhausting the stack.
  public static let maximumDepth = 64

  /// Parses UTF-8 JSON text holding one value (blank text after it is allowed).
  /// - Throws: `InputError` with the line and column of the first problem.
  public static func parse(_ bytes: [UInt8], fileName: String? = nil) throws -> JSONNode {
    var scanner = FlatJSONScanner(bytes: bytes, fileName: fileName)
    let node = try scanner.node(depth: 0)
    scanner.skipWhitespace()
    guard scanner.index == bytes.count else {
      throw scanner.error("expected nothing after the JSON value, found '\(FlatJSONScanner.printable(bytes[scanner.index]))'")
    }
    return node
  }
}

extension FlatJSONScanner {
  /// One value of any shape; `depth` counts the enclosing objects and arrays.
  mutating func node(depth: Int) throws -> JSONNode {
    let first = try peek(expecting: "a value")
    let startLine = line
    switch first {
    case UInt8(ascii: "{"):
      guard depth < JSONNode.maximumDepth else { throw error("expected at most \(JSONNode.maximumDepth) nested objects and arrays") }
      index += 1
      var members: [JSONNode.Member] = []
      if try peek(expecting: "a member name or '}'") == UInt8(ascii: "}") {
        index += 1
        return JSONNode(value: .object(members), line: startLine)
      }
      while true {
        guard try peek(expecting: "a member name") == UInt8(ascii: "\"") else {
          throw error("expected a member name in double quotes, found '\(Self.printable(bytes[index]))'")
        }
        let name = try string()
        try expect(UInt8(ascii: ":"), "':' after \"\(name)\"")
        members.append(.init(name: name, node: try node(depth: depth + 1)))
        let next = try peek(expecting: "',' or '}'")
        guard next == UInt8(ascii: ",") || next == UInt8(ascii: "}") else {
          throw error("expected ',' or '}' after \"\(name)\", found '\(Self.printable(next))'")
        }
        index += 1
        if next == UInt8(ascii: "}") { return JSONNode(value: .object(members), line: startLine) }
      }
    case UInt8(ascii: "["):
      guard depth < JSONNode.maximumDepth else { throw error("expected at most \(JSONNode.maximumDepth) nested objects and arrays") }
      index += 1
      var elements: [JSONNode] = []
      if try peek(expecting: "a value or ']'") == UInt8(ascii: "]") {
        index += 1
        return JSONNode(value: .array(elements), line: startLine)
      }
      while true {
        elements.append(try node(depth: depth + 1))
        let next = try peek(expecting: "',' or ']'")
        guard next == UInt8(ascii: ",") || next == UInt8(ascii: "]") else {
          throw error("expected ',' or ']' after an array element, found '\(Self.printable(next))'")
        }
        index += 1
        if next == UInt8(ascii: "]") { return JSONNode(value: .array(elements), line: startLine) }
      }
    default:
      let scalar: JSONNode.Value
      switch try value() {
      case .string(let s): scalar = .string(s)
      case .number(let x): scalar = .number(x)
      case .bool(let b): scalar = .bool(b)
      case .null: scalar = .null
      }
      return JSONNode(value: scalar, line: startLine)
    }
  }
}
