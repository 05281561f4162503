import Engine
import Formats

/// Readers shared by the recipe, protocol and materials files: checked numbers, durations in
/// either unit, formulas located at their key's line, and unknown keys as errors.
extension TOMLTable {
  /// Throws the first unknown key as an error at its line (a typo must never be ignored).
  func rejectUnknownKeys(_ allowed: Set<String>) throws {
    if let first = unknownKeys(allowed: allowed).first { throw first }
  }

  /// A number that must be > 0 (or ≥ 0 with `allowZero`), if present.
  func optionalPositive(_ key: String, allowZero: Bool = false) throws -> Double? {
    guard let value = try optionalDouble(key) else { return nil }
    guard value.isFinite, allowZero ? value >= 0 : value > 0 else {
      throw error(
        "'\(qualified(key))' must be \(allowZero ? "zero or positive" : "positive"), found \(value)",
        key: key)
    }
    return value
  }

  func positive(_ key: String, allowZero: Bool = false) throws -> Double {
    guard let value = try optionalPositive(key, allowZero: allowZero) else {
      throw error("missing key '\(qualified(key))'")
    }
    return value
  }

  /// A percentage in (0, 100].
  func optionalPercent(_ key: String) throws -> Double? {
    guard let value = try optionalPositive(key) else { return nil }
    guard value <= 100 else {
      throw error("'\(qualified(key))' is a percentage and must be at most 100, found \(value)", key: key)
    }
    return value
  }

  /// A duration in hours from `<stem>_h`, `<stem>_min` or `<stem>_s` (exactly one may be given).
  func optionalHours(_ stem: String, allowZero: Bool = true) throws -> Double? {
    let units: [(String, Double)] = [("_h", 1), ("_min", 1.0 / 60), ("_s", 1.0 / 3600)]
    let present = units.filter { contains(stem + $0.0) }
    if present.count > 1 {
      throw error(
        "give only one of \(present.map { "'\(qualified(stem + $0.0))'" }.joined(separator: ", "))",
        key: stem + present[1].0)
    }
    guard let (suffix, factor) = present.first else { return nil }
    let hours = try positive(stem + suffix, allowZero: allowZero) * factor
    // No milling, annealing, press hold or rest in a lab runs for more than a year: a larger
    // number is a typo or a corrupt file, and would not fit the seconds the views count in.
    guard hours <= Self.longestStepHours else {
      throw error(
        "'\(qualified(stem + suffix))' is longer than a year (\(LabFormat.number(hours, digits: 3)) h); give the step's real duration",
        key: stem + suffix)
    }
    return hours
  }

  /// The longest duration a recipe or protocol step may state: one year, in hours.
  static let longestStepHours = 24.0 * 366

  func hours(_ stem: String, allowZero: Bool = true) throws -> Double {
    guard let value = try optionalHours(stem, allowZero: allowZero) else {
      throw error("missing key '\(qualified(stem))_h' (or '\(stem)_min')")
    }
    return value
  }

  /// A chemical formula; a parse error is reported at the key's line with the column inside the
  /// formula named in the message.
  func optionalFormula(_ key: String) throws -> Formula? {
    guard let text = try optionalString(key) else { return nil }
    do {
      return try Formula.parse(text)
    } catch let parseError as InputError {
      let column = parseError.column.map { ", column \($0)" } ?? ""
      throw error("formula `\(text)`\(column): \(parseError.message)", key: key)
    }
  }

  func formula(_ key: String) throws -> Formula {
    guard let formula = try optionalFormula(key) else {
      throw error("missing key '\(qualified(key))'")
    }
    return formula
  }

  /// Free text given as one string or an array of strings.
  func textLines(_ key: String) throws -> [String] {
    if let single = self[key], case .string(let s) = single { return [s] }
    return try strings(key) ?? []
  }
}
