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

  /// One lexicographic Gauss–Seidel sweep, forward or backward (each the adjoint of the other).
  /// Along a row only the west (forward) or east (backward) neighbour is new, so the row's
  /// other couplings are gathered first in a loop without a recurrence and the sequential
  /// part is one multiply-add per node.
  func relax(_ u: inout [Double], rhs b: [Double], forward: Bool, scratch t: inout [Double]) {
    let nx = self.nx, rows = self.rows
    if t.count < 2 * nx { t = [Double](repeating: 0, count: 2 * nx) }
    east.withUnsafeBufferPointer { e in
    north.withUnsafeBufferPointer { n in
    inverseCentre.withUnsafeBufferPointer { d in
    b.withUnsafeBufferPointer { b in
    t.withUnsafeMutableBufferPointer { t in
    u.withUnsafeMutableBufferPointer { u in
      for step in 0..<rows {
        Self.relaxRow(forward ? step : rows - 1 - step, forward: forward, nx: nx, rows: rows,
                      east: e, north: n, inverseCentre: d, rhs: b, scratch: t, u: u)
      }
    }
    }
    }
    }
    }
    }
  }

  /// Row r of a Gauss–Seidel sweep (the rows below and above hold their current values).
  /// `scratch` holds 2·nx values. The recurrence along the row is written
  /// u_i = t_i·d_i + (e·d)_i·u_(i∓1), its two factors formed in a vectorised pass first, so the
  /// sequential part is one multiply-add per node (was a multiply, an add and a multiply: the
  /// sweep's critical path).
  @inline(__always)
  static func relaxRow(_ r: Int, forward: Bool, nx: Int, rows: Int, east e: UnsafeBufferPointer<Double>,
                       north n: UnsafeBufferPointer<Double>, inverseCentre d: UnsafeBufferPointer<Double>,
                       rhs b: UnsafeBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>,
                       u: UnsafeMutableBufferPointer<Double>) {
    guard let e = e.baseAddress, let n = n.baseAddress, let d = d.baseAddress, let b = b.baseAddress,
      let t = scratch.baseAddress, let u = u.baseAddress else { return }
    let coupling = t + nx
    let row = r * nx
    let er = e + row, dr = d + row, br = b + row, ur = u + row
    // couplings to the rows above and below (new on one side, old on the other: both are
    // the current values; a Dirichlet row enters with weight 0) and to the neighbour that is
    // still old along the row
    let below = r > 0 ? ur - nx : ur, above = r < rows - 1 ? ur + nx : ur
    let nSouth = n + row, nNorth = n + row + nx
    let ws: Double = r > 0 ? 1 : 0, wn: Double = r < rows - 1 ? 1 : 0
    // read-only rows as mutable pointers only for `quad(at:)`
    let e4 = UnsafeMutablePointer(mutating: er), d4 = UnsafeMutablePointer(mutating: dr)
    let b4 = UnsafeMutablePointer(mutating: br), s4 = UnsafeMutablePointer(mutating: nSouth)
    let n4 = UnsafeMutablePointer(mutating: nNorth)
    @inline(__always) func vertical4(_ i: Int) -> SIMD4<Double> {
      b4.quad(at: i) + ws * s4.quad(at: i) * below.quad(at: i) + wn * n4.quad(at: i) * above.quad(at: i)
    }
    if forward {
      // u[i+1] is old except at the periodic end, where it is the row's new first value
      StencilLevel.inQuads(from: 0, to: nx - 1, { i in
        t.setQuad((vertical4(i) + e4.quad(at: i) * ur.quad(at: i + 1)) * d4.quad(at: i), at: i)
      }, { i in
        let s = br[i] + ws * nSouth[i] * below[i] + wn * nNorth[i] * above[i] + er[i] * ur[i + 1]
        t[i] = s * dr[i]
      })
      t[nx - 1] = (br[nx - 1] + ws * nSouth[nx - 1] * below[nx - 1] + wn * nNorth[nx - 1] * above[nx - 1]) * dr[nx - 1]
      coupling[0] = er[nx - 1] * dr[0]
      StencilLevel.inQuads(from: 1, to: nx, { i in coupling.setQuad(e4.quad(at: i - 1) * d4.quad(at: i), at: i) },
                           { i in coupling[i] = er[i - 1] * dr[i] })
      var previous = ur[nx - 1]  // west of i = 0: still old
      for i in 0..<(nx - 1) {
        let value = t[i] + coupling[i] * previous
        ur[i] = value
        previous = value
      }
      ur[nx - 1] = t[nx - 1] + coupling[nx - 1] * previous + er[nx - 1] * dr[nx - 1] * ur[0]
    } else {
      t[0] = (br[0] + ws * nSouth[0] * below[0] + wn * nNorth[0] * above[0]) * dr[0]
      StencilLevel.inQuads(from: 1, to: nx, { i in
        t.setQuad((vertical4(i) + e4.quad(at: i - 1) * ur.quad(at: i - 1)) * d4.quad(at: i), at: i)
      }, { i in
        let s = br[i] + ws * nSouth[i] * below[i] + wn * nNorth[i] * above[i] + er[i - 1] * ur[i - 1]
        t[i] = s * dr[i]
      })
      StencilLevel.inQuads(from: 0, to: nx, { i in coupling.setQuad(e4.quad(at: i) * d4.quad(at: i), at: i) },
                           { i in coupling[i] = er[i] * dr[i] })
      var next = ur[0]  // east of i = nx − 1: still old
      for i in stride(from: nx - 1, through: 1, by: -1) {
        let value = t[i] + coupling[i] * next
        ur[i] = value
        next = value
      }
      ur[0] = t[0] + coupling[0] * next + er[nx - 1] * dr[0] * ur[nx - 1]
    }
  }
}
