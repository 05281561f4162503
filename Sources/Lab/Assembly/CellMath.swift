/// The arithmetic of pellet pressing and electrode layers, in lab units at the edges.
public enum CellMath {
  /// Standard gravity, m/s² (CGPM 1901, exact): 1 tonne-force = 1000 kg × g₀ = 9.80665 kN.
  public static let standardGravity = 9.80665

  /// Area of a circular die or disc, A = π d²/4; d in mm, A in cm².
  public static func area(diameterMillimetres d: Double) -> Double {
    Double.pi * d * d / 4 / 100
  }

  /// Press force on a die, F = P·A, in kN: P in MPa (N/mm²), d in mm, so
  /// F[kN] = P · π d²/4 / 1000. 300 MPa on a 10 mm die: 300 · 78.54 mm² = 23.56 kN.
  public static func forceKilonewtons(pressureMegapascals p: Double, diameterMillimetres d: Double)
    -> Double
  {
    p * Double.pi * d * d / 4 / 1000
  }

  /// The same force in tonnes-force, what a hydraulic press gauge shows: F / (1000 kg · g₀).
  /// 23.56 kN = 2.40 tf.
  public static func tonnesForce(kilonewtons: Double) -> Double {
    kilonewtons / standardGravity
  }

  /// Thickness of a pressed layer, t = m / (A · ρ · φ): m in mg, A in cm², ρ the full density in
  /// g/cm³, φ the relative density (0…1); t in µm (1 cm = 10⁴ µm).
  public static func thicknessMicrometres(
    massMilligrams m: Double, areaCm2 a: Double, density rho: Double, relativeDensity phi: Double
  ) -> Double {
    m / 1000 / (a * rho * phi) * 1e4
  }

  /// Mass of a layer of given thickness, m = t · A · ρ · φ, in mg (inverse of the above).
  public static func massMilligrams(
    thicknessMicrometres t: Double, areaCm2 a: Double, density rho: Double, relativeDensity phi: Double
  ) -> Double {
    t * 1e-4 * a * rho * phi * 1000
  }

  /// Areal capacity of a metal foil per µm of thickness, mAh/cm²/µm: ρ · 10⁻⁴ cm · q.
  /// Li: 0.534 g/cm³ × 10⁻⁴ cm × 3860 mAh/g = 0.206 mAh/cm² per µm.
  public static func arealCapacityPerMicrometre(density rho: Double, specificCapacity q: Double)
    -> Double
  {
    rho * 1e-4 * q
  }

  /// Current for a C-rate: I = C · m_active · q, in mA for m in mg and q in mAh/g (1C = q mA/g).
  public static func currentMilliamps(cRate: Double, activeMassMilligrams m: Double, specificCapacity q: Double)
    -> Double
  {
    cRate * m / 1000 * q
  }
}
