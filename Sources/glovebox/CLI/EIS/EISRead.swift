import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox eis read FILE…`: the spectra in instrument files, as a table or one JSON document.
struct EISRead: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Read impedance spectra from instrument files (CSV, NOVA, Gamry, EC-Lab .mpt/.mpr, ZPlot, CHI, Parstat, VersaStudio, Ivium, PowerSuite).",
    discussion: "Z = Z' + jZ'' in Ω with Z'' < 0 for a capacitive response, frequencies in Hz."
  )

  @Argument(help: "Instrument files to read.")
  var files: [String]

  @Flag(help: "Print one JSON document with a result per file and per spectrum.")
  var json = false

  @Option(help: "Read every file as this format instead of detecting it (\(ImpedanceFileFormat.allCases.map(\.rawValue).joined(separator: ", "))).")
  var format: String?

  @Option(help: "Columns of a plain table, one name per cell: f, re, im, -im, mod, phase, -phase, _ (skip). Example: f,re,-im")
  var columns: String?

  struct SpectrumResult: Encodable {
    var name: String
    var points: Int
    var metadata: [String: String]
    var frequency_hz: [Double]
    var z_real_ohm: [Double]
    var z_imag_ohm: [Double]
  }

  struct FileResult: Encodable {
    var file: String
    var spectra: [SpectrumResult]
    var error: String?
  }

  struct Output: Encodable {
    var files: [FileResult]
  }

  mutating func run() throws {
    let chosenFormat = try format.map { name -> ImpedanceFileFormat in
      guard let value = ImpedanceFileFormat(rawValue: name.lowercased()) else {
        throw ValidationError("unknown format '\(name)'; expected one of \(ImpedanceFileFormat.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return value
    }
    let layout: ImpedanceColumnLayout?
    do {
      layout = try columns.map { try ImpedanceColumnLayout.parse($0) }
    } catch let error as InputError {
      throw ValidationError("--columns: " + error.description)
    }
    var results: [FileResult] = []
    var failed = false
    for file in files {
      do {
        let spectra = try ImpedanceReader.read(contentsOf: URL(fileURLWithPath: file), format: chosenFormat, columns: layout)
        results.append(FileResult(file: file, spectra: spectra.map(EISRead.result), error: nil))
      } catch {
        failed = true
        let message = (error as? InputError)?.inFile(file).description ?? "\(file): \(error)"
        FileHandle.standardError.write(Data((message + "\n").utf8))
        results.append(FileResult(file: file, spectra: [], error: message))
      }
    }
    if json {
      try printJSON(Output(files: results))
    } else {
      for result in results where result.error == nil {
        for spectrum in result.spectra { print(EISRead.table(spectrum)) }
      }
    }
    if failed { throw ExitCode(2) }
  }

  static func result(_ spectrum: ImpedanceSpectrum) -> SpectrumResult {
    SpectrumResult(
      name: spectrum.name, points: spectrum.count, metadata: spectrum.metadata,
      frequency_hz: spectrum.frequencies, z_real_ohm: spectrum.real, z_imag_ohm: spectrum.imaginary)
  }

  /// A readable table: frequency, Z', Z'', |Z| and phase, one row per point.
  static func table(_ spectrum: SpectrumResult) -> String {
    var lines: [String] = []
    let format = spectrum.metadata["format"].map { " (\($0))" } ?? ""
    lines.append("\(spectrum.name)\(format): \(spectrum.points) points")
    let pad = { (text: String) in String(repeating: " ", count: max(0, 14 - text.count)) + text }
    lines.append([pad("f (Hz)"), pad("Z' (Ω)"), pad("Z'' (Ω)"), pad("|Z| (Ω)"), pad("phase (°)")].joined())
    for index in 0..<spectrum.points {
      let re = spectrum.z_real_ohm[index]
      let im = spectrum.z_imag_ohm[index]
      let modulus = (re * re + im * im).squareRoot()
      let phase = atan2(im, re) * 180 / Double.pi
      let cells = [spectrum.frequency_hz[index], re, im, modulus].map { pad(String(format: "%.6g", $0)) } + [pad(String(format: "%.3f", phase))]
      lines.append(cells.joined())
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
