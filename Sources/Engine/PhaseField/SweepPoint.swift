import Formats

/// One point of a sweep: its number, the value of every varied key, its run folder's name and
/// the validated configuration it runs.
public struct SweepPoint: Sendable, Equatable {
  public var index: Int
  /// (key, value) in `SweepSpec.keys` order.
  public var parameters: [SweepParameter]
  /// The run folder's name inside the sweep folder (`p000`, `p001`, …).
  public var folder: String
  public var config: SimulationConfig
}

/// A varied key and its value at one point.
public struct SweepParameter: Sendable, Equatable {
  public var key: String
  public var value: TOMLValue
  public init(key: String, value: TOMLValue) {
    self.key = key
    self.value = value
  }

  /// The value as a number, when it is one (what a plot of an observable against it uses).
  public var number: Double? { value.doubleValue }
  /// The value as TOML writes it.
  public var text: String {
    switch value {
    case .string(let s): "\"\(s)\""
    case .integer(let i): String(i)
    case .float(let d): "\(d)"
    case .boolean(let b): String(b)
    case .dateTime(let s): s
    case .array, .table: value.typeName
    }
  }
}
