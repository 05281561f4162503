import Foundation

/// Axis ticks at "nice" numbers: 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for
/// graph labels", Graphics Gems, 1990), and decades for logarithmic axes.
public enum NiceTicks {
  /// The nice number near `x > 0`. Rounded: the mantissa f of x = f·10^e goes to 1 (f < 1.5),
  /// 2 (f < 3), 5 (f < 7), else 10. Not rounded: the smallest of 1, 2, 5, 10 that is ≥ f.
  public static func niceNumber(_ x: Double, round: Bool) -> Double {
    guard x.isFinite, x > 0 else { return 1 }
    // The tolerance keeps 0.7 (= 6.999…·10⁻¹ in binary) and 1000 (log10 = 2.999…) on the
    // side of the threshold they are meant to be on.
    let exponent = floor(log10(x) + 1e-12)
    let power = pow(10, exponent)
    let fraction = x / power
    let tolerance = 1e-9
    let nice: Double
    if round {
      nice = fraction < 1.5 - tolerance ? 1 : fraction < 3 - tolerance ? 2 : fraction < 7 - tolerance ? 5 : 10
    } else {
      nice = fraction <= 1 + tolerance ? 1 : fraction <= 2 + tolerance ? 2 : fraction <= 5 + tolerance ? 5 : 10
    }
    return nice * power
  }

  /// The tick step for about `maxCount` ticks over [min, max]:
  /// step = niceNumber(niceNumber(max − min, round: false) / (maxCount − 1), round: true).
  public static func step(min: Double, max: Double, maxCount: Int) -> Double {
    // An empty range still gets a step on the scale of its value.
    let width = max - min > 0 ? max - min : (min != 0 && min.isFinite ? abs(min) : 1)
    let span = niceNumber(width, round: false)
    return niceNumber(span / Double(Swift.max(1, maxCount - 1)), round: true)
  }

  /// Multiples of `step` that lie within [min, max] (a relative tolerance of 1e-9 of the step
  /// admits ends that are multiples up to rounding).
  public static func ticks(min: Double, max: Double, step: Double) -> [Double] {
    guard min.isFinite, max.isFinite, step.isFinite, step > 0, max >= min,
      abs(min / step) < 1e15, abs(max / step) < 1e15
    else { return [] }
    let first = Int((min / step - 1e-9).rounded(.up))
    let last = Int((max / step + 1e-9).rounded(.down))
    guard last >= first, last - first < 10_000 else { return [] }
    return (first...last).map { Double($0) * step }
  }

  /// Linear ticks over [min, max], at most about `maxCount` of them.
  public static func linear(min: Double, max: Double, maxCount: Int) -> (ticks: [Double], step: Double) {
    let s = step(min: min, max: max, maxCount: maxCount)
    return (ticks(min: min, max: max, step: s), s)
  }

  /// [min, max] widened outwards to the nearest ticks, so automatic axes end on a labelled tick.
  public static func looseBounds(min: Double, max: Double, maxCount: Int) -> ClosedRange<Double> {
    let s = step(min: min, max: max, maxCount: maxCount)
    guard abs(min / s) < 1e15, abs(max / s) < 1e15 else { return min...Swift.max(max, min + 1) }
    let lower = (min / s + 1e-9).rounded(.down) * s
    let upper = (max / s - 1e-9).rounded(.up) * s
    return lower...Swift.max(upper, lower + s)
  }

  /// Ticks for a log₁₀ axis over [min, max] (both > 0): every decade 10^k inside the range, or
  /// every n-th decade when there are more than `maxCount`. A range holding fewer than two
  /// decades gets 1-2-5 ticks (1, 2, 5, 10, 20, …) instead.
  public static func logarithmic(min: Double, max: Double, maxCount: Int) -> [Double] {
    guard min > 0, max >= min, min.isFinite, max.isFinite else { return [] }
    let lowDecade = Int((log10(min) - 1e-9).rounded(.up))
    let highDecade = Int((log10(max) + 1e-9).rounded(.down))
    let count = highDecade - lowDecade + 1
    if count >= 2 {
      let stride = Swift.max(1, Int((Double(count) / Double(Swift.max(1, maxCount))).rounded(.up)))
      return (lowDecade...highDecade).filter { $0 % stride == 0 }.map { pow(10, Double($0)) }
    }
    var result: [Double] = []
    let startExponent = Int(floor(log10(min))) - 1
    let endExponent = Int(floor(log10(max))) + 1
    for k in startExponent...endExponent {
      for m in [1.0, 2.0, 5.0] {
        let v = m * pow(10, Double(k))
        if v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9) { result.append(v) }
      }
    }
    if result.count > Swift.max(2, maxCount) {
      result = result.filter { v in
        let mantissa = v / pow(10, floor(log10(v) + 1e-9))
        return abs(mantissa - 1) < 1e-6
      }
    }
    return result
  }
}
