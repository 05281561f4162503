/// Reductions over long vectors (the potential solver's CG, the field checks of a step) in four
/// independent lanes. A single running sum or maximum is one dependency chain through the
/// whole vector (an add's latency per element, ~4 ms per 1024² field), which IEEE order keeps
/// the compiler from splitting; four lanes summed at the end give a different but equally
/// accurate rounding and let the loop run at memory speed.
enum VectorReductions {
  /// Σ a_k b_k over the first `count` elements.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
    var lanes = SIMD4<Double>(repeating: 0)
    let whole = count & ~3
    var k = 0
    while k < whole {
      lanes += load4(a + k) * load4(b + k)
      k += 4
    }
    var sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
    while k < count {
      sum += a[k] * b[k]
      k += 1
    }
    return sum
  }

  /// max_k |a_k b_k|, NaN if any product is NaN (a NaN must stop an iteration, not vanish
  /// from a comparison).
  @inline(__always)
  static func maxAbsProduct(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
    var lanes = SIMD4<Double>(repeating: 0)
    let whole = count & ~3
    var k = 0
    while k < whole {
      lanes = largerOrNaN(lanes, abs4(load4(a + k) * load4(b + k)))
      k += 4
    }
    var largest = reduce(lanes)
    while k < count {
      largest = largerOrNaN(largest, abs(a[k] * b[k]))
      k += 1
    }
    return largest
  }

  /// The larger of two values, NaN if either is NaN (a running maximum a NaN cannot leave).
  @inline(__always)
  static func largerOrNaN(_ current: Double, _ candidate: Double) -> Double {
    candidate <= current || current.isNaN ? current : candidate
  }

  /// Lane-wise larger value, taking `candidate` wherever it is not ≤ `current` and `current`
  /// is not already NaN (so a NaN enters a lane and stays there).
  @inline(__always)
  static func largerOrNaN(_ current: SIMD4<Double>, _ candidate: SIMD4<Double>) -> SIMD4<Double> {
    current.replacing(with: candidate, where: .!(candidate .<= current) .& (current .== current))
  }

  /// The largest lane, NaN if any lane is NaN.
  @inline(__always)
  static func reduce(_ lanes: SIMD4<Double>) -> Double {
    var largest = lanes[0]
    for lane in 1..<4 { largest = largerOrNaN(largest, lanes[lane]) }
    return largest
  }

  @inline(__always)
  static func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
  }

  @inline(__always)
  static func abs4(_ v: SIMD4<Double>) -> SIMD4<Double> {
    SIMD4<Double>(abs(v[0]), abs(v[1]), abs(v[2]), abs(v[3]))
  }
}
