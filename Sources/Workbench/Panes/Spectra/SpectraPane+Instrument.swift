import Engine
import Formats
import Foundation
import TUI

/// The instrument's own line width (FWHM, degrees 2θ, e.g. from a LaB6 standard) and how it is
/// removed from the measured width before Scherrer's equation, as `glovebox xrd size
/// --instrumental --broadening` does.
public struct SpectraInstrumentWidth: Equatable, Sendable {
  public var fwhm: Double
  public var broadening: InstrumentalBroadening

  public init(fwhm: Double, broadening: InstrumentalBroadening) {
    self.fwhm = fwhm
    self.broadening = broadening
  }

  /// "0.08 gaussian" (quadrature) or "0.08 lorentzian" (subtraction): both words are required,
  /// so the model is always the user's; nil for an empty line (no width removed).
  static func parse(_ text: String) -> Result<SpectraInstrumentWidth?, InputError> {
    let words = text.split(separator: " ").map(String.init)
    if words.isEmpty { return .success(nil) }
    guard words.count == 2, let fwhm = Double(words[0]), fwhm.isFinite, fwhm > 0 else {
      return .failure(InputError("instrument width: \"FWHM gaussian\" or \"FWHM lorentzian\" with FWHM > 0 in degrees 2θ (empty: none), found \"\(text)\""))
    }
    guard let broadening = InstrumentalBroadening(rawValue: words[1].lowercased()) else {
      return .failure(InputError("instrument width: the model is gaussian (quadrature) or lorentzian (subtraction), found \"\(words[1])\""))
    }
    return .success(SpectraInstrumentWidth(fwhm: fwhm, broadening: broadening))
  }

  /// How the notes line names it: "instrument FWHM 0.08° removed in quadrature (Gaussian)".
  var description: String {
    let how = broadening == .gaussian ? "in quadrature (Gaussian)" : "by subtraction (Lorentzian)"
    return "instrument FWHM \(SpectraPane.format(fwhm))° removed \(how)"
  }
}

extension SpectraPane {
  /// `I`: the instrument's FWHM and broadening model for the Scherrer column (XRD only).
  mutating func openInstrumentWidthPrompt() -> [Effect] {
    guard case .twoTheta? = current?.spectrum.axis else { return [.status(.error("the instrument width is for XRD patterns"))] }
    let text = analysis.instrument.map { "\(Self.format($0.fwhm)) \($0.broadening.rawValue)" } ?? ""
    modal = .prompt(.instrumentWidth, TextInput(text: text, prompt: "instrument FWHM in degrees 2θ and model, e.g. 0.08 gaussian or 0.08 lorentzian (empty: none): "))
    return [.render]
  }

  mutating func setInstrumentWidth(_ text: String) -> [Effect] {
    switch SpectraInstrumentWidth.parse(text) {
    case .failure(let error): return [.status(.error(error.message))]
    case .success(let width):
      analysis.instrument = width
      return [.render, .status(StatusMessage(width.map { "Scherrer sizes with the \($0.description)" } ?? "Scherrer sizes without an instrument width"))]
    }
  }

  /// The Scherrer size of one fitted peak (`ScherrerSize.crystalliteSize`, the engine's
  /// `CrystalliteSize.scherrer`) with the chosen instrument width removed, or why there is none
  /// (no wavelength; a line not broader than the instrument).
  func scherrerSize(of peak: PeakComponentResult) -> Result<Estimate, InputError> {
    guard let lambda = effectiveWavelength else { return .failure(InputError("no wavelength (w)")) }
    do {
      return .success(try ScherrerSize.crystalliteSize(fwhm: peak.fwhm, twoTheta: peak.center.value, wavelength: lambda,
                                                       shapeFactor: Self.scherrerConstant, instrumentalFWHM: analysis.instrument?.fwhm ?? 0,
                                                       broadening: analysis.instrument?.broadening ?? .gaussian))
    } catch {
      return .failure(error)
    }
  }

  /// The notes line of the Scherrer column's refusals: each peak without a size and why.
  var scherrerRefusals: [String] {
    guard effectiveWavelength != nil, let fit = currentFit, fit.result.success else { return [] }
    return fit.result.components.compactMap { c in
      guard case .failure(let error) = scherrerSize(of: c) else { return nil }
      // The engine's sentence prints the widths in full; this one fits a 120-column line.
      if let width = analysis.instrument, c.fwhm.value <= width.fwhm {
        return "\(c.name): its FWHM \(Self.format(c.fwhm.value))° is not broader than the instrument's \(Self.format(width.fwhm))°"
      }
      return "\(c.name): \(error.message)"
    }
  }
}
