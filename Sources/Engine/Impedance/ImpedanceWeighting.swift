/// How the points of a spectrum count in a fit: χ² = Σᵢ wᵢ |Z_model(fᵢ) − Zᵢ|², the real and
/// imaginary parts of each point sharing the weight wᵢ.
/// - unit: wᵢ = 1 (impedance.py's default; dominated by the largest |Z|);
/// - proportional: wᵢ = 1/|Zᵢ|² (relative errors; every decade of |Z| counts the same);
/// - modulus: wᵢ = 1/|Zᵢ| (between the two);
/// - given: wᵢ as supplied, e.g. 1/σᵢ² from the instrument's error model.
public enum ImpedanceWeighting: Equatable, Sendable {
  case unit
  case proportional
  case modulus
  case given([Double])

  public init?(name: String) {
    switch name.lowercased() {
    case "unit", "none": self = .unit
    case "proportional", "relative": self = .proportional
    case "modulus": self = .modulus
    default: return nil
    }
  }

  public var name: String {
    switch self {
    case .unit: return "unit"
    case .proportional: return "proportional"
    case .modulus: return "modulus"
    case .given: return "given"
    }
  }

  /// The weight of each point of a spectrum.
  public func weights(for spectrum: ImpedanceSpectrum) -> [Double] {
    (0..<spectrum.count).map { i in
      let m2 = spectrum.real[i] * spectrum.real[i] + spectrum.imaginary[i] * spectrum.imaginary[i]
      switch self {
      case .unit: return 1
      case .proportional: return m2 > 0 ? 1 / m2 : 1
      case .modulus: return m2 > 0 ? 1 / m2.squareRoot() : 1
      case let .given(w): return i < w.count ? w[i] : 1
      }
    }
  }
}
