import Formats
import Foundation

/// Ionic conductivity of a pellet from its resistance: σ = L/(R·A), L the thickness and A the
/// electrode area. Inputs in lab units (cm, Ω), output in S/cm; the geometric factor L/A in cm⁻¹
/// is kept so a series measured on one pellet shares it.
public struct PelletGeometry: Equatable, Sendable {
  /// L/A in cm⁻¹.
  public var cellConstantPerCm: Double

  public init(cellConstantPerCm: Double) throws {
    guard cellConstantPerCm > 0, cellConstantPerCm.isFinite else {
      throw InputError("expected a positive, finite cell constant L/A in cm⁻¹, got \(cellConstantPerCm)")
    }
    self.cellConstantPerCm = cellConstantPerCm
  }

  /// A disc of thickness L (cm) and diameter d (cm): A = πd²/4.
  public init(thicknessCm: Double, diameterCm: Double) throws {
    guard thicknessCm > 0, thicknessCm.isFinite else { throw InputError("expected a positive thickness in cm, got \(thicknessCm)") }
    guard diameterCm > 0, diameterCm.isFinite else { throw InputError("expected a positive diameter in cm, got \(diameterCm)") }
    try self.init(cellConstantPerCm: thicknessCm / (Double.pi * diameterCm * diameterCm / 4))
  }

  /// σ in S/cm for a resistance in Ω.
  public func conductivity(resistanceOhm: Double) -> Double { cellConstantPerCm / resistanceOhm }

  /// The resistance (Ω) a conductivity (S/cm) gives in this geometry.
  public func resistance(conductivitySPerCm: Double) -> Double { cellConstantPerCm / conductivitySPerCm }
}
