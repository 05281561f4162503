import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox spectrum fit FILE… --model MODEL | --auto`: a peak model fitted to every spectrum.
struct SpectrumFit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Fit a peak model (background + components) to each spectrum.",
    discussion: """
      MODEL is a model file (.toml, as --save-model writes) or an inline model: a background and \
      components joined by '+', e.g. "linear + gaussian(24.7)", "shirley + voigt(284.8, 1.2) + voigt(286.3)", \
      "shirley + doublet_p(gl30, 459.0, split=5.7)", "als(1e5, 0.01) + lorentzian(462)". --auto finds the \
      components itself (--shape, --background).
      """
  )

  @Argument(help: "Spectrum files.") var files: [String]
  @Option(help: "Model file (.toml) or inline model.") var model: String?
  @Flag(help: "Find the components automatically.") var auto = false
  @Option(help: "Line shape for --auto components.") var shape: String = "voigt"
  @Option(help: "Background for --auto (inline syntax).") var background: String = "linear"
  @Option(help: "Only x inside LO:HI.") var range: String?
  @Option(help: "Write the fitted model of the first spectrum to this TOML file.") var saveModel: String?
  @Flag(help: "Treat the spectra (all files, in order) as a series: each fit starts from the previous one's result.")
  var series = false
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Component: Encodable {
    var name: String
    var shape: String
    var center: Double?, center_err: Double?
    var height: Double?, height_err: Double?
    var area: Double?, area_err: Double?
    var fwhm: Double?, fwhm_err: Double?
    var area_percent: Double?, area_percent_err: Double?
  }
  struct Entry: Encodable {
    var file: String
    var name: String
    var technique: String
    var x_unit: String
    var success: Bool
    var message: String
    var model: String
    var background: String
    var components: [Component]
    var chi2: Double?
    var reduced_chi2: Double?
    var r2: Double?
    var x: [Double?]
    var y: [Double?]
    var fit: [Double?]
    var background_curve: [Double?]
    var residuals: [Double?]
    var report: FitReport
  }
  struct Output: Encodable { var fits: [Entry]; var errors: [String] }

  mutating func run() throws {
    guard (model != nil) != auto else { throw ValidationError("give exactly one of --model MODEL or --auto") }
    let range = try parseSpectrumRange(self.range)
    var fixedModel: PeakModel? = nil
    var spec: PeakModelSpec? = nil
    if let model {
      if model.lowercased().hasSuffix(".toml") {
        guard let text = try? String(contentsOfFile: model, encoding: .utf8) else {
          throw ValidationError("\(model): cannot read the model file")
        }
        do { fixedModel = try PeakModelFile.read(text, file: model) } catch {
          _ = reportSpectrumError(error, file: model)
          throw ExitCode(2)
        }
      } else {
        do { spec = try PeakModelSpec.parse(model) } catch { throw ValidationError("--model: \(error)") }
      }
    }
    guard let autoShape = lineShape(named: shape) else { throw ValidationError("--shape: unknown line shape '\(shape)'") }
    var entries: [Entry] = []
    var errors: [String] = []
    var previous: PeakModel? = nil
    for file in files {
      do {
        for s in try input.spectra(file) {
          let w = try spectrumWindow(s, range, file: file)
          let peakModel: PeakModel
          if series, let previous {
            peakModel = previous
          } else if let fixedModel {
            peakModel = fixedModel
          } else if let spec {
            peakModel = try PeakModelStart.build(spec, x: w.x, y: w.y, axis: s.axis)
          } else {
            let bgSpec = try PeakModelSpec.parse(background)
            let bg = try PeakModelStart.build(bgSpec, x: w.x, y: w.y, axis: s.axis).background
            var y = w.y
            if bg.isPrecomputed { let b = try bg.precompute(x: w.x, y: w.y); y = zip(w.y, b).map { $0 - $1 } }
            let found = try PeakFinder.find(x: w.x, y: y)
            guard !found.isEmpty else { throw InputError("no peaks found in \"\(s.name)\"", file: file) }
            var m = PeakModel.automatic(x: w.x, y: w.y, shape: autoShape.shape, background: bg, peaks: found)
            if let p = autoShape.fixedP { for c in m.components { m[c.name + ".p"]?.value = p; m[c.name + ".p"]?.fixed = true } }
            peakModel = m
          }
          let result = fitPeaks(PeakFitRequest(x: w.x, y: w.y, model: peakModel))
          if series && result.success { previous = result.model }
          if let saveModel, entries.isEmpty {
            try PeakModelFile.write(result.model).write(toFile: saveModel, atomically: true, encoding: .utf8)
          }
          entries.append(entry(file, s, result))
        }
      } catch let e as ValidationError {
        throw e
      } catch {
        errors.append(reportSpectrumError(error, file: file))
      }
    }
    if json {
      try printJSON(Output(fits: entries, errors: errors))
    } else {
      for e in entries {
        print("\(e.file): \(e.name): \(e.success ? "converged" : "FAILED") — \(e.message)")
        print("  χ² \(formatSpectrumNumber(e.chi2))  reduced χ² \(formatSpectrumNumber(e.reduced_chi2))  R² \(formatSpectrumNumber(e.r2))  background \(e.background)")
        for c in e.components {
          print("  \(c.name) \(c.shape): centre \(formatSpectrumNumber(c.center)) ± \(formatSpectrumNumber(c.center_err)) \(e.x_unit), "
                + "height \(formatSpectrumNumber(c.height)) ± \(formatSpectrumNumber(c.height_err)), "
                + "area \(formatSpectrumNumber(c.area)) ± \(formatSpectrumNumber(c.area_err)), "
                + "FWHM \(formatSpectrumNumber(c.fwhm)) ± \(formatSpectrumNumber(c.fwhm_err)), "
                + "\(formatSpectrumNumber(c.area_percent)) % of area")
        }
      }
    }
    if !errors.isEmpty || entries.contains(where: { !$0.success }) { throw ExitCode(errors.isEmpty ? 1 : 2) }
  }

  func entry(_ file: String, _ s: Spectrum, _ r: PeakFitResult) -> Entry {
    let components = r.components.map { c in
      Component(name: c.name, shape: c.shape.rawValue,
                center: finite(c.center.value), center_err: finite(c.center.error),
                height: finite(c.height.value), height_err: finite(c.height.error),
                area: finite(c.area.value), area_err: finite(c.area.error),
                fwhm: finite(c.fwhm.value), fwhm_err: finite(c.fwhm.error),
                area_percent: finite(c.areaPercent.value), area_percent_err: finite(c.areaPercent.error))
    }
    return Entry(file: file, name: s.name, technique: s.technique.rawValue, x_unit: s.axis.unit, success: r.success,
                 message: r.fit.message, model: r.report.model, background: r.model.background.name,
                 components: components, chi2: finite(r.chiSquare), reduced_chi2: finite(r.reducedChiSquare),
                 r2: finite(r.rSquared), x: r.x.map(finite), y: r.y.map(finite), fit: r.total.map(finite),
                 background_curve: r.background.map(finite), residuals: r.residuals.map(finite), report: r.report)
  }
}
