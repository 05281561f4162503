import Formats
import Foundation

/// Boltzmann constant in eV/K (CODATA 2018, exact by the 2019 SI).
public let boltzmannEV = 8.617333262e-5

/// Arrhenius analysis of a conductivity series.
///
/// The study's form (paper.md): σT = A·exp(−Ea/(k_B T)), fitted as ln(σT) = ln A − (Ea/k_B)/T
/// against 1000/T, σ in S/cm and T in K, so Ea = −slope · 1000 · k_B (eV) and A in S·K/cm. The plain
/// form ln σ = ln A − Ea/(k_B T) is offered as an option (A then in S/cm). The standard error of Ea
/// is 1000·k_B·se(slope) from the straight-line fit.
public struct ArrheniusFit: Equatable, Sendable {
  public enum Form: String, Sendable {
    /// ln(σT) against 1000/T.
    case sigmaT = "ln_sigma_T"
    /// ln σ against 1000/T.
    case sigma = "ln_sigma"
  }

  public var form: Form
  /// d ln(σT)/d(1000/T) (or d ln σ/d(1000/T)), in K/1000.
  public var slope: Double
  public var slopeStandardError: Double
  public var intercept: Double
  public var activationEnergyEV: Double
  public var activationEnergyStandardErrorEV: Double
  /// A = e^intercept: S·K/cm for σT, S/cm for σ.
  public var prefactor: Double
  public var rSquared: Double
  public var count: Int

  /// Fits temperatures (K) and conductivities (S/cm). Throws when fewer than two points, a
  /// non-positive temperature or conductivity, or all temperatures equal.
  public init(temperaturesK: [Double], conductivitiesSPerCm: [Double], form: Form = .sigmaT) throws {
    guard temperaturesK.count == conductivitiesSPerCm.count else {
      throw InputError("expected as many conductivities as temperatures (\(temperaturesK.count)), got \(conductivitiesSPerCm.count)")
    }
    for (i, t) in temperaturesK.enumerated() where !(t > 0) {
      throw InputError("expected a positive absolute temperature at point \(i + 1), got \(t) K")
    }
    for (i, s) in conductivitiesSPerCm.enumerated() where !(s > 0) {
      throw InputError("expected a positive conductivity at point \(i + 1), got \(s) S/cm")
    }
    let x = temperaturesK.map { 1000 / $0 }
    let y = zip(temperaturesK, conductivitiesSPerCm).map { form == .sigmaT ? Foundation.log($1 * $0) : Foundation.log($1) }
    guard let line = LinearRegression(x: x, y: y) else {
      throw InputError("expected at least two points at different temperatures for an Arrhenius fit")
    }
    self.form = form
    slope = line.slope
    slopeStandardError = line.slopeStandardError
    intercept = line.intercept
    activationEnergyEV = -line.slope * 1000 * boltzmannEV
    activationEnergyStandardErrorEV = line.slopeStandardError * 1000 * boltzmannEV
    prefactor = Foundation.exp(line.intercept)
    rSquared = line.rSquared
    count = line.count
  }

  /// σ (S/cm) the fit predicts at temperature T (K).
  public func conductivity(atK t: Double) -> Double {
    let v = Foundation.exp(intercept + slope * 1000 / t)
    return form == .sigmaT ? v / t : v
  }

  /// σ extrapolated (or interpolated) to 25 °C = 298.15 K.
  public var conductivityAt25C: Double { conductivity(atK: 298.15) }
}
