import ArgumentParser
import Engine

/// `--capacitance/--no-capacitance` and `--inductance/--no-inductance` of `eis drt` and `eis kk`:
/// neither flag leaves the choice to the data (`SeriesElementChoice`), and the choice is printed.
struct SeriesElementOptions: ParsableArguments {
  @Flag(inversion: .prefixedNo, help: "Series capacitance (blocking electrodes); default: decided from the low-frequency phase.")
  var capacitance: Bool?

  @Flag(inversion: .prefixedNo, help: "Series inductance; default: decided from Z'' at the highest frequency.")
  var inductance: Bool?

  var capacitanceMode: SeriesElementChoice.Mode { Self.mode(capacitance) }
  var inductanceMode: SeriesElementChoice.Mode { Self.mode(inductance) }

  static func mode(_ flag: Bool?) -> SeriesElementChoice.Mode {
    flag.map { $0 ? .on : .off } ?? .automatic
  }
}

/// A series element's choice and value in `--json`: `{"included": true, "chosen": "auto",
/// "reason": "low-frequency phase −88.9°, …", "value": 1.2e-6}`.
struct SeriesElementDocument: Encodable {
  var included: Bool
  var chosen: String
  var reason: String
  var value: Double?

  init(_ choice: SeriesElementChoice, value: Double?) {
    included = choice.included
    chosen = choice.given ? "set" : "auto"
    reason = choice.reason
    self.value = value.flatMap { $0.isFinite ? $0 : nil }
  }
}
