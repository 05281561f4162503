/// A symmetric positive-definite pentadiagonal system A z = b solved by its LDLᵀ factorisation in
/// O(n) operations and storage (no n×n matrix is ever formed). `d` is the diagonal, `e` the first
/// and `f` the second super-diagonal (e[i] = A[i][i+1], f[i] = A[i][i+2]).
/// The factor L is unit lower triangular with two sub-diagonals; the recurrence is
/// D_i = d_i − L_{i,i−1}² D_{i−1} − L_{i,i−2}² D_{i−2}, written out in `solve`.
/// Positive definiteness is what the Whittaker smoothers guarantee (W ≥ 0 with some w > 0, plus
/// λDᵀD): a non-positive pivot is reported as nil rather than divided by.
struct SymmetricPentadiagonal {
  var d: [Double]
  var e: [Double]
  var f: [Double]

  func solve(_ b: [Double]) -> [Double]? {
    let n = d.count
    guard n > 0, b.count == n else { return nil }
    var pivot = [Double](repeating: 0, count: n)
    var l1 = [Double](repeating: 0, count: n)  // L[i][i−1]
    var l2 = [Double](repeating: 0, count: n)  // L[i][i−2]
    for i in 0..<n {
      var p = d[i]
      if i >= 2 {
        l2[i] = f[i - 2] / pivot[i - 2]
        p -= l2[i] * l2[i] * pivot[i - 2]
      }
      if i >= 1 {
        var a = e[i - 1]
        if i >= 2 { a -= l2[i] * pivot[i - 2] * l1[i - 1] }
        l1[i] = a / pivot[i - 1]
        p -= l1[i] * l1[i] * pivot[i - 1]
      }
      guard p > 0, p.isFinite else { return nil }
      pivot[i] = p
    }
    var z = b
    for i in 0..<n {
      if i >= 1 { z[i] -= l1[i] * z[i - 1] }
      if i >= 2 { z[i] -= l2[i] * z[i - 2] }
    }
    for i in 0..<n { z[i] /= pivot[i] }
    var i = n - 1
    while i >= 0 {
      if i + 1 < n { z[i] -= l1[i + 1] * z[i + 1] }
      if i + 2 < n { z[i] -= l2[i + 2] * z[i + 2] }
      i -= 1
    }
    return z
  }

  /// W + λ DᵀD for the second-difference matrix D ((n−2)×n, rows [1, −2, 1]).
  static func whittaker(weights w: [Double], lambda: Double) -> SymmetricPentadiagonal {
    let n = w.count
    var d = [Double](repeating: 0, count: n)
    var e = [Double](repeating: 0, count: max(n - 1, 0))
    var f = [Double](repeating: 0, count: max(n - 2, 0))
    // Accumulate each difference row's outer product [1, −2, 1]ᵀ[1, −2, 1].
    if n >= 3 {
      for k in 0..<(n - 2) {
        d[k] += lambda; d[k + 1] += 4 * lambda; d[k + 2] += lambda
        e[k] += -2 * lambda; e[k + 1] += -2 * lambda
        f[k] += lambda
      }
    }
    for i in 0..<n { d[i] += w[i] }
    return SymmetricPentadiagonal(d: d, e: e, f: f)
  }
}
