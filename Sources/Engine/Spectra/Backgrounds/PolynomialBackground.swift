import Formats
import Foundation

/// Polynomial backgrounds fitted by least squares to the points of chosen background regions
/// (x inside any of `regions`; the whole spectrum when none are given):
/// Bg(x) = Σₖ aₖ tᵏ, k = 0…degree, t = (x − x̄)/s the centred, scaled abscissa (so the normal
/// equations stay well conditioned), solved through `LinearRegression`'s QR. Degree 0 is the
/// constant background, degree 1 the linear one.
public enum PolynomialBackground {
  public static func compute(x: [Double], y: [Double], degree: Int,
                             regions: [ClosedRange<Double>] = []) throws -> [Double] {
    guard degree >= 0, degree <= 10 else { throw InputError("polynomial background: degree must be 0…10, got \(degree)") }
    guard x.count == y.count else { throw InputError("polynomial background: x and y differ in length") }
    let chosen = x.indices.filter { i in regions.isEmpty || regions.contains { $0.contains(x[i]) } }
    guard chosen.count > degree else {
      throw InputError("polynomial background: \(chosen.count) points in the background regions, need more than the degree \(degree)")
    }
    let mean = chosen.reduce(0) { $0 + x[$1] } / Double(chosen.count)
    let scale = max(chosen.map { abs(x[$0] - mean) }.max() ?? 1, .leastNormalMagnitude)
    var design = Matrix(rows: chosen.count, columns: degree + 1)
    for (r, i) in chosen.enumerated() {
      let t = (x[i] - mean) / scale
      var power = 1.0
      for k in 0...degree { design[r, k] = power; power *= t }
    }
    let qr = QRDecomposition(design, chosen.map { y[$0] })
    guard let a = backSubstitute(qr.r, qr.qTransposeB, count: degree + 1) else {
      throw InputError("polynomial background: the background points do not determine a degree-\(degree) polynomial")
    }
    return x.map { xv in
      let t = (xv - mean) / scale
      var sum = 0.0, power = 1.0
      for k in 0...degree { sum += a[k] * power; power *= t }
      return sum
    }
  }

  /// Solves R a = (Qᵀb)[0..<n] for upper-triangular R; nil when a pivot is (relatively) zero.
  static func backSubstitute(_ r: Matrix, _ b: [Double], count n: Int) -> [Double]? {
    let largest = (0..<n).map { abs(r[$0, $0]) }.max() ?? 0
    var a = [Double](repeating: 0, count: n)
    var i = n - 1
    while i >= 0 {
      guard abs(r[i, i]) > 1e-13 * largest else { return nil }
      var s = b[i]
      for k in (i + 1)..<n { s -= r[i, k] * a[k] }
      a[i] = s / r[i, i]
      i -= 1
    }
    return a
  }
}
