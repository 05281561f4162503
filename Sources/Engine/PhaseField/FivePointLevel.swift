/// The finest multigrid level in compact five-point form: the operator of `StencilLevel(level)`
/// (conductances scaled by hx·hy) stored as 3 numbers per node instead of 9. The finest grid
/// holds three quarters of the multigrid's unknowns and its sweeps are bound by memory traffic,
/// so the compact form is what makes a V-cycle cheap at 1024² (72 → 24 MB read per sweep).
/// Arrays as in `PotentialLevel`: `east[r*nx + i]` couples columns i and i+1 of interior row r,
/// `north[f*nx + i]` couples node rows f and f+1 (f = 0…rows; the outer faces touch the
/// Dirichlet rows and enter only the centre).
struct FivePointLevel: Sendable {
  let nx: Int
  let rows: Int
  private(set) var east: [Double]
  private(set) var north: [Double]
  private(set) var inverseCentre: [Double]

  var count: Int { nx * rows }

  init(_ level: PotentialLevel) {
    nx = level.nx
    rows = level.rows
    let gx = level.hy / level.hx, gy = level.hx / level.hy
    east = level.sx.map { $0 * gx }
    north = level.sy.map { $0 * gy }
    var inverse = [Double](repeating: 0, count: nx * rows)
    for r in 0..<rows {
      for i in 0..<nx {
        let k = r * nx + i
        let centre = east[r * nx + (i + nx - 1) % nx] + east[k] + north[k] + north[k + nx]
        inverse[k] = 1 / centre
      }
    }
    inverseCentre = inverse
  }

  /// Recomputes rows `rows` (their east faces, the faces below and above them, and their
  /// inverse centres) from `level`, which differs from the level this was made from only in
  /// the stencils of those rows: the hierarchy update of `Multigrid.update(fine:changedRows:)`.
  mutating func update(from level: PotentialLevel, rows range: Range<Int>) {
    guard !range.isEmpty else { return }
    let nx = self.nx
    let gx = level.hy / level.hx, gy = level.hx / level.hy
    for k in (range.lowerBound * nx)..<(range.upperBound * nx) { east[k] = level.sx[k] * gx }
    for k in (range.lowerBound * nx)..<((range.upperBound + 1) * nx) { north[k] = level.sy[k] * gy }
    for r in range {
      for i in 0..<nx {
        let k = r * nx + i
        let centre = east[r * nx + (i + nx - 1) % nx] + east[k] + north[k] + north[k + nx]
        inverseCentre[k] = 1 / centre
      }
    }
  }

  /// Pass `body` the operator as the multigrid setup reads it.
  func withStencilView<R>(_ body: (FivePointStencilView) -> R) -> R {
    east.withUnsafeBufferPointer { e in
      north.withUnsafeBufferPointer { n in body(FivePointStencilView(east: e, north: n, nx: nx)) }
    }
  }

  /// y = A u (rows outside 0..<rows are Dirichlet zeros).
  func apply(_ u: [Double], into y: inout [Double]) {
    let nx = self.nx, rows = self.rows
    east.withUnsafeBufferPointer { e in
    north.withUnsafeBufferPointer { n in
    u.withUnsafeBufferPointer { u in
    y.withUnsafeMutableBufferPointer { y in
      for r in 0..<rows {
        let row = r * nx
        for i in 0..<nx {
          let k = row + i
          let west = i == 0 ? row + nx - 1 : k - 1, right = i == nx - 1 ? row : k + 1
          let centre = e[west] + e[k] + n[k] + n[k + nx]
          var s = centre * u[k] - e[west] * u[west] - e[k] * u[right]
          if r > 0 { s -= n[k] * u[k - nx] }
          if r < rows - 1 { s -= n[k + nx] * u[k + nx] }
          y[k] = s
        }
      }
    }
    }
    }
    }
  }

  /// One Gauss–Seidel sweep in red–black order, forward (red, then black) or backward (black,
  /// then red; the adjoint of forward): `relaxRedBlack`.
  func relax(_ u: inout [Double], rhs b: [Double], forward: Bool) {
    relaxRedBlack(&u, rhs: b, forward: forward)
  }
}
