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
}
