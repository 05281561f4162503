import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox eis drt FILE… [--lambda X]`: distribution of relaxation times of every spectrum.
struct EISDRT: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drt",
    abstract: "Distribution of relaxation times (Tikhonov + non-negativity; λ by GCV unless given).",
    discussion: "All spectra of all files share one τ grid, so a series (e.g. in-situ spectra) can be compared point by point."
  )

  @Argument(help: "Impedance files.")
  var files: [String]

  @Option(help: "Regularisation λ for data normalised by max|Z| (default: chosen by GCV).")
  var lambda: Double?

  @Option(help: "Basis: gaussian or linear.")
  var basis: String = "gaussian"

  @OptionGroup var series: SeriesElementOptions

  @Flag(help: "Print one JSON document.")
  var json = false

  struct PeakResult: Encodable {
    var tau_s: Double
    var gamma: Double
    var resistance_ohm: Double
    var frequency_hz: Double
  }

  struct SpectrumResult: Encodable {
    var name: String
    var lambda: Double
    var r_inf_ohm: Double
    var inductance_h: Double
    var capacitance_f: Double?
    var series_capacitance: SeriesElementDocument
    var series_inductance: SeriesElementDocument
    var relative_residual: Double?
    var peaks: [PeakResult]
    var tau_s: [Double]
    var gamma_ohm: [Double]
  }

  struct FileResult: Encodable {
    var file: String
    var spectra: [SpectrumResult]
    var error: String?
  }

  mutating func run() throws {
    var options = DistributionOfRelaxationTimes.Options()
    options.lambda = lambda
    options.capacitance = series.capacitanceMode
    options.inductance = series.inductanceMode
    guard let b = DistributionOfRelaxationTimes.Basis(rawValue: basis) else {
      throw ValidationError("--basis: expected gaussian or linear, found '\(basis)'")
    }
    options.basis = b
    if let lambda, !(lambda > 0) { throw ValidationError("--lambda: expected a positive number, found \(lambda)") }
    let read = readSpectra(files)
    let all = read.compactMap(\.spectra).flatMap { $0 }
    var drts: [DistributionOfRelaxationTimes] = []
    do {
      drts = all.isEmpty ? [] : try DistributionOfRelaxationTimes.series(all, options: options)
    } catch let e as InputError {
      try fail(e.description)
    }
    var index = 0
    var results: [FileResult] = []
    for (file, spectra, error) in read {
      guard let spectra else {
        results.append(FileResult(file: file, spectra: [], error: error))
        continue
      }
      var out: [SpectrumResult] = []
      for s in spectra {
        let d = drts[index]
        index += 1
        out.append(SpectrumResult(
          name: s.name, lambda: d.lambda, r_inf_ohm: d.seriesResistance, inductance_h: d.inductance,
          capacitance_f: d.capacitance.flatMap(finite),
          series_capacitance: SeriesElementDocument(d.capacitanceChoice, value: d.capacitance),
          series_inductance: SeriesElementDocument(d.inductanceChoice, value: d.inductanceChoice.included ? d.inductance : nil),
          relative_residual: finite(d.relativeResidual),
          peaks: d.peaks.map { PeakResult(tau_s: $0.tau, gamma: $0.gamma, resistance_ohm: $0.resistance, frequency_hz: 1 / (2 * Double.pi * $0.tau)) },
          tau_s: d.tau, gamma_ohm: d.gamma))
      }
      results.append(FileResult(file: file, spectra: out, error: nil))
    }
    if json {
      try printJSON(["files": results])
    } else {
      for f in results {
        for s in f.spectra {
          print(String(format: "%@: λ = %.3g, R∞ = %.5g Ω, L = %.3g H", s.name, s.lambda, s.r_inf_ohm, s.inductance_h)
            + (s.capacitance_f.map { String(format: ", C = %.4g F", $0) } ?? ""))
          print("  series C: \(s.series_capacitance.included ? "included" : "not included") (\(s.series_capacitance.chosen): \(s.series_capacitance.reason))")
          for p in s.peaks {
            print(String(format: "  peak τ = %.4g s (f = %.4g Hz)  γ = %.4g Ω  R = %.5g Ω", p.tau_s, p.frequency_hz, p.gamma, p.resistance_ohm))
          }
        }
      }
    }
    if read.contains(where: { $0.spectra == nil }) { throw ExitCode(2) }
  }
}
