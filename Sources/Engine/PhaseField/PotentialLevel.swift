/// One grid level of the conductivity operator A′u = −∇·(σ∇u) on the nodes of a grid that is
/// periodic in x (nx columns) and has Dirichlet rows at y = 0 and y = Ly (Ny intervals, so
/// m = Ny − 1 interior rows are unknown). Finite volumes: the flux through a face is
/// σ_face·Δu/h with σ_face the harmonic mean of the two nodes (series resistors), so a
/// layered σ(y) gives the exact series resistance of the discrete layers.
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
    for r in 0..<rows {
      for i in 0..<nx {
        let left = (i + nx - 1) % nx
        d[r * nx + i] = (sx[r * nx + i] + sx[r * nx + left]) * ihx2
          + (sy[r * nx + i] + sy[(r + 1) * nx + i]) * ihy2
      }
    }
    return d
  }

  /// y = A′u (homogeneous Dirichlet rows).
  func apply(_ u: [Double], into y: inout [Double]) {
    let ihx2 = 1 / (hx * hx), ihy2 = 1 / (hy * hy)
    let nx = self.nx, rows = self.rows
    u.withUnsafeBufferPointer { u in
      sx.withUnsafeBufferPointer { sx in
        sy.withUnsafeBufferPointer { sy in
          diagonal.withUnsafeBufferPointer { d in
            y.withUnsafeMutableBufferPointer { y in
              for r in 0..<rows {
                let row = r * nx
                for i in 0..<nx {
                  let k = row + i
                  let left = i == 0 ? row + nx - 1 : k - 1
                  let right = i == nx - 1 ? row : k + 1
                  var s = d[k] * u[k] - (sx[k] * u[right] + sx[left] * u[left]) * ihx2
                  if r > 0 { s -= sy[k] * u[k - nx] * ihy2 }
                  if r < rows - 1 { s -= sy[k + nx] * u[k + nx] * ihy2 }
                  y[k] = s
                }
              }
            }
          }
        }
      }
    }
  }

  /// One red-black Gauss–Seidel half sweep over the nodes with (i + j) % 2 == colour.
  func relax(_ u: inout [Double], rhs b: [Double], colour: Int) {
    let ihx2 = 1 / (hx * hx), ihy2 = 1 / (hy * hy)
    let nx = self.nx, rows = self.rows
    b.withUnsafeBufferPointer { b in
      sx.withUnsafeBufferPointer { sx in
        sy.withUnsafeBufferPointer { sy in
          diagonal.withUnsafeBufferPointer { d in
            u.withUnsafeMutableBufferPointer { u in
              for r in 0..<rows {
                let row = r * nx
                var i = (colour + r + 1) % 2
                while i < nx {
                  let k = row + i
                  let left = i == 0 ? row + nx - 1 : k - 1
                  let right = i == nx - 1 ? row : k + 1
                  var s = b[k] + (sx[k] * u[right] + sx[left] * u[left]) * ihx2
                  if r > 0 { s += sy[k] * u[k - nx] * ihy2 }
                  if r < rows - 1 { s += sy[k + nx] * u[k + nx] * ihy2 }
                  u[k] = s / d[k]
                  i += 2
                }
              }
            }
          }
        }
      }
    }
  }

  /// Whether this level can be coarsened by two in both directions.
  var canCoarsen: Bool { nx % 2 == 0 && intervals % 2 == 0 && nx >= 8 && intervals >= 8 }

  /// The coarse level: face conductivities homogenised (two fine faces in series by harmonic
  /// mean, then the neighbouring strips in parallel with weights ½, 1, ½), which keeps the
  /// coarse operator faithful to layered and high-contrast media.
  func coarsened() -> PotentialLevel {
    let cnx = nx / 2, cIntervals = intervals / 2, cRows = cIntervals - 1
    func series(_ a: Double, _ b: Double) -> Double { 2 * a * b / (a + b) }
    var csy = [Double](repeating: 0, count: cnx * (cRows + 1))
    for f in 0...cRows {
      for ci in 0..<cnx {
        var acc = 0.0
        for (offset, weight) in [(-1, 0.5), (0, 1.0), (1, 0.5)] {
          let i = (2 * ci + offset + nx) % nx
          acc += weight * series(sy[(2 * f) * nx + i], sy[(2 * f + 1) * nx + i])
        }
        csy[f * cnx + ci] = acc / 2
      }
    }
    var csx = [Double](repeating: 0, count: cnx * cRows)
    for cr in 0..<cRows {
      let fineRow = 2 * cr + 1  // fine interior row of coarse node row cr+1 (node 2(cr+1))
      for ci in 0..<cnx {
        var acc = 0.0
        for (offset, weight) in [(-1, 0.5), (0, 1.0), (1, 0.5)] {
          let r = fineRow + offset
          acc += weight * series(sx[r * nx + 2 * ci], sx[r * nx + 2 * ci + 1])
        }
        csx[cr * cnx + ci] = acc / 2
      }
    }
    return PotentialLevel(nx: cnx, intervals: cIntervals, hx: 2 * hx, hy: 2 * hy, sx: csx, sy: csy)
  }

  /// Full-weighting restriction of a fine residual to the coarse level.
  func restrict(_ fine: [Double], to coarse: PotentialLevel) -> [Double] {
    var out = [Double](repeating: 0, count: coarse.count)
    for cr in 0..<coarse.rows {
      let r = 2 * cr + 1
      for ci in 0..<coarse.nx {
        let i = 2 * ci
        let l = (i + nx - 1) % nx, rt = (i + 1) % nx
        func at(_ row: Int, _ col: Int) -> Double { fine[row * nx + col] }
        let centre = at(r, i)
        let edges = at(r, l) + at(r, rt) + at(r - 1, i) + at(r + 1, i)
        let corners = at(r - 1, l) + at(r - 1, rt) + at(r + 1, l) + at(r + 1, rt)
        out[cr * coarse.nx + ci] = 0.25 * centre + 0.125 * edges + 0.0625 * corners
      }
    }
    return out
  }

  /// Adds the bilinear interpolation of a coarse correction to a fine field.
  func prolongAdd(_ coarseValues: [Double], from coarse: PotentialLevel, into fine: inout [Double]) {
    func c(_ nodeRow: Int, _ col: Int) -> Double {
      // coarse node row J (0…cIntervals); rows 0 and cIntervals are Dirichlet (zero)
      if nodeRow <= 0 || nodeRow >= coarse.intervals { return 0 }
      return coarseValues[(nodeRow - 1) * coarse.nx + (col % coarse.nx)]
    }
    for r in 0..<rows {
      let j = r + 1
      for i in 0..<nx {
        let value: Double
        switch (i % 2, j % 2) {
        case (0, 0): value = c(j / 2, i / 2)
        case (1, 0): value = 0.5 * (c(j / 2, i / 2) + c(j / 2, i / 2 + 1))
        case (0, 1): value = 0.5 * (c(j / 2, i / 2) + c(j / 2 + 1, i / 2))
        default:
          value = 0.25 * (c(j / 2, i / 2) + c(j / 2, i / 2 + 1) + c(j / 2 + 1, i / 2) + c(j / 2 + 1, i / 2 + 1))
        }
        fine[r * nx + i] += value
      }
    }
  }
}
