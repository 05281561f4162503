/// The passes of the potential's conjugate gradients that read the operator, each fused with
/// the assembly before it and the reduction after it, so the vectors are reduced while their
/// rows are still in cache. At 1024² each separate pass streams two or three 8 MB vectors: the
/// start (b assembled, the warm start copied, r = b − A′x, two norms) was five passes, A′p and
/// p·A′p two. The arithmetic is that of the separate passes in the same order, so the numbers
/// are the same.
extension PotentialLevel {
  /// The start of CG in one pass over the rows: b = −(s·f) plus the electrode terms
  /// sy·φ_bottom/hy² (first row) and sy·φ_top/hy² (last row), r = b − A′x, and the
  /// Jacobi-scaled norms max_k |b_k/A′_kk| and max_k |r_k/A′_kk| (NaN if any term is NaN, as
  /// `VectorReductions.maxAbsProduct`). b is never stored: each row is formed just before its
  /// residual.
  /// - Parameters:
  ///   - source: f on all node rows j = 0…Ny (nx each; only the interior rows are read), in
  ///     A/m³ when multiplied by `sourceScale`.
  ///   - x: the warm start on the unknowns (`count` values; φ's interior rows).
  func startConjugateGradient(source: [Double], sourceScale: Double, bottom: Double, top: Double,
                              x: UnsafePointer<Double>, residual: inout [Double])
    -> (rhsNorm: Double, residualNorm: Double)
  {
    let nx = self.nx, rows = self.rows, count = self.count
    let ihy2 = 1 / (hy * hy)
    precondition(source.count >= nx * (rows + 2), "source on all node rows")
    if residual.count != count { residual = [Double](repeating: 0, count: count) }
    var rhsRow = [Double](repeating: 0, count: nx)
    var rhsNorm = 0.0, residualNorm = 0.0
    withFaces { sx, sy in
    source.withUnsafeBufferPointer { f in
    inverseDiagonal.withUnsafeBufferPointer { d in
    residual.withUnsafeMutableBufferPointer { r in
    rhsRow.withUnsafeMutableBufferPointer { b in
      guard let f = f.baseAddress, let d = d.baseAddress, let r = r.baseAddress, let b = b.baseAddress else { return }
      for q in 0..<rows {
        let row = q * nx, sourceRow = f + row + nx
        for i in 0..<nx { b[i] = -(sourceScale * sourceRow[i]) }
        if q == 0 { for i in 0..<nx { b[i] += sy[i] * bottom * ihy2 } }
        if q == rows - 1 { for i in 0..<nx { b[i] += sy[rows * nx + i] * top * ihy2 } }
        applyRow(q, x, sx: sx, sy: sy, subtractingFrom: UnsafePointer(b), into: r + row)
        // the norms row by row while the row is in cache (a maximum: any grouping, same number)
        rhsNorm = VectorReductions.largerOrNaN(rhsNorm, VectorReductions.maxAbsProduct(b, d + row, count: nx))
        residualNorm = VectorReductions.largerOrNaN(
          residualNorm, VectorReductions.maxAbsProduct(r + row, d + row, count: nx))
      }
    }
    }
    }
    }
    }
    return (rhsNorm, residualNorm)
  }

  /// y = A′u and u·y in one pass. Each row's products are summed while the row is in cache, in
  /// the four lanes of `VectorReductions.dot` (lane k mod 4: rows start at multiples of nx,
  /// itself a multiple of 4), so the sum is the same number; other widths take the separate
  /// `dot`.
  func applyWithDot(_ u: [Double], into y: inout [Double]) -> Double {
    let nx = self.nx
    guard nx % 4 == 0 else {
      apply(u, into: &y)
      return dot(u, y)
    }
    if y.count != count { y = [Double](repeating: 0, count: count) }
    var lanes = SIMD4<Double>(repeating: 0)
    withFaces { sx, sy in
      u.withUnsafeBufferPointer { u in
        y.withUnsafeMutableBufferPointer { y in
          guard let u = u.baseAddress, let y = y.baseAddress else { return }
          for r in 0..<rows {
            let row = r * nx
            applyRow(r, u, sx: sx, sy: sy, subtractingFrom: nil, into: y + row)
            let out = UnsafePointer(y + row), input = u + row
            for i in stride(from: 0, to: nx, by: 4) {
              lanes += VectorReductions.load4(input + i) * VectorReductions.load4(out + i)
            }
          }
        }
      }
    }
    return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
  }
}
