import Foundation

/// Thin singular value decomposition A = U·diag(s)·Vᵀ of an m×n matrix by one-sided Jacobi
/// rotations (Hestenes 1958; Demmel & Veselić 1992). Chosen over Golub–Kahan because it is short,
/// accurate to high relative precision for the small, badly column-scaled Jacobians of
/// circuit fitting, and needs no bidiagonalisation. Cost O(sweeps · m · n²), sweeps ≈ 5–10.
/// For m < n the matrix is padded with zero rows (U then has n rows; only the first m matter).
public struct SingularValueDecomposition: Sendable {
  /// Columns of U (each of length max(m, n)), ordered by decreasing singular value.
  public let u: [[Double]]
  /// Singular values, decreasing, non-negative.
  public let singularValues: [Double]
  /// Columns of V (each of length n).
  public let v: [[Double]]
  public let rows: Int

  public init(_ a: Matrix) {
    let m = max(a.rows, a.columns), n = a.columns
    var cols = (0..<n).map { j -> [Double] in
      var c = [Double](repeating: 0, count: m)
      for i in 0..<a.rows { c[i] = a[i, j] }
      return c
    }
    var vc = (0..<n).map { j -> [Double] in
      var c = [Double](repeating: 0, count: n)
      c[j] = 1
      return c
    }
    let eps = 1e-15
    for _ in 0..<60 {
      var rotated = false
      for p in 0..<n {
        for q in (p + 1)..<max(n, p + 1) {
          var alpha = 0.0, beta = 0.0, gamma = 0.0
          cols[p].withUnsafeBufferPointer { cp in
            cols[q].withUnsafeBufferPointer { cq in
              for i in 0..<m {
                alpha += cp[i] * cp[i]
                beta += cq[i] * cq[i]
                gamma += cp[i] * cq[i]
              }
            }
          }
          if gamma == 0 || abs(gamma) <= eps * (alpha * beta).squareRoot() { continue }
          rotated = true
          let zeta = (beta - alpha) / (2 * gamma)
          let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
          let c = 1 / (1 + t * t).squareRoot()
          let s = c * t
          Self.rotate(&cols, p, q, c, s)
          Self.rotate(&vc, p, q, c, s)
        }
      }
      if !rotated { break }
    }
    var sv = cols.map { Vector.norm($0) }
    let order = (0..<n).sorted { sv[$0] > sv[$1] }
    var uOut: [[Double]] = []
    var vOut: [[Double]] = []
    var sOut: [Double] = []
    for j in order {
      let s = sv[j]
      sOut.append(s)
      uOut.append(s > 0 ? cols[j].map { $0 / s } : cols[j])
      vOut.append(vc[j])
    }
    sv = sOut
    u = uOut
    v = vOut
    singularValues = sv
    rows = a.rows
  }

  private static func rotate(_ c: inout [[Double]], _ p: Int, _ q: Int, _ cs: Double, _ sn: Double) {
    let len = c[p].count
    var a = c[p], b = c[q]
    for i in 0..<len {
      let x = a[i], y = b[i]
      a[i] = cs * x - sn * y
      b[i] = sn * x + cs * y
    }
    c[p] = a
    c[q] = b
  }

  /// Uᵀb for a right-hand side of length `rows`.
  public func uTranspose(_ b: [Double]) -> [Double] {
    u.map { col in
      var s = 0.0
      for i in 0..<b.count { s += col[i] * b[i] }
      return s
    }
  }

  /// Numerical rank: singular values above `relativeTolerance · s_max`.
  public func rank(relativeTolerance: Double = 1e-13) -> Int {
    guard let top = singularValues.first, top > 0 else { return 0 }
    return singularValues.filter { $0 > relativeTolerance * top }.count
  }

  /// Minimum-norm least-squares solution of A x ≈ b, singular values below the tolerance dropped.
  public func solve(_ b: [Double], relativeTolerance: Double = 1e-13) -> [Double] {
    let g = uTranspose(b)
    let n = v.count
    var x = [Double](repeating: 0, count: n)
    let top = singularValues.first ?? 0
    for k in 0..<n where singularValues[k] > relativeTolerance * top {
      let coef = g[k] / singularValues[k]
      for j in 0..<n { x[j] += coef * v[k][j] }
    }
    return x
  }

  /// (AᵀA)⁺ = V diag(1/s²) Vᵀ, the unscaled covariance of a least-squares fit.
  public func normalInverse(relativeTolerance: Double = 1e-13) -> Matrix {
    let n = v.count
    var c = Matrix(rows: n, columns: n)
    let top = singularValues.first ?? 0
    for k in 0..<n where singularValues[k] > relativeTolerance * top {
      let w = 1 / (singularValues[k] * singularValues[k])
      for i in 0..<n { for j in 0..<n { c[i, j] += w * v[k][i] * v[k][j] } }
    }
    return c
  }
}
