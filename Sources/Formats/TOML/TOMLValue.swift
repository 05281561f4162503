/// A TOML value (TOML 1.0). Date-times are kept as their text: Glovebox files do not compute
/// with them, and keeping the text loses nothing.
public enum TOMLValue: Equatable, Sendable {
  case string(String)
  case integer(Int)
  case float(Double)
  case boolean(Bool)
  case dateTime(String)
  case array([TOMLValue])
  case table(TOMLTable)

  /// The TOML type's name, for messages such as "expected a number, found a string".
  public var typeName: String {
    switch self {
    case .string: "a string"
    case .integer: "an integer"
    case .float: "a number"
    case .boolean: "a boolean"
    case .dateTime: "a date-time"
    case .array: "an array"
    case .table: "a table"
    }
  }

  /// The value as a Double when it is an integer or a float.
  public var doubleValue: Double? {
    switch self {
    case .integer(let v): Double(v)
    case .float(let v): v
    default: nil
    }
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var tableValue: TOMLTable? {
    if case .table(let t) = self { return t }
    return nil
  }
}
