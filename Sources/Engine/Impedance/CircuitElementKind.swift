import Foundation

/// The element types of an equivalent circuit, named as impedance.py names them. Every formula
/// uses ω = 2πf in rad/s and the electrochemical convention Z = Z' + jZ'' (capacitive Z'' < 0).
public enum CircuitElementKind: String, CaseIterable, Sendable {
  case resistor = "R"
  case capacitor = "C"
  case inductor = "L"
  case constantPhase = "CPE"
  case inductiveConstantPhase = "La"
  case warburg = "W"
  case warburgOpen = "Wo"
  case warburgShort = "Ws"
  case gerischer = "G"
  case zarc = "Zarc"
  case voigtRC = "K"

  /// The element prefix as written in a circuit string; "ZARC" is accepted as well as "Zarc".
  public init?(prefix: String) {
    if prefix == "ZARC" { self = .zarc; return }
    self.init(rawValue: prefix)
  }

  /// Parameter units in order, e.g. CPE: Q in Ω⁻¹·sⁿ, n dimensionless.
  public var units: [String] {
    switch self {
    case .resistor: return ["Ohm"]
    case .capacitor: return ["F"]
    case .inductor: return ["H"]
    case .constantPhase: return ["Ohm^-1 s^n", ""]
    case .inductiveConstantPhase: return ["H s^(a-1)", ""]
    case .warburg: return ["Ohm s^-1/2"]
    case .warburgOpen, .warburgShort, .gerischer, .voigtRC: return ["Ohm", "s"]
    case .zarc: return ["Ohm", "s", ""]
    }
  }

  public var parameterCount: Int { units.count }

  /// Exponents (CPE n, La α, ZARC φ) live in [0, 1]; every other parameter is positive and is
  /// fitted on a log scale.
  public func isExponent(_ k: Int) -> Bool {
    switch self {
    case .constantPhase, .inductiveConstantPhase: return k == 1
    case .zarc: return k == 2
    default: return false
    }
  }

  /// Impedance at angular frequency ω (rad/s) for parameters p, and ∂Z/∂pₖ written into
  /// `gradient[offset + k]` when `gradient` is given. Formulas (ω in rad/s, s = jω):
  /// - R: Z = R.                      - C: Z = 1/(sC).            - L: Z = sL.
  /// - CPE (Q, n): Z = 1/(Q sⁿ) (Brug et al., J. Electroanal. Chem. 176 (1984) 275).
  /// - La (L, α): Z = L sᵅ (inductive CPE, impedance.py).
  /// - W (A_W): Z = A_W (1 − j)/√ω, semi-infinite Warburg (Warburg 1899).
  /// - Wo (Z₀, τ): Z = Z₀ coth(√(sτ))/√(sτ), finite-space (reflective boundary) Warburg.
  /// - Ws (Z₀, τ): Z = Z₀ tanh(√(sτ))/√(sτ), finite-length (transmissive boundary) Warburg
  ///   (both: Barsoukov & Macdonald, Impedance Spectroscopy, 2nd ed., §2.2).
  /// - G (R_G, τ): Z = R_G/√(1 + sτ), Gerischer (Boukamp & Bouwmeester, Solid State Ionics 157
  ///   (2003) 29).
  /// - Zarc (R, τ, φ): Z = R/(1 + (sτ)^φ), Cole–Cole arc (R ∥ CPE with τ^φ = RQ).
  /// - K (R, τ): Z = R/(1 + sτ), the Voigt RC element of Lin-KK (Schönleber et al.,
  ///   Electrochim. Acta 131 (2014) 20).
  /// Derivatives are the exact complex derivatives of these expressions.
  @inlinable
  public func impedance(omega w: Double, _ p: ArraySlice<Double>, gradient: UnsafeMutablePointer<ComplexNumber>?) -> ComplexNumber {
    let b = p.startIndex
    let s = ComplexNumber(0, w)
    switch self {
    case .resistor:
      gradient?[0] = .one
      return ComplexNumber(p[b])
    case .capacitor:
      let z = 1 / ComplexNumber(0, w * p[b])
      gradient?[0] = -z / p[b]
      return z
    case .inductor:
      gradient?[0] = s
      return ComplexNumber(0, w * p[b])
    case .constantPhase:
      let q = p[b], n = p[b + 1]
      let sn = ComplexNumber.powImaginary(omega: w, n)
      let z = 1 / (q * sn)
      if let g = gradient {
        g[0] = -z / q
        g[1] = -z * ComplexNumber(Foundation.log(w), Double.pi / 2)
      }
      return z
    case .inductiveConstantPhase:
      let l = p[b], a = p[b + 1]
      let sa = ComplexNumber.powImaginary(omega: w, a)
      let z = l * sa
      if let g = gradient {
        g[0] = sa
        g[1] = z * ComplexNumber(Foundation.log(w), Double.pi / 2)
      }
      return z
    case .warburg:
      let unit = ComplexNumber(1, -1) / w.squareRoot()
      gradient?[0] = unit
      return p[b] * unit
    case .warburgOpen, .warburgShort:
      let z0 = p[b], tau = p[b + 1]
      let x = ComplexNumber.sqrt(ComplexNumber(0, w * tau))
      let t = ComplexNumber.tanh(x)
      if self == .warburgShort {
        let shape = t / x
        if let g = gradient {
          g[0] = shape
          g[1] = z0 * ((ComplexNumber.one - t * t) * x - t) / (2 * tau * x)
        }
        return z0 * shape
      } else {
        let shape = 1 / (x * t)
        if let g = gradient {
          g[0] = shape
          g[1] = -z0 * (t + x * (ComplexNumber.one - t * t)) / (2 * tau * x * t * t)
        }
        return z0 * shape
      }
    case .gerischer:
      let r = p[b], tau = p[b + 1]
      let d = ComplexNumber(1, w * tau)
      let shape = 1 / ComplexNumber.sqrt(d)
      if let g = gradient {
        g[0] = shape
        g[1] = -0.5 * r * shape / d * ComplexNumber(0, w)
      }
      return r * shape
    case .zarc:
      let r = p[b], tau = p[b + 1], phi = p[b + 2]
      let u = ComplexNumber.powImaginary(omega: w * tau, phi)
      let d = ComplexNumber.one + u
      let z = r / d
      if let g = gradient {
        let dd = -r / (d * d)
        g[0] = 1 / d
        g[1] = dd * u * (phi / tau)
        g[2] = dd * u * ComplexNumber(Foundation.log(w * tau), Double.pi / 2)
      }
      return z
    case .voigtRC:
      let r = p[b], tau = p[b + 1]
      let d = ComplexNumber(1, w * tau)
      let z = r / d
      if let g = gradient {
        g[0] = 1 / d
        g[1] = -r * ComplexNumber(0, w) / (d * d)
      }
      return z
    }
  }
}
