import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox xrd size FILE --model MODEL …`: peak widths → Scherrer sizes and a Williamson–Hall line.
struct XRDSize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "size",
    abstract: "Crystallite size (Scherrer, per peak) and size + microstrain (Williamson–Hall) from fitted peak widths.",
    discussion: """
      The peaks are fitted with MODEL (inline or .toml, as for spectrum fit) or found with --auto. \
      --instrumental is the instrument's FWHM in degrees (from a line-profile standard such as LaB6), removed \
      as Gaussian (β² = β_obs² − β_inst²) or Lorentzian (β = β_obs − β_inst) per --broadening. Sizes in nm.
      """
  )
  @Argument(help: "XRD pattern file (2θ axis).") var file: String
  @Option(help: "Model file (.toml) or inline model.") var model: String?
  @Flag(help: "Find the peaks automatically (pseudo-Voigt components on a linear background).") var auto = false
  @Option(help: "Only x inside LO:HI.") var range: String?
  @Option(help: "CuKa1, CuKa, MoKa1, CoKa1, … or a wavelength in Å.") var wavelength = "CuKa1"
  @Option(help: "Instrumental FWHM, degrees 2θ.") var instrumental: Double
  @Option(help: "gaussian | lorentzian: how the instrumental width is removed.") var broadening = "gaussian"
  @Option(help: "Scherrer constant K.") var k = 0.9
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Peak: Encodable {
    var name: String; var two_theta: Double?; var d: Double?; var fwhm: Double?; var fwhm_err: Double?
    var scherrer_size_nm: Double?; var error: String?
  }
  struct WH: Encodable {
    var size_nm: Double?; var size_err_nm: Double?; var strain: Double?; var strain_err: Double?; var r2: Double?; var error: String?
  }
  struct Output: Encodable {
    var file: String; var wavelength_angstrom: Double; var instrumental_fwhm: Double; var broadening: String; var k: Double
    var fit_success: Bool; var peaks: [Peak]; var williamson_hall: WH
  }

  mutating func run() throws {
    guard (model != nil) != auto else { throw ValidationError("give exactly one of --model MODEL or --auto") }
    guard let method = InstrumentalBroadening(rawValue: broadening.lowercased()) else {
      throw ValidationError("--broadening must be gaussian or lorentzian, found '\(broadening)'")
    }
    let lambda: Double
    do { lambda = try XRayWavelength.parse(wavelength) } catch { throw ValidationError("--wavelength: \(error.message)") }
    guard instrumental >= 0, instrumental.isFinite else { throw ValidationError("--instrumental must be ≥ 0 degrees") }
    let range = try parseSpectrumRange(self.range)
    do {
      let spectra = try input.spectra(file)
      guard spectra.count == 1, let s = spectra.first else { throw InputError("size reads one pattern; the file has \(spectra.count)", file: file) }
      guard case .twoTheta = s.axis else { throw InputError("\"\(s.name)\" has a \(s.axis.label) axis, not 2θ", file: file) }
      let w = try spectrumWindow(s, range, file: file)
      let peakModel: PeakModel
      if let model, model.lowercased().hasSuffix(".toml") {
        guard let text = try? String(contentsOfFile: model, encoding: .utf8) else { throw ValidationError("\(model): cannot read the model file") }
        peakModel = try PeakModelFile.read(text, file: model)
      } else if let model {
        peakModel = try PeakModelStart.build(try PeakModelSpec.parse(model), x: w.x, y: w.y, axis: s.axis)
      } else {
        let bg = try PeakModelStart.build(try PeakModelSpec.parse("linear"), x: w.x, y: w.y, axis: s.axis).background
        let found = try PeakFinder.find(x: w.x, y: w.y)
        guard !found.isEmpty else { throw InputError("no peaks found in \"\(s.name)\"", file: file) }
        peakModel = PeakModel.automatic(x: w.x, y: w.y, shape: .pseudoVoigt, background: bg, peaks: found)
      }
      let result = fitPeaks(PeakFitRequest(x: w.x, y: w.y, model: peakModel))
      guard result.success else { throw InputError("the fit did not converge (\(result.fit.message)); no sizes", file: file) }
      var peaks: [Peak] = []
      var usable: [(twoTheta: Double, fwhm: Double)] = []
      for c in result.components {
        let t = c.center.value, f = c.fwhm.value
        var p = Peak(name: c.name, two_theta: finite(t), d: nil, fwhm: finite(f), fwhm_err: finite(c.fwhm.error))
        do {
          p.d = finite(try CrystalliteSize.dSpacing(twoTheta: t, wavelength: lambda))
          let size = try CrystalliteSize.scherrer(twoTheta: t, fwhm: f, instrumentalFWHM: instrumental, broadening: method,
                                                  wavelength: lambda, k: k)
          p.scherrer_size_nm = finite(size / 10)
          usable.append((t, f))
        } catch let e as InputError {
          p.error = e.message
        }
        peaks.append(p)
      }
      var wh = WH()
      do {
        let r = try CrystalliteSize.williamsonHall(peaks: usable, instrumentalFWHM: instrumental, broadening: method, wavelength: lambda, k: k)
        wh = WH(size_nm: finite(r.size.value / 10), size_err_nm: finite(r.size.error / 10), strain: finite(r.strain.value),
                strain_err: finite(r.strain.error), r2: finite(r.rSquared), error: nil)
      } catch let e as InputError {
        wh.error = e.message
      }
      let output = Output(file: file, wavelength_angstrom: lambda, instrumental_fwhm: instrumental, broadening: method.rawValue, k: k,
                          fit_success: result.success, peaks: peaks, williamson_hall: wh)
      if json { try printJSON(output); return }
      for p in peaks {
        let size = p.error ?? "Scherrer \(formatSpectrumNumber(p.scherrer_size_nm)) nm"
        print("\(p.name): 2θ \(formatSpectrumNumber(p.two_theta))°, d \(formatSpectrumNumber(p.d)) Å, FWHM \(formatSpectrumNumber(p.fwhm))° — \(size)")
      }
      if let e = wh.error {
        print("Williamson–Hall: \(e)")
      } else {
        print("Williamson–Hall: size \(formatSpectrumNumber(wh.size_nm)) ± \(formatSpectrumNumber(wh.size_err_nm)) nm, strain \(formatSpectrumNumber(wh.strain)) ± \(formatSpectrumNumber(wh.strain_err)), R² \(formatSpectrumNumber(wh.r2))")
      }
    } catch let e as ValidationError {
      throw e
    } catch {
      _ = reportSpectrumError(error, file: file)
      throw ExitCode(2)
    }
  }
}
