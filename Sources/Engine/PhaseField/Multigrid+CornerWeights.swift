/// Transfer weights of `StencilTransfer` with implicit coarse indices. Fine node (i, j) (node
/// row j = r + 1) lies in the coarse cell whose lower-left corner is (i/2, j/2) (integer
/// division); its interpolation uses at most that cell's 4 corners (i/2 + dx, j/2 + dy),
/// dx, dy ∈ {0, 1}, x periodic, coarse node rows 0 and Ny/2 Dirichlet (no unknown). So 4
/// weights per fine node, `weights[4k + 2dy + dx]`, replace 4 (index, weight) pairs.
struct CornerWeights: Sendable {
  let fineNx: Int
  let fineRows: Int
  let coarseNx: Int
  let coarseRows: Int
  private var weights: [Double]

  /// Weights already in corner form (`GalerkinCoarsening.cornerWeights`).
  init(fineNx: Int, fineRows: Int, weights: [Double]) {
    self.fineNx = fineNx
    self.fineRows = fineRows
    coarseNx = fineNx / 2
    coarseRows = (fineRows + 1) / 2 - 1
    self.weights = weights
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
    weights = packed
  }

  func restrict(_ fine: [Double], into out: inout [Double]) {
    weights.withUnsafeBufferPointer { w in
    fine.withUnsafeBufferPointer { f in
    out.withUnsafeMutableBufferPointer { out in
      for r in 0..<fineRows { restrictRow(r, f, offset: r * fineNx, weights: w, into: out) }
    }
    }
    }
  }

  func prolongAdd(_ coarse: [Double], into fine: inout [Double]) {
    weights.withUnsafeBufferPointer { w in
    coarse.withUnsafeBufferPointer { c in
    fine.withUnsafeMutableBufferPointer { f in
      for r in 0..<fineRows { prolongAddRow(r, c, weights: w, into: f) }
    }
    }
    }
  }

  /// Pass `body` the weights, for the row-by-row transfers of a fused cycle.
  func withWeights<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
    weights.withUnsafeBufferPointer(body)
  }

  /// Adds fine row r's share of Pᵀ f to `out` (the row's nx values start at `row[offset]`):
  /// rows restricted in increasing r give exactly `restrict`'s sums.
  @inline(__always)
  func restrictRow(_ r: Int, _ row: UnsafeBufferPointer<Double>, offset: Int, weights w: UnsafeBufferPointer<Double>,
                   into out: UnsafeMutableBufferPointer<Double>) {
    let nx = fineNx, cnx = coarseNx, j = r + 1
    for dy in 0...1 {
      let cr = j / 2 + dy - 1
      if cr < 0 || cr >= coarseRows || (dy == 1 && j % 2 == 0) { continue }
      let coarseRow = cr * cnx
      for i in 0..<nx {
        let k = r * nx + i, ci = i >> 1
        let value = row[offset + i]
        out[coarseRow + ci] += w[4 * k + 2 * dy] * value
        if i & 1 == 1 {
          out[coarseRow + (ci + 1 == cnx ? 0 : ci + 1)] += w[4 * k + 2 * dy + 1] * value
        }
      }
    }
  }

  /// Fine row r of `fine += P coarse` (rows are independent).
  @inline(__always)
  func prolongAddRow(_ r: Int, _ c: UnsafeBufferPointer<Double>, weights w: UnsafeBufferPointer<Double>,
                     into f: UnsafeMutableBufferPointer<Double>) {
    let nx = fineNx, cnx = coarseNx, j = r + 1
    for dy in 0...1 {
      let cr = j / 2 + dy - 1
      if cr < 0 || cr >= coarseRows || (dy == 1 && j % 2 == 0) { continue }
      let coarseRow = cr * cnx
      for i in 0..<nx {
        let k = r * nx + i, ci = i >> 1
        var s = w[4 * k + 2 * dy] * c[coarseRow + ci]
        if i & 1 == 1 { s += w[4 * k + 2 * dy + 1] * c[coarseRow + (ci + 1 == cnx ? 0 : ci + 1)] }
        f[k] += s
      }
    }
  }
}
