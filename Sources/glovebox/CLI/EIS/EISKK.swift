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

  @Flag(help: "Add a series capacitance (blocking electrodes).")
  var capacitance = false

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
    options.includeCapacitance = capacitance
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
            valid: kk.valid, verdict: kk.verdict, frequency_hz: s.frequencies,
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
          print(String(format: "  pseudo χ² %.4g, noise estimate %.3g %%", s.pseudo_chi_square ?? .nan, s.noise_estimate_percent ?? .nan))
        }
      }
    }
    if failed { throw ExitCode(2) }
  }
}
