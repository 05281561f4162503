/// Householder QR of an m×n matrix (m ≥ n): A = Q·R with R upper triangular n×n. Only what least
/// squares needs is kept: R and Qᵀb for one right-hand side. Used to shrink a tall Jacobian to its
/// n×n triangle before the SVD, so each Levenberg–Marquardt iteration costs O(mn²) + O(n³) instead
/// of Jacobi sweeps over all m rows (Golub & Van Loan, Matrix Computations, §5.2).
public struct QRDecomposition: Sendable {
  public let r: Matrix
  public let qTransposeB: [Double]

  public init(_ a: Matrix, _ b: [Double]) {
    let m = a.rows, n = a.columns
    precondition(m >= n && b.count == m, "QR needs a tall matrix and a matching right-hand side")
    // Column-major working copy.
    var w = [Double](repeating: 0, count: m * n)
    for i in 0..<m { for j in 0..<n { w[j * m + i] = a.storage[i * n + j] } }
    var rhs = b
    w.withUnsafeMutableBufferPointer { col in
      rhs.withUnsafeMutableBufferPointer { y in
        for k in 0..<n {
          let base = k * m
          var norm = 0.0
          for i in k..<m { norm += col[base + i] * col[base + i] }
          norm = norm.squareRoot()
          if norm == 0 { continue }
          let alpha = col[base + k] > 0 ? -norm : norm
          // v = x − αe₁, stored in place of the column below the diagonal.
          col[base + k] -= alpha
          var vv = 0.0
          for i in k..<m { vv += col[base + i] * col[base + i] }
          if vv == 0 { col[base + k] = alpha; continue }
          for j in (k + 1)..<max(n, k + 1) {
            let cj = j * m
            var dot = 0.0
            for i in k..<m { dot += col[base + i] * col[cj + i] }
            let f = 2 * dot / vv
            for i in k..<m { col[cj + i] -= f * col[base + i] }
          }
          var dot = 0.0
          for i in k..<m { dot += col[base + i] * y[i] }
          let f = 2 * dot / vv
          for i in k..<m { y[i] -= f * col[base + i] }
          col[base + k] = alpha
        }
      }
    }
    var rr = Matrix(rows: n, columns: n)
    for j in 0..<n { for i in 0...j { rr[i, j] = w[j * m + i] } }
    r = rr
    qTransposeB = Array(rhs.prefix(n))
  }
}
