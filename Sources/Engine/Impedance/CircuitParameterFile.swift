import Formats
import Foundation

/// The file a circuit and its starting values live in — written by the Impedance pane, read by
/// `glovebox eis fit --initial FILE`. Plain text, one setting per line, `#` comments:
///
///     # glovebox circuit parameters
///     circuit = L0-R0-p(R1,CPE1)-p(R2,CPE2)
///     weight = proportional          # optional: unit | proportional | modulus
///     L0 = 1.7e-7
///     R0 = 0.0145 fixed              # 'fixed' keeps it out of the fit
///     CPE1_1 = 0.8 min 0.5 max 1     # optional bounds
///
/// Names are the circuit's parameter names (impedance.py style). Parameters not listed are found
/// automatically. Units are implied by the element (see `CircuitElementKind.units`); a value is
/// always in SI (Ω, F, H, s).
public struct CircuitParameterFile: Equatable, Sendable {
  public var circuit: Circuit
  public var weighting: ImpedanceWeighting?
  /// The parameters the file sets, with values, flags and bounds; the rest take defaults.
  public var parameters: Parameters

  public init(circuit: Circuit, weighting: ImpedanceWeighting? = nil, parameters: Parameters) {
    self.circuit = circuit
    self.weighting = weighting
    self.parameters = parameters
  }

  public init(text: String, file: String? = nil) throws {
    var circuit: Circuit?
    var weighting: ImpedanceWeighting?
    var settings: [(line: Int, column: Int, name: String, words: [Substring])] = []
    for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let lineNumber = index + 1
      let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      if content.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      guard let eq = content.firstIndex(of: "=") else {
        throw InputError("expected 'name = value'", file: file, line: lineNumber, column: 1)
      }
      let name = content[..<eq].trimmingCharacters(in: .whitespaces)
      let rhs = content[content.index(after: eq)...]
      let rhsColumn = content.distance(from: content.startIndex, to: eq) + 2
      if name.isEmpty { throw InputError("expected a name before '='", file: file, line: lineNumber, column: 1) }
      switch name {
      case "circuit":
        do {
          circuit = try Circuit(rhs.trimmingCharacters(in: .whitespaces))
        } catch let e as InputError {
          let lead = rhs.prefix { $0 == " " || $0 == "\t" }.count
          throw InputError(e.message, file: file, line: lineNumber, column: rhsColumn + lead + (e.column ?? 1) - 1)
        }
      case "weight":
        let w = rhs.trimmingCharacters(in: .whitespaces)
        guard let parsed = ImpedanceWeighting(name: w) else {
          throw InputError("expected weight = unit, proportional or modulus, found '\(w)'", file: file, line: lineNumber, column: rhsColumn)
        }
        weighting = parsed
      default:
        settings.append((lineNumber, rhsColumn, name, rhs.split(whereSeparator: { $0 == " " || $0 == "\t" })))
      }
    }
    guard let circuit else {
      throw InputError("expected a line 'circuit = …' naming the circuit", file: file, line: 1)
    }
    let defaults = circuit.parameters(values: [Double](repeating: 1, count: circuit.parameterCount))
    var chosen: [Parameter] = []
    for s in settings {
      guard var p = defaults[s.name] else {
        throw InputError("unknown parameter '\(s.name)'; the circuit \(circuit) has \(circuit.parameterNames.joined(separator: ", "))", file: file, line: s.line, column: 1)
      }
      guard let first = s.words.first, let v = Double(first), v.isFinite else {
        throw InputError("expected a number for \(s.name), found '\(s.words.first ?? "")'", file: file, line: s.line, column: s.column)
      }
      p.value = v
      var k = 1
      while k < s.words.count {
        switch s.words[k] {
        case "fixed": p.fixed = true
        case "min", "max":
          guard k + 1 < s.words.count, let b = Double(s.words[k + 1]) else {
            throw InputError("expected a number after '\(s.words[k])' for \(s.name)", file: file, line: s.line, column: s.column)
          }
          if s.words[k] == "min" { p.min = b } else { p.max = b }
          k += 1
        default:
          throw InputError("expected 'fixed', 'min X' or 'max X' after the value of \(s.name), found '\(s.words[k])'", file: file, line: s.line, column: s.column)
        }
        k += 1
      }
      if p.min > p.value || p.max < p.value {
        throw InputError("\(s.name) = \(v) lies outside its bounds [\(p.min), \(p.max)]", file: file, line: s.line, column: s.column)
      }
      chosen.append(p)
    }
    self.circuit = circuit
    self.weighting = weighting
    self.parameters = Parameters(chosen)
  }

  /// The file's text; reading it back gives the same circuit, weighting and parameters.
  public var text: String {
    var lines = ["# glovebox circuit parameters", "circuit = \(circuit)"]
    if let weighting, weighting.name != "given" { lines.append("weight = \(weighting.name)") }
    let defaults = circuit.parameters(values: [Double](repeating: 1, count: circuit.parameterCount))
    for p in parameters {
      var line = "\(p.name) = \(p.value)"
      if p.fixed { line += " fixed" }
      if let d = defaults[p.name] {
        if p.min != d.min { line += " min \(p.min)" }
        if p.max != d.max { line += " max \(p.max)" }
      }
      if !p.unit.isEmpty { line += "  # \(p.unit)" }
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
