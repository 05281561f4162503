/// A dense Cholesky factor of a small level's operator: the exact coarsest-grid solve of the
/// multigrid preconditioner (sweeps alone stall when one direction cannot be coarsened further).
struct PotentialCoarseSolver: Sendable {
  let n: Int
  private var factor: [Double]

  /// nil when the level is too large for a dense factorisation (the caller then smooths).
  init?(level: PotentialLevel, maximumSize: Int = 700) {
    self.init(count: level.count, maximumSize: maximumSize) { level.apply($0, into: &$1) }
  }

  init?(level: StencilLevel, maximumSize: Int = 700) {
    self.init(count: level.count, maximumSize: maximumSize) { level.apply($0, into: &$1) }
  }

  init?(count: Int, maximumSize: Int, apply: ([Double], inout [Double]) -> Void) {
    n = count
    guard n <= maximumSize else { return nil }
    var a = [Double](repeating: 0, count: n * n)
    var unit = [Double](repeating: 0, count: n)
    var column = [Double](repeating: 0, count: n)
    for k in 0..<n {
      unit[k] = 1
      apply(unit, &column)
      for row in 0..<n { a[row * n + k] = column[row] }
      unit[k] = 0
    }
    // In-place Cholesky A = L Lᵀ (lower triangle).
    for j in 0..<n {
      var d = a[j * n + j]
      for k in 0..<j { d -= a[j * n + k] * a[j * n + k] }
      guard d > 0 else { return nil }
      let ljj = d.squareRoot()
      a[j * n + j] = ljj
      for i in (j + 1)..<max(j + 1, n) {
        var s = a[i * n + j]
        for k in 0..<j { s -= a[i * n + k] * a[j * n + k] }
        a[i * n + j] = s / ljj
      }
    }
    factor = a
  }

  func solve(_ b: [Double]) -> [Double] {
    var y = b
    for i in 0..<n {
      var s = y[i]
      for k in 0..<i { s -= factor[i * n + k] * y[k] }
      y[i] = s / factor[i * n + i]
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
      var s = y[i]
      for k in (i + 1)..<max(i + 1, n) { s -= factor[k * n + i] * y[k] }
      y[i] = s / factor[i * n + i]
    }
    return y
  }
}
