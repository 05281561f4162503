/// The hierarchy updated in place where the conductivity changed. Between two preconditioner
/// builds of the Li model σ changes only where the interface moved (at 1024² about a fifth of
/// the rows: the metal and its front); elsewhere it is the same number for number. A level
/// recomputes only the rows whose inputs changed, with the per-row arithmetic of
/// `init(fine:)`, so the result equals a fresh build exactly, and a restart (which builds
/// afresh from the checkpointed σ) continues bit for bit.
extension Multigrid {
  /// Makes this hierarchy, built from a finest level whose stencils differ from `fine`'s only
  /// in the unknown rows `changedRows`, equal to `Multigrid(fine: fine)`.
  ///
  /// Rows recomputed on a level whose stencil rows a…b changed: its compact form (finest
  /// level), the corner weights of rows a−1…b+1 (a cell centre reads the weights of the rows
  /// next to it), and the coarse operator's rows ⌊(a−4)/2⌋…⌊(b+2)/2⌋ (coarse row J reads the
  /// stencils of fine rows 2J…2J+2 and the weights of rows 2J−1…2J+3), which are the changed
  /// rows of the next level; then that level's planes and inverse centres of those rows, and
  /// the coarsest level's factor. A hierarchy without corner forms is built afresh.
  mutating func update(fine: PotentialLevel, changedRows: Range<Int>) {
    guard levels.count > 1, transfers.count == levels.count - 1, transferCornerWeights.count == transfers.count,
      let compact = finest, compact.nx == fine.nx, compact.rows == fine.rows,
      transfers.allSatisfy({ $0.corners != nil })
    else {
      self = Multigrid(fine: fine)
      return
    }
    var changed = changedRows.clamped(to: 0..<fine.rows)
    finest?.update(from: fine, rows: changed)
    for index in 0..<transfers.count where !changed.isEmpty {
      let level = levels[index]
      let nx = index == 0 ? fine.nx : level.nx, rows = index == 0 ? fine.rows : level.rows
      let first = changed.lowerBound, last = changed.upperBound - 1
      let weightRows = max(0, first - 1)..<min(rows, last + 2)
      let coarseRows = max(0, (first - 4) >> 1)..<min(levels[index + 1].rows, ((last + 2) >> 1) + 1)
      // the arrays this level writes, taken out so that each is written in place
      var weights = transferCornerWeights[index], coefficients = levels[index + 1].coefficients
      var corners = transfers[index].corners
      transferCornerWeights[index] = []
      levels[index + 1].coefficients = []
      transfers[index].corners = nil
      func coarsen<V: FineStencilView>(_ view: V) {
        weights.withUnsafeMutableBufferPointer { w in
          GalerkinCoarsening.writeCornerWeights(view, nx: nx, rows: rows, rowRange: weightRows, into: w)
        }
        weights.withUnsafeBufferPointer { w in
          corners?.update(rows: weightRows, weights: w)
          coefficients.withUnsafeMutableBufferPointer { out in
            GalerkinCoarsening.writeCoarseOperator(view, weights: w, nx: nx, rows: rows, coarseRowRange: coarseRows,
                                                   into: out)
          }
        }
      }
      if index == 0 {
        finest?.withStencilView { coarsen($0) }
      } else {
        level.coefficients.withUnsafeBufferPointer { coarsen(NinePointStencilView(a: $0)) }
      }
      transferCornerWeights[index] = weights
      levels[index + 1].coefficients = coefficients
      transfers[index].corners = corners
      let coarse = levels[index + 1]
      if coefficientPlanes[index + 1].count == 9 * coarse.count {
        var planes = coefficientPlanes[index + 1]
        coefficientPlanes[index + 1] = []
        planes.withUnsafeMutableBufferPointer { coarse.writePlanes(rows: coarseRows, into: $0) }
        coefficientPlanes[index + 1] = planes
      }
      if inverseCentres[index + 1].count == coarse.count {
        var inverse = inverseCentres[index + 1]
        inverseCentres[index + 1] = []
        inverse.withUnsafeMutableBufferPointer { coarse.writeInverseCentre(rows: coarseRows, into: $0) }
        inverseCentres[index + 1] = inverse
      }
      changed = coarseRows
    }
    coarsest = levels.last.flatMap { PotentialCoarseSolver(level: $0) }
  }
}
