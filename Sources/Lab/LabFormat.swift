import Foundation

/// Number formatting for the lab's people-facing strings (pane cells, CLI text, verdicts).
/// Every quantity that reaches a person carries its unit; these helpers only shape the digits.
public enum LabFormat {
  /// `x` with a fixed number of decimals ("0.8568"); "—" for non-finite values.
  public static func fixed(_ x: Double, _ decimals: Int) -> String {
    guard x.isFinite else { return "—" }
    let text = String(format: "%.\(max(0, decimals))f", x)
    return text == "-" + String(format: "%.\(max(0, decimals))f", 0.0) ? String(text.dropFirst()) : text
  }

  /// `x` with `digits` significant digits, no exponent between 1e-4 and 1e6 ("268.4",
  /// "0.00745"); trailing zeros after the point are dropped unless `keepZeros` ("550", "5").
  public static func number(_ x: Double, digits: Int, keepZeros: Bool = false) -> String {
    guard x.isFinite else { return "—" }
    if x == 0 { return "0" }
    let magnitude = abs(x)
    if magnitude >= 1e-4 && magnitude < 1e6 {
      let integerDigits = Int(floor(log10(magnitude))) + 1
      let text = fixed(x, max(0, digits - integerDigits))
      guard !keepZeros, text.contains(".") else { return text }
      var trimmed = Substring(text)
      while trimmed.last == "0" { trimmed = trimmed.dropLast() }
      if trimmed.last == "." { trimmed = trimmed.dropLast() }
      return String(trimmed)
    }
    return String(format: "%.\(max(0, digits - 1))e", x)
  }

  /// A duration in hours as "10 h", "1 h 30 min", "45 min" or "12 s" (for press holds).
  public static func duration(hours: Double) -> String {
    // Parsed files cap durations at a year; a value computed elsewhere that does not fit the
    // seconds counted below is shown in hours rather than trapping.
    guard hours.isFinite else { return "—" }
    guard let seconds = Int(exactly: (hours * 3600).rounded()), abs(seconds) < 1 << 40 else {
      return "\(number(hours, digits: 3)) h"
    }
    if seconds < 60 { return "\(seconds) s" }
    let minutes = seconds / 60
    let restSeconds = seconds % 60
    if minutes < 60 {
      return restSeconds == 0 ? "\(minutes) min" : "\(minutes) min \(restSeconds) s"
    }
    let h = minutes / 60
    let m = minutes % 60
    return m == 0 ? "\(h) h" : "\(h) h \(m) min"
  }

  /// A mass given in grams, shown in mg below 1 g and in g above ("856.8 mg", "1.713 g").
  public static func mass(grams: Double) -> String {
    guard grams.isFinite else { return "—" }
    if abs(grams) < 1 { return number(grams * 1000, digits: 4, keepZeros: true) + " mg" }
    if abs(grams) >= 1000 { return number(grams / 1000, digits: 4, keepZeros: true) + " kg" }
    return number(grams, digits: 4, keepZeros: true) + " g"
  }
}
