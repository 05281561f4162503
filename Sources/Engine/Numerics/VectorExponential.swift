import Foundation

/// e^x on four lanes at once, for the Butler–Volmer factors of the phase-field step (one or two
/// exponentials per node, a million per step at 1024²: the library's scalar `exp` took about a
/// fifth of the ξ evaluation).
///
/// Method: x = k·ln 2 + r with k = round(x/ln 2) and r reduced in two parts (Cody–Waite: ln 2
/// split into a head whose product with any |k| ≤ 1100 is exact, and a tail), so
/// |r| ≤ ln 2 / 2 ≈ 0.347; e^r by its Taylor polynomial of degree 13 (the first omitted term,
/// r¹⁴/14!, is below 4e-18 relative) in Horner form; then the exponent field of the result is
/// set to k. Accuracy: within 2 ulp of the correctly rounded value for |x| ≤ 700 (tested
/// against `Foundation.exp`). Lanes outside that range, and NaN, take the library's `exp`, so
/// overflow, underflow, subnormals and NaN behave exactly as the scalar function.
enum VectorExponential {
  private static let log2e = 1.4426950408889634
  /// ln 2 = lnTwoHead + lnTwoTail; the head has 11 trailing zero bits, so k·head is exact.
  private static let lnTwoHead = 6.93145751953125e-1
  private static let lnTwoTail = 1.42860682030941723212e-6
  /// 1.5·2⁵²: adding it to |y| < 2⁵¹ rounds y to an integer held in the low mantissa bits.
  private static let roundingShift = 6755399441055744.0
  private static let shiftBits = SIMD4<UInt64>(repeating: roundingShift.bitPattern)
  /// 1/n! for n = 13 down to 2 (Horner from the highest degree).
  private static let inverseFactorials: [Double] = (2...13).reversed().map { n in
    1 / (1...n).reduce(1.0) { $0 * Double($1) }
  }
  private static let c13 = inverseFactorials[0], c12 = inverseFactorials[1], c11 = inverseFactorials[2]
  private static let c10 = inverseFactorials[3], c9 = inverseFactorials[4], c8 = inverseFactorials[5]
  private static let c7 = inverseFactorials[6], c6 = inverseFactorials[7], c5 = inverseFactorials[8]
  private static let c4 = inverseFactorials[9], c3 = inverseFactorials[10], c2 = inverseFactorials[11]

  @inline(__always)
  static func exp4(_ x: SIMD4<Double>) -> SIMD4<Double> {
    let inRange = (x .>= -700) .& (x .<= 700)
    guard all(inRange) else {
      return SIMD4(Foundation.exp(x[0]), Foundation.exp(x[1]), Foundation.exp(x[2]), Foundation.exp(x[3]))
    }
    // k = round(x/ln 2) by the 1.5·2⁵² shift: the sum's low mantissa bits hold k
    let shifted = x * log2e + roundingShift
    let k = shifted - roundingShift
    let r = (x - k * lnTwoHead) - k * lnTwoTail
    var p = SIMD4<Double>(repeating: c13)
    p = p * r + c12
    p = p * r + c11
    p = p * r + c10
    p = p * r + c9
    p = p * r + c8
    p = p * r + c7
    p = p * r + c6
    p = p * r + c5
    p = p * r + c4
    p = p * r + c3
    p = p * r + c2
    p = p * r + 1
    p = p * r + 1
    // 2^k built in the exponent field (|k| ≤ 1010 keeps the biased exponent in 13…2033)
    let integer = unsafeBitCast(shifted, to: SIMD4<UInt64>.self) &- shiftBits
    let scale = unsafeBitCast((integer &+ 1023) &<< 52, to: SIMD4<Double>.self)
    return p * scale
  }

  /// out[i] = e^(factor·x[i]) for i < count (a tail shorter than four lanes uses `exp4` on a
  /// padded copy, so every value is computed the same way).
  static func exponentials(of x: UnsafePointer<Double>, times factor: Double, count: Int,
                           into out: UnsafeMutablePointer<Double>) {
    let whole = count & ~3
    var i = 0
    while i < whole {
      let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self)
      UnsafeMutableRawPointer(out + i).storeBytes(of: exp4(factor * v), as: SIMD4<Double>.self)
      i += 4
    }
    if i < count {
      var padded = SIMD4<Double>(repeating: 0)
      for lane in 0..<(count - i) { padded[lane] = x[i + lane] }
      let values = exp4(factor * padded)
      for lane in 0..<(count - i) { out[i + lane] = values[lane] }
    }
  }
}
