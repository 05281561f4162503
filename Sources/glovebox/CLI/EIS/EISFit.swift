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

  /// One fitted spectrum in the JSON: the spectrum's name, the time per fit when `--repeat`
  /// asked for it, and the fit report's own keys (`FitReport+Coding.swift`) beside them — the
  /// same object the Impedance pane's export writes for a spectrum.
  struct SpectrumResult: Encodable {
    var name: String
    var report: FitReport
    var msPerFit: Double?

    enum CodingKeys: String, CodingKey {
      case name
      case msPerFit = "ms_per_fit"
    }

    func encode(to encoder: any Encoder) throws {
      try report.encode(to: encoder)
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encodeIfPresent(msPerFit, forKey: .msPerFit)
    }
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
    // Names must be the circuit's; merging the given values with the circuit's own parameters
    // (units, bounds) is `CircuitFitRequest`'s.
    for p in given where !parsed.parameterNames.contains(p.name) {
      throw ValidationError("--initial: unknown parameter '\(p.name)'; \(parsed) has \(parsed.parameterNames.joined(separator: ", "))")
    }
    for name in (fix ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
      guard let i = given.index(of: name) else {
        throw ValidationError("--fix: '\(name)' needs a value in --initial (and must be one of \(parsed.parameterNames.joined(separator: ", ")))")
      }
      given[i].fixed = true
    }
    let repeats = max(1, self.repeat)
    var results: [FileResult] = []
    var failed = false
    let search: CircuitFitRequest.Search = global ? .global : .automatic
    let read = readSpectra(files)
    // Without --repeat the batch is fitted on every core at once (the same results as one by
    // one: `CircuitFit.runAll`); with it each spectrum is timed alone.
    let requests = read.flatMap { $0.1 ?? [] }.map {
      CircuitFitRequest(circuit: parsed, spectrum: $0, weighting: weighting, given: given, search: search)
    }
    let batch = repeats == 1 ? CircuitFit.runAll(requests) : []
    var position = 0
    for (file, spectra, error) in read {
      guard let spectra else {
        failed = true
        results.append(FileResult(file: file, spectra: [], error: error))
        continue
      }
      var out: [SpectrumResult] = []
      for _ in spectra {
        let request = requests[position]
        defer { position += 1 }
        if repeats == 1 {
          out.append(SpectrumResult(name: request.spectrum.name, report: request.report(batch[position]), msPerFit: nil))
          continue
        }
        var result: FitResult?
        let clock = ContinuousClock()
        let t0 = clock.now
        for _ in 0..<repeats { result = CircuitFit.run(request) }
        let elapsed = clock.now - t0
        guard let r = result else { continue }
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        out.append(SpectrumResult(name: request.spectrum.name, report: request.report(r), msPerFit: ms / Double(repeats)))
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

  static func table(_ s: SpectrumResult) -> String {
    let r = s.report
    var lines = ["\(s.name): \(r.model)  (\(r.success ? "converged" : "FAILED"): \(r.message))"]
    for p in r.parameters {
      let v = p.value.isFinite ? String(format: "%.6g", p.value) : "— (not finite)"
      let e = p.fixed ? "fixed" : (p.standardError.isFinite ? String(format: "± %.3g", p.standardError) : "± ?")
      let flags = r.identifiabilityFlags(of: p.name)
      let warning = flags.isEmpty ? "" : "  ⚠ " + flags.joined(separator: "; ")
      lines.append("  \(p.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(v.padding(toLength: 14, withPad: " ", startingAt: 0)) \(e.padding(toLength: 12, withPad: " ", startingAt: 0)) \(p.unit)\(warning)")
    }
    lines.append(String(format: "  χ² %.6g   reduced χ² %.6g   RMSE %.4g   (%@ weights, %d points)",
                        r.chiSquare, r.reducedChiSquare, r.rmse, r.weighting, r.points))
    if let ms = s.msPerFit { lines.append(String(format: "  %.3f ms per fit", ms)) }
    return lines.joined(separator: "\n")
  }
}

/// NaN and ±∞ become null in JSON.

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
