import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox eis kk FILE…`: the linear Kramers–Kronig test of every spectrum.
struct EISKK: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kk",
    abstract: "Lin-KK validity test (Schönleber 2014): residuals, pseudo χ², a verdict.",
    discussion: "M (the number of RC elements) is chosen by the μ criterion unless --elements is given."
  )

  @Argument(help: "Impedance files.")
  var files: [String]

  @Option(help: "μ criterion threshold c.")
  var c: Double = 0.85

  @Option(help: "Use exactly this many RC elements.")
  var elements: Int?

  @OptionGroup var series: SeriesElementOptions

  @Option(help: "Verdict limit on the estimated noise, in percent.")
  var threshold: Double = 1

  @Flag(help: "Print one JSON document.")
  var json = false

  struct SpectrumResult: Encodable {
    var name: String
    var elements: Int
    var mu: Double?
    var pseudo_chi_square: Double?
    var noise_estimate_percent: Double?
    var max_abs_residual: Double?
    var valid: Bool
    var verdict: String
    var series_capacitance: SeriesElementDocument
    var series_inductance: SeriesElementDocument
    var frequency_hz: [Double]
    var residual_real: [Double?]
    var residual_imag: [Double?]
    var fit_real_ohm: [Double?]
    var fit_imag_ohm: [Double?]
  }

  struct FileResult: Encodable {
    var file: String
    var spectra: [SpectrumResult]
    var error: String?
  }

  mutating func run() throws {
    var options = KramersKronigTest.Options()
    options.c = c
    options.fixedElements = elements
    options.capacitance = series.capacitanceMode
    options.inductance = series.inductanceMode
    options.threshold = threshold / 100
    var results: [FileResult] = []
    var failed = false
    for (file, spectra, error) in readSpectra(files) {
      guard let spectra else {
        failed = true
        results.append(FileResult(file: file, spectra: [], error: error))
        continue
      }
      var out: [SpectrumResult] = []
      var fileError: String?
      for s in spectra {
        do {
          let kk = try KramersKronigTest(s, options: options)
          out.append(SpectrumResult(
            name: s.name, elements: kk.elementCount, mu: finite(kk.mu), pseudo_chi_square: finite(kk.pseudoChiSquare),
            noise_estimate_percent: finite(kk.noiseEstimatePercent), max_abs_residual: finite(kk.maxAbsoluteResidual),
            valid: kk.valid, verdict: kk.verdict,
            series_capacitance: SeriesElementDocument(kk.capacitanceChoice, value: kk.capacitance),
            series_inductance: SeriesElementDocument(kk.inductanceChoice, value: kk.inductanceChoice.included ? kk.inductance : nil),
            frequency_hz: s.frequencies,
            residual_real: kk.residualsReal.map(finite), residual_imag: kk.residualsImaginary.map(finite),
            fit_real_ohm: kk.fitted.map { finite($0.re) }, fit_imag_ohm: kk.fitted.map { finite($0.im) }))
        } catch let e as InputError {
          failed = true
          fileError = e.inFile(file).description
          FileHandle.standardError.write(Data(((fileError ?? "") + "\n").utf8))
        }
      }
      results.append(FileResult(file: file, spectra: out, error: fileError))
    }
    if json {
      try printJSON(["files": results])
    } else {
      for f in results {
        for s in f.spectra {
          print("\(s.name): \(s.verdict)")
          let chi = s.pseudo_chi_square.map { String(format: "%.4g", $0) } ?? "— (not finite)"
          let noise = s.noise_estimate_percent.map { String(format: "%.3g %%", $0) } ?? "— (not finite)"
          print("  pseudo χ² \(chi), noise estimate \(noise)")
          print("  series C: \(s.series_capacitance.included ? "included" : "not included") (\(s.series_capacitance.chosen): \(s.series_capacitance.reason))"
            + (s.series_capacitance.value.map { String(format: ", C = %.4g F", $0) } ?? ""))
        }
      }
    }
    if failed { throw ExitCode(2) }
  }
}
