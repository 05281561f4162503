/// Red–black Gauss–Seidel on the compact finest level. Node (i, r) is red when i + r is even,
/// black otherwise; on the five-point stencil a node couples only to the other colour, so every
/// node of one colour is updated from the other colour's values alone, in any order and on
/// any thread. The forward sweep does red then black; the backward sweep, its adjoint, black
/// then red, so forward before and backward after the coarse correction keep the V-cycle a
/// symmetric operator, as conjugate gradients requires. Needs an even nx (the colouring must
/// be consistent across the periodic seam), which every level the multigrid smooths has.
extension FivePointLevel {
  /// Row r's nodes of `colour` (0 red, 1 black) solved for their own unknown:
  /// u_k ← (b_k + Σ_l c_kl·u_l)·(1/a_kk), the sum over the west, east, south and north
  /// neighbours (a Dirichlet row enters with weight 0).
  @inline(__always)
  static func relaxColour(_ colour: Int, row r: Int, nx: Int, rows: Int, east e: UnsafePointer<Double>,
                          north n: UnsafePointer<Double>, inverseCentre d: UnsafePointer<Double>,
                          rhs b: UnsafePointer<Double>, u: UnsafeMutablePointer<Double>) {
    let row = r * nx, here = u + row
    let below = r > 0 ? here - nx : here, above = r < rows - 1 ? here + nx : here
    let ws: Double = r > 0 ? 1 : 0, wn: Double = r < rows - 1 ? 1 : 0
    let er = e + row, south = n + row, north = n + row + nx, dr = d + row, br = b + row
    @inline(__always) func update(_ i: Int, west: Int, east: Int) {
      let s = br[i] + ws * south[i] * below[i] + wn * north[i] * above[i] + er[west] * here[west] + er[i] * here[east]
      here[i] = s * dr[i]
    }
    if (colour + r) & 1 == 0 {
      update(0, west: nx - 1, east: 1)
      for i in stride(from: 2, to: nx, by: 2) { update(i, west: i - 1, east: i + 1) }
    } else {
      for i in stride(from: 1, to: nx - 1, by: 2) { update(i, west: i - 1, east: i + 1) }
      update(nx - 1, west: nx - 2, east: 0)
    }
  }

  /// One red–black sweep: red then black (forward) or black then red (backward), split across
  /// `ParallelWork.threads` by rows with the same numbers for any count.
  func relaxRedBlack(_ u: inout [Double], rhs b: [Double], forward: Bool) {
    let nx = self.nx, rows = self.rows
    precondition(nx % 2 == 0, "red–black needs an even number of columns")
    if u.count != count { u = [Double](repeating: 0, count: count) }
    east.withUnsafeBufferPointer { e in
    north.withUnsafeBufferPointer { n in
    inverseCentre.withUnsafeBufferPointer { d in
    b.withUnsafeBufferPointer { b in
    u.withUnsafeMutableBufferPointer { u in
      guard let e = e.baseAddress, let n = n.baseAddress, let d = d.baseAddress, let b = b.baseAddress,
        let u = u.baseAddress else { return }
      let firstColour = forward ? 0 : 1
      ParallelWork.twoPhaseSweep(rows: rows, minimumChunk: ParallelWork.minimumRows(nx: nx), first: { r in
        Self.relaxColour(firstColour, row: r, nx: nx, rows: rows, east: e, north: n, inverseCentre: d, rhs: b, u: u)
      }, second: { r in
        Self.relaxColour(1 - firstColour, row: r, nx: nx, rows: rows, east: e, north: n, inverseCentre: d, rhs: b, u: u)
      })
    }
    }
    }
    }
    }
  }
}
