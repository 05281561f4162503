import Foundation

extension ImpedanceColumnLayout {
  /// Z' and Z'' (Ω, Z'' < 0 capacitive) from the scaled values `a` and `b` of the layout's first
  /// and second columns: Z'' as is, −Z'' negated, or |Z| and phase φ (degrees, capacitive
  /// negative; a −φ column negated) as Z' = |Z| cos φ, Z'' = |Z| sin φ. Nil for a layout that
  /// pairs two columns which do not make an impedance (only a hand-built layout can).
  func impedance(first a: Double, second b: Double) -> (real: Double, imaginary: Double)? {
    switch second.quantity {
    case .imaginary: return (a, b)
    case .negativeImaginary: return (a, -b)
    case .phase, .negativePhase:
      let phase = (second.quantity == .phase ? b : -b) * Double.pi / 180
      return (a * cos(phase), a * sin(phase))
    case .frequency, .real, .modulus:
      return nil
    }
  }
}
