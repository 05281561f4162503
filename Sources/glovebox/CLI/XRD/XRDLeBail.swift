import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox xrd lebail FILE --structure X.cif`: Le Bail whole-pattern fit of one phase.
struct XRDLeBail: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lebail",
    abstract: "Le Bail whole-pattern fit of one phase: cell, zero shift, pseudo-Voigt Caglioti widths and background.",
    discussion: """
      The structure gives the reflections and the starting cell; intensities are extracted (Le Bail), not \
      computed. Peak width H² = U tan²θ + V tanθ + W (V held at --v), pseudo-Voigt η refined, polynomial background.
      """
  )
  @Argument(help: "XRD pattern file (2θ axis).") var file: String
  @Option(help: "CIF of the phase.") var structure: String
  @Option(help: "CuKa1, CuKa, MoKa1, CoKa1, … or a wavelength in Å.") var wavelength = "CuKa1"
  @Option(help: "Only x inside LO:HI.") var range: String?
  @Option(help: "Degree of the background polynomial (0…6).") var backgroundDegree = 2
  @Option(help: "Starting Caglioti U, degrees².") var u = 0.01
  @Option(help: "Caglioti V (held), degrees².") var v = 0.0
  @Option(help: "Starting Caglioti W, degrees².") var w = 0.005
  @Option(help: "Most Le Bail cycles.") var cycles = 30
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Reflection: Encodable { var hkl: [Int]; var two_theta: Double?; var intensity: Double? }
  struct Output: Encodable {
    var file: String; var structure: String; var system: String; var wavelength_angstrom: Double
    var success: Bool; var message: String; var cycles: Int
    var a: Double?, a_err: Double?, b: Double?, b_err: Double?, c: Double?, c_err: Double?
    var zero_shift: Double?, zero_shift_err: Double?, u: Double?, w: Double?, eta: Double?, rwp: Double?
    var reflections: [Reflection]
  }

  mutating func run() throws {
    let lambda: Double
    do { lambda = try XRayWavelength.parse(wavelength) } catch { throw ValidationError("--wavelength: \(error.message)") }
    let range = try parseSpectrumRange(self.range)
    let crystal = try readStructure(structure)
    var settings = LeBailFit.Settings(wavelength: lambda)
    settings.backgroundDegree = backgroundDegree
    settings.u = u; settings.v = v; settings.w = w; settings.cycles = cycles
    do {
      let spectra = try input.spectra(file)
      guard spectra.count == 1, let s = spectra.first else { throw InputError("lebail reads one pattern; the file has \(spectra.count)", file: file) }
      guard case .twoTheta = s.axis else { throw InputError("\"\(s.name)\" has a \(s.axis.label) axis, not 2θ", file: file) }
      let win = try spectrumWindow(s, range, file: file)
      let r = try LeBailFit.fit(crystal, x: win.x, y: win.y, settings: settings)
      let output = Output(
        file: file, structure: structure, system: r.system.rawValue, wavelength_angstrom: lambda, success: r.success,
        message: r.message, cycles: r.cycles, a: finite(r.a.value), a_err: finite(r.a.error), b: finite(r.b.value),
        b_err: finite(r.b.error), c: finite(r.c.value), c_err: finite(r.c.error), zero_shift: finite(r.zeroShift.value),
        zero_shift_err: finite(r.zeroShift.error), u: finite(r.u.value), w: finite(r.w.value), eta: finite(r.eta.value),
        rwp: finite(r.rwp),
        reflections: r.reflections.map { Reflection(hkl: [$0.h, $0.k, $0.l], two_theta: finite($0.twoTheta), intensity: finite($0.intensity)) })
      if json { try printJSON(output); return }
      print("\(structure) (\(r.system.rawValue)) Le Bail: \(r.message)")
      print("a = \(formatSpectrumNumber(r.a.value)) ± \(formatSpectrumNumber(r.a.error)) Å, b = \(formatSpectrumNumber(r.b.value)) Å, c = \(formatSpectrumNumber(r.c.value)) ± \(formatSpectrumNumber(r.c.error)) Å")
      print("zero \(formatSpectrumNumber(r.zeroShift.value))°, U \(formatSpectrumNumber(r.u.value)), W \(formatSpectrumNumber(r.w.value)), η \(formatSpectrumNumber(r.eta.value)), Rwp \(formatSpectrumNumber(100 * r.rwp)) %")
    } catch let e as ValidationError {
      throw e
    } catch {
      _ = reportSpectrumError(error, file: file)
      throw ExitCode(2)
    }
  }
}
