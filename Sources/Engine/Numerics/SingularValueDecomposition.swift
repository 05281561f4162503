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
    // Column-major working copies of A (becoming U·S) and V.
    var w = [Double](repeating: 0, count: m * n)
    for i in 0..<a.rows { for j in 0..<n { w[j * m + i] = a.storage[i * n + j] } }
    var vw = [Double](repeating: 0, count: n * n)
    for j in 0..<n { vw[j * n + j] = 1 }
    let eps = 1e-15
    w.withUnsafeMutableBufferPointer { col in
      vw.withUnsafeMutableBufferPointer { vcol in
        for _ in 0..<60 {
          var rotated = false
          for p in 0..<n {
            for q in (p + 1)..<max(n, p + 1) {
              let bp = p * m, bq = q * m
              var alpha = 0.0, beta = 0.0, gamma = 0.0
              for i in 0..<m {
                let x = col[bp + i], y = col[bq + i]
                alpha += x * x
                beta += y * y
                gamma += x * y
              }
              if gamma == 0 || abs(gamma) <= eps * (alpha * beta).squareRoot() { continue }
              rotated = true
              let zeta = (beta - alpha) / (2 * gamma)
              let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
              let c = 1 / (1 + t * t).squareRoot()
              let s = c * t
              for i in 0..<m {
                let x = col[bp + i], y = col[bq + i]
                col[bp + i] = c * x - s * y
                col[bq + i] = s * x + c * y
              }
              let vp = p * n, vq = q * n
              for i in 0..<n {
                let x = vcol[vp + i], y = vcol[vq + i]
                vcol[vp + i] = c * x - s * y
                vcol[vq + i] = s * x + c * y
              }
            }
          }
          if !rotated { break }
        }
      }
    }
    let sv = (0..<n).map { j in Vector.norm(Array(w[(j * m)..<((j + 1) * m)])) }
    let order = (0..<n).sorted { sv[$0] > sv[$1] }
    u = order.map { j in
      let column = Array(w[(j * m)..<((j + 1) * m)])
      return sv[j] > 0 ? column.map { $0 / sv[j] } : column
    }
    v = order.map { j in Array(vw[(j * n)..<((j + 1) * n)]) }
    singularValues = order.map { sv[$0] }
    rows = a.rows
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
