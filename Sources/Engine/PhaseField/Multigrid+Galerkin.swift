/// The stencil of a fine level as the multigrid's setup reads it: coefficient `o` (the 9-point
/// numbering of `StencilLevel`, o = 3(dy+1) + (dx+1)) of node (i, r), k = r·nx + i.
protocol FineStencilView {
  /// Whether the diagonal couplings (o = 0, 2, 6, 8) are zero by construction.
  static var isFivePoint: Bool { get }
  func coefficient(row r: Int, column i: Int, node k: Int, offset o: Int) -> Double
}

/// A general 9-point level (`StencilLevel.coefficients`).
struct NinePointStencilView: FineStencilView {
  let a: UnsafeBufferPointer<Double>
  static var isFivePoint: Bool { false }
  @inline(__always)
  func coefficient(row r: Int, column i: Int, node k: Int, offset o: Int) -> Double { a[9 * k + o] }
}

/// The finest level in compact form: the same numbers as `StencilLevel(level)`, the centre
/// summed in the same order (west + east + south + north), so the setup from this view
/// equals the setup from the 9-point array without building it (72 MB at 1024²).
struct FivePointStencilView: FineStencilView {
  let east: UnsafeBufferPointer<Double>
  let north: UnsafeBufferPointer<Double>
  let nx: Int
  static var isFivePoint: Bool { true }
  @inline(__always)
  func coefficient(row r: Int, column i: Int, node k: Int, offset o: Int) -> Double {
    switch o {
    case 1: return -north[k]
    case 3: return -east[i == 0 ? k + nx - 1 : k - 1]
    case 4: return east[i == 0 ? k + nx - 1 : k - 1] + east[k] + north[k] + north[k + nx]
    case 5: return -east[k]
    case 7: return -north[k + nx]
    default: return 0
    }
  }
}

/// The setup of one coarsening step from the fine stencil alone, in passes over the grid with
/// the coarse/fine index arithmetic fixed per pass (the general `StencilTransfer(fine:)` and
/// `coarseOperator` look up (index, weight) pairs and divide per term; they remain the
/// definition these are tested against).
enum GalerkinCoarsening {
  /// The operator-dependent interpolation of `StencilTransfer(fine:)` as corner weights
  /// (`weights[4k + 2dy + dx]`, see `CornerWeights`): coarse points 1; points between two
  /// coarse points the stencil collapsed across their line; cell centres from the fine
  /// equation with the edge values. Sums are taken in the order of `StencilTransfer(fine:)`,
  /// so the weights are the same numbers.
  static func cornerWeights<V: FineStencilView>(_ a: V, nx: Int, rows: Int) -> [Double] {
    [Double](unsafeUninitializedCapacity: 4 * nx * rows) { w, initialized in
      writeCornerWeights(a, nx: nx, rows: rows, rowRange: 0..<rows, into: w)
      initialized = 4 * nx * rows
    }
  }

  /// Fine rows `rowRange` of `cornerWeights`, written into `w` (all 4·nx slots of each row;
  /// the other rows are left as they are). A cell centre reads the weights of the rows next
  /// to it, which must already hold the first pass's values (edge and coarse points depend on
  /// their own row's stencil only), so a range update is exact when the rows next to the
  /// range kept their stencils.
  static func writeCornerWeights<V: FineStencilView>(_ a: V, nx: Int, rows: Int, rowRange: Range<Int>,
                                                     into w: UnsafeMutableBufferPointer<Double>) {
    let intervals = rows + 1, coarseRows = intervals / 2 - 1
    guard !rowRange.isEmpty else { return }
    for k in (4 * nx * rowRange.lowerBound)..<(4 * nx * rowRange.upperBound) { w[k] = 0 }
    for r in rowRange {
      let j = r + 1
      for i in 0..<nx {
        let k = r * nx + i
        @inline(__always) func c(_ o: Int) -> Double { a.coefficient(row: r, column: i, node: k, offset: o) }
        switch (i & 1, j & 1) {
        case (0, 0):
          w[4 * k] = 1
        case (1, 0):
          let west = -(c(0) + c(3) + c(6)), east = -(c(2) + c(5) + c(8))
          let centre = c(1) + c(4) + c(7)
          w[4 * k] = west / centre
          w[4 * k + 1] = east / centre
        case (0, 1):
          let south = -(c(0) + c(1) + c(2)), north = -(c(6) + c(7) + c(8))
          let centre = c(3) + c(4) + c(5)
          if j / 2 >= 1 { w[4 * k] = south / centre }
          if j / 2 + 1 <= coarseRows { w[4 * k + 2] = north / centre }
        default:
          break
        }
      }
    }
    // cell centres (odd column, odd node row): their neighbours are all set above
    for r in stride(from: rowRange.lowerBound + (rowRange.lowerBound & 1), to: rowRange.upperBound, by: 2) {
      for i in stride(from: 1, to: nx, by: 2) {
        let k = r * nx + i
        let centre = a.coefficient(row: r, column: i, node: k, offset: 4)
        for ey in -1...1 {
          let rl = r + ey
          if rl < 0 || rl >= rows { continue }
          let yOdd = (rl + 1) & 1
          for ex in -1...1 where ex != 0 || ey != 0 {
            if V.isFivePoint && ex != 0 && ey != 0 { continue }
            let factor = -a.coefficient(row: r, column: i, node: k, offset: 3 * (ey + 1) + ex + 1) / centre
            if factor == 0 { continue }
            let il = i + ex == nx ? 0 : i + ex
            let l = rl * nx + il
            let xOdd = il & 1
            for dy in 0...yOdd {
              for dx in 0...xOdd {
                let target = 2 * (((1 + ey) >> 1) + dy) + ((1 + ex) >> 1) + dx
                w[4 * k + target] += factor * w[4 * l + 2 * dy + dx]
              }
            }
          }
        }
      }
    }
  }

  /// The Galerkin coarse operator Pᵀ A P (9-point, as `StencilTransfer.coarseOperator`),
  /// gathered per coarse node (I, J): Σ over the fine nodes k of its 3×3 block (weight
  /// w_k,(I,J)), their neighbours l (coefficient a_kl) and the corners of l (weight w_l,c).
  /// For a fixed position of k in the block, neighbour direction and corner of l, the coarse
  /// stencil slot is fixed, so each such term is one loop along the coarse row over
  /// consecutive numbers (the row buffers below); read with stride 8 from the corner weights
  /// the same loops were bound by cache-line traffic (83 ms for the finest level at 1024²).
  static func coarseOperator<V: FineStencilView>(_ a: V, weights: [Double], nx: Int, rows: Int) -> StencilLevel {
    let coarseNx = nx / 2, coarseRows = (rows + 1) / 2 - 1
    let coefficients = [Double](unsafeUninitializedCapacity: 9 * coarseNx * coarseRows) { out, initialized in
      weights.withUnsafeBufferPointer { w in
        writeCoarseOperator(a, weights: w, nx: nx, rows: rows, coarseRowRange: 0..<coarseRows, into: out)
      }
      initialized = 9 * coarseNx * coarseRows
    }
    return StencilLevel(nx: coarseNx, rows: coarseRows, coefficients: coefficients)
  }

  /// Coarse rows `coarseRowRange` of `coarseOperator` (all 9 slots of each of their nodes),
  /// written into `out`. Coarse row J reads the stencils of fine rows 2J…2J+2 and the weights
  /// of rows 2J−1…2J+3.
  static func writeCoarseOperator<V: FineStencilView>(_ a: V, weights w: UnsafeBufferPointer<Double>, nx: Int, rows: Int,
                                                      coarseRowRange: Range<Int>, into out: UnsafeMutableBufferPointer<Double>) {
    let coarseNx = nx / 2
    // Row buffers in which every term of a loop along the coarse row reads consecutive numbers:
    // per fine row, each weight slot and each stencil offset split by column parity into a
    // plane of coarseNx values indexed by i >> 1, with one periodic ghost value at each end.
    // Weights for the 5 fine rows 2J−3…2J+1 a coarse row J reads (ring by row mod 5),
    // coefficients for the 3 rows of its block (mod 3); the coarse row's 9 slots are summed in
    // planes too and interleaved at the end.
    let plane = coarseNx + 2
    var weightRing = [Double](repeating: 0, count: 5 * 8 * plane)
    var coefficientRing = [Double](repeating: 0, count: 3 * 18 * plane)
    var weightRow = [Int](repeating: -1, count: 5), coefficientRow = [Int](repeating: -1, count: 3)
    var sums = [Double](repeating: 0, count: 9 * coarseNx)
    weightRing.withUnsafeMutableBufferPointer { weightRing in
    coefficientRing.withUnsafeMutableBufferPointer { coefficientRing in
    sums.withUnsafeMutableBufferPointer { sums in
      guard let weightBase = weightRing.baseAddress, let coefficientBase = coefficientRing.baseAddress,
        let sumBase = sums.baseAddress else { return }
      // plane (slot s, parity p) of fine row r: value at column 2c + p for c = −1…coarseNx
      func weightPlanes(_ r: Int) -> UnsafeMutablePointer<Double> {
        let ring = r % 5
        let base = weightBase + ring * 8 * plane
        if weightRow[ring] != r {
          weightRow[ring] = r
          for s in 0..<4 {
            for p in 0...1 {
              let target = base + (2 * s + p) * plane
              for c in 0..<coarseNx { target[c + 1] = w[4 * (r * nx + 2 * c + p) + s] }
              target[0] = target[coarseNx]
              target[coarseNx + 1] = target[1]
            }
          }
        }
        return base
      }
      func coefficientPlanes(_ r: Int) -> UnsafeMutablePointer<Double> {
        let ring = r % 3
        let base = coefficientBase + ring * 18 * plane
        if coefficientRow[ring] != r {
          coefficientRow[ring] = r
          for o in 0..<9 where !(V.isFivePoint && o % 2 == 0 && o != 4) {
            for p in 0...1 {
              let target = base + (2 * o + p) * plane
              for c in 0..<coarseNx {
                let i = 2 * c + p
                target[c + 1] = a.coefficient(row: r, column: i, node: r * nx + i, offset: o)
              }
              target[0] = target[coarseNx]
              target[coarseNx + 1] = target[1]
            }
          }
        }
        return base
      }
      for coarseRow in coarseRowRange {
        let nodeRowJ = coarseRow + 1
        for k in 0..<sums.count { sums[k] = 0 }
        for py in -1...1 {
          let rk = 2 * nodeRowJ + py - 1
          let dy1 = py == -1 ? 1 : 0
          let kWeights = weightPlanes(rk), kCoefficients = coefficientPlanes(rk)
          for ey in -1...1 {
            let rl = rk + ey
            if rl < 0 || rl >= rows { continue }
            let yOdd = (rl + 1) & 1
            let lWeights = weightPlanes(rl)
            for px in -1...1 {
              let s1 = 2 * dy1 + (px == -1 ? 1 : 0)
              // k = fine column 2c + px: parity px & 1, plane index c + (px >> 1) (+1: ghost)
              let kShift = (px >> 1) + 1, kParity = px & 1
              let wk = kWeights + (2 * s1 + kParity) * plane + kShift
              for ex in -1...1 {
                if V.isFivePoint && ex != 0 && ey != 0 { continue }
                let o = 3 * (ey + 1) + ex + 1
                let coefficient = kCoefficients + (2 * o + kParity) * plane + kShift
                let xOdd = (px + ex) & 1
                let lShift = ((px + ex) >> 1) + 1
                for dy in 0...yOdd {
                  for dx in 0...xOdd {
                    let oy = ((py + ey) >> 1) + dy, ox = ((px + ex) >> 1) + dx
                    let target = sumBase + (3 * (oy + 1) + ox + 1) * coarseNx
                    let wl = lWeights + (2 * (2 * dy + dx) + xOdd) * plane + lShift
                    for c in 0..<coarseNx { target[c] += wk[c] * coefficient[c] * wl[c] }
                  }
                }
              }
            }
          }
        }
        let base = 9 * coarseRow * coarseNx
        for slot in 0..<9 {
          for c in 0..<coarseNx { out[base + 9 * c + slot] = sums[slot * coarseNx + c] }
        }
      }
    }
    }
    }
  }
}
