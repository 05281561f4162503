/// One grid level of the conductivity operator A′u = −∇·(σ∇u) on the nodes of a grid that is
/// periodic in x (nx columns) and has Dirichlet rows at y = 0 and y = Ly (Ny intervals, so
/// m = Ny − 1 interior rows are unknown). Finite volumes: the flux through a face is
/// σ_face·Δu/h with σ_face the harmonic mean of the two nodes (series resistors), so a
/// layered σ(y) gives the exact series resistance of the discrete layers. CG applies this
/// operator; the multigrid preconditioner works on its 9-point form (`StencilLevel`).
/// Arrays: u[r*nx + i] for interior row r (node j = r + 1); sx[r*nx + i] is the face between
/// columns i and i+1 of row r; sy[f*nx + i] (f = 0…m) the face between node rows f and f+1.
struct PotentialLevel: Sendable {
  let nx: Int
  let intervals: Int
  let hx: Double
  let hy: Double
  var sx: [Double]
  var sy: [Double]

  var rows: Int { intervals - 1 }
  var count: Int { nx * rows }

  /// 1/diagonal (the Jacobi scaling of CG's residual norm).
  var inverseDiagonal: [Double]

  /// The diagonal of A′, (sx_west + sx_east)/hx² + (sy_south + sy_north)/hy². Not stored:
  /// `apply` and `residual` form it from the faces they read anyway (the same sums, so the
  /// same numbers), which saves a pass of 8 MB per solve at 1024².
  var diagonal: [Double] { computeDiagonal().diagonal }

  /// A level from given face conductivities: the definition the one-pass `init(sigma:)` is
  /// tested against.
  init(nx: Int, intervals: Int, hx: Double, hy: Double, sx: [Double], sy: [Double]) {
    self.nx = nx
    self.intervals = intervals
    self.hx = hx
    self.hy = hy
    self.sx = sx
    self.sy = sy
    inverseDiagonal = []
    inverseDiagonal = computeDiagonal().inverse
  }

  /// The level of node conductivities `sigma` (nx × (Ny+1), rows j = 0…Ny): face
  /// conductivities by the harmonic mean 2ab/(a + b) (series resistors) and the inverse
  /// diagonal, in one pass over the rows (split across threads, the same numbers for any count) (each row's faces are in cache when its diagonal is
  /// formed; four passes over 8 MB arrays at 1024² before).
  init(nx: Int, intervals: Int, hx: Double, hy: Double, sigma: [Double]) {
    self.nx = nx
    self.intervals = intervals
    self.hx = hx
    self.hy = hy
    let rows = intervals - 1, count = nx * rows
    let ihx2 = 1 / (hx * hx), ihy2 = 1 / (hy * hy)
    var sx: [Double] = [], sy: [Double] = [], inverse: [Double] = []
    sigma.withUnsafeBufferPointer { sigma in
      guard let s = sigma.baseAddress else { return }
      @inline(__always) func harmonic(_ a: Double, _ b: Double) -> Double { 2 * a * b / (a + b) }
      sx = [Double](unsafeUninitializedCapacity: count) { sxOut, sxCount in
      sy = [Double](unsafeUninitializedCapacity: nx * intervals) { syOut, syCount in
      inverse = [Double](unsafeUninitializedCapacity: count) { iOut, iCount in
        guard let fx = sxOut.baseAddress, let fy = syOut.baseAddress, let id = iOut.baseAddress else { return }
        for i in 0..<nx { fy[i] = harmonic(s[i], s[i + nx]) }  // face 0: electrode row and row 1
        // rows split across threads; a thread's first row forms the face below it in a buffer
        // of its own (the same numbers; that face is written by the thread below)
        ParallelWork.forEachChunk(rows, minimumChunk: ParallelWork.minimumRows(nx: nx)) { chunk in
          let ownBelow = UnsafeMutablePointer<Double>.allocate(capacity: nx)
          defer { ownBelow.deallocate() }
          for r in chunk {
            let node = s + (r + 1) * nx, row = fx + r * nx
            // the periodic last column apart, so the loop has no branch and vectorises
            for i in 0..<(nx - 1) { row[i] = harmonic(node[i], node[i + 1]) }
            row[nx - 1] = harmonic(node[nx - 1], node[0])
            var below = UnsafePointer(fy + r * nx)
            if r == chunk.lowerBound && r > 0 {
              for i in 0..<nx { ownBelow[i] = harmonic(node[i - nx], node[i]) }
              below = UnsafePointer(ownBelow)
            }
            let above = fy + (r + 1) * nx
            for i in 0..<nx { above[i] = harmonic(node[i], node[i + nx]) }
            let inverseRow = id + r * nx
            inverseRow[0] = 1 / ((row[0] + row[nx - 1]) * ihx2 + (below[0] + above[0]) * ihy2)
            for i in 1..<nx { inverseRow[i] = 1 / ((row[i] + row[i - 1]) * ihx2 + (below[i] + above[i]) * ihy2) }
          }
        }
        iCount = count
      }
        syCount = nx * intervals
      }
        sxCount = count
      }
    }
    self.sx = sx
    self.sy = sy
    inverseDiagonal = inverse
  }

  private func computeDiagonal() -> (diagonal: [Double], inverse: [Double]) {
    let ihx2 = 1 / (hx * hx), ihy2 = 1 / (hy * hy)
    var d = [Double](repeating: 0, count: count)
    sx.withUnsafeBufferPointer { sx in
    sy.withUnsafeBufferPointer { sy in
    d.withUnsafeMutableBufferPointer { d in
      for r in 0..<rows {
        let row = r * nx
        for i in 0..<nx {
          let left = i == 0 ? row + nx - 1 : row + i - 1
          d[row + i] = (sx[row + i] + sx[left]) * ihx2 + (sy[row + i] + sy[row + nx + i]) * ihy2
        }
      }
    }
    }
    }
    return (d, d.map { 1 / $0 })
  }

  /// r = b − A′u in one pass (the operator rows of `apply`).
  func residual(_ b: [Double], _ u: [Double], into r: inout [Double]) {
    b.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return }
      applyRows(u, subtractingFrom: base, into: &r)
    }
  }

  /// y = A′u (homogeneous Dirichlet rows).
  func apply(_ u: [Double], into y: inout [Double]) {
    applyRows(u, subtractingFrom: nil, into: &y)
  }

  /// y = A′u, or b − A′u when `b` is given, row by row (`applyRow`).
  private func applyRows(_ u: [Double], subtractingFrom b: UnsafePointer<Double>?, into y: inout [Double]) {
    if y.count != count { y = [Double](repeating: 0, count: count) }
    let nx = self.nx
    withFaces { sx, sy in
      u.withUnsafeBufferPointer { u in
        y.withUnsafeMutableBufferPointer { y in
          guard let u = u.baseAddress, let y = y.baseAddress else { return }
          for r in 0..<rows { applyRow(r, u, sx: sx, sy: sy, subtractingFrom: b.map { $0 + r * nx }, into: y + r * nx) }
        }
      }
    }
  }

  /// Pass `body` the face conductivities (sx, sy); nil, without calling it, on a level
  /// without unknowns.
  @discardableResult
  func withFaces<R>(_ body: (UnsafePointer<Double>, UnsafePointer<Double>) -> R) -> R? {
    sx.withUnsafeBufferPointer { sx in
      sy.withUnsafeBufferPointer { sy in
        guard let sx = sx.baseAddress, let sy = sy.baseAddress else { return nil }
        return body(sx, sy)
      }
    }
  }

  /// Row r of A′u (or of b − A′u, `rhs` then pointing at row r of b) into `out` (the row's nx
  /// values). The periodic end columns apart, so the interior loop has no branch; the
  /// Dirichlet neighbours of the first and last rows enter with weight 0 (read from the row
  /// itself, which is finite). The diagonal is formed from the faces the row reads anyway.
  @inline(__always)
  func applyRow(_ r: Int, _ u: UnsafePointer<Double>, sx: UnsafePointer<Double>, sy: UnsafePointer<Double>,
                subtractingFrom rhs: UnsafePointer<Double>?, into out: UnsafeMutablePointer<Double>) {
    let ihx2 = 1 / (hx * hx), ihy2 = 1 / (hy * hy)
    let nx = self.nx, rows = self.rows
    let row = r * nx
    let here = u + row, east = sx + row, south = sy + row, north = sy + row + nx
    let below = r > 0 ? here - nx : here, above = r < rows - 1 ? here + nx : here
    let ws = r > 0 ? ihy2 : 0, wn = r < rows - 1 ? ihy2 : 0
    @inline(__always) func product(_ i: Int, right: Int, left: Int) -> Double {
      let centre = (east[i] + east[left]) * ihx2 + (south[i] + north[i]) * ihy2
      return centre * here[i] - (east[i] * here[right] + east[left] * here[left]) * ihx2
        - (south[i] * below[i] * ws + north[i] * above[i] * wn)
    }
    if let rhs {
      out[0] = rhs[0] - product(0, right: 1, left: nx - 1)
      for i in 1..<(nx - 1) { out[i] = rhs[i] - product(i, right: i + 1, left: i - 1) }
      out[nx - 1] = rhs[nx - 1] - product(nx - 1, right: 0, left: nx - 2)
    } else {
      out[0] = product(0, right: 1, left: nx - 1)
      for i in 1..<(nx - 1) { out[i] = product(i, right: i + 1, left: i - 1) }
      out[nx - 1] = product(nx - 1, right: 0, left: nx - 2)
    }
  }
}
