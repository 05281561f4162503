import Formats

/// Charge correction of an XPS binding-energy scale to a reference line: the whole scale moves by
///   ΔE = E_ref − E_measured  (eV; negative for the usual positive surface charging, which
///   pushes every line to a higher apparent binding energy),
/// so that the reference line (adventitious C 1s C–C/C–H at 284.8 eV by default, the common
/// convention; see e.g. Greczynski & Hultman, Prog. Mater. Sci. 107 (2020) 100591 for its limits)
/// lands at E_ref. Every other binding energy is corrected by the same ΔE.
public struct XPSChargeCorrection: Sendable, Equatable {
  /// The default reference: adventitious carbon C 1s, 284.8 eV.
  public static let adventitiousCarbon = 284.8

  /// The binding energy the reference line should have, eV.
  public var referenceEnergy: Double
  /// Where the reference line was measured (the fitted centre), eV.
  public var measuredEnergy: Double

  public init(referenceEnergy: Double = XPSChargeCorrection.adventitiousCarbon, measuredEnergy: Double) throws {
    guard referenceEnergy.isFinite, measuredEnergy.isFinite else {
      throw InputError("charge correction needs finite reference and measured energies")
    }
    self.referenceEnergy = referenceEnergy
    self.measuredEnergy = measuredEnergy
  }

  /// ΔE = E_ref − E_measured, eV; added to every binding energy.
  public var shift: Double { referenceEnergy - measuredEnergy }

  /// A binding energy on the corrected scale.
  public func corrected(_ bindingEnergy: Double) -> Double { bindingEnergy + shift }

  /// The spectrum on the corrected scale; an error for a spectrum that is not on binding energy.
  public func corrected(_ spectrum: Spectrum) throws -> Spectrum {
    guard spectrum.axis == .bindingEnergy else {
      throw InputError("\(spectrum.name): charge correction needs a binding-energy axis, found \(spectrum.axis.label)")
    }
    var s = spectrum
    s.x = spectrum.x.map { $0 + shift }
    s.metadata["charge_shift_eV"] = "\(shift)"
    return s
  }
}
