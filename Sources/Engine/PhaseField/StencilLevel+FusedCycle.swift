/// The coarse levels' halves of a V(1,1)-cycle in one pass each, as on the finest level
/// (`FivePointLevel+FusedCycle`): the forward Gauss–Seidel sweep from zero with its residual
/// restricted row by row, and the prolongation inside the backward sweep. Together the coarse
/// levels cost about as much as the finest (their 9-point stencils are read three times per
/// cycle by the separate passes); this drops the zero fill, the operator product and the
/// subtraction, and the division of each node's update: the recurrence along a row is
/// u_i = t_i/a_ii + (−a_i,i∓1/a_ii)·u_(i∓1), one multiply-add, with 1/a_ii formed once per
/// hierarchy (`inverseCentre()`). The coefficients are read as nine planes (`planes()`:
/// coefficient o of node k at o·count + k) so the loops over a row read consecutive numbers
/// and vectorise; the 9-per-node layout made them gathers with stride 9. The results equal the
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

  /// Σ_dx a_k,(dx, dy)·u over the three neighbours in the row `neighbours` (dy = −1 below:
  /// offsets 0, 1, 2; dy = +1 above: 6, 7, 8), west and east column indices given.
  @inline(__always)
  private static func rowCoupling(_ a: UnsafePointer<Double>, plane n: Int, node k: Int, firstOffset o: Int,
                                  _ neighbours: UnsafePointer<Double>, i: Int, west: Int, east: Int) -> Double {
    a[o * n + k] * neighbours[west] + a[(o + 1) * n + k] * neighbours[i] + a[(o + 2) * n + k] * neighbours[east]
  }

  /// `rowCoupling` for the four interior nodes i … i+3 (west i−1, east i+1 consecutive).
  @inline(__always)
  private static func rowCoupling4(_ a: UnsafePointer<Double>, plane n: Int, node k: Int, firstOffset o: Int,
                                   _ neighbours: UnsafeMutablePointer<Double>, i: Int) -> SIMD4<Double> {
    let plane = UnsafeMutablePointer(mutating: a)
    return plane.quad(at: o * n + k) * neighbours.quad(at: i - 1) + plane.quad(at: (o + 1) * n + k) * neighbours.quad(at: i)
      + plane.quad(at: (o + 2) * n + k) * neighbours.quad(at: i + 1)
  }

  /// Runs `vector(i)` for i = start, start+4, … while four values fit before `end`, then
  /// `scalar(i)` for the rest: the row loops write one scratch row while reading others, which
  /// the compiler leaves scalar (it cannot prove the rows disjoint), so they go four at a time
  /// by hand.
  @inline(__always)
  static func inQuads(from start: Int, to end: Int, _ vector: (Int) -> Void, _ scalar: (Int) -> Void) {
    var i = start
    while i + 4 <= end {
      vector(i)
      i += 4
    }
    while i < end {
      scalar(i)
      i += 1
    }
  }

  /// One forward Gauss–Seidel sweep from u = 0 with the residual b − Au it leaves restricted
  /// into `coarse` (resized, overwritten). Node k was solved exactly when visited, so
  /// afterwards r_k = −Σ a_kl·u_l over the neighbours l visited later (their value then was 0):
  /// the east neighbour (i < nx − 1), the west one (i = 0: the periodic end, visited last)
  /// and the three in the row above. Row r − 1's residual is final once row r is swept.
  func relaxFromZeroRestrictingResidual(_ u: inout [Double], rhs b: [Double], planes: [Double], inverseCentre: [Double],
                                        transfer: CornerWeights, into coarse: inout [Double],
                                        scratch: inout [Double]) {
    let nx = self.nx, rows = self.rows
    if u.count != count { u = [Double](repeating: 0, count: count) }
    coarse.setZeros(count: transfer.coarseNx * transfer.coarseRows)
    if scratch.count < 3 * nx { scratch = [Double](repeating: 0, count: 3 * nx) }
    let n = count
    planes.withUnsafeBufferPointer { a in
    inverseCentre.withUnsafeBufferPointer { d in
    b.withUnsafeBufferPointer { b in
    scratch.withUnsafeMutableBufferPointer { scratch in
    u.withUnsafeMutableBufferPointer { u in
    coarse.withUnsafeMutableBufferPointer { out in
    transfer.withWeights { w in
      guard let a = a.baseAddress, let d = d.baseAddress, let b = b.baseAddress,
        let t = scratch.baseAddress, let u = u.baseAddress else { return }
      let coupling = t + nx, residual = t + 2 * nx
      let residualRow = UnsafeBufferPointer(start: residual, count: nx)
      func restrictResidual(ofRow q: Int) {
        let row = q * nx, here = u + row
        if q < rows - 1 {
          let above = u + row + nx
          residual[0] = -Self.rowCoupling(a, plane: n, node: row, firstOffset: 6, above, i: 0, west: nx - 1, east: 1)
          Self.inQuads(from: 1, to: nx - 1, { i in
            residual.setQuad(-Self.rowCoupling4(a, plane: n, node: row + i, firstOffset: 6, above, i: i), at: i)
          }, { i in
            residual[i] = -Self.rowCoupling(a, plane: n, node: row + i, firstOffset: 6, above, i: i, west: i - 1, east: i + 1)
          })
          residual[nx - 1] = -Self.rowCoupling(a, plane: n, node: row + nx - 1, firstOffset: 6, above, i: nx - 1,
                                               west: nx - 2, east: 0)
        } else {
          for i in 0..<nx { residual[i] = 0 }
        }
        let eastPlane = UnsafeMutablePointer(mutating: a) + 5 * n + row
        Self.inQuads(from: 0, to: nx - 1, { i in
          residual.setQuad(residual.quad(at: i) - eastPlane.quad(at: i) * here.quad(at: i + 1), at: i)
        }, { i in residual[i] -= eastPlane[i] * here[i + 1] })
        residual[0] -= a[3 * n + row] * here[nx - 1]
        transfer.restrictRow(q, residualRow, offset: 0, weights: w, into: out)
      }
      for r in 0..<rows {
        let row = r * nx, here = u + row
        // t = (b − couplings to the row below)/a_kk; the row above and the east neighbours
        // are still 0
        if r > 0 {
          let below = u + row - nx
          t[0] = (b[row] - Self.rowCoupling(a, plane: n, node: row, firstOffset: 0, below, i: 0, west: nx - 1, east: 1)) * d[row]
          let rhs = UnsafeMutablePointer(mutating: b) + row, inverse = UnsafeMutablePointer(mutating: d) + row
          Self.inQuads(from: 1, to: nx - 1, { i in
            let sum = Self.rowCoupling4(a, plane: n, node: row + i, firstOffset: 0, below, i: i)
            t.setQuad((rhs.quad(at: i) - sum) * inverse.quad(at: i), at: i)
          }, { i in
            let k = row + i
            t[i] = (b[k] - Self.rowCoupling(a, plane: n, node: k, firstOffset: 0, below, i: i, west: i - 1, east: i + 1)) * d[k]
          })
          let last = row + nx - 1
          t[nx - 1] = (b[last] - Self.rowCoupling(a, plane: n, node: last, firstOffset: 0, below, i: nx - 1,
                                                  west: nx - 2, east: 0)) * d[last]
        } else {
          for i in 0..<nx { t[i] = b[row + i] * d[row + i] }
        }
        let westPlane = UnsafeMutablePointer(mutating: a) + 3 * n + row, inverse = UnsafeMutablePointer(mutating: d) + row
        Self.inQuads(from: 0, to: nx, { i in coupling.setQuad(-westPlane.quad(at: i) * inverse.quad(at: i), at: i) },
                     { i in coupling[i] = -westPlane[i] * inverse[i] })
        var previous = 0.0  // west of i = 0: not yet visited
        for i in 0..<(nx - 1) {
          let value = t[i] + coupling[i] * previous
          here[i] = value
          previous = value
        }
        let last = row + nx - 1
        here[nx - 1] = t[nx - 1] + coupling[nx - 1] * previous - a[5 * n + last] * d[last] * here[0]
        if r > 0 { restrictResidual(ofRow: r - 1) }
      }
      restrictResidual(ofRow: rows - 1)
    }
    }
    }
    }
    }
    }
    }
  }

  /// u += P·coarse, then one backward Gauss–Seidel sweep: row r − 1 is corrected just before
  /// row r is swept, the first row the sweep reads it.
  func prolongAddRelaxingBackward(_ u: inout [Double], rhs b: [Double], planes: [Double], inverseCentre: [Double],
                                  coarse: [Double], transfer: CornerWeights, scratch: inout [Double]) {
    let nx = self.nx, rows = self.rows
    if scratch.count < 2 * nx { scratch = [Double](repeating: 0, count: 2 * nx) }
    let n = count
    planes.withUnsafeBufferPointer { a in
    inverseCentre.withUnsafeBufferPointer { d in
    b.withUnsafeBufferPointer { b in
    scratch.withUnsafeMutableBufferPointer { scratch in
    u.withUnsafeMutableBufferPointer { fine in
    coarse.withUnsafeBufferPointer { c in
    transfer.withWeights { w in
      guard let a = a.baseAddress, let d = d.baseAddress, let b = b.baseAddress,
        let t = scratch.baseAddress, let u = fine.baseAddress else { return }
      let coupling = t + nx
      transfer.prolongAddRow(rows - 1, c, weights: w, into: fine)
      for r in stride(from: rows - 1, through: 0, by: -1) {
        if r > 0 { transfer.prolongAddRow(r - 1, c, weights: w, into: fine) }
        let row = r * nx, here = u + row
        // the rows below (old) and above (new) and the west neighbour (old; at i = 0 it is the
        // periodic end, new by then: added last)
        @inline(__always) func gather(_ i: Int, west: Int, east: Int) -> Double {
          let k = row + i
          var s = b[k]
          if r > 0 { s -= Self.rowCoupling(a, plane: n, node: k, firstOffset: 0, here - nx, i: i, west: west, east: east) }
          if r < rows - 1 { s -= Self.rowCoupling(a, plane: n, node: k, firstOffset: 6, here + nx, i: i, west: west, east: east) }
          return s
        }
        t[0] = gather(0, west: nx - 1, east: 1) * d[row]
        let planes = UnsafeMutablePointer(mutating: a), rhs = UnsafeMutablePointer(mutating: b) + row
        let inverse = UnsafeMutablePointer(mutating: d) + row, westPlane = planes + 3 * n + row
        Self.inQuads(from: 1, to: nx - 1, { i in
          var sum = rhs.quad(at: i)
          if r > 0 { sum -= Self.rowCoupling4(a, plane: n, node: row + i, firstOffset: 0, here - nx, i: i) }
          if r < rows - 1 { sum -= Self.rowCoupling4(a, plane: n, node: row + i, firstOffset: 6, here + nx, i: i) }
          t.setQuad((sum - westPlane.quad(at: i) * here.quad(at: i - 1)) * inverse.quad(at: i), at: i)
        }, { i in
          t[i] = (gather(i, west: i - 1, east: i + 1) - a[3 * n + row + i] * here[i - 1]) * d[row + i]
        })
        let last = row + nx - 1
        t[nx - 1] = (gather(nx - 1, west: nx - 2, east: 0) - a[3 * n + last] * here[nx - 2]) * d[last]
        let eastPlane = planes + 5 * n + row
        Self.inQuads(from: 0, to: nx, { i in coupling.setQuad(-eastPlane.quad(at: i) * inverse.quad(at: i), at: i) },
                     { i in coupling[i] = -eastPlane[i] * inverse[i] })
        var next = here[0]  // east of i = nx − 1: still old
        for i in stride(from: nx - 1, through: 1, by: -1) {
          let value = t[i] + coupling[i] * next
          here[i] = value
          next = value
        }
        here[0] = t[0] + coupling[0] * next - a[3 * n + row] * d[row] * here[nx - 1]
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
