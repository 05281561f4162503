import Formats
import Foundation

/// The inelastic mean free path λ(E) of photoelectrons of kinetic energy E (eV), as used in the
/// XPS quantification n = A/(S·T·λ). Only ratios of λ between lines matter there, so the power law
/// needs no prefactor.
public enum InelasticMeanFreePath: Sendable, Equatable {
  /// λ ∝ E^m. m = 0.75 is Seah & Dench's inorganic-compound dependence (Surf. Interface Anal. 1
  /// (1979) 2); m ≈ 0.5–0.9 covers most solids.
  case powerLaw(exponent: Double)
  /// TPP-2M (Tanuma, Powell & Penn, Surf. Interface Anal. 21 (1994) 165), in Å, E in eV:
  ///   λ = E / (Ep² [β ln(γE) − C/E + D/E²]),
  ///   Ep = 28.8 √(Nv ρ/M) (plasmon energy, eV), U = Nv ρ/M = Ep²/829.4,
  ///   β = −0.10 + 0.944/√(Ep² + Eg²) + 0.069 ρ^0.1,  γ = 0.191 ρ^(−1/2),
  ///   C = 1.97 − 0.91 U,  D = 53.4 − 20.8 U,
  /// with ρ the density (g/cm³), Nv the valence electrons per formula unit, M the formula mass
  /// (g/mol) and Eg the band gap (eV). Stated range: 50–2000 eV.
  case tpp2m(density: Double, valenceElectrons: Double, formulaMass: Double, bandGap: Double)

  /// λ(E): a relative value for the power law, Å for TPP-2M. Errors for E ≤ 0 or a material
  /// outside the formula's domain (non-positive ρ, Nv, M; negative Eg; a non-positive denominator).
  public func value(kineticEnergy e: Double) throws -> Double {
    guard e > 0, e.isFinite else { throw InputError("the mean free path needs a positive kinetic energy, got \(e) eV") }
    switch self {
    case .powerLaw(let m):
      return Foundation.pow(e, m)
    case .tpp2m(let rho, let nv, let mass, let gap):
      guard rho > 0, nv > 0, mass > 0, gap >= 0, [rho, nv, mass, gap].allSatisfy(\.isFinite) else {
        throw InputError("TPP-2M needs density, valence electrons and formula mass > 0 and band gap ≥ 0")
      }
      let u = nv * rho / mass
      let ep2 = 829.4 * u
      let beta = -0.10 + 0.944 / (ep2 + gap * gap).squareRoot() + 0.069 * Foundation.pow(rho, 0.1)
      let gamma = 0.191 / rho.squareRoot()
      let c = 1.97 - 0.91 * u, d = 53.4 - 20.8 * u
      let denominator = ep2 * (beta * Foundation.log(gamma * e) - c / e + d / (e * e))
      guard denominator > 0 else { throw InputError("TPP-2M is not defined at \(e) eV for this material (denominator ≤ 0)") }
      return e / denominator
    }
  }
}
