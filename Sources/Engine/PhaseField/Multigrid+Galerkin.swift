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
    let intervals = rows + 1, coarseRows = intervals / 2 - 1
    var weights = [Double](repeating: 0, count: 4 * nx * rows)
    weights.withUnsafeMutableBufferPointer { w in
      for r in 0..<rows {
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
      for r in stride(from: 0, to: rows, by: 2) {
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
    return weights
  }

  /// The Galerkin coarse operator Pᵀ A P (9-point, as `StencilTransfer.coarseOperator`),
  /// gathered per coarse node (I, J): Σ over the fine nodes k of its 3×3 block (weight
  /// w_k,(I,J)), their neighbours l (coefficient a_kl) and the corners of l (weight w_l,c).
  /// For a fixed position of k in the block, neighbour direction and corner of l, the coarse
  /// stencil slot is fixed, so each such term is one loop along the coarse row with no index
  /// arithmetic beyond the periodic wrap.
  static func coarseOperator<V: FineStencilView>(_ a: V, weights: [Double], nx: Int, rows: Int) -> StencilLevel {
    let intervals = rows + 1, coarseNx = nx / 2, coarseRows = intervals / 2 - 1
    var coefficients = [Double](repeating: 0, count: 9 * coarseNx * coarseRows)
    // the coefficients of one fine row, offset-major (row[o·nx + i]), so that the loops along
    // the coarse row read one array without deciding per term which coefficient they need
    var fineRow = [Double](repeating: 0, count: 9 * nx)
    weights.withUnsafeBufferPointer { w in
    fineRow.withUnsafeMutableBufferPointer { fineRow in
    coefficients.withUnsafeMutableBufferPointer { out in
      @inline(__always) func wrap(_ i: Int) -> Int { i < 0 ? i + nx : (i >= nx ? i - nx : i) }
      for coarseRow in 0..<coarseRows {
        let nodeRowJ = coarseRow + 1, base = coarseRow * coarseNx
        for py in -1...1 {
          let rk = 2 * nodeRowJ + py - 1
          for o in 0..<9 where !(V.isFivePoint && o % 2 == 0 && o != 4) {
            for i in 0..<nx { fineRow[o * nx + i] = a.coefficient(row: rk, column: i, node: rk * nx + i, offset: o) }
          }
          let dy1 = py == -1 ? 1 : 0
          for ey in -1...1 {
            let rl = rk + ey
            if rl < 0 || rl >= rows { continue }
            let yOdd = (rl + 1) & 1
            for px in -1...1 {
              let s1 = 2 * dy1 + (px == -1 ? 1 : 0)
              for ex in -1...1 {
                if V.isFivePoint && ex != 0 && ey != 0 { continue }
                let o = 3 * (ey + 1) + ex + 1
                let xOdd = (px + ex) & 1
                let coefficient = UnsafeBufferPointer(rebasing: fineRow[(o * nx)..<(o * nx + nx)])
                let wk = UnsafeBufferPointer(rebasing: w[(4 * rk * nx)..<(4 * (rk + 1) * nx)])
                let wl = UnsafeBufferPointer(rebasing: w[(4 * rl * nx)..<(4 * (rl + 1) * nx)])
                for dy in 0...yOdd {
                  for dx in 0...xOdd {
                    let oy = ((py + ey) >> 1) + dy, ox = ((px + ex) >> 1) + dx
                    let slot = 9 * base + 3 * (oy + 1) + ox + 1, s2 = 2 * dy + dx
                    @inline(__always) func term(_ column: Int, _ ik: Int, _ il: Int) {
                      out[slot + 9 * column] += wk[4 * ik + s1] * coefficient[ik] * wl[4 * il + s2]
                    }
                    term(0, wrap(px), wrap(px + ex))
                    for column in 1..<(coarseNx - 1) {
                      let ik = 2 * column + px
                      term(column, ik, ik + ex)
                    }
                    let last = coarseNx - 1
                    term(last, wrap(2 * last + px), wrap(2 * last + px + ex))
                  }
                }
              }
            }
          }
        }
      }
    }
    }
    }
    return StencilLevel(nx: coarseNx, rows: coarseRows, coefficients: coefficients)
  }
}
