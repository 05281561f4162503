/// The vector passes of the potential's conjugate gradients split across threads
/// (`ParallelWork`) with the same numbers for any thread count: element-wise updates and maxima
/// by any split; sums over blocks fixed by the vector's length (`dotBlock` elements), their
/// partial sums added in block order.
extension PotentialSolver {
  /// x += αp, r −= αAp, and max_k |r_k/A′_kk| of the new r (NaN if any term is NaN), in one pass.
  static func advance(x: UnsafeMutablePointer<Double>, r: inout [Double], p: [Double], ap: [Double], alpha: Double,
                      inverseDiagonal: [Double]) -> Double {
    let count = r.count
    return p.withUnsafeBufferPointer { p in
      ap.withUnsafeBufferPointer { ap in
        inverseDiagonal.withUnsafeBufferPointer { d in
          r.withUnsafeMutableBufferPointer { r in
            guard let p = p.baseAddress, let ap = ap.baseAddress, let d = d.baseAddress, let r = r.baseAddress
            else { return .nan }
            return ParallelWork.maximum(count, minimumChunk: ParallelWork.minimumNodesPerChunk) { range in
              // four lanes, so the maximum is no dependency chain
              var lanes = SIMD4<Double>(repeating: 0)
              var k = range.lowerBound
              while k + 4 <= range.upperBound {
                let xk = VectorReductions.load4(x + k) + alpha * VectorReductions.load4(p + k)
                UnsafeMutableRawPointer(x + k).storeBytes(of: xk, as: SIMD4<Double>.self)
                let value = VectorReductions.load4(r + k) - alpha * VectorReductions.load4(ap + k)
                UnsafeMutableRawPointer(r + k).storeBytes(of: value, as: SIMD4<Double>.self)
                lanes = VectorReductions.largerOrNaN(lanes, VectorReductions.abs4(value * VectorReductions.load4(d + k)))
                k += 4
              }
              var largest = VectorReductions.reduce(lanes)
              while k < range.upperBound {
                x[k] += alpha * p[k]
                let value = r[k] - alpha * ap[k]
                r[k] = value
                largest = VectorReductions.largerOrNaN(largest, abs(value * d[k]))
                k += 1
              }
              return largest
            }
          }
        }
      }
    }
  }
}

/// Elements per partial sum of `dot`: fixed, so the sum's rounding does not depend on the
/// thread count.
let dotBlock = 8192

/// Σ a_k b_k: partial sums over consecutive blocks of `dotBlock` elements (four lanes each,
/// `VectorReductions.dot`), added in block order.
func dot(_ a: [Double], _ b: [Double]) -> Double {
  a.withUnsafeBufferPointer { a in
    b.withUnsafeBufferPointer { b in
      guard let x = a.baseAddress, let y = b.baseAddress else { return 0 }
      let count = min(a.count, b.count), blocks = (count + dotBlock - 1) / dotBlock
      return ParallelWork.sum(blocks: blocks, minimumChunk: max(1, ParallelWork.minimumNodesPerChunk / dotBlock)) { block in
        let start = block * dotBlock
        return VectorReductions.dot(x + start, y + start, count: min(dotBlock, count - start))
      }
    }
  }
}

/// y = x + b·y (the CG direction update), split across threads.
func xpay(_ x: [Double], _ b: Double, _ y: inout [Double]) {
  x.withUnsafeBufferPointer { x in
    y.withUnsafeMutableBufferPointer { y in
      guard let xs = x.baseAddress, let ys = y.baseAddress else { return }
      ParallelWork.forEachChunk(min(x.count, y.count), minimumChunk: ParallelWork.minimumNodesPerChunk) { range in
        for k in range { ys[k] = xs[k] + b * ys[k] }
      }
    }
  }
}
