import Foundation

/// Short, exact-looking tick labels. Linear ticks show as many decimals as the step needs
/// (step 0.05 → "0.15"); very large or very small numbers use an exponent ("2e-5", "1.5e6").
public enum TickLabel {
  /// The label of a linear tick `value` on an axis with tick spacing `step`.
  public static func linear(_ value: Double, step: Double) -> String {
    guard value.isFinite else { return "" }
    let stepExponent = Int(floor(log10(step) + 1e-9))
    let magnitude = abs(value)
    // A tick that is zero up to rounding (3·0.1 − 0.3) is labelled like its neighbours: "0.0".
    if magnitude < step * 1e-6 { return stepExponent < -4 ? "0" : fixed(0, decimals: Swift.max(0, -stepExponent)) }
    // A fine step on a value far larger than it (a CE axis at 99.80 ± 0.0001 %) keeps fixed
    // decimals: its mantissa would need more digits than an exponent label has, and cutting
    // them labelled five ticks "9.98e1".
    let fineStepOnLargeValue = stepExponent < -4 && magnitude >= 0.01 && -stepExponent <= 12
    if magnitude >= 1e6 || (stepExponent < -4 && !fineStepOnLargeValue) {
      return scientific(value, significantDecimals: Swift.max(0, Int(floor(log10(magnitude))) - stepExponent))
    }
    return fixed(value, decimals: Swift.max(0, -stepExponent))
  }

  /// The label of a log-axis tick: plain for 0.001 … 1000, otherwise "1e-5"-style.
  public static func logarithmic(_ value: Double) -> String {
    guard value.isFinite, value > 0 else { return "" }
    let exponent = Int(floor(log10(value) + 1e-9))
    if exponent >= -3 && exponent <= 3 { return fixed(value, decimals: Swift.max(0, -exponent)) }
    return scientific(value, significantDecimals: 0)
  }

  /// `value` with exactly `decimals` digits after the point (no "-0").
  public static func fixed(_ value: Double, decimals: Int) -> String {
    let d = Swift.min(Swift.max(0, decimals), 12)
    let scale = pow(10, Double(d))
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(value) }
    let n = Int64(scaled)
    let divisor = Int64(scale)
    var text = n == 0 || value >= 0 ? "" : "-"
    text += String(n / divisor)
    if d > 0 {
      let fraction = String(n % divisor)
      text += "." + String(repeating: "0", count: d - fraction.count) + fraction
    }
    return text
  }

  /// `m e k` with `significantDecimals` decimals in the mantissa, trailing zeros dropped.
  public static func scientific(_ value: Double, significantDecimals: Int) -> String {
    guard value != 0 else { return "0" }
    var exponent = Int(floor(log10(abs(value))))
    var mantissa = value / pow(10, Double(exponent))
    // As many decimals as the step needs (neighbouring ticks must differ), trailing zeros dropped.
    let d = Swift.min(significantDecimals, 12)
    if abs((abs(mantissa) * pow(10, Double(d))).rounded()) >= 10 * pow(10, Double(d)) {
      exponent += 1
      mantissa /= 10
    }
    var text = fixed(mantissa, decimals: d)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text + "e" + String(exponent)
  }
}
