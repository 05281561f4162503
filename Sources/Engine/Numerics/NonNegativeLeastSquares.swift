import Foundation

/// min ‖A x − b‖² subject to x ≥ 0, by the active-set method of Lawson & Hanson (Solving Least
/// Squares Problems, 1974, ch. 23), working on the normal equations G = AᵀA, c = Aᵀb (the callers'
/// systems are small and regularised, so G is well enough conditioned for Cholesky).
/// Variables listed in `free` are unconstrained (they enter the passive set at once and are never
/// clipped). Terminates when the gradient w = c − Gx is ≤ tol on every constrained variable at zero.
public enum NonNegativeLeastSquares {
  public static func solve(_ a: Matrix, _ b: [Double], free: Set<Int> = []) -> [Double] {
    solve(gram: a.gram(), rhs: a.transposeTimes(b), free: free)
  }

  /// The same problem given by its normal equations. Variables are rescaled to unit diagonal
  /// first (x = D x′, D = diag(G)^(−1/2)), so the stopping tolerance does not depend on how
  /// differently the columns are scaled (an inductance column ωL next to resistances).
  public static func solve(gram g0: Matrix, rhs c0: [Double], free: Set<Int> = [], maxIterations: Int? = nil) -> [Double] {
    let n = c0.count
    let d = (0..<n).map { g0[$0, $0] > 0 ? 1 / g0[$0, $0].squareRoot() : 1 }
    var g = g0
    for i in 0..<n { for j in 0..<n { g[i, j] *= d[i] * d[j] } }
    let c = (0..<n).map { c0[$0] * d[$0] }
    return solveScaled(gram: g, rhs: c, free: free, maxIterations: maxIterations).enumerated().map { $1 * d[$0] }
  }

  static func solveScaled(gram g: Matrix, rhs c: [Double], free: Set<Int>, maxIterations: Int?) -> [Double] {
    let n = c.count
    var x = [Double](repeating: 0, count: n)
    var passive = [Bool](repeating: false, count: n)
    for i in free where i < n { passive[i] = true }
    let scale = (0..<n).map { g[$0, $0] }.max() ?? 1
    let tol = 1e-12 * max(scale, 1e-300) * max(Vector.norm(c) / max(scale, 1e-300), 1)

    func solvePassive() -> [Double] {
      let idx = (0..<n).filter { passive[$0] }
      var z = [Double](repeating: 0, count: n)
      if idx.isEmpty { return z }
      var sub = Matrix(rows: idx.count, columns: idx.count)
      for (p, i) in idx.enumerated() { for (q, j) in idx.enumerated() { sub[p, q] = g[i, j] } }
      let rhs = idx.map { c[$0] }
      let sol: [Double]
      if let chol = Cholesky(sub) {
        sol = chol.solve(rhs)
      } else {
        sol = SingularValueDecomposition(sub).solve(rhs, relativeTolerance: 1e-14)
      }
      for (p, i) in idx.enumerated() { z[i] = sol[p] }
      return z
    }
    func gradient() -> [Double] {
      (0..<n).map { i in
        var s = c[i]
        for j in 0..<n where x[j] != 0 { s -= g[i, j] * x[j] }
        return s
      }
    }

    if !free.isEmpty { x = solvePassive() }
    var iterations = 0
    let limit = maxIterations ?? 3 * n + 30
    while iterations < limit {
      iterations += 1
      let w = gradient()
      var best = -1
      var bestW = tol
      for j in 0..<n where !passive[j] && w[j] > bestW { best = j; bestW = w[j] }
      if best < 0 { break }
      passive[best] = true
      var inner = 0
      while inner < 3 * n + 30 {
        inner += 1
        let z = solvePassive()
        var alpha = 1.0
        var blocked = false
        for j in 0..<n where passive[j] && !free.contains(j) && z[j] <= 0 {
          blocked = true
          let denom = x[j] - z[j]
          if denom > 0 { alpha = min(alpha, x[j] / denom) }
        }
        if !blocked {
          x = z
          break
        }
        for j in 0..<n { x[j] += alpha * (z[j] - x[j]) }
        for j in 0..<n where passive[j] && !free.contains(j) && x[j] <= 1e-300 {
          passive[j] = false
          x[j] = 0
        }
      }
    }
    for j in 0..<n where !free.contains(j) && x[j] < 0 { x[j] = 0 }
    return x
  }
}
