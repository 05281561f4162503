import ArgumentParser
import Engine
import Foundation

/// `glovebox spectrum read FILE…`: every spectrum (or block) in the files with its technique and axis.
struct SpectrumRead: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Read Raman, XPS and XRD files (CSV/TSV/text with an axis header, Renishaw WiRE text, Rigaku .ras, JCAMP-DX)."
  )

  @Argument(help: "Spectrum files.") var files: [String]
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Entry: Encodable {
    var file: String
    var name: String
    var technique: String
    var x_unit: String
    var x_axis: String
    var wavelength_angstrom: Double?
    var points: Int
    var x: [Double?]
    var y: [Double?]
    var y_unit: String?
  }

  struct Output: Encodable {
    var spectra: [Entry]
    var errors: [String]
  }

  mutating func run() throws {
    var entries: [Entry] = []
    var errors: [String] = []
    for file in files {
      do {
        for s in try input.spectra(file) {
          var wavelength: Double? = nil
          if case .twoTheta(let w) = s.axis { wavelength = w }
          entries.append(Entry(file: file, name: s.name, technique: s.technique.rawValue, x_unit: s.axis.unit,
                               x_axis: s.axis.label, wavelength_angstrom: wavelength, points: s.x.count,
                               x: s.x.map(finite), y: s.y.map(finite), y_unit: s.yUnit))
        }
      } catch let e as ValidationError {
        throw e
      } catch {
        errors.append(reportSpectrumError(error, file: file))
      }
    }
    if json {
      try printJSON(Output(spectra: entries, errors: errors))
    } else {
      for e in entries {
        let lo = formatSpectrumNumber(e.x.compactMap { $0 }.min()), hi = formatSpectrumNumber(e.x.compactMap { $0 }.max())
        print("\(e.file): \(e.name): \(e.technique), \(e.points) points, \(e.x_axis) \(lo)…\(hi) \(e.x_unit)")
      }
    }
    if !errors.isEmpty { throw ExitCode(2) }
  }
}
