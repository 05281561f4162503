import Engine
import Formats

/// Masses as people type them: "2g", "2 g", "500 mg", "0.5kg", "2" (grams).
public enum MassText {
  /// The mass in grams; an `InputError` (column of the problem) for anything else.
  public static func grams(_ text: String) throws -> Double {
    let trimmed = text.trimmedSpaces()
    let chars = Array(trimmed)
    var i = 0
    if i < chars.count, chars[i] == "-" || chars[i] == "+" { i += 1 }
    while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." { i += 1 }
    // An exponent only when digits follow ("2e-3 kg"), so that a unit is never eaten.
    if i + 1 < chars.count, chars[i] == "e" || chars[i] == "E" {
      var j = i + 1
      if chars[j] == "-" || chars[j] == "+" { j += 1 }
      if j < chars.count, chars[j].isASCII, chars[j].isNumber {
        i = j
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
      }
    }
    let numberText = String(chars[..<i])
    let unit = String(chars[i...]).trimmedSpaces().lowercased()
    guard let value = Double(numberText), value.isFinite else {
      throw InputError("expected a mass such as 2g or 500mg, found \"\(text)\"", column: 1)
    }
    let factor: Double
    switch unit {
    case "", "g": factor = 1
    case "mg": factor = 1e-3
    case "kg": factor = 1e3
    case "µg", "ug": factor = 1e-6
    default:
      throw InputError(
        "unknown mass unit \"\(unit)\" (expected g, mg or kg)", column: numberText.count + 1)
    }
    guard value > 0 else {
      throw InputError("a batch mass must be positive, found \(text)", column: 1)
    }
    return value * factor
  }
}
