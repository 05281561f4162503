import Formats

/// A parameter value in sweep.json: a number, an integer, a string or a boolean.
public enum SweepValue: Codable, Sendable, Equatable {
  case number(Double), integer(Int), string(String), boolean(Bool)

  public init(_ value: TOMLValue) {
    switch value {
    case .integer(let i): self = .integer(i)
    case .float(let d): self = .number(d)
    case .boolean(let b): self = .boolean(b)
    case .string(let s): self = .string(s)
    case .dateTime(let s): self = .string(s)
    case .array, .table: self = .string(value.typeName)
    }
  }

  public var number: Double? {
    switch self {
    case .number(let d): d
    case .integer(let i): Double(i)
    default: nil
    }
  }

  public var text: String {
    switch self {
    case .number(let d): "\(d)"
    case .integer(let i): String(i)
    case .string(let s): s
    case .boolean(let b): String(b)
    }
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let b = try? container.decode(Bool.self) { self = .boolean(b); return }
    if let i = try? container.decode(Int.self) { self = .integer(i); return }
    if let d = try? container.decode(Double.self) { self = .number(d); return }
    if let s = try? container.decode(String.self) { self = .string(s); return }
    throw DecodingError.typeMismatch(SweepValue.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a number, a string or a boolean"))
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let d): try container.encode(d)
    case .integer(let i): try container.encode(i)
    case .string(let s): try container.encode(s)
    case .boolean(let b): try container.encode(b)
    }
  }
}
