import Engine
import Foundation

/// What `e` writes: every fitted spectrum's parameters as CSV (one row per spectrum, value and
/// standard error per parameter) and as JSON (the shape of `glovebox eis fit --json`), and the
/// selected spectrum's circuit and values as a circuit parameter file that
/// `glovebox eis fit --initial FILE` reads back.
public enum ImpedanceExport {
  static func stem(_ entry: ImpedanceEntry) -> String {
    let base = (entry.path as NSString).lastPathComponent
    return entry.index > 0 ? "\(base)#\(entry.index + 1)" : base
  }

  /// `file,spectrum,circuit,weighting,chi_square,success,<p>,<p>_stderr,…` — one header per circuit.
  public static func csv(_ entries: [ImpedanceEntry]) -> String {
    var lines: [String] = []
    var lastHeader = ""
    for entry in entries {
      guard let fit = entry.fit else { continue }
      let names = fit.result.parameters.names
      let header = (["file", "spectrum", "circuit", "weighting", "chi_square", "success"] + names.flatMap { [$0, "\($0)_stderr"] })
        .joined(separator: ",")
      if header != lastHeader {
        lines.append(header)
        lastHeader = header
      }
      var row = [quoted(entry.path), String(entry.index + 1), quoted(fit.circuit.description), fit.weighting.name,
                 String(fit.result.chiSquare), String(fit.result.success)]
      for (k, p) in fit.result.parameters.items.enumerated() {
        row.append(String(p.value))
        row.append(fit.result.standardErrors.indices.contains(k) && fit.result.standardErrors[k].isFinite ? String(fit.result.standardErrors[k]) : "")
      }
      lines.append(row.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  struct ParameterJSON: Encodable {
    var name: String
    var value: Double
    var stderr: Double?
    var unit: String
    var fixed: Bool
  }

  struct SpectrumJSON: Encodable {
    var file: String
    var spectrum: Int
    var circuit: String
    var weighting: String
    var parameters: [ParameterJSON]
    var chi_square: Double?
    var reduced_chi_square: Double?
    var rmse: Double?
    var iterations: Int
    var success: Bool
    var message: String
  }

  public static func json(_ entries: [ImpedanceEntry]) throws -> String {
    let spectra = entries.compactMap { entry -> SpectrumJSON? in
      guard let fit = entry.fit else { return nil }
      let r = fit.result
      let parameters = r.parameters.items.enumerated().map { k, p in
        ParameterJSON(name: p.name, value: p.value,
                      stderr: r.standardErrors.indices.contains(k) && r.standardErrors[k].isFinite ? r.standardErrors[k] : nil,
                      unit: p.unit, fixed: p.fixed)
      }
      func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
      return SpectrumJSON(file: entry.path, spectrum: entry.index + 1, circuit: fit.circuit.description, weighting: fit.weighting.name,
                          parameters: parameters, chi_square: finite(r.chiSquare), reduced_chi_square: finite(r.reducedChiSquare),
                          rmse: finite(r.rmse), iterations: r.iterations, success: r.success, message: r.message)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(["spectra": spectra]), as: UTF8.self) + "\n"
  }

  /// The circuit parameter file of one fit (values, fixed flags, finite bounds that differ from
  /// the circuit's own).
  public static func parameterFile(_ fit: ImpedanceFitOutcome) -> String {
    CircuitParameterFile(circuit: fit.circuit, weighting: fit.weighting, parameters: fit.result.parameters).text
  }

  /// RFC 4180 quoting for fields holding commas or quotes (circuit strings do).
  static func quoted(_ field: String) -> String {
    guard field.contains(",") || field.contains("\"") else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The files `e` writes into `<workspace>/fits/` (the runtime writes them:
  /// `Effect.writeFiles`): the CSV and JSON of every fit, and the selected spectrum's
  /// parameter file when it was fitted.
  public static func files(entries: [ImpedanceEntry], selected: Int) throws -> [FileWrite] {
    var files = [
      FileWrite(path: "fits/impedance-fits.csv", contents: Data(csv(entries).utf8)),
      FileWrite(path: "fits/impedance-fits.json", contents: Data(try json(entries).utf8)),
    ]
    if entries.indices.contains(selected), let fit = entries[selected].fit {
      files.append(FileWrite(path: "fits/\(stem(entries[selected])).circuit", contents: Data(parameterFile(fit).utf8)))
    }
    return files
  }
}
