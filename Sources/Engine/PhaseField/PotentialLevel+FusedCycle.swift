/// The two finest-level halves of a V(1,1)-cycle with the red–black smoother, in fewer passes
/// over the grid than the separate ones and split across threads by rows (the same numbers for
/// any thread count). The finest grid holds three quarters of the unknowns and its passes are
/// bound by memory traffic: zeroing u, the sweep, the residual and the restriction become two
/// passes, and the prolongation and the backward sweep two. Both give the separate passes'
/// result up to rounding (only the residual is formed differently, see
/// `relaxFromZeroRestrictingResidual`).
extension FivePointLevel {
  /// One forward red–black sweep from u = 0, with the residual b − Au it leaves restricted
  /// into `coarse` (= Pᵀ(b − Au), resized and overwritten).
  ///
  /// From zero, red nodes become b_k/a_kk and black nodes are solved from them. The residual
  /// needs no product with A: a black node was solved last, so r_k = 0; a red node was solved
  /// when all its (black) neighbours were 0, so r_k = Σ_l c_kl·u_l over its four neighbours
  /// with conductances c = `east`/`north` (Dirichlet rows weight 0).
  func relaxFromZeroRestrictingResidual(_ u: inout [Double], rhs b: [Double], transfer: CornerWeights,
                                        into coarse: inout [Double], scratch: inout [Double]) {
    let nx = self.nx, rows = self.rows
    precondition(nx % 2 == 0, "red–black needs an even number of columns")
    if u.count != count { u = [Double](repeating: 0, count: count) }
    let minimumRows = ParallelWork.minimumRows(nx: nx)
    east.withUnsafeBufferPointer { e in
    north.withUnsafeBufferPointer { n in
    inverseCentre.withUnsafeBufferPointer { d in
    b.withUnsafeBufferPointer { b in
    u.withUnsafeMutableBufferPointer { u in
      guard let e = e.baseAddress, let n = n.baseAddress, let d = d.baseAddress, let b = b.baseAddress,
        let u = u.baseAddress else { return }
      ParallelWork.twoPhaseSweep(rows: rows, minimumChunk: minimumRows, first: { r in
        // red from zero: every neighbour is black and still 0
        let row = r * nx
        for i in stride(from: r & 1, to: nx, by: 2) { u[row + i] = b[row + i] * d[row + i] }
      }, second: { r in
        Self.relaxColour(1, row: r, nx: nx, rows: rows, east: e, north: n, inverseCentre: d, rhs: b, u: u)
      })
      transfer.restrictByCoarseRows(into: &coarse, minimumChunk: max(1, minimumRows / 2)) { q, residual in
        let row = q * nx, here = u + row
        let below = q > 0 ? here - nx : here, above = q < rows - 1 ? here + nx : here
        let ws: Double = q > 0 ? 1 : 0, wn: Double = q < rows - 1 ? 1 : 0
        let er = e + row, south = n + row, north = n + row + nx
        @inline(__always) func red(_ i: Int, west: Int, east: Int) {
          residual[i] = ws * south[i] * below[i] + wn * north[i] * above[i] + er[west] * here[west] + er[i] * here[east]
        }
        // black nodes: solved last, residual 0
        for i in stride(from: 1 - (q & 1), to: nx, by: 2) { residual[i] = 0 }
        if q & 1 == 0 {
          red(0, west: nx - 1, east: 1)
          for i in stride(from: 2, to: nx, by: 2) { red(i, west: i - 1, east: i + 1) }
        } else {
          for i in stride(from: 1, to: nx - 1, by: 2) { red(i, west: i - 1, east: i + 1) }
          red(nx - 1, west: nx - 2, east: 0)
        }
      }
    }
    }
    }
    }
    }
  }

  /// u += P·coarse (by rows), then one backward red–black sweep (black, then red).
  func prolongAddRelaxingBackward(_ u: inout [Double], rhs b: [Double], coarse: [Double],
                                  transfer: CornerWeights, scratch: inout [Double]) {
    transfer.prolongAddByRows(coarse, into: &u, minimumChunk: ParallelWork.minimumRows(nx: nx))
    relaxRedBlack(&u, rhs: b, forward: false)
  }
}
