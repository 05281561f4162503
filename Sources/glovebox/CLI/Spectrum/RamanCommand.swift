import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox raman …`: Raman-specific processing.
struct RamanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "raman",
    abstract: "Raman: cosmic-ray spike removal, normalisation, band ratios.",
    subcommands: [RamanDespike.self, RamanNormalize.self, RamanRatio.self]
  )
}

/// One processed spectrum as JSON.
struct RamanCurve: Encodable {
  var name: String; var x_unit: String; var x: [Double?]; var y: [Double?]; var processed: [Double?]
  var replaced: [Int]?; var divisor: Double?
}

/// `glovebox raman despike FILE [--threshold 6] [--window 3]`.
struct RamanDespike: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "despike",
    abstract: "Remove cosmic-ray spikes (Whitaker–Hayes modified z-score of the first differences)."
  )
  @Argument(help: "Raman spectrum file.") var file: String
  @Option(help: "Modified z-score above which a difference marks a spike.") var threshold: Double = 6
  @Option(help: "Replace a spike point by the mean of the unflagged points within ± this many points.") var window: Int = 3
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  mutating func run() throws {
    let curves = try ramanCurves(file: file, input: input) { s in
      let r = try RamanSpikeRemoval.despike(s.y, threshold: threshold, window: window)
      return RamanCurve(name: s.name, x_unit: s.axis.unit, x: s.x.map(finite), y: s.y.map(finite),
                        processed: r.y.map(finite), replaced: r.replaced, divisor: nil)
    }
    try printRamanCurves(curves, file: file, json: json) { "\($0.replaced?.count ?? 0) point(s) replaced: \($0.replaced ?? [])" }
  }
}

/// `glovebox raman normalize FILE --by max|area|band:CENTER[:HALFWIDTH]`.
struct RamanNormalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Normalise intensities: to the maximum, to the area, or to a band's height (band:CENTER[:HALFWIDTH], default half-width 10 cm-1)."
  )
  @Argument(help: "Raman spectrum file.") var file: String
  @Option(help: "max | area | band:CENTER[:HALFWIDTH]") var by: String
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  mutating func run() throws {
    let method = try Self.parse(by)
    let curves = try ramanCurves(file: file, input: input) { s in
      let d = try method.divisor(x: s.x, y: s.y)
      return RamanCurve(name: s.name, x_unit: s.axis.unit, x: s.x.map(finite), y: s.y.map(finite),
                        processed: s.y.map { finite($0 / d) }, replaced: nil, divisor: finite(d))
    }
    try printRamanCurves(curves, file: file, json: json) { "divided by \(formatSpectrumNumber($0.divisor))" }
  }

  static func parse(_ text: String) throws -> RamanNormalisation {
    let parts = text.lowercased().split(separator: ":").map(String.init)
    switch parts.first {
    case "max" where parts.count == 1: return .maximum
    case "area" where parts.count == 1: return .area
    case "band" where parts.count == 2 || parts.count == 3:
      guard let c = Double(parts[1]), c.isFinite else { break }
      if parts.count == 2 { return .band(center: c, halfWidth: 10) }
      guard let hw = Double(parts[2]), hw > 0, hw.isFinite else { break }
      return .band(center: c, halfWidth: hw)
    default: break
    }
    throw ValidationError("--by must be max, area or band:CENTER[:HALFWIDTH], found '\(text)'")
  }
}

/// `glovebox raman ratio FILE --model MODEL --bands A/B [--by area|height]`.
struct RamanRatio: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ratio",
    abstract: "Fit a peak model and report the ratio of two components' areas or heights (A/B, names p1, p2, … as the fit reports them)."
  )
  @Argument(help: "Raman spectrum file.") var file: String
  @Option(help: "Model file (.toml) or inline model.") var model: String
  @Option(help: "Numerator/denominator component names, e.g. p1/p2.") var bands: String
  @Option(help: "area | height") var by: String = "area"
  @Option(help: "Only x inside LO:HI.") var range: String?
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Output: Encodable {
    var file: String; var spectrum: String; var numerator: String; var denominator: String; var by: String
    var ratio: Double?; var ratio_err: Double?
  }

  mutating func run() throws {
    let names = bands.split(separator: "/").map(String.init)
    guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { throw ValidationError("--bands must be A/B, found '\(bands)'") }
    guard let measure = RamanBandRatio.Measure(rawValue: by.lowercased()) else { throw ValidationError("--by must be area or height, found '\(by)'") }
    let range = try parseSpectrumRange(self.range)
    var outputs: [Output] = []
    do {
      for s in try input.spectra(file) {
        let w = try spectrumWindow(s, range, file: file)
        let peakModel: PeakModel
        if model.lowercased().hasSuffix(".toml") {
          guard let text = try? String(contentsOfFile: model, encoding: .utf8) else { throw ValidationError("\(model): cannot read the model file") }
          peakModel = try PeakModelFile.read(text, file: model)
        } else {
          peakModel = try PeakModelStart.build(try PeakModelSpec.parse(model), x: w.x, y: w.y, axis: s.axis)
        }
        let result = fitPeaks(PeakFitRequest(x: w.x, y: w.y, model: peakModel))
        let r = try RamanBandRatio.ratio(result, numerator: names[0], denominator: names[1], by: measure)
        outputs.append(Output(file: file, spectrum: s.name, numerator: names[0], denominator: names[1], by: measure.rawValue,
                              ratio: finite(r.value), ratio_err: finite(r.error)))
      }
    } catch let e as ValidationError {
      throw e
    } catch {
      _ = reportSpectrumError(error, file: file)
      throw ExitCode(2)
    }
    if json {
      try printJSON(["ratios": outputs])
    } else {
      for o in outputs {
        print("\(o.spectrum): \(o.numerator)/\(o.denominator) by \(o.by) = \(formatSpectrumNumber(o.ratio)) ± \(formatSpectrumNumber(o.ratio_err))")
      }
    }
  }
}

/// Every spectrum of `file` through `body`; reader and processing errors become `file: message` and exit 2.
func ramanCurves(file: String, input: SpectrumInputOptions, _ body: (Spectrum) throws -> RamanCurve) throws -> [RamanCurve] {
  do {
    return try input.spectra(file).map(body)
  } catch let e as ValidationError {
    throw e
  } catch {
    _ = reportSpectrumError(error, file: file)
    throw ExitCode(2)
  }
}

func printRamanCurves(_ curves: [RamanCurve], file: String, json: Bool, summary: (RamanCurve) -> String) throws {
  if json {
    struct Output: Encodable { var file: String; var spectra: [RamanCurve] }
    try printJSON(Output(file: file, spectra: curves))
    return
  }
  for c in curves {
    print("# \(c.name): \(summary(c))\n# x\ty\tprocessed")
    for i in c.x.indices { print("\(formatSpectrumNumber(c.x[i]))\t\(formatSpectrumNumber(c.y[i]))\t\(formatSpectrumNumber(c.processed[i]))") }
  }
}
