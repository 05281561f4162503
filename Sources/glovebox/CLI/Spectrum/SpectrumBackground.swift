import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox spectrum background FILE --method …`: a background curve on its own.
struct SpectrumBackgroundCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "background",
    abstract: "Compute a background: shirley, tougaard, tougaard_u3, als, arpls, snip, constant, linear, polynomial."
  )

  @Argument(help: "Spectrum file.") var file: String
  @Option(help: "shirley | tougaard | tougaard_u3 | als | arpls | snip | constant | linear | polynomial") var method: String
  @Option(help: "Only x inside LO:HI.") var range: String?
  @Option(help: "Smoothness λ for als/arpls.") var lambda: Double = 1e5
  @Option(help: "Asymmetry p for als.") var p: Double = 0.01
  @Option(help: "Clipping half-width in points for snip.") var halfWidth: Int = 20
  @Option(help: "Degree for polynomial.") var degree: Int = 2
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Entry: Encodable {
    var name: String; var technique: String; var method: String; var x_unit: String
    var x: [Double?]; var y: [Double?]; var background: [Double?]
    var tougaard_b: Double?
  }
  struct Output: Encodable { var file: String; var spectra: [Entry] }

  mutating func run() throws {
    let range = try parseSpectrumRange(self.range)
    var entries: [Entry] = []
    do {
      for s in try input.spectra(file) {
        let w = try spectrumWindow(s, range, file: file)
        var tougaardB: Double? = nil
        let bg: [Double]
        func step() throws -> BackgroundStep {
          switch s.axis {
          case .bindingEnergy: return .towardHigherX
          case .kineticEnergy: return .towardLowerX
          default: throw InputError("\(method) needs an XPS energy axis; \"\(s.name)\" has \(s.axis.label)", file: file)
          }
        }
        switch method.lowercased() {
        case "shirley": bg = try ShirleyBackground.compute(x: w.x, y: w.y, rising: step())
        case "tougaard", "tougaard_u3":
          let r = try TougaardBackground.compute(x: w.x, y: w.y, crossSection: method.lowercased() == "tougaard" ? .universal2 : .polymer3,
                                                 rising: step())
          bg = r.background; tougaardB = r.b
        case "als": bg = try WhittakerBaseline.asymmetricLeastSquares(w.y, lambda: lambda, p: p)
        case "arpls": bg = try WhittakerBaseline.asymmetricallyReweighted(w.y, lambda: lambda)
        case "snip": bg = try SNIPBackground.compute(w.y, halfWidth: halfWidth)
        case "constant": bg = try PolynomialBackground.compute(x: w.x, y: w.y, degree: 0)
        case "linear": bg = try PolynomialBackground.compute(x: w.x, y: w.y, degree: 1)
        case "polynomial": bg = try PolynomialBackground.compute(x: w.x, y: w.y, degree: degree)
        default: throw ValidationError("--method: unknown background '\(method)'")
        }
        entries.append(Entry(name: s.name, technique: s.technique.rawValue, method: method.lowercased(), x_unit: s.axis.unit,
                             x: w.x.map(finite), y: w.y.map(finite), background: bg.map(finite),
                             tougaard_b: tougaardB.flatMap(finite)))
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
        print("# \(e.name) (\(e.method) background)\n# x\ty\tbackground")
        for i in e.x.indices { print("\(formatSpectrumNumber(e.x[i]))\t\(formatSpectrumNumber(e.y[i]))\t\(formatSpectrumNumber(e.background[i]))") }
      }
    }
  }
}
