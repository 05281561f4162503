import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox xrd strip FILE [--anode Cu] [--ratio 0.5]`: Kα2 removed by Rachinger's method.
/// The wavelengths: the anode's when `--anode` is given, else the file's (UXD `_WL1`/`_WL2`/
/// `_WLRATIO`, Bruker RAW, Rigaku; a file stating only Kα1 of Cu, Mo or Co gets that anode's Kα2),
/// else an error asking for `--anode`. Each entry says where its wavelengths came from.
struct XRDStrip: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "strip",
    abstract: "Strip the Kα2 component (Rachinger) from a 2θ pattern measured with an unresolved Kα doublet."
  )
  @Argument(help: "XRD pattern file (2θ axis).") var file: String
  @Option(help: "Anode: Cu, Mo or Co (its Kα1 and Kα2 wavelengths); default: the wavelengths the file states.") var anode: String?
  @Option(help: "Intensity ratio I(Kα2)/I(Kα1); default: the file's, else 0.5.") var ratio: Double?
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Entry: Encodable {
    var name: String; var kalpha1: Double; var kalpha2: Double; var ratio: Double; var wavelength_source: String
    var x: [Double?]; var y: [Double?]; var stripped: [Double?]; var d: [Double?]
  }
  struct Output: Encodable { var file: String; var spectra: [Entry] }

  mutating func run() throws {
    var given: (Double, Double)?
    if let anode {
      do {
        given = (try XRayWavelength.parse(anode + "Ka1"), try XRayWavelength.parse(anode + "Ka2"))
      } catch { throw ValidationError("--anode must be Cu, Mo or Co, found '\(anode)'") }
    }
    if let ratio, !(ratio > 0 && ratio < 1) { throw ValidationError("--ratio must be between 0 and 1, found \(ratio)") }
    var entries: [Entry] = []
    do {
      for s in try input.spectra(file) {
        guard case .twoTheta = s.axis else { throw InputError("\"\(s.name)\" has a \(s.axis.label) axis, not 2θ", file: file) }
        // Files may run downwards in angle; stripping walks upwards.
        let order = s.x.indices.sorted { s.x[$0] < s.x[$1] }
        let x = order.map { s.x[$0] }, y = order.map { s.y[$0] }
        let (l1, l2, source) = try given.map { ($0.0, $0.1, "--anode \(anode ?? "")") } ?? statedWavelengths(s)
        let statedRatio = s.metadata["kalpha2_ratio"].flatMap(Double.init)
        let ratio = self.ratio ?? (anode == nil ? statedRatio : nil) ?? 0.5
        let stripped = try KAlpha2Stripping.strip(twoTheta: x, intensity: y, kAlpha1: l1, kAlpha2: l2, ratio: ratio)
        let d = try x.map { try CrystalliteSize.dSpacing(twoTheta: $0, wavelength: l1) }
        entries.append(Entry(name: s.name, kalpha1: l1, kalpha2: l2, ratio: ratio, wavelength_source: source, x: x.map(finite), y: y.map(finite),
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
        print("# \(e.name): Kα2 stripped (λ1 \(e.kalpha1) Å, λ2 \(e.kalpha2) Å from \(e.wavelength_source), ratio \(e.ratio))\n# 2theta\td/Å\ty\tstripped")
        for i in e.x.indices {
          print("\(formatSpectrumNumber(e.x[i]))\t\(formatSpectrumNumber(e.d[i]))\t\(formatSpectrumNumber(e.y[i]))\t\(formatSpectrumNumber(e.stripped[i]))")
        }
      }
    }
  }

  /// Kα1 and Kα2 the spectrum states (see the type's comment), or an error asking for --anode.
  func statedWavelengths(_ s: Spectrum) throws -> (Double, Double, String) {
    guard case .twoTheta(let stated?) = s.axis else {
      throw InputError("\"\(s.name)\" states no wavelength; give --anode Cu, Mo or Co", file: file)
    }
    let source = s.metadata["wavelength_source"] ?? "the file"
    if let k2 = s.metadata["kalpha2_angstrom"].flatMap(Double.init) { return (stated, k2, source) }
    for anode in ["Cu", "Mo", "Co"] {
      if let k1 = try? XRayWavelength.parse(anode + "Ka1"), abs(k1 - stated) <= 1e-4,
         let k2 = try? XRayWavelength.parse(anode + "Ka2") {
        return (stated, k2, source + "; Kα2 of \(anode), whose Kα1 it states")
      }
    }
    throw InputError("\"\(s.name)\" states λ = \(stated) Å but no Kα2; give --anode Cu, Mo or Co", file: file)
  }
}
