/// The smallest and largest value of a field and whether every value is finite, found in one
/// pass: a step checks ξ, c and φ for divergence and reports their extremes, and at 1024² three
/// separate passes per field (min, max, a finiteness test) cost a few milliseconds per step.
struct FieldRange: Sendable, Equatable {
  var minimum: Double
  var maximum: Double
  var allFinite: Bool

  /// Finiteness is read from Σ x·0, which is 0 for finite values and NaN as soon as one value is
  /// ±∞ or NaN; min/max then only describe a finite field (NaN would compare false everywhere).
  /// An empty field has minimum +∞, maximum −∞ and is finite.
  init(_ values: [Double]) {
    var low = Double.infinity, high = -Double.infinity, probe = 0.0
    values.withUnsafeBufferPointer { v in
      for x in v {
        low = x < low ? x : low
        high = x > high ? x : high
        probe += x * 0
      }
    }
    minimum = low
    maximum = high
    allFinite = probe == 0
  }
}
