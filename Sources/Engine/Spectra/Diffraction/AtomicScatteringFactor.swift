import Foundation

/// The X-ray atomic scattering factor f₀(s) of an atom or ion in electrons, as a function of
/// s = sin θ / λ in Å⁻¹ (no anomalous dispersion f′ + i f″: the factor is real, so Friedel's law
/// holds).
public enum AtomicScatteringFactor: Sendable, Equatable {
  /// The Cromer–Mann nine-parameter form f₀(s) = Σᵢ₌₁⁴ aᵢ exp(−bᵢ s²) + c (International Tables
  /// for Crystallography Vol. C, §6.1.1.4, eq. 6.1.1.15), a fit to the Hartree–Fock values of
  /// Tables 6.1.1.1 and 6.1.1.3 valid for s ≤ 2 Å⁻¹ (b in Å²).
  case cromerMann(a: [Double], b: [Double], c: Double)
  /// The Mott–Bethe form f₀(s) = Z − 8π²a₀ s² Σᵢ aᵢ exp(−bᵢ s²) with 8π²a₀ = 41.78214 Å (a₀ the
  /// Bohr radius), for coefficient sets fitted to electron scattering factors (the form
  /// pymatgen's XRDCalculator uses; De Graef & McHenry, Structure of Materials, ch. 12).
  case mottBethe(z: Double, a: [Double], b: [Double])

  /// f₀ at s = sin θ / λ (Å⁻¹).
  @inline(__always)
  public func value(s: Double) -> Double {
    let s2 = s * s
    switch self {
    case .cromerMann(let a, let b, let c):
      var f = c
      for i in 0..<min(a.count, b.count) { f += a[i] * exp(-b[i] * s2) }
      return f
    case .mottBethe(let z, let a, let b):
      var sum = 0.0
      for i in 0..<min(a.count, b.count) { sum += a[i] * exp(-b[i] * s2) }
      return z - 41.78214 * s2 * sum
    }
  }
}

/// Which scattering factor stands for a site's atom, and whether it is the ion's own.
public struct ScatteringFactorChoice: Sendable, Equatable {
  public var factor: AtomicScatteringFactor
  /// The table key used: "Li1+", "S", …
  public var key: String
  /// True when the site names an ion the table lacks and the neutral atom's factor is used.
  public var neutralSubstitutedForIon: Bool
}

extension AtomicScatteringFactor {
  /// The Cromer–Mann factor of an element (symbol as in the periodic table) with an optional
  /// formal charge. With `useIons` and a charge the table has (e.g. Li1+, Cl1-, Ti4+), the ion's
  /// coefficients; a charge it lacks (S2-, P5+, Li… in other states) falls back to the neutral
  /// atom and says so in `neutralSubstitutedForIon`. Nil when the element is not tabulated.
  public static func cromerMann(element: String, charge: Int?, useIons: Bool = true) -> ScatteringFactorChoice? {
    if useIons, let charge, charge != 0 {
      let key = element + String(abs(charge)) + (charge > 0 ? "+" : "-")
      if let row = CromerMannTable.rows[key] {
        return ScatteringFactorChoice(factor: .cromerMann(a: row.a, b: row.b, c: row.c), key: key, neutralSubstitutedForIon: false)
      }
      guard let row = CromerMannTable.rows[element] else { return nil }
      return ScatteringFactorChoice(factor: .cromerMann(a: row.a, b: row.b, c: row.c), key: element, neutralSubstitutedForIon: true)
    }
    guard let row = CromerMannTable.rows[element] else { return nil }
    return ScatteringFactorChoice(factor: .cromerMann(a: row.a, b: row.b, c: row.c), key: element, neutralSubstitutedForIon: false)
  }

  /// Element and ion keys the built-in table holds.
  public static var tabulatedKeys: [String] { CromerMannTable.rows.keys.sorted() }
}
