/// A CIF numeric value with its standard uncertainty: `1.234(5)` is 1.234 ± 0.005 (the digits in
/// brackets are the uncertainty in units of the last written digit; CIF 1.1 core dictionary).
public struct CIFNumber: Sendable, Equatable {
  public var value: Double
  /// The standard uncertainty, when the file gives one.
  public var uncertainty: Double?

  public init(value: Double, uncertainty: Double? = nil) {
    self.value = value
    self.uncertainty = uncertainty
  }

  /// Parses `[+-]digits[.digits][e[+-]digits][(digits)]`; nil for anything else (words, `?`, NaN,
  /// infinities, numbers too large for a Double).
  public init?(_ text: String) {
    var mantissa = Substring(text)
    var uncertaintyDigits: Substring? = nil
    if let open = text.firstIndex(of: "(") {
      guard text.last == ")" else { return nil }
      mantissa = text[..<open]
      let digits = text[text.index(after: open)..<text.index(before: text.endIndex)]
      guard !digits.isEmpty, digits.utf8.count <= 9, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
      uncertaintyDigits = digits
    }
    guard !mantissa.isEmpty,
      mantissa.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }),
      mantissa.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
      let value = Double(mantissa), value.isFinite
    else { return nil }
    self.value = value
    guard let uncertaintyDigits, let units = Double(uncertaintyDigits) else {
      uncertainty = nil
      return
    }
    // The uncertainty counts units of the mantissa's last decimal place (before any exponent).
    let lowered = mantissa.lowercased()
    let significand = lowered.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
    let exponent = significand.count > 1 ? Int(significand[1]) ?? 0 : 0
    var decimals = 0
    if let dot = significand[0].firstIndex(of: ".") {
      decimals = significand[0].distance(from: dot, to: significand[0].endIndex) - 1
    }
    guard abs(exponent) < 300 else { return nil }
    var scale = 1.0
    for _ in 0..<decimals { scale /= 10 }
    if exponent > 0 { for _ in 0..<exponent { scale *= 10 } } else { for _ in 0 ..< -exponent { scale /= 10 } }
    uncertainty = units * scale
  }
}
