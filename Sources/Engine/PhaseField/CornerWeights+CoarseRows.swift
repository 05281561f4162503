/// Restriction and prolongation split across threads. Restriction gathers per coarse row (each
/// coarse row is written by one thread, from fine rows 2J, 2J + 1, 2J + 2 in that order, the
/// order of the row-by-row `restrict`), prolongation per fine row (rows are independent), so
/// both give the same numbers for any thread count.
extension CornerWeights {
  /// Adds fine row r's dy share of Pᵀf to coarse row `o` (the row-by-row `restrictRow` for one
  /// coarse row).
  @inline(__always)
  func addRestriction(ofFineRow r: Int, dy: Int, values v: UnsafePointer<Double>, weights: UnsafePointer<Double>,
                      into o: UnsafeMutablePointer<Double>) {
    let nx = fineNx, cnx = coarseNx
    let even = weights + (2 * r + dy) * 3 * cnx, oddWest = even + cnx, oddEast = oddWest + cnx
    o[0] += oddEast[cnx - 1] * v[nx - 1] + even[0] * v[0] + oddWest[0] * v[1]
    for c in 1..<cnx {
      o[c] += oddEast[c - 1] * v[2 * c - 1] + even[c] * v[2 * c] + oddWest[c] * v[2 * c + 1]
    }
  }

  /// out = Pᵀf with f's rows formed on demand: `fineRow(r, buffer)` writes fine row r (fineNx
  /// values) into `buffer` (one per thread). Rows 2J and 2J + 2 are formed for both coarse rows
  /// they reach.
  func restrictByCoarseRows(into out: inout [Double], minimumChunk: Int = 1,
                            fineRow: (Int, UnsafeMutablePointer<Double>) -> Void) {
    out.setZeros(count: coarseNx * coarseRows)
    let cnx = coarseNx, nx = fineNx, fineRows = self.fineRows
    withWeights { w in
      out.withUnsafeMutableBufferPointer { out in
        guard let weights = w.baseAddress, let target = out.baseAddress else { return }
        ParallelWork.forEachChunk(coarseRows, minimumChunk: minimumChunk) { range in
          let buffer = UnsafeMutablePointer<Double>.allocate(capacity: nx)
          defer { buffer.deallocate() }
          for cr in range {
            let o = target + cr * cnx
            for r in (2 * cr)..<min(2 * cr + 3, fineRows) {
              fineRow(r, buffer)
              addRestriction(ofFineRow: r, dy: r == 2 * cr ? 1 : 0, values: buffer, weights: weights, into: o)
            }
          }
        }
      }
    }
  }

  /// fine += P·coarse, rows split across threads.
  func prolongAddByRows(_ coarse: [Double], into fine: inout [Double], minimumChunk: Int = 1) {
    withWeights { w in
      coarse.withUnsafeBufferPointer { c in
        fine.withUnsafeMutableBufferPointer { f in
          ParallelWork.forEachChunk(fineRows, minimumChunk: minimumChunk) { range in
            for r in range { prolongAddRow(r, c, weights: w, into: f) }
          }
        }
      }
    }
  }
}
