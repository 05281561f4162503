/// The two finest-level halves of a V(1,1)-cycle, each done in one pass over the grid instead
/// of four. The finest grid holds three quarters of the unknowns and its passes are bound by
/// memory traffic, so zeroing u, the forward sweep, the residual, the subtraction from b and
/// the restriction (five passes over 8 MB vectors at 1024²) become one, and so do the
/// prolongation and the backward sweep. Both give the separate passes' result: the sweep from
/// zero and the row-by-row transfers do the same arithmetic in the same order; only the
/// residual is formed differently (see `relaxFromZeroRestrictingResidual`), equal up to rounding.
extension FivePointLevel {
  /// One forward Gauss–Seidel sweep from u = 0, with the residual b − Au it leaves restricted
  /// into `coarse` (= Pᵀ(b − Au), resized and overwritten).
  ///
  /// The residual needs no product with A: node k was solved exactly when it was visited, so
  /// afterwards r_k = Σ_l c_kl (u_l − u_l^visit) over the neighbours l changed later, whose
  /// value at the visit was the initial 0. With conductances c = `east`/`north` ≥ 0 that is
  /// r_k = n_{k↑}·u_{k↑} (the row above) + e_k·u_{k+1} (i < nx − 1; the east neighbour of the
  /// last node was already new) + e_{west}·u_{west} (i = 0 only: the periodic west neighbour).
  /// Row r − 1's residual is final once row r is swept, so it is restricted right then.
  func relaxFromZeroRestrictingResidual(_ u: inout [Double], rhs b: [Double], transfer: CornerWeights,
                                        into coarse: inout [Double], scratch: inout [Double]) {
    let nx = self.nx, rows = self.rows
    if u.count != count { u = [Double](repeating: 0, count: count) }
    coarse.setZeros(count: transfer.coarseNx * transfer.coarseRows)
    if scratch.count < 3 * nx { scratch = [Double](repeating: 0, count: 3 * nx) }
    east.withUnsafeBufferPointer { e in
    north.withUnsafeBufferPointer { n in
    inverseCentre.withUnsafeBufferPointer { d in
    b.withUnsafeBufferPointer { b in
    scratch.withUnsafeMutableBufferPointer { scratch in
    u.withUnsafeMutableBufferPointer { u in
    coarse.withUnsafeMutableBufferPointer { out in
    transfer.withWeights { w in
      let t = UnsafeMutableBufferPointer(rebasing: scratch[0..<nx])
      let residual = UnsafeMutableBufferPointer(rebasing: scratch[nx..<(2 * nx)])
      // r_k of row q from the later-changed neighbours (row q + 1 is already swept)
      func restrictResidual(ofRow q: Int) {
        let row = q * nx
        guard let rq = residual.baseAddress, let uq = u.baseAddress, let nq = n.baseAddress, let eq = e.baseAddress
        else { return }
        let n4 = UnsafeMutablePointer(mutating: nq) + row + nx, e4 = UnsafeMutablePointer(mutating: eq) + row
        let here = uq + row
        if q < rows - 1 {
          StencilLevel.inQuads(from: 0, to: nx, { i in rq.setQuad(n4.quad(at: i) * here.quad(at: i + nx), at: i) },
                               { i in residual[i] = n[row + nx + i] * u[row + nx + i] })
        } else {
          for i in 0..<nx { residual[i] = 0 }
        }
        StencilLevel.inQuads(from: 0, to: nx - 1, { i in
          rq.setQuad(rq.quad(at: i) + e4.quad(at: i) * here.quad(at: i + 1), at: i)
        }, { i in residual[i] += e[row + i] * u[row + i + 1] })
        residual[0] += e[row + nx - 1] * u[row + nx - 1]
        transfer.restrictRow(q, UnsafeBufferPointer(residual), offset: 0, weights: w, into: out)
      }
      let coupling = UnsafeMutableBufferPointer(rebasing: scratch[(2 * nx)..<(3 * nx)])
      for r in 0..<rows {
        let row = r * nx
        // the sweep of `relaxRow` with every not-yet-visited value 0: the row above and the
        // east neighbours drop out (the same factors, so the same arithmetic)
        // four at a time by hand: t and u are written while e, n, d, b are read, which the
        // compiler cannot prove disjoint
        guard let tq = t.baseAddress, let uq = u.baseAddress, let cq = coupling.baseAddress,
          let bq = b.baseAddress, let nq = n.baseAddress, let dq = d.baseAddress, let eq = e.baseAddress
        else { return }
        let b4 = UnsafeMutablePointer(mutating: bq) + row, n4 = UnsafeMutablePointer(mutating: nq) + row
        let d4 = UnsafeMutablePointer(mutating: dq) + row, e4 = UnsafeMutablePointer(mutating: eq) + row
        if r > 0 {
          let below = uq + row - nx
          StencilLevel.inQuads(from: 0, to: nx, { i in
            tq.setQuad((b4.quad(at: i) + n4.quad(at: i) * below.quad(at: i)) * d4.quad(at: i), at: i)
          }, { i in t[i] = (b[row + i] + n[row + i] * u[row - nx + i]) * d[row + i] })
        } else {  // u still holds the last cycle's values here: not read
          StencilLevel.inQuads(from: 0, to: nx, { i in tq.setQuad(b4.quad(at: i) * d4.quad(at: i), at: i) },
                               { i in t[i] = b[row + i] * d[row + i] })
        }
        coupling[0] = e[row + nx - 1] * d[row]
        StencilLevel.inQuads(from: 1, to: nx, { i in cq.setQuad(e4.quad(at: i - 1) * d4.quad(at: i), at: i) },
                             { i in coupling[i] = e[row + i - 1] * d[row + i] })
        var previous = 0.0
        for i in 0..<(nx - 1) {
          let value = t[i] + coupling[i] * previous
          u[row + i] = value
          previous = value
        }
        let last = row + nx - 1
        u[last] = t[nx - 1] + coupling[nx - 1] * previous + e[last] * d[last] * u[row]
        if r > 0 { restrictResidual(ofRow: r - 1) }
      }
      restrictResidual(ofRow: rows - 1)
    }
    }
    }
    }
    }
    }
    }
    }
  }

  /// u += P·coarse, then one backward Gauss–Seidel sweep: row r − 1 is corrected just before
  /// row r is swept, the first row the sweep reads it.
  func prolongAddRelaxingBackward(_ u: inout [Double], rhs b: [Double], coarse: [Double],
                                  transfer: CornerWeights, scratch: inout [Double]) {
    let nx = self.nx, rows = self.rows
    if scratch.count < 2 * nx { scratch = [Double](repeating: 0, count: 2 * nx) }
    east.withUnsafeBufferPointer { e in
    north.withUnsafeBufferPointer { n in
    inverseCentre.withUnsafeBufferPointer { d in
    b.withUnsafeBufferPointer { b in
    scratch.withUnsafeMutableBufferPointer { t in
    u.withUnsafeMutableBufferPointer { u in
    coarse.withUnsafeBufferPointer { c in
    transfer.withWeights { w in
      transfer.prolongAddRow(rows - 1, c, weights: w, into: u)
      for r in stride(from: rows - 1, through: 0, by: -1) {
        if r > 0 { transfer.prolongAddRow(r - 1, c, weights: w, into: u) }
        Self.relaxRow(r, forward: false, nx: nx, rows: rows, east: e, north: n, inverseCentre: d,
                      rhs: b, scratch: t, u: u)
      }
    }
    }
    }
    }
    }
    }
    }
    }
  }
}
