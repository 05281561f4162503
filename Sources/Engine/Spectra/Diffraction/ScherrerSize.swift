import Formats
import Foundation

/// Bragg d-spacings and Scherrer crystallite sizes of single diffraction peaks.
public enum ScherrerSize {
  /// Bragg's law for the first order, d = λ / (2 sin θ), with θ half the peak's 2θ (degrees) and
  /// λ in Å; d in Å. The standard error follows from σ(2θ) (degrees) to first order:
  /// σ_d = d · cot θ · σ_θ, σ_θ = σ(2θ)/2 in radians. Requires 0 < 2θ < 180° and λ > 0.
  public static func dSpacing(twoTheta: Estimate, wavelength: Double) throws(InputError) -> Estimate {
    guard wavelength.isFinite, wavelength > 0 else { throw InputError("a positive wavelength in Å (got \(wavelength))") }
    guard twoTheta.value.isFinite, twoTheta.value > 0, twoTheta.value < 180 else {
      throw InputError("a peak position with 0 < 2θ < 180° (got \(twoTheta.value))")
    }
    let theta = twoTheta.value / 2 * .pi / 180
    let d = wavelength / (2 * sin(theta))
    let sigmaTheta = twoTheta.error / 2 * .pi / 180
    return Estimate(d, d * cos(theta) / sin(theta) * sigmaTheta)
  }

  /// Scherrer's equation (P. Scherrer, Nachr. Ges. Wiss. Göttingen (1918) 98; Langford & Wilson,
  /// J. Appl. Cryst. 11 (1978) 102): the volume-weighted column length
  ///   τ = K λ / (β cos θ),
  /// τ and λ in Å, β the sample's integral-breadth-like FWHM in radians, θ the Bragg angle, K the
  /// shape factor (0.9 for FWHM and spherical crystallites is the usual choice; the caller
  /// states it). The instrument's own FWHM is removed in quadrature, β² = B² − b² (exact for
  /// Gaussian profiles; pass 0 to remove nothing, and say so). Peak widths in degrees 2θ. The
  /// error follows from σ_B (first order, θ's error neglected): σ_τ = τ · (B/β²) · σ_B.
  /// Requires B > b ≥ 0, 0 < 2θ < 180°, K > 0, λ > 0.
  public static func crystalliteSize(fwhm: Estimate, twoTheta: Double, wavelength: Double, shapeFactor: Double,
                                     instrumentalFWHM: Double) throws(InputError) -> Estimate {
    guard wavelength.isFinite, wavelength > 0 else { throw InputError("a positive wavelength in Å (got \(wavelength))") }
    guard shapeFactor.isFinite, shapeFactor > 0 else { throw InputError("a positive Scherrer constant K (got \(shapeFactor))") }
    guard twoTheta.isFinite, twoTheta > 0, twoTheta < 180 else { throw InputError("a peak position with 0 < 2θ < 180° (got \(twoTheta))") }
    guard instrumentalFWHM.isFinite, instrumentalFWHM >= 0 else {
      throw InputError("a non-negative instrumental FWHM (got \(instrumentalFWHM))")
    }
    guard fwhm.value.isFinite, fwhm.value > instrumentalFWHM else {
      throw InputError("a peak FWHM (\(fwhm.value)°) wider than the instrument's (\(instrumentalFWHM)°)")
    }
    let radians = Double.pi / 180
    let beta = (fwhm.value * fwhm.value - instrumentalFWHM * instrumentalFWHM).squareRoot() * radians
    let theta = twoTheta / 2 * radians
    let tau = shapeFactor * wavelength / (beta * cos(theta))
    let sigma = tau * (fwhm.value * radians) / (beta * beta) * (fwhm.error * radians)
    return Estimate(tau, sigma)
  }
}
