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
  @inline(__always)
  static func exp4(_ x: SIMD4<Double>) -> SIMD4<Double> {
    // Literal constants in the body: static stored properties would be lazily initialised
    // globals, checked (swift_once) on every call.
    let log2e = 1.4426950408889634
    // ln 2 = head + tail; the head has 11 trailing zero bits, so k·head is exact
    let lnTwoHead = 6.93145751953125e-1, lnTwoTail = 1.42860682030941723212e-6
    // 1.5·2⁵²: adding it to |y| < 2⁵¹ rounds y to an integer held in the low mantissa bits
    let roundingShift = 6755399441055744.0
    let inRange = (x .>= -700) .& (x .<= 700)
    guard all(inRange) else {
      return SIMD4(Foundation.exp(x[0]), Foundation.exp(x[1]), Foundation.exp(x[2]), Foundation.exp(x[3]))
    }
    let shifted = x * log2e + roundingShift
    let k = shifted - roundingShift
    let r = (x - k * lnTwoHead) - k * lnTwoTail
    // 1/n!, n = 13 … 2
    var p = SIMD4<Double>(repeating: 1.6059043836821613e-10)
    p = p * r + 2.08767569878681e-09
    p = p * r + 2.505210838544172e-08
    p = p * r + 2.755731922398589e-07
    p = p * r + 2.7557319223985893e-06
    p = p * r + 2.48015873015873e-05
    p = p * r + 0.0001984126984126984
    p = p * r + 0.001388888888888889
    p = p * r + 0.008333333333333333
    p = p * r + 0.041666666666666664
    p = p * r + 0.16666666666666666
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    // 2^k built in the exponent field (|k| ≤ 1010 keeps the biased exponent in 13…2033)
    let integer = unsafeBitCast(shifted, to: SIMD4<UInt64>.self) &- roundingShift.bitPattern
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
