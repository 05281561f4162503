import Engine
import Foundation

/// What `e` writes: every fitted spectrum's parameters as CSV (one row per spectrum, value and
/// standard error per parameter) and as JSON (each spectrum's `FitReport`, the object
/// `glovebox eis fit --json` prints for a spectrum), and the
/// selected spectrum's circuit and values as a circuit parameter file that
/// `glovebox eis fit --initial FILE` reads back.
public enum ImpedanceExport {
  static func stem(_ entry: LoadedImpedanceSpectrum) -> String {
    let base = (entry.path as NSString).lastPathComponent
    return entry.index > 0 ? "\(base)#\(entry.index + 1)" : base
  }

  /// `file,spectrum,circuit,weighting,chi_square,success,<p>,<p>_stderr,…` — one header per circuit;
  /// a standard error that is not finite is an empty field.
  public static func csv(_ entries: [LoadedImpedanceSpectrum]) -> String {
    var lines: [String] = []
    var lastHeader = ""
    for entry in entries {
      guard let report = entry.fit?.report else { continue }
      let names = report.parameters.map(\.name)
      let header = (["file", "spectrum", "circuit", "weighting", "chi_square", "success"] + names.flatMap { [$0, "\($0)_stderr"] })
        .joined(separator: ",")
      if header != lastHeader {
        lines.append(header)
        lastHeader = header
      }
      var row = [quoted(entry.path), String(entry.index + 1), quoted(report.model), report.weighting,
                 String(report.chiSquare), String(report.success)]
      for p in report.parameters {
        row.append(String(p.value))
        row.append(p.standardError.isFinite ? String(p.standardError) : "")
      }
      lines.append(row.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One fitted spectrum in the JSON: its file and position (1-based) beside the report's keys.
  struct SpectrumFit: Encodable {
    var file: String
    var spectrum: Int
    var report: FitReport

    enum CodingKeys: String, CodingKey {
      case file, spectrum
    }

    func encode(to encoder: any Encoder) throws {
      try report.encode(to: encoder)
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(file, forKey: .file)
      try c.encode(spectrum, forKey: .spectrum)
    }
  }

  /// `{"spectra": [{file, spectrum, …FitReport keys}]}`.
  public static func json(_ entries: [LoadedImpedanceSpectrum]) throws -> String {
    let spectra = entries.compactMap { entry in
      entry.fit.map { SpectrumFit(file: entry.path, spectrum: entry.index + 1, report: $0.report) }
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
  public static func files(entries: [LoadedImpedanceSpectrum], selected: Int) throws -> [FileWrite] {
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
