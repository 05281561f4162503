import Formats
import Foundation

/// d-spacings and Scherrer sizes of fitted peaks with their standard errors: the values are
/// `CrystalliteSize`'s (one Bragg's law, one Scherrer equation in the tree); this adds the
/// first-order propagation of the fit's errors, which the results table shows beside each value.
public enum ScherrerSize {
  /// d = λ / (2 sin θ) (`CrystalliteSize.dSpacing`), 2θ in degrees, λ and d in Å, with
  /// σ_d = d · cot θ · σ_θ, σ_θ = σ(2θ)/2 in radians. Requires 0 < 2θ < 180° and λ > 0.
  public static func dSpacing(twoTheta: Estimate, wavelength: Double) throws(InputError) -> Estimate {
    guard wavelength.isFinite, twoTheta.value.isFinite else {
      throw InputError("a finite peak position and wavelength (got 2θ = \(twoTheta.value)°, λ = \(wavelength) Å)")
    }
    let d = try inputError { try CrystalliteSize.dSpacing(twoTheta: twoTheta.value, wavelength: wavelength) }
    let theta = twoTheta.value / 2 * .pi / 180
    let sigmaTheta = twoTheta.error / 2 * .pi / 180
    return Estimate(d, d * cos(theta) / sin(theta) * sigmaTheta)
  }

  /// Scherrer's τ = K λ / (β cos θ) (`CrystalliteSize.scherrer`, whose doc comment gives the
  /// references), the instrument's FWHM b removed from the measured B by `broadening`: in
  /// quadrature β = √(B² − b²) (Gaussian profiles) or linearly β = B − b (Lorentzian); pass b = 0
  /// to remove nothing, and say so. Widths in degrees 2θ, τ in Å. A line not broader than the
  /// instrument (B ≤ b) is an error, never a NaN or negative size. The error follows from σ_B of
  /// the measured FWHM to first order (θ's and b's errors neglected): σ_τ = τ/β · dβ/dB · σ_B, with
  /// dβ/dB = B/β (Gaussian) or 1 (Lorentzian).
  public static func crystalliteSize(fwhm: Estimate, twoTheta: Double, wavelength: Double, shapeFactor: Double,
                                     instrumentalFWHM: Double,
                                     broadening: InstrumentalBroadening = .gaussian) throws(InputError) -> Estimate {
    guard fwhm.value.isFinite, twoTheta.isFinite, wavelength.isFinite, shapeFactor.isFinite, instrumentalFWHM.isFinite else {
      throw InputError("finite peak width, position, wavelength, K and instrumental width")
    }
    let tau = try inputError {
      try CrystalliteSize.scherrer(twoTheta: twoTheta, fwhm: fwhm.value, instrumentalFWHM: instrumentalFWHM,
                                   broadening: broadening, wavelength: wavelength, k: shapeFactor)
    }
    let radians = Double.pi / 180
    let beta = try inputError { try broadening.sampleWidth(observed: fwhm.value, instrumental: instrumentalFWHM) } * radians
    let slope = broadening == .gaussian ? fwhm.value * radians / beta : 1
    return Estimate(tau, tau / beta * slope * (fwhm.error * radians))
  }

  private static func inputError<T>(_ body: () throws -> T) throws(InputError) -> T {
    do { return try body() } catch let error as InputError { throw error } catch { throw InputError("\(error)") }
  }
}
