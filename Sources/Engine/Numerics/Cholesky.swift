import Foundation

/// Cholesky factor L (lower triangular, A = L·Lᵀ) of a symmetric positive definite matrix.
/// Fails (returns nil) when a pivot is not positive: the matrix is not positive definite to
/// working precision.
public struct Cholesky: Sendable {
  public let factor: Matrix

  public init?(_ a: Matrix) {
    let n = a.rows
    var l = Matrix(rows: n, columns: n)
    for j in 0..<n {
      var d = a[j, j]
      for k in 0..<j { d -= l[j, k] * l[j, k] }
      if !(d > 0) { return nil }
      let ljj = d.squareRoot()
      l[j, j] = ljj
      for i in (j + 1)..<max(n, j + 1) {
        var s = a[i, j]
        for k in 0..<j { s -= l[i, k] * l[j, k] }
        l[i, j] = s / ljj
      }
    }
    factor = l
  }

  /// Solves A x = b by forward and back substitution.
  public func solve(_ b: [Double]) -> [Double] {
    let n = factor.rows
    var y = b
    for i in 0..<n {
      var s = y[i]
      for k in 0..<i { s -= factor[i, k] * y[k] }
      y[i] = s / factor[i, i]
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
      var s = y[i]
      for k in (i + 1)..<max(n, i + 1) { s -= factor[k, i] * y[k] }
      y[i] = s / factor[i, i]
    }
    return y
  }
}
