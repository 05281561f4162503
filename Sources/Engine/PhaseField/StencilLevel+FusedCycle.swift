/// The coarse levels' halves of a V(1,1)-cycle with the four-colour smoother (`relax`), split
/// across threads by rows with the same numbers for any thread count, as on the finest level
/// (`PotentialLevel+FusedCycle.swift`): the forward sweep from zero (no zero fill) then the
/// residual restricted per coarse row, and the prolongation then the backward sweep. Together
/// the coarse levels cost about as much as the finest. Each node's update multiplies by
/// 1/a_kk formed once per hierarchy (`inverseCentre()`), and the coefficients are read as
/// nine planes (`planes()`: coefficient o of node k at o·count + k). The results equal the
/// separate passes' up to rounding.
extension StencilLevel {
  /// The coefficients as nine planes, `planes[o·count + k] = coefficients[9k + o]` (empty for
  /// a level without coefficients).
  func planes() -> [Double] {
    guard coefficients.count == 9 * count else { return [] }
    return [Double](unsafeUninitializedCapacity: 9 * count) { planes, initialized in
      writePlanes(rows: 0..<rows, into: planes)
      initialized = 9 * count
    }
  }

  /// Rows `range` of `planes()`, written into `planes` (the hierarchy update).
  func writePlanes(rows range: Range<Int>, into planes: UnsafeMutableBufferPointer<Double>) {
    let n = count, nodes = (range.lowerBound * nx)..<(range.upperBound * nx)
    coefficients.withUnsafeBufferPointer { a in
      for o in 0..<9 {
        for k in nodes { planes[o * n + k] = a[9 * k + o] }
      }
    }
  }

  /// 1/a_kk per node (empty for a level without coefficients).
  func inverseCentre() -> [Double] {
    guard coefficients.count == 9 * count else { return [] }
    return [Double](unsafeUninitializedCapacity: count) { inverse, initialized in
      writeInverseCentre(rows: 0..<rows, into: inverse)
      initialized = count
    }
  }

  /// Rows `range` of `inverseCentre()`, written into `inverse`.
  func writeInverseCentre(rows range: Range<Int>, into inverse: UnsafeMutableBufferPointer<Double>) {
    coefficients.withUnsafeBufferPointer { a in
      for k in (range.lowerBound * nx)..<(range.upperBound * nx) { inverse[k] = 1 / a[9 * k + 4] }
    }
  }

  /// b_k − Σ_l a_kl·u_l over the neighbours of node (i, r) in the rows below and above and, when
  /// `alongRow`, its west and east neighbours (rows outside 0..<rows are Dirichlet zeros).
  @inline(__always)
  private static func reduced(_ a: UnsafePointer<Double>, plane n: Int, rhs b: UnsafePointer<Double>,
                              u: UnsafePointer<Double>, r: Int, rows: Int, nx: Int, i: Int, west: Int, east: Int,
                              below: Bool, above: Bool, alongRow: Bool) -> Double {
    let k = r * nx + i, row = u + r * nx
    var s = b[k]
    if below {
      let v = row - nx
      s -= a[k] * v[west] + a[n + k] * v[i] + a[2 * n + k] * v[east]
    }
    if above {
      let v = row + nx
      s -= a[6 * n + k] * v[west] + a[7 * n + k] * v[i] + a[8 * n + k] * v[east]
    }
    if alongRow { s -= a[3 * n + k] * row[west] + a[5 * n + k] * row[east] }
    return s
  }

  /// Row r's nodes of column parity `parity` solved for their own unknown from the current
  /// values of their neighbours (those `below`, `above`, `alongRow` select; the others are
  /// taken as 0, which a sweep from zero uses for the nodes it has not reached).
  @inline(__always)
  private static func relaxColumns(_ parity: Int, row r: Int, nx: Int, rows: Int, planes a: UnsafePointer<Double>,
                                   plane n: Int, inverseCentre d: UnsafePointer<Double>, rhs b: UnsafePointer<Double>,
                                   u: UnsafeMutablePointer<Double>, neighbourRows: Bool = true, alongRow: Bool = true) {
    let below = neighbourRows && r > 0, above = neighbourRows && r < rows - 1, row = r * nx
    var i = parity
    if parity == 0 {
      u[row] = reduced(a, plane: n, rhs: b, u: u, r: r, rows: rows, nx: nx, i: 0, west: nx - 1, east: 1,
                       below: below, above: above, alongRow: alongRow) * d[row]
      i = 2
    }
    while i < nx - 1 {
      u[row + i] = reduced(a, plane: n, rhs: b, u: u, r: r, rows: rows, nx: nx, i: i, west: i - 1, east: i + 1,
                           below: below, above: above, alongRow: alongRow) * d[row + i]
      i += 2
    }
    if parity == 1 {
      let last = nx - 1
      u[row + last] = reduced(a, plane: n, rhs: b, u: u, r: r, rows: rows, nx: nx, i: last, west: last - 1, east: 0,
                              below: below, above: above, alongRow: alongRow) * d[row + last]
    }
  }

  /// One four-colour Gauss–Seidel sweep (the order of `relax`) on the planes form, split across
  /// `ParallelWork.threads` by rows: forward, the even rows (column parity 0, then 1), then
  /// the odd rows; backward the reverse. Rows of one parity couple only to the other parity's.
  func relaxFourColour(_ u: inout [Double], rhs b: [Double], planes: [Double], inverseCentre: [Double],
                       forward: Bool) {
    let nx = self.nx, rows = self.rows, n = count
    precondition(nx % 2 == 0, "four-colour Gauss–Seidel needs an even number of columns")
    planes.withUnsafeBufferPointer { a in
    inverseCentre.withUnsafeBufferPointer { d in
    b.withUnsafeBufferPointer { b in
    u.withUnsafeMutableBufferPointer { u in
      guard let a = a.baseAddress, let d = d.baseAddress, let b = b.baseAddress, let u = u.baseAddress else { return }
      let firstRows = forward ? 0 : 1, columns = forward ? [0, 1] : [1, 0]
      func rowPass(_ r: Int, parity: Int) {
        guard r & 1 == parity else { return }
        for c in columns {
          Self.relaxColumns(c, row: r, nx: nx, rows: rows, planes: a, plane: n, inverseCentre: d, rhs: b, u: u)
        }
      }
      ParallelWork.twoPhaseSweep(rows: rows, minimumChunk: ParallelWork.minimumRows(nx: nx),
                                 first: { rowPass($0, parity: firstRows) }, second: { rowPass($0, parity: 1 - firstRows) })
    }
    }
    }
    }
  }

  /// One forward four-colour sweep from u = 0 with the residual b − Au it leaves restricted into
  /// `coarse` (resized, overwritten). From zero, colour (0, 0) sees no non-zero neighbour,
  /// (1, 0) only its west and east ones, (0, 1) only the even rows: each update reads exactly
  /// the values the separate sweep would find non-zero, so u holding the previous cycle's
  /// values needs no zero fill. The residual is then formed per fine row as b − Au.
  func relaxFromZeroRestrictingResidual(_ u: inout [Double], rhs b: [Double], planes: [Double], inverseCentre: [Double],
                                        transfer: CornerWeights, into coarse: inout [Double],
                                        scratch: inout [Double]) {
    let nx = self.nx, rows = self.rows, n = count
    precondition(nx % 2 == 0, "four-colour Gauss–Seidel needs an even number of columns")
    if u.count != count { u = [Double](repeating: 0, count: count) }
    let minimumRows = ParallelWork.minimumRows(nx: nx)
    planes.withUnsafeBufferPointer { a in
    inverseCentre.withUnsafeBufferPointer { d in
    b.withUnsafeBufferPointer { b in
    u.withUnsafeMutableBufferPointer { u in
      guard let a = a.baseAddress, let d = d.baseAddress, let b = b.baseAddress, let u = u.baseAddress else { return }
      ParallelWork.twoPhaseSweep(rows: rows, minimumChunk: minimumRows, first: { r in
        guard r & 1 == 0 else { return }
        Self.relaxColumns(0, row: r, nx: nx, rows: rows, planes: a, plane: n, inverseCentre: d, rhs: b, u: u,
                          neighbourRows: false, alongRow: false)
        Self.relaxColumns(1, row: r, nx: nx, rows: rows, planes: a, plane: n, inverseCentre: d, rhs: b, u: u,
                          neighbourRows: false)
      }, second: { r in
        guard r & 1 == 1 else { return }
        Self.relaxColumns(0, row: r, nx: nx, rows: rows, planes: a, plane: n, inverseCentre: d, rhs: b, u: u,
                          alongRow: false)
        Self.relaxColumns(1, row: r, nx: nx, rows: rows, planes: a, plane: n, inverseCentre: d, rhs: b, u: u)
      })
      transfer.restrictByCoarseRows(into: &coarse, minimumChunk: max(1, minimumRows / 2)) { q, residual in
        let row = q * nx, here = u + row, below = q > 0, above = q < rows - 1
        @inline(__always) func value(_ i: Int, west: Int, east: Int) -> Double {
          Self.reduced(a, plane: n, rhs: b, u: u, r: q, rows: rows, nx: nx, i: i, west: west, east: east,
                       below: below, above: above, alongRow: true) - a[4 * n + row + i] * here[i]
        }
        residual[0] = value(0, west: nx - 1, east: 1)
        for i in 1..<(nx - 1) { residual[i] = value(i, west: i - 1, east: i + 1) }
        residual[nx - 1] = value(nx - 1, west: nx - 2, east: 0)
      }
    }
    }
    }
    }
  }

  /// u += P·coarse (by rows), then one backward four-colour sweep.
  func prolongAddRelaxingBackward(_ u: inout [Double], rhs b: [Double], planes: [Double], inverseCentre: [Double],
                                  coarse: [Double], transfer: CornerWeights, scratch: inout [Double]) {
    transfer.prolongAddByRows(coarse, into: &u, minimumChunk: ParallelWork.minimumRows(nx: nx))
    relaxFourColour(&u, rhs: b, planes: planes, inverseCentre: inverseCentre, forward: false)
  }
}
