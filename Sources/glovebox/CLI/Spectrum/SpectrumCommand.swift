import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox spectrum …`: Raman, XPS and XRD spectra from the command line.
struct SpectrumCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spectrum",
    abstract: "Raman, XPS and XRD spectra: read files, find peaks, fit peak models, compute backgrounds.",
    subcommands: [SpectrumRead.self, SpectrumPeaks.self, SpectrumFit.self, SpectrumBackgroundCommand.self]
  )
}

/// Options every spectrum subcommand shares: how to read the files.
struct SpectrumInputOptions: ParsableArguments {
  @Option(help: "The x axis of files that do not name it: be (binding energy, eV), ke (kinetic energy, eV), raman (cm-1), 2theta (degrees).")
  var axis: String?

  @Option(help: "X-ray source energy hν in eV: kinetic-energy spectra become binding energy (BE = hν − KE − φ).")
  var sourceEnergy: Double?

  @Option(help: "Spectrometer work function φ in eV for the KE → BE conversion (needs --source-energy).")
  var workFunction: Double?

  func parsedAxis() throws -> SpectrumAxis? {
    guard let axis else { return nil }
    switch axis.lowercased() {
    case "be", "binding": return .bindingEnergy
    case "ke", "kinetic": return .kineticEnergy
    case "raman", "cm-1": return .ramanShift
    case "2theta", "twotheta", "2th": return .twoTheta(wavelength: nil)
    default: throw ValidationError("--axis must be be, ke, raman or 2theta, found '\(axis)'")
    }
  }

  /// The spectra of `file`, converted to binding energy when a source energy is given.
  func spectra(_ file: String) throws -> [Spectrum] {
    if workFunction != nil && sourceEnergy == nil { throw ValidationError("--work-function needs --source-energy") }
    var spectra = try SpectrumFileReader.read(path: file, axis: try parsedAxis())
    if let hv = sourceEnergy {
      spectra = try spectra.map { s in s.axis == .kineticEnergy ? try s.toBindingEnergy(sourceEnergy: hv, workFunction: workFunction ?? 0) : s }
    }
    return spectra
  }
}

/// `LO:HI` → a closed range (either order).
func parseSpectrumRange(_ text: String?) throws -> ClosedRange<Double>? {
  guard let text else { return nil }
  let parts = text.split(separator: ":", omittingEmptySubsequences: false)
  guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), a.isFinite, b.isFinite, a != b else {
    throw ValidationError("--range must be LO:HI with two different numbers, found '\(text)'")
  }
  return min(a, b)...max(a, b)
}

/// The points of a spectrum inside `range` (all when nil); an error when fewer than 3 remain.
func spectrumWindow(_ s: Spectrum, _ range: ClosedRange<Double>?, file: String) throws -> (x: [Double], y: [Double]) {
  let keep = s.x.indices.filter { range?.contains(s.x[$0]) ?? true }
  guard keep.count >= 3 else {
    throw InputError("only \(keep.count) points of \"\(s.name)\" inside the range", file: file)
  }
  return (keep.map { s.x[$0] }, keep.map { s.y[$0] })
}

/// A JSON number, or null for NaN/∞ (JSON has neither, and no number is printed for one).

/// Prints an InputError (or any error) as `file:line: message` on stderr.
func reportSpectrumError(_ error: Error, file: String) -> String {
  let message = (error as? InputError)?.inFile(file).description ?? "\(file): \(error)"
  FileHandle.standardError.write(Data((message + "\n").utf8))
  return message
}

/// A number for people: "undefined" for nil/NaN/∞ (never printed as a number).
func formatSpectrumNumber(_ v: Double?) -> String {
  guard let v, v.isFinite else { return "undefined" }
  return String(format: "%.6g", v)
}
