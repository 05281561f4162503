/// One adjustable quantity of a model, as lmfit has it: a value with optional bounds, a fixed
/// flag and a unit. Bounds are enforced by the minimizer through a change of variables, so a
/// bounded parameter never leaves its interval during a fit.
public struct Parameter: Equatable, Sendable {
  public var name: String
  public var value: Double
  public var min: Double
  public var max: Double
  public var fixed: Bool
  /// The unit as a person reads it, e.g. "Ω", "F", "Ω⁻¹ sⁿ", "" for dimensionless.
  public var unit: String
  /// Fit ln(value − min) instead of value: right for strictly positive quantities whose scale
  /// is unknown to a decade or more (resistances, capacitances, time constants), because equal
  /// steps then mean equal relative changes.
  public var logarithmic: Bool

  public init(_ name: String, value: Double, min: Double = -.infinity, max: Double = .infinity,
              fixed: Bool = false, unit: String = "", logarithmic: Bool = false) {
    self.name = name
    self.value = value
    self.min = min
    self.max = max
    self.fixed = fixed
    self.unit = unit
    self.logarithmic = logarithmic
  }
}

/// An ordered set of parameters, addressed by position or by name.
public struct Parameters: Equatable, Sendable, Sequence {
  public var items: [Parameter]

  public init(_ items: [Parameter] = []) { self.items = items }

  public var count: Int { items.count }
  public var values: [Double] { items.map(\.value) }
  public var names: [String] { items.map(\.name) }
  public var freeCount: Int { items.filter { !$0.fixed }.count }

  public subscript(index: Int) -> Parameter {
    get { items[index] }
    set { items[index] = newValue }
  }

  public subscript(name: String) -> Parameter? {
    get { items.first { $0.name == name } }
    set {
      guard let i = items.firstIndex(where: { $0.name == name }) else { return }
      if let newValue { items[i] = newValue }
    }
  }

  public func index(of name: String) -> Int? { items.firstIndex { $0.name == name } }

  public mutating func setValues(_ values: [Double]) {
    for i in 0..<Swift.min(values.count, items.count) { items[i].value = values[i] }
  }

  public func makeIterator() -> IndexingIterator<[Parameter]> { items.makeIterator() }
}
