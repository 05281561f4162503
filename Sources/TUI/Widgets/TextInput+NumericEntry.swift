/// Numbers as a person types them into a field: a decimal with an optional exponent and an
/// optional unit with an SI prefix — `2`, `-0.5`, `1.5e-3`, `2g`, `2 mg`, `300MPa`, `3.2 kPa`.
/// The value is returned in the field's base unit (`300MPa` in a Pa field is 3e8), so the caller
/// never sees the prefix. Anything else is a `Failure` whose message says what was expected.
public enum NumericEntry {
  /// The base unit of a field ("g", "Pa", "m"), or `none` for a plain number.
  public struct Unit: Hashable, Sendable {
    public var symbol: String
    /// Whether SI prefixes (k, M, m, µ, …) may precede the symbol.
    public var allowsPrefixes: Bool

    public init(_ symbol: String, allowsPrefixes: Bool = true) {
      self.symbol = symbol
      self.allowsPrefixes = allowsPrefixes
    }

    /// A plain number without a unit.
    public static let none = Unit("", allowsPrefixes: false)
  }

  public struct Failure: Error, Hashable, Sendable {
    public var message: String
  }

  /// SI prefixes and their factors; `u` is accepted for µ where µ is hard to type.
  static let prefixes: [String: Double] = [
    "T": 1e12, "G": 1e9, "M": 1e6, "k": 1e3, "h": 1e2, "c": 1e-2, "m": 1e-3, "µ": 1e-6, "μ": 1e-6,
    "u": 1e-6, "n": 1e-9, "p": 1e-12,
  ]

  /// Parses `text` as a number in `unit`, scaling a prefixed unit to the base unit.
  public static func parse(_ text: String, unit: Unit) -> Result<Double, Failure> {
    let example = unit.symbol.isEmpty ? "a number such as 2.5 or 1e-3" : "a number such as 2.5, 1e-3 or 2 \(unit.symbol)"
    let chars = Array(text)
    var i = 0
    while i < chars.count, chars[i] == " " { i += 1 }
    let numberStart = i
    if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
    var mantissaDigits = 0
    while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1; mantissaDigits += 1 }
    if i < chars.count, chars[i] == "." {
      i += 1
      while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1; mantissaDigits += 1 }
    }
    guard mantissaDigits > 0 else {
      return .failure(Failure(message: text.isEmpty ? "expected \(example), got nothing" : "expected \(example), got \"\(text)\""))
    }
    // An exponent only counts when digits follow `e`; otherwise `e` may start a unit.
    if i < chars.count, chars[i] == "e" || chars[i] == "E" {
      var j = i + 1
      if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
      let digitsStart = j
      while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
      if j > digitsStart { i = j }
    }
    let numberText = String(chars[numberStart..<i])
    guard let number = Double(numberText), number.isFinite else {
      return .failure(Failure(message: "expected \(example), got \"\(text)\" (out of range)"))
    }
    while i < chars.count, chars[i] == " " { i += 1 }
    var end = chars.count
    while end > i, chars[end - 1] == " " { end -= 1 }
    let unitText = String(chars[i..<end])
    if unitText.isEmpty { return .success(number) }
    if unitText == unit.symbol, !unit.symbol.isEmpty { return .success(number) }
    if unit.symbol.isEmpty {
      return .failure(Failure(message: "expected a plain number, got unit \"\(unitText)\" in \"\(text)\""))
    }
    if unit.allowsPrefixes, unitText.hasSuffix(unit.symbol) {
      let prefix = String(unitText.dropLast(unit.symbol.count))
      if let factor = prefixes[prefix] { return .success(number * factor) }
    }
    return .failure(Failure(message: "expected a unit of \(unit.symbol) (e.g. k\(unit.symbol), m\(unit.symbol)), got \"\(unitText)\" in \"\(text)\""))
  }
}
