/// A level of the potential multigrid with a general 9-point stencil: the fine 5-point
/// conductivity operator and its Galerkin coarse operators A_c = Pᵀ A P. Grid as in
/// `PotentialLevel`: nx periodic columns, `rows` interior rows between Dirichlet rows.
/// `coefficients[9k + o]` multiplies u at the neighbour (i + dx, r + dy), o = 3(dy+1) + (dx+1).
struct StencilLevel: Sendable {
  let nx: Int
  let rows: Int
  var coefficients: [Double]

  var count: Int { nx * rows }
  var intervals: Int { rows + 1 }

  init(nx: Int, rows: Int, coefficients: [Double]) {
    self.nx = nx
    self.rows = rows
    self.coefficients = coefficients
  }

  /// The 5-point finite-volume operator of a `PotentialLevel` (scaled by hx·hy so that the
  /// coefficients are conductances; the right-hand side is scaled alike by the caller).
  init(_ level: PotentialLevel) {
    nx = level.nx
    rows = level.rows
    let gx = level.hy / level.hx, gy = level.hx / level.hy
    var a = [Double](repeating: 0, count: 9 * level.count)
    for r in 0..<rows {
      for i in 0..<nx {
        let k = r * nx + i
        let west = level.sx[r * nx + (i + nx - 1) % nx] * gx, east = level.sx[k] * gx
        let south = level.sy[k] * gy, north = level.sy[(r + 1) * nx + i] * gy
        a[9 * k + 3] = -west
        a[9 * k + 5] = -east
        a[9 * k + 1] = -south
        a[9 * k + 7] = -north
        a[9 * k + 4] = west + east + south + north
      }
    }
    coefficients = a
  }

  @inline(__always) func column(_ i: Int) -> Int { i < 0 ? i + nx : (i >= nx ? i - nx : i) }

  /// Σ over the 9 neighbours of coefficient × value for node (i, r), skipping the centre when
  /// `skipCentre` (rows outside 0..<rows are Dirichlet zeros).
  @inline(__always)
  private static func neighbourSum(_ a: UnsafeBufferPointer<Double>, _ u: UnsafeMutableBufferPointer<Double>,
                                   k: Int, r: Int, rows: Int, row: Int, west: Int, east: Int, i: Int, nx: Int,
                                   skipCentre: Bool) -> Double {
    let b = 9 * k
    var s = a[b + 3] * u[row + west] + a[b + 5] * u[row + east]
    if !skipCentre { s += a[b + 4] * u[row + i] }
    if r > 0 {
      let below = row - nx
      s += a[b] * u[below + west] + a[b + 1] * u[below + i] + a[b + 2] * u[below + east]
    }
    if r < rows - 1 {
      let above = row + nx
      s += a[b + 6] * u[above + west] + a[b + 7] * u[above + i] + a[b + 8] * u[above + east]
    }
    return s
  }

  func apply(_ u: [Double], into y: inout [Double]) {
    let nx = self.nx, rows = self.rows
    coefficients.withUnsafeBufferPointer { a in
      u.withUnsafeBufferPointer { input in
        // read only: the shared sum takes the mutable pointer the sweeps need
        let u = UnsafeMutableBufferPointer(mutating: input)
        y.withUnsafeMutableBufferPointer { y in
          for r in 0..<rows {
            let row = r * nx
            for i in 0..<nx {
              let west = i == 0 ? nx - 1 : i - 1, east = i == nx - 1 ? 0 : i + 1
              y[row + i] = Self.neighbourSum(a, u, k: row + i, r: r, rows: rows, row: row, west: west,
                                             east: east, i: i, nx: nx, skipCentre: false)
            }
          }
        }
      }
    }
  }

  /// One Gauss–Seidel sweep in four-colour order, node by node: the definition the threaded
  /// planes form (`relaxFourColour`) is tested against. Colour (column parity, row parity);
  /// forward visits (0, 0), (1, 0), (0, 1), (1, 1), backward the reverse (the adjoint, so forward
  /// before and backward after the coarse correction make a symmetric V-cycle). On a 9-point
  /// stencil a node couples to none of its own colour, so each colour's nodes can be updated in
  /// any order: the sweep is the same for any split across threads. Needs an even nx.
  func relax(_ u: inout [Double], rhs b: [Double], forward: Bool) {
    let nx = self.nx, rows = self.rows
    precondition(nx % 2 == 0, "four-colour Gauss–Seidel needs an even number of columns")
    let order = forward ? [(0, 0), (1, 0), (0, 1), (1, 1)] : [(1, 1), (0, 1), (1, 0), (0, 0)]
    coefficients.withUnsafeBufferPointer { a in
    b.withUnsafeBufferPointer { b in
    u.withUnsafeMutableBufferPointer { u in
      for (columnParity, rowParity) in order {
        for r in stride(from: rowParity, to: rows, by: 2) {
          let row = r * nx
          for i in stride(from: columnParity, to: nx, by: 2) {
            let k = row + i
            let west = i == 0 ? nx - 1 : i - 1, east = i == nx - 1 ? 0 : i + 1
            let others = Self.neighbourSum(a, u, k: k, r: r, rows: rows, row: row, west: west, east: east, i: i,
                                           nx: nx, skipCentre: true)
            u[k] = (b[k] - others) / a[9 * k + 4]
          }
        }
      }
    }
    }
    }
  }

  var canCoarsen: Bool { nx % 2 == 0 && intervals % 2 == 0 && nx >= 8 && intervals >= 8 }
}

/// Operator-dependent prolongation (Dendy's black-box multigrid, J. Comput. Phys. 48 (1982)
/// 366): fine points between two coarse points interpolate with the stencil collapsed across
/// the line joining them, cell centres with the fine operator itself. Unlike bilinear
/// interpolation it follows the conductivity jumps, which keeps the convergence independent of
/// the contrast. Each fine node holds up to 4 (coarse index, weight) pairs.
struct StencilTransfer: Sendable {
  let fineCount: Int
  let coarseNx: Int
  let coarseRows: Int
  /// 4 entries per fine node; index −1 marks an unused slot (emptied by `compact`).
  var index: [Int]
  var weight: [Double]
  /// The same weights with implicit indices, after `compact`.
  var corners: CornerWeights?

  /// A transfer already in corner form.
  init(corners: CornerWeights) {
    fineCount = corners.fineNx * corners.fineRows
    coarseNx = corners.coarseNx
    coarseRows = corners.coarseRows
    index = []
    weight = []
    self.corners = corners
  }

  init(fine: StencilLevel) {
    let nx = fine.nx, cnx = nx / 2, cRows = fine.intervals / 2 - 1
    fineCount = fine.count
    coarseNx = cnx
    coarseRows = cRows
    index = [Int](repeating: -1, count: 4 * fine.count)
    weight = [Double](repeating: 0, count: 4 * fine.count)
    let a = fine.coefficients
    // Coarse index of fine node (i, node row j) when both are even, −1 on the Dirichlet rows.
    func coarse(_ i: Int, _ j: Int) -> Int {
      let cj = j / 2
      if cj <= 0 || cj > cRows { return -1 }
      return (cj - 1) * cnx + (i / 2) % cnx
    }
    // Adds weight w of coarse node c to fine node k's (at most 4) entries.
    func add(_ k: Int, _ c: Int, _ w: Double) {
      if c < 0 || w == 0 { return }
      for slot in 0..<4 {
        let existing = index[4 * k + slot]
        if existing == c {
          weight[4 * k + slot] += w
          return
        }
        if existing < 0 {
          index[4 * k + slot] = c
          weight[4 * k + slot] = w
          return
        }
      }
    }
    // Pass 1: coarse points and edge points.
    for r in 0..<fine.rows {
      let j = r + 1
      for i in 0..<nx {
        let k = r * nx + i
        let b = 9 * k
        switch (i % 2, j % 2) {
        case (0, 0):
          add(k, coarse(i, j), 1)
        case (1, 0):
          let west = -(a[b] + a[b + 3] + a[b + 6]), east = -(a[b + 2] + a[b + 5] + a[b + 8])
          let centre = a[b + 1] + a[b + 4] + a[b + 7]
          add(k, coarse(i - 1, j), west / centre)
          add(k, coarse((i + 1) % nx, j), east / centre)
        case (0, 1):
          let south = -(a[b] + a[b + 1] + a[b + 2]), north = -(a[b + 6] + a[b + 7] + a[b + 8])
          let centre = a[b + 3] + a[b + 4] + a[b + 5]
          add(k, coarse(i, j - 1), south / centre)
          add(k, coarse(i, j + 1), north / centre)
        default:
          break
        }
      }
    }
    // Pass 2: cell centres from the fine equation with the interpolated edge values.
    for r in 0..<fine.rows where (r + 1) % 2 == 1 {
      for i in stride(from: 1, to: nx, by: 2) {
        let k = r * nx + i
        let centre = a[9 * k + 4]
        for dy in -1...1 {
          let rr = r + dy
          if rr < 0 || rr >= fine.rows { continue }
          for dx in -1...1 where dx != 0 || dy != 0 {
            let l = rr * nx + fine.column(i + dx)
            let factor = -a[9 * k + 3 * (dy + 1) + dx + 1] / centre
            if factor == 0 { continue }
            for slot in 0..<4 where index[4 * l + slot] >= 0 {
              add(k, index[4 * l + slot], factor * weight[4 * l + slot])
            }
          }
        }
      }
    }
  }

  /// out = Pᵀ fine (out is resized and overwritten).
  func restrict(_ fine: [Double], into out: inout [Double]) {
    out.setZeros(count: coarseNx * coarseRows)
    if let corners {
      corners.restrict(fine, into: &out)
      return
    }
    for k in 0..<fineCount {
      for slot in 0..<4 {
        let c = index[4 * k + slot]
        if c >= 0 { out[c] += weight[4 * k + slot] * fine[k] }
      }
    }
  }

  func prolongAdd(_ coarse: [Double], into fine: inout [Double]) {
    if let corners {
      corners.prolongAdd(coarse, into: &fine)
      return
    }
    for k in 0..<fineCount {
      var s = 0.0
      for slot in 0..<4 {
        let c = index[4 * k + slot]
        if c >= 0 { s += weight[4 * k + slot] * coarse[c] }
      }
      fine[k] += s
    }
  }

  /// Replaces the (index, weight) slots by the implicit-index `CornerWeights` when every
  /// fine node's coarse nodes are its lower-left cell corners (always, for grids that the
  /// multigrid coarsens); restriction and prolongation then read half the memory.
  mutating func compact(fineNx: Int) {
    guard let packed = CornerWeights(fineNx: fineNx, fineCount: fineCount, coarseNx: coarseNx,
                                     coarseRows: coarseRows, index: index, weight: weight)
    else { return }
    corners = packed
    index = []
    weight = []
  }

  /// The Galerkin coarse operator Pᵀ A P as a 9-point stencil on the coarse grid.
  func coarseOperator(_ fine: StencilLevel) -> StencilLevel {
    let cnx = coarseNx
    var c = [Double](repeating: 0, count: 9 * cnx * coarseRows)
    for k in 0..<fineCount {
      let r = k / fine.nx, i = k - r * fine.nx
      for dy in -1...1 {
        let rr = r + dy
        if rr < 0 || rr >= fine.rows { continue }
        for dx in -1...1 {
          let a = fine.coefficients[9 * k + 3 * (dy + 1) + dx + 1]
          if a == 0 { continue }
          let l = rr * fine.nx + fine.column(i + dx)
          for s1 in 0..<4 {
            let ci = index[4 * k + s1]
            if ci < 0 { continue }
            let wi = weight[4 * k + s1] * a
            let ri = ci / cnx, ii = ci - ri * cnx
            for s2 in 0..<4 {
              let cj = index[4 * l + s2]
              if cj < 0 { continue }
              let rj = cj / cnx, ij = cj - rj * cnx
              var ddx = ij - ii
              if ddx > 1 { ddx -= cnx }
              if ddx < -1 { ddx += cnx }
              c[9 * ci + 3 * (rj - ri + 1) + ddx + 1] += wi * weight[4 * l + s2]
            }
          }
        }
      }
    }
    return StencilLevel(nx: cnx, rows: coarseRows, coefficients: c)
  }
}
