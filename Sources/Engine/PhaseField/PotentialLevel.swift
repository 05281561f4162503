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
  var diagonal: [Double]

  var rows: Int { intervals - 1 }
  var count: Int { nx * rows }

  init(nx: Int, intervals: Int, hx: Double, hy: Double, sx: [Double], sy: [Double]) {
    self.nx = nx
    self.intervals = intervals
    self.hx = hx
    self.hy = hy
    self.sx = sx
    self.sy = sy
    diagonal = []
    diagonal = computeDiagonal()
  }

  private func computeDiagonal() -> [Double] {
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
    return d
  }

  /// y = A′u (homogeneous Dirichlet rows). Row by row, the periodic end columns apart so the
  /// interior loop has no branch; the Dirichlet neighbours of the first and last rows enter
  /// with weight 0 (read from the row itself, which is finite).
  func apply(_ u: [Double], into y: inout [Double]) {
    let ihx2 = 1 / (hx * hx), ihy2 = 1 / (hy * hy)
    let nx = self.nx, rows = self.rows
    if y.count != count { y = [Double](repeating: 0, count: count) }
    u.withUnsafeBufferPointer { u in
    sx.withUnsafeBufferPointer { sx in
    sy.withUnsafeBufferPointer { sy in
    diagonal.withUnsafeBufferPointer { d in
    y.withUnsafeMutableBufferPointer { y in
      guard let u = u.baseAddress, let sx = sx.baseAddress, let sy = sy.baseAddress,
        let d = d.baseAddress, let y = y.baseAddress else { return }
      for r in 0..<rows {
        let row = r * nx
        let here = u + row, east = sx + row, south = sy + row, north = sy + row + nx
        let centre = d + row, out = y + row
        let below = r > 0 ? here - nx : here, above = r < rows - 1 ? here + nx : here
        let ws = r > 0 ? ihy2 : 0, wn = r < rows - 1 ? ihy2 : 0
        @inline(__always) func node(_ i: Int, right: Int, left: Int) {
          out[i] = centre[i] * here[i] - (east[i] * here[right] + east[left] * here[left]) * ihx2
            - (south[i] * below[i] * ws + north[i] * above[i] * wn)
        }
        node(0, right: 1, left: nx - 1)
        for i in 1..<(nx - 1) { node(i, right: i + 1, left: i - 1) }
        node(nx - 1, right: 0, left: nx - 2)
      }
    }
    }
    }
    }
    }
  }
}
