/// The real-space stencils of Willot's rotated scheme. A displacement-like field w (x block then
/// y block of `nodes` values) is stored at index (i, j) for the point (i+½, j+½); the strain at
/// node (i, j) takes the four surrounding points (i, j), (i−1, j), (i, j−1), (i−1, j−1), with
/// sums A = w_j + w_{j−1} and differences B = w_j − w_{j−1} of two rows:
/// ∂x w = [A(i) − A(i−1)]/(2hx), ∂y w = [B(i) + B(i−1)]/(2hy); ε = (∂x u_x, ∂y u_y, ½(∂y u_x + ∂x u_y)).
/// Dᵀ is its adjoint for the strain inner product that counts xy twice: with S = σ_j + σ_{j+1}
/// and T = σ_j − σ_{j+1}, (Dᵀσ)_x = [S_xx(i) − S_xx(i+1)]/(2hx) + [T_xy(i) + T_xy(i+1)]/(2hy),
/// (Dᵀσ)_y = [S_xy(i) − S_xy(i+1)]/(2hx) + [T_yy(i) + T_yy(i+1)]/(2hy). All indices periodic.
extension MechanicsWorkspace {
  /// Three stress rows of nx values each.
  struct StressRow {
    var xx: UnsafeMutablePointer<Double>
    var yy: UnsafeMutablePointer<Double>
    var xy: UnsafeMutablePointer<Double>
  }

  /// The strain of w at node (i, j) from its rows j (`upper`) and j−1 (`lower`) of the x and y
  /// blocks; `left` is i−1 (periodic).
  @inline(__always)
  func strain(_ upperX: UnsafePointer<Double>, _ lowerX: UnsafePointer<Double>, _ upperY: UnsafePointer<Double>,
              _ lowerY: UnsafePointer<Double>, _ i: Int, _ left: Int) -> (xx: Double, yy: Double, xy: Double)
  {
    let halfX = 0.5 / hx, halfY = 0.5 / hy
    let sumX = upperX[i] + lowerX[i], sumXLeft = upperX[left] + lowerX[left]
    let differenceX = upperX[i] - lowerX[i], differenceXLeft = upperX[left] - lowerX[left]
    let sumY = upperY[i] + lowerY[i], sumYLeft = upperY[left] + lowerY[left]
    let differenceY = upperY[i] - lowerY[i], differenceYLeft = upperY[left] - lowerY[left]
    let dxUx = (sumX - sumXLeft) * halfX, dyUx = (differenceX + differenceXLeft) * halfY
    let dxUy = (sumY - sumYLeft) * halfX, dyUy = (differenceY + differenceYLeft) * halfY
    return (dxUx, dyUy, 0.5 * (dyUx + dxUy))
  }

  /// Calls `body(i, strain)` for every node of row j of D w.
  @inline(__always)
  func forEachStrain(of w: UnsafePointer<Double>, row j: Int,
                     _ body: (Int, (xx: Double, yy: Double, xy: Double)) -> Void) {
    let below = j == 0 ? ny - 1 : j - 1
    let upperX = w + j * nx, lowerX = w + below * nx
    let upperY = upperX + nodes, lowerY = lowerX + nodes
    body(0, strain(upperX, lowerX, upperY, lowerY, 0, nx - 1))
    for i in 1..<nx { body(i, strain(upperX, lowerX, upperY, lowerY, i, i - 1)) }
  }

  /// f = Dᵀσ into the two blocks of `f`, the stress made row by row by `stressRow(j, row)`
  /// (each row is made once; row 0 is kept for the last output row). With `dotWith` also
  /// returns f·w for that field (0 otherwise).
  func applyDivergence(into f: UnsafeMutablePointer<Double>, dotWith w: UnsafePointer<Double>? = nil,
                       stressRow: (Int, StressRow) -> Void) -> Double {
    let buffer = rows.pointer
    func row(_ slot: Int) -> StressRow {
      StressRow(xx: buffer + 3 * slot * nx, yy: buffer + (3 * slot + 1) * nx, xy: buffer + (3 * slot + 2) * nx)
    }
    let first = row(0)
    stressRow(0, first)
    var current = first
    let halfX = 0.5 / hx, halfY = 0.5 / hy
    var dot = 0.0
    for j in 0..<ny {
      let next: StressRow
      if j + 1 < ny {
        next = row(1 + (j + 1) % 2)
        stressRow(j + 1, next)
      } else {
        next = first
      }
      let fx = f + j * nx, fy = fx + nodes
      @inline(__always) func divergence(_ i: Int, _ right: Int) {
        let sxx = current.xx[i] + next.xx[i], sxxRight = current.xx[right] + next.xx[right]
        let sxy = current.xy[i] + next.xy[i], sxyRight = current.xy[right] + next.xy[right]
        let txy = current.xy[i] - next.xy[i], txyRight = current.xy[right] - next.xy[right]
        let tyy = current.yy[i] - next.yy[i], tyyRight = current.yy[right] - next.yy[right]
        fx[i] = (sxx - sxxRight) * halfX + (txy + txyRight) * halfY
        fy[i] = (sxy - sxyRight) * halfX + (tyy + tyyRight) * halfY
      }
      for i in 0..<(nx - 1) { divergence(i, i + 1) }
      divergence(nx - 1, 0)
      if let w {
        let wx = w + j * nx, wy = wx + nodes
        var rowDot = 0.0
        for i in 0..<nx { rowDot += fx[i] * wx[i] + fy[i] * wy[i] }
        dot += rowDot
      }
      current = next
    }
    return dot
  }
}
