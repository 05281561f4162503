import ArgumentParser
import Engine
import Foundation

/// `glovebox spectrum peaks FILE [--range LO:HI]`: peaks found by the smoothed second derivative.
struct SpectrumPeaks: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "peaks",
    abstract: "Find peaks (smoothed second derivative): centre, height above the local baseline, FWHM."
  )

  @Argument(help: "Spectrum file.") var file: String
  @Option(help: "Only x inside LO:HI.") var range: String?
  @Option(help: "Smoothing half-window in points (default: from the strongest peak's width).") var halfWindow: Int?
  @Option(help: "Peaks whose −d²y/dx² exceeds this many noise deviations.") var significance: Double = 4
  @Option(help: "Drop peaks lower than this fraction of the strongest.") var minRelativeHeight: Double = 0.02
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Peak: Encodable { var center: Double?; var height: Double?; var fwhm: Double? }
  struct Entry: Encodable { var name: String; var technique: String; var x_unit: String; var peaks: [Peak] }
  struct Output: Encodable { var file: String; var spectra: [Entry] }

  mutating func run() throws {
    let range = try parseSpectrumRange(self.range)
    if let h = halfWindow, h < 1 { throw ValidationError("--half-window must be ≥ 1") }
    var entries: [Entry] = []
    do {
      for s in try input.spectra(file) {
        let w = try spectrumWindow(s, range, file: file)
        let found = try PeakFinder.find(x: w.x, y: w.y, halfWindow: halfWindow, significance: significance,
                                        minRelativeHeight: minRelativeHeight)
        entries.append(Entry(name: s.name, technique: s.technique.rawValue, x_unit: s.axis.unit,
                             peaks: found.map { Peak(center: finite($0.center), height: finite($0.height), fwhm: finite($0.fwhm)) }))
      }
    } catch let e as ValidationError {
      throw e
    } catch {
      _ = reportSpectrumError(error, file: file)
      throw ExitCode(2)
    }
    if json {
      try printJSON(Output(file: file, spectra: entries))
    } else {
      for e in entries {
        print("\(e.name): \(e.peaks.count) peak(s)")
        for p in e.peaks { print("  centre \(formatSpectrumNumber(p.center)) \(e.x_unit)  height \(formatSpectrumNumber(p.height))  FWHM \(formatSpectrumNumber(p.fwhm))") }
      }
    }
  }
}
