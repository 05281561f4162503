import Formats
import Foundation

/// A crystal lattice: edges a, b, c in ångström and angles α, β, γ in degrees (α between b and c,
/// β between a and c, γ between a and b; International Tables Vol. A conventions).
public struct UnitCell: Sendable, Equatable {
  public var a: Double
  public var b: Double
  public var c: Double
  public var alpha: Double
  public var beta: Double
  public var gamma: Double

  /// Checks the cell is a real one: positive edges, angles in (0°, 180°), each angle smaller than
  /// the sum of the other two and the three below 360° (otherwise the volume is not real).
  public init(a: Double, b: Double, c: Double, alpha: Double, beta: Double, gamma: Double) throws(InputError) {
    for (name, value) in [("a", a), ("b", b), ("c", c)] where !(value.isFinite && value > 0 && value < 1e4) {
      throw InputError("cell edge \(name) in Å, positive and below 10⁴ (got \(value))")
    }
    for (name, value) in [("alpha", alpha), ("beta", beta), ("gamma", gamma)] where !(value > 0 && value < 180) {
      throw InputError("cell angle \(name) in degrees, between 0 and 180 (got \(value))")
    }
    self.a = a; self.b = b; self.c = c
    self.alpha = alpha; self.beta = beta; self.gamma = gamma
    guard volume.isFinite, volume > 1e-6 * a * b * c else {
      throw InputError("cell angles that span a volume (α \(alpha)°, β \(beta)°, γ \(gamma)° are degenerate)")
    }
  }

  private var cosines: SIMD3<Double> {
    SIMD3(cos(alpha * .pi / 180), cos(beta * .pi / 180), cos(gamma * .pi / 180))
  }

  /// The metric tensor G = [[a², ab cosγ, ac cosβ], [ab cosγ, b², bc cosα], [ac cosβ, bc cosα, c²]]
  /// (Å²), row-major; a vector of fractional components x has length² xᵀ G x.
  public var metric: [Double] {
    let cs = cosines
    return [a * a, a * b * cs.z, a * c * cs.y,
            a * b * cs.z, b * b, b * c * cs.x,
            a * c * cs.y, b * c * cs.x, c * c]
  }

  /// V = abc √(1 − cos²α − cos²β − cos²γ + 2 cosα cosβ cosγ), Å³ (= √det G).
  public var volume: Double {
    let cs = cosines
    let term = 1 - cs.x * cs.x - cs.y * cs.y - cs.z * cs.z + 2 * cs.x * cs.y * cs.z
    return term > 0 ? a * b * c * term.squareRoot() : 0
  }

  /// The reciprocal metric G* = G⁻¹ (Å⁻², row-major): 1/d²(hkl) = hᵀ G* h for Miller indices h.
  public var reciprocalMetric: [Double] {
    let g = metric
    let det = g[0] * (g[4] * g[8] - g[5] * g[7]) - g[1] * (g[3] * g[8] - g[5] * g[6]) + g[2] * (g[3] * g[7] - g[4] * g[6])
    let cofactors = [
      g[4] * g[8] - g[5] * g[7], g[2] * g[7] - g[1] * g[8], g[1] * g[5] - g[2] * g[4],
      g[5] * g[6] - g[3] * g[8], g[0] * g[8] - g[2] * g[6], g[2] * g[3] - g[0] * g[5],
      g[3] * g[7] - g[4] * g[6], g[1] * g[6] - g[0] * g[7], g[0] * g[4] - g[1] * g[3],
    ]
    return cofactors.map { $0 / det }
  }

  /// Interplanar spacing d(hkl) = 1/√(hᵀ G* h) in Å, for any cell (triclinic in general).
  public func dSpacing(_ h: Int, _ k: Int, _ l: Int) -> Double {
    1 / inverseDSquared(h, k, l, reciprocalMetric: reciprocalMetric).squareRoot()
  }

  @inline(__always)
  func inverseDSquared(_ h: Int, _ k: Int, _ l: Int, reciprocalMetric g: [Double]) -> Double {
    let x = Double(h), y = Double(k), z = Double(l)
    let diagonal: Double = g[0] * x * x + g[4] * y * y + g[8] * z * z
    let cross: Double = g[1] * x * y + g[2] * x * z + g[5] * y * z
    return diagonal + 2 * cross
  }

  /// Squared length (Å²) of a difference of fractional coordinates, after reducing each
  /// component to [−½, ½] (the nearest lattice image, exact for cells that are not very oblique).
  public func squaredDistance(fractional d: SIMD3<Double>) -> Double {
    Self.squaredDistance(fractional: d, metric: metric)
  }

  /// The same with the metric computed once by the caller (hot loops).
  @inline(__always)
  static func squaredDistance(fractional d: SIMD3<Double>, metric g: [Double]) -> Double {
    let w = d - d.rounded(.toNearestOrAwayFromZero)
    let diagonal: Double = g[0] * w.x * w.x + g[4] * w.y * w.y + g[8] * w.z * w.z
    let cross: Double = g[1] * w.x * w.y + g[2] * w.x * w.z + g[5] * w.y * w.z
    return diagonal + 2 * cross
  }
}
