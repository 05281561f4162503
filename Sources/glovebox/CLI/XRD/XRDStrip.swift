import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox xrd strip FILE [--anode Cu] [--ratio 0.5]`: Kα2 removed by Rachinger's method.
struct XRDStrip: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "strip",
    abstract: "Strip the Kα2 component (Rachinger) from a 2θ pattern measured with an unresolved Kα doublet."
  )
  @Argument(help: "XRD pattern file (2θ axis).") var file: String
  @Option(help: "Anode: Cu, Mo or Co (its Kα1 and Kα2 wavelengths).") var anode = "Cu"
  @Option(help: "Intensity ratio I(Kα2)/I(Kα1).") var ratio = 0.5
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Entry: Encodable {
    var name: String; var kalpha1: Double; var kalpha2: Double; var ratio: Double
    var x: [Double?]; var y: [Double?]; var stripped: [Double?]; var d: [Double?]
  }
  struct Output: Encodable { var file: String; var spectra: [Entry] }

  mutating func run() throws {
    let l1: Double, l2: Double
    do {
      l1 = try XRayWavelength.parse(anode + "Ka1")
      l2 = try XRayWavelength.parse(anode + "Ka2")
    } catch { throw ValidationError("--anode must be Cu, Mo or Co, found '\(anode)'") }
    var entries: [Entry] = []
    do {
      for s in try input.spectra(file) {
        guard case .twoTheta = s.axis else { throw InputError("\"\(s.name)\" has a \(s.axis.label) axis, not 2θ", file: file) }
        // Files may run downwards in angle; stripping walks upwards.
        let order = s.x.indices.sorted { s.x[$0] < s.x[$1] }
        let x = order.map { s.x[$0] }, y = order.map { s.y[$0] }
        let stripped = try KAlpha2Stripping.strip(twoTheta: x, intensity: y, kAlpha1: l1, kAlpha2: l2, ratio: ratio)
        let d = try x.map { try CrystalliteSize.dSpacing(twoTheta: $0, wavelength: l1) }
        entries.append(Entry(name: s.name, kalpha1: l1, kalpha2: l2, ratio: ratio, x: x.map(finite), y: y.map(finite),
                             stripped: stripped.map(finite), d: d.map(finite)))
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
        print("# \(e.name): Kα2 stripped (λ1 \(e.kalpha1) Å, λ2 \(e.kalpha2) Å, ratio \(e.ratio))\n# 2theta\td/Å\ty\tstripped")
        for i in e.x.indices {
          print("\(formatSpectrumNumber(e.x[i]))\t\(formatSpectrumNumber(e.d[i]))\t\(formatSpectrumNumber(e.y[i]))\t\(formatSpectrumNumber(e.stripped[i]))")
        }
      }
    }
  }
}
