/// Transfer weights of `StencilTransfer` with implicit coarse indices. Fine node (i, j) (node
/// row j = r + 1) lies in the coarse cell whose lower-left corner is (i/2, j/2) (integer
/// division); its interpolation uses at most that cell's 4 corners (i/2 + dx, j/2 + dy),
/// dx, dy ∈ {0, 1}, x periodic, coarse node rows 0 and Ny/2 Dirichlet (no unknown). A node on
/// an even column lies on a coarse column and takes no dx = 1 weight; a node on an even node
/// row takes no dy = 1 weight.
///
/// Storage: for each fine row r and dy, three planes of coarseNx numbers indexed by the coarse
/// column c: the even node 2c's weight, and the odd node 2c+1's weights towards c (dx = 0) and
/// c+1 (dx = 1). The transfers are the V-cycle's hottest loops after the smoother; in this form
/// they read consecutive numbers, gather per output value (no scatter chain through memory)
/// and read only the weights that can be non-zero (2.25 per fine node instead of 4).
struct CornerWeights: Sendable {
  let fineNx: Int
  let fineRows: Int
  let coarseNx: Int
  let coarseRows: Int
  /// planes[(2r + dy)·3·coarseNx + plane·coarseNx + c], plane 0 even, 1 odd dx = 0, 2 odd dx = 1.
  private(set) var planes: [Double]

  /// Weights in corner form, `weights[4k + 2dy + dx]` (`GalerkinCoarsening.cornerWeights`).
  init(fineNx: Int, fineRows: Int, weights: [Double]) {
    self.fineNx = fineNx
    self.fineRows = fineRows
    coarseNx = fineNx / 2
    coarseRows = (fineRows + 1) / 2 - 1
    planes = Self.planes(fineNx: fineNx, fineRows: fineRows, weights: weights)
  }

  /// nil when some slot is not a corner of its fine node's cell.
  init?(fineNx: Int, fineCount: Int, coarseNx: Int, coarseRows: Int, index: [Int], weight: [Double]) {
    self.fineNx = fineNx
    fineRows = fineCount / fineNx
    self.coarseNx = coarseNx
    self.coarseRows = coarseRows
    var packed = [Double](repeating: 0, count: 4 * fineCount)
    for k in 0..<fineCount {
      let r = k / fineNx, i = k - r * fineNx, j = r + 1
      for slot in 0..<4 {
        let c = index[4 * k + slot]
        if c < 0 { continue }
        let cr = c / coarseNx, ci = c - cr * coarseNx
        let dy = cr + 1 - j / 2
        var dx = ci - i / 2
        if dx < 0 { dx += coarseNx }
        guard dy == 0 || (dy == 1 && j % 2 == 1), dx == 0 || (dx == 1 && i % 2 == 1) else { return nil }
        packed[4 * k + 2 * dy + dx] += weight[4 * k + slot]
      }
    }
    planes = Self.planes(fineNx: fineNx, fineRows: fineRows, weights: packed)
  }

  private static func planes(fineNx nx: Int, fineRows: Int, weights: [Double]) -> [Double] {
    [Double](unsafeUninitializedCapacity: 6 * (nx / 2) * fineRows) { planes, initialized in
      weights.withUnsafeBufferPointer { w in writePlanes(fineNx: nx, rows: 0..<fineRows, weights: w, into: planes) }
      initialized = 6 * (nx / 2) * fineRows
    }
  }

  /// Fine rows `rows` of the planes from the corner-form weights.
  private static func writePlanes(fineNx nx: Int, rows: Range<Int>, weights w: UnsafeBufferPointer<Double>,
                                  into planes: UnsafeMutableBufferPointer<Double>) {
    let cnx = nx / 2
    for r in rows {
      for dy in 0...1 {
        let base = (2 * r + dy) * 3 * cnx
        for c in 0..<cnx {
          let even = 4 * (r * nx + 2 * c) + 2 * dy, odd = even + 4
          planes[base + c] = w[even]
          planes[base + cnx + c] = w[odd]
          planes[base + 2 * cnx + c] = w[odd + 1]
        }
      }
    }
  }

  /// Recomputes fine rows `rows` from corner-form weights (`weights[4k + 2dy + dx]`), the
  /// others kept: the transfer of a hierarchy updated where the fine operator changed.
  mutating func update(rows: Range<Int>, weights: UnsafeBufferPointer<Double>) {
    let nx = fineNx
    planes.withUnsafeMutableBufferPointer { Self.writePlanes(fineNx: nx, rows: rows, weights: weights, into: $0) }
  }

  func restrict(_ fine: [Double], into out: inout [Double]) {
    planes.withUnsafeBufferPointer { w in
    fine.withUnsafeBufferPointer { f in
    out.withUnsafeMutableBufferPointer { out in
      for r in 0..<fineRows { restrictRow(r, f, offset: r * fineNx, weights: w, into: out) }
    }
    }
    }
  }

  func prolongAdd(_ coarse: [Double], into fine: inout [Double]) {
    planes.withUnsafeBufferPointer { w in
    coarse.withUnsafeBufferPointer { c in
    fine.withUnsafeMutableBufferPointer { f in
      for r in 0..<fineRows { prolongAddRow(r, c, weights: w, into: f) }
    }
    }
    }
  }

  /// Pass `body` the weight planes, for the row-by-row transfers of a fused cycle.
  func withWeights<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
    planes.withUnsafeBufferPointer(body)
  }

  /// The coarse rows fine row r reaches: dy = 0 and, on an odd node row, dy = 1 (each only if
  /// it is an unknown row, not a Dirichlet one).
  @inline(__always)
  private func coarseRows(ofFineRow r: Int) -> (below: Int?, above: Int?) {
    let j = r + 1, below = j / 2 - 1, above = j / 2
    return (below >= 0 && below < coarseRows ? below : nil,
            j & 1 == 1 && above < coarseRows ? above : nil)
  }

  /// Adds fine row r's share of Pᵀ f to `out` (the row's nx values start at `row[offset]`).
  /// Per coarse column c: w_even(c)·f(2c) + w_odd,dx0(c)·f(2c+1) + w_odd,dx1(c−1)·f(2c−1), the
  /// last wrapping at c = 0.
  @inline(__always)
  func restrictRow(_ r: Int, _ row: UnsafeBufferPointer<Double>, offset: Int, weights w: UnsafeBufferPointer<Double>,
                   into out: UnsafeMutableBufferPointer<Double>) {
    let nx = fineNx, cnx = coarseNx
    guard let fine = row.baseAddress, let weights = w.baseAddress, let target = out.baseAddress else { return }
    let v = fine + offset
    @inline(__always) func add(dy: Int, coarseRow cr: Int) {
      let even = weights + (2 * r + dy) * 3 * cnx, oddWest = even + cnx, oddEast = oddWest + cnx
      let o = target + cr * cnx
      o[0] += oddEast[cnx - 1] * v[nx - 1] + even[0] * v[0] + oddWest[0] * v[1]
      for c in 1..<cnx {
        o[c] += oddEast[c - 1] * v[2 * c - 1] + even[c] * v[2 * c] + oddWest[c] * v[2 * c + 1]
      }
    }
    let rows = coarseRows(ofFineRow: r)
    if let below = rows.below { add(dy: 0, coarseRow: below) }
    if let above = rows.above { add(dy: 1, coarseRow: above) }
  }

  /// Fine row r of `fine += P coarse` (rows are independent).
  @inline(__always)
  func prolongAddRow(_ r: Int, _ c: UnsafeBufferPointer<Double>, weights w: UnsafeBufferPointer<Double>,
                     into f: UnsafeMutableBufferPointer<Double>) {
    let cnx = coarseNx
    guard let coarse = c.baseAddress, let weights = w.baseAddress, let fineBase = f.baseAddress else { return }
    let u = fineBase + r * fineNx
    @inline(__always) func add(dy: Int, coarseRow cr: Int) {
      let even = weights + (2 * r + dy) * 3 * cnx, oddWest = even + cnx, oddEast = oddWest + cnx
      let x = coarse + cr * cnx
      for q in 0..<(cnx - 1) {
        u[2 * q] += even[q] * x[q]
        u[2 * q + 1] += oddWest[q] * x[q] + oddEast[q] * x[q + 1]
      }
      let last = cnx - 1
      u[2 * last] += even[last] * x[last]
      u[2 * last + 1] += oddWest[last] * x[last] + oddEast[last] * x[0]
    }
    let rows = coarseRows(ofFineRow: r)
    if let below = rows.below { add(dy: 0, coarseRow: below) }
    if let above = rows.above { add(dy: 1, coarseRow: above) }
  }
}
