/// The smallest and largest value of a field and whether every value is finite, found in one
/// pass: a step checks ξ, c and φ for divergence and reports their extremes, and at 1024² three
/// separate passes per field (min, max, a finiteness test) cost a few milliseconds per step.
struct FieldExtremes: Sendable, Equatable {
  var minimum: Double
  var maximum: Double
  var allFinite: Bool

  /// Finiteness is read from Σ x·0, which is 0 for finite values and NaN as soon as one value is
  /// ±∞ or NaN; min/max then only describe a finite field (NaN would compare false everywhere).
  /// An empty field has minimum +∞, maximum −∞ and is finite.
  init(_ values: [Double]) {
    // four lanes: one running min, max and probe would each be a dependency chain
    var low = SIMD4<Double>(repeating: .infinity), high = SIMD4<Double>(repeating: -.infinity)
    var probe = SIMD4<Double>(repeating: 0)
    var tail = (low: Double.infinity, high: -Double.infinity, probe: 0.0)
    values.withUnsafeBufferPointer { v in
      guard let base = v.baseAddress else { return }
      let whole = v.count & ~3
      var k = 0
      while k < whole {
        let x = VectorReductions.load4(base + k)
        low = low.replacing(with: x, where: x .< low)
        high = high.replacing(with: x, where: x .> high)
        probe += x * 0
        k += 4
      }
      while k < v.count {
        let x = base[k]
        tail.low = x < tail.low ? x : tail.low
        tail.high = x > tail.high ? x : tail.high
        tail.probe += x * 0
        k += 1
      }
    }
    minimum = min(low.min(), tail.low)
    maximum = max(high.max(), tail.high)
    allFinite = probe.sum() + tail.probe == 0
  }
}
