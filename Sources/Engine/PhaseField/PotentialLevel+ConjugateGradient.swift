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
    // per-row maxima, reduced after the rows (a maximum: any grouping, same number)
    var rowNorms = [Double](repeating: 0, count: 2 * rows)
    withFaces { sx, sy in
    source.withUnsafeBufferPointer { f in
    inverseDiagonal.withUnsafeBufferPointer { d in
    residual.withUnsafeMutableBufferPointer { r in
    rowNorms.withUnsafeMutableBufferPointer { norms in
      guard let f = f.baseAddress, let d = d.baseAddress, let r = r.baseAddress, let norms = norms.baseAddress
      else { return }
      ParallelWork.forEachChunk(rows, minimumChunk: ParallelWork.minimumRows(nx: nx)) { chunk in
        let b = UnsafeMutablePointer<Double>.allocate(capacity: nx)
        defer { b.deallocate() }
        for q in chunk {
          let row = q * nx, sourceRow = f + row + nx
          for i in 0..<nx { b[i] = -(sourceScale * sourceRow[i]) }
          if q == 0 { for i in 0..<nx { b[i] += sy[i] * bottom * ihy2 } }
          if q == rows - 1 { for i in 0..<nx { b[i] += sy[rows * nx + i] * top * ihy2 } }
          applyRow(q, x, sx: sx, sy: sy, subtractingFrom: UnsafePointer(b), into: r + row)
          norms[2 * q] = VectorReductions.maxAbsProduct(b, d + row, count: nx)
          norms[2 * q + 1] = VectorReductions.maxAbsProduct(r + row, d + row, count: nx)
        }
      }
    }
    }
    }
    }
    }
    var rhsNorm = 0.0, residualNorm = 0.0
    for q in 0..<rows {
      rhsNorm = VectorReductions.largerOrNaN(rhsNorm, rowNorms[2 * q])
      residualNorm = VectorReductions.largerOrNaN(residualNorm, rowNorms[2 * q + 1])
    }
    return (rhsNorm, residualNorm)
  }

  /// y = A′u and u·y in one pass, split across threads by rows. The sum is taken over blocks
  /// of `max(1, dotBlock/nx)` rows (fixed by the grid), each in the four lanes of
  /// `VectorReductions.dot` (rows start at multiples of nx, itself a multiple of 4), the blocks'
  /// sums added in order: the same number for any thread count. Other widths take the
  /// separate `dot`.
  func applyWithDot(_ u: [Double], into y: inout [Double]) -> Double {
    let nx = self.nx, rows = self.rows
    guard nx % 4 == 0 else {
      apply(u, into: &y)
      return dot(u, y)
    }
    if y.count != count { y = [Double](repeating: 0, count: count) }
    let blockRows = max(1, dotBlock / nx), blocks = (rows + blockRows - 1) / blockRows
    return withFaces { sx, sy in
      u.withUnsafeBufferPointer { u in
        y.withUnsafeMutableBufferPointer { y in
          guard let u = u.baseAddress, let y = y.baseAddress else { return 0 }
          let minimumBlocks = max(1, ParallelWork.minimumRows(nx: nx) / blockRows)
          return ParallelWork.sum(blocks: blocks, minimumChunk: minimumBlocks) { block in
            var lanes = SIMD4<Double>(repeating: 0)
            for r in (block * blockRows)..<min(rows, (block + 1) * blockRows) {
              let row = r * nx
              applyRow(r, u, sx: sx, sy: sy, subtractingFrom: nil, into: y + row)
              let out = UnsafePointer(y + row), input = u + row
              for i in stride(from: 0, to: nx, by: 4) {
                lanes += VectorReductions.load4(input + i) * VectorReductions.load4(out + i)
              }
            }
            return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
          }
        }
      }
    } ?? 0
  }
}
