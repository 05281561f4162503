import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox eis fit FILE… --circuit C`: equivalent-circuit fits, one result per file and spectrum.
struct EISFit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Fit an equivalent circuit to impedance spectra (no start needed).",
    discussion: """
      Circuits use impedance.py's syntax: '-' in series, p(a,b) in parallel; elements R C L CPE La W \
      Wo Ws G Zarc K with an index (R0, CPE1). Parameter names: R0, CPE1_0 (Q), CPE1_1 (n).
      --initial takes name=value pairs or a circuit parameter file:
        circuit = L0-R0-p(R1,CPE1)-p(R2,CPE2)
        weight = unit
        R0 = 0.0145 fixed
        CPE1_1 = 0.8 min 0.5 max 1
      Parameters not given are found from the spectrum; --global adds 64 random starts.
      """
  )

  @Argument(help: "Impedance files (any format `glovebox eis read` knows).")
  var files: [String]

  @Option(help: "Equivalent circuit, e.g. L0-R0-p(R1,CPE1)-p(R2,CPE2).")
  var circuit: String?

  @Option(help: "Starting values: name=value,… or a circuit parameter file.")
  var initial: String?

  @Option(help: "Parameters to hold fixed at their starting values: name,…")
  var fix: String?

  @Option(help: "Weighting: unit, proportional (1/|Z|²) or modulus (1/|Z|).")
  var weight: String?

  @Flag(help: "Multi-start global search (random starts within physical ranges, best kept).")
  var global = false

  @Option(help: "Fit each spectrum N times and report the mean time per fit (benchmarking).")
  var `repeat`: Int = 1

  @Flag(help: "Print one JSON document.")
  var json = false

  struct ParameterResult: Encodable {
    var name: String
    var value: Double?
    var stderr: Double?
    var unit: String
    var fixed: Bool
  }

  struct SpectrumResult: Encodable {
    var name: String
    var circuit: String
    var weighting: String
    var parameters: [ParameterResult]
    var chi_square: Double?
    var reduced_chi_square: Double?
    var rmse: Double?
    var aic: Double?
    var bic: Double?
    var iterations: Int
    var success: Bool
    var message: String
    var points: Int
    var ms_per_fit: Double?
  }

  struct FileResult: Encodable {
    var file: String
    var spectra: [SpectrumResult]
    var error: String?
  }

  mutating func run() throws {
    var given = Parameters()
    var circuitText = circuit
    var weighting = ImpedanceWeighting.unit
    if let initial {
      if FileManager.default.fileExists(atPath: initial) {
        let text = try String(contentsOfFile: initial, encoding: .utf8)
        do {
          let file = try CircuitParameterFile(text: text, file: initial)
          if circuitText == nil { circuitText = file.circuit.description }
          given = file.parameters
          if let w = file.weighting { weighting = w }
        } catch let e as InputError {
          try fail(e.description)
        }
      } else {
        for pair in initial.split(separator: ",") {
          let kv = pair.split(separator: "=", maxSplits: 1)
          guard kv.count == 2, let v = Double(kv[1].trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("--initial: expected name=value, found '\(pair)' (or a file that does not exist)")
          }
          given.items.append(Parameter(kv[0].trimmingCharacters(in: .whitespaces), value: v))
        }
      }
    }
    guard let circuitText else { throw ValidationError("expected --circuit (or a circuit line in the --initial file)") }
    let parsed: Circuit
    do {
      parsed = try Circuit(circuitText)
    } catch let e as InputError {
      try fail("--circuit:1:\(e.column ?? 1): \(e.message)\n  \(circuitText)\n  \(String(repeating: " ", count: max(0, (e.column ?? 1) - 1)))^")
    }
    if let weight {
      guard let w = ImpedanceWeighting(name: weight) else {
        throw ValidationError("--weight: expected unit, proportional or modulus, found '\(weight)'")
      }
      weighting = w
    }
    // Resolve given values against the circuit: names must exist; bounds come from the circuit.
    let template = parsed.parameters(values: [Double](repeating: 1, count: parsed.parameterCount))
    var start = Parameters()
    for p in given {
      guard var t = template[p.name] else {
        throw ValidationError("--initial: unknown parameter '\(p.name)'; \(parsed) has \(parsed.parameterNames.joined(separator: ", "))")
      }
      t.value = p.value
      t.fixed = p.fixed
      if p.min.isFinite { t.min = p.min }
      if p.max.isFinite { t.max = p.max }
      start.items.append(t)
    }
    for name in (fix ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
      guard let i = start.index(of: name) else {
        throw ValidationError("--fix: '\(name)' needs a value in --initial (and must be one of \(parsed.parameterNames.joined(separator: ", ")))")
      }
      start[i].fixed = true
    }
    let complete = start.count == parsed.parameterCount
    let repeats = max(1, self.repeat)
    var results: [FileResult] = []
    var failed = false
    for (file, spectra, error) in readSpectra(files) {
      guard let spectra else {
        failed = true
        results.append(FileResult(file: file, spectra: [], error: error))
        continue
      }
      var out: [SpectrumResult] = []
      for spectrum in spectra {
        var result: FitResult?
        let clock = ContinuousClock()
        let t0 = clock.now
        for _ in 0..<repeats {
          if complete && !global {
            let ordered = Parameters(parsed.parameterNames.compactMap { start[$0] })
            result = CircuitFit.fit(circuit: parsed, spectrum: spectrum, start: ordered, weighting: weighting)
          } else {
            result = CircuitFit.fitAutomatically(circuit: parsed, spectrum: spectrum, weighting: weighting,
                                                 given: start, search: global ? .global : .automatic)
          }
        }
        let elapsed = clock.now - t0
        guard let r = result else { continue }
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        out.append(Self.summary(r, spectrum: spectrum, circuit: parsed, weighting: weighting,
                                msPerFit: self.repeat > 1 ? ms / Double(repeats) : nil))
      }
      results.append(FileResult(file: file, spectra: out, error: nil))
    }
    if json {
      try printJSON(["files": results])
    } else {
      for f in results where f.error == nil {
        for s in f.spectra { print(Self.table(s)) }
      }
    }
    if failed { throw ExitCode(2) }
  }

  static func summary(_ r: FitResult, spectrum: ImpedanceSpectrum, circuit: Circuit, weighting: ImpedanceWeighting,
                      msPerFit: Double?) -> SpectrumResult {
    let params = r.parameters.items.enumerated().map { i, p in
      ParameterResult(name: p.name, value: finite(p.value), stderr: finite(r.standardErrors[i]), unit: p.unit, fixed: p.fixed)
    }
    return SpectrumResult(
      name: spectrum.name, circuit: circuit.description, weighting: weighting.name, parameters: params,
      chi_square: finite(r.chiSquare), reduced_chi_square: finite(r.reducedChiSquare), rmse: finite(r.rmse),
      aic: finite(r.aic), bic: finite(r.bic), iterations: r.iterations, success: r.success, message: r.message,
      points: spectrum.count, ms_per_fit: msPerFit)
  }

  static func table(_ s: SpectrumResult) -> String {
    var lines = ["\(s.name): \(s.circuit)  (\(s.success ? "converged" : "FAILED"): \(s.message))"]
    for p in s.parameters {
      let v = p.value.map { String(format: "%.6g", $0) } ?? "nan"
      let e = p.fixed ? "fixed" : (p.stderr.map { String(format: "± %.3g", $0) } ?? "± ?")
      lines.append("  \(p.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(v.padding(toLength: 14, withPad: " ", startingAt: 0)) \(e.padding(toLength: 12, withPad: " ", startingAt: 0)) \(p.unit)")
    }
    lines.append(String(format: "  χ² %.6g   reduced χ² %.6g   RMSE %.4g   (%@ weights, %d points)",
                        s.chi_square ?? .nan, s.reduced_chi_square ?? .nan, s.rmse ?? .nan, s.weighting, s.points))
    if let ms = s.ms_per_fit { lines.append(String(format: "  %.3f ms per fit", ms)) }
    return lines.joined(separator: "\n")
  }
}

/// NaN and ±∞ become null in JSON.
func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

/// Reads each file with the instrument readers; a file that fails is reported on stderr as
/// `file:line:col: message` and comes back with its error instead of spectra.
func readSpectra(_ files: [String]) -> [(file: String, spectra: [ImpedanceSpectrum]?, error: String?)] {
  files.map { file in
    do {
      return (file, try ImpedanceReader.read(contentsOf: URL(fileURLWithPath: file)), nil)
    } catch {
      let message = (error as? InputError)?.inFile(file).description ?? "\(file): \(error)"
      FileHandle.standardError.write(Data((message + "\n").utf8))
      return (file, nil, message)
    }
  }
}

/// Prints a message to stderr and exits with status 2.
func fail(_ message: String) throws -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  throw ExitCode(2)
}
