import Formats
import Foundation

/// A peak found in a spectrum: starting values for a fit.
public struct FoundPeak: Sendable, Equatable, Codable {
  public var center: Double
  public var height: Double
  public var fwhm: Double

  public init(center: Double, height: Double, fwhm: Double) {
    self.center = center
    self.height = height
    self.fwhm = fwhm
  }
}

/// Peak search by the smoothed second derivative (the method of Savitzky & Golay, Anal. Chem. 36
/// (1964) 1627, used for peak location as in Mariscotti, Nucl. Instrum. Methods 50 (1967) 309):
/// - d²y/dx² from a least-squares quadratic over 2m + 1 points (m chosen from the strongest
///   feature's half-width in points unless given);
/// - a peak is a local minimum of the second derivative with −d² above `significance` times the
///   noise of d² (1.4826·median absolute deviation, robust against the peaks themselves) and
///   a height above `minRelativeHeight` of the strongest peak;
/// - its centre is the parabola through the three d² values at the minimum; its FWHM comes from
///   the zero crossings of d² either side, which a Gaussian has at ±σ: FWHM = 2√(2 ln2)·(distance/2);
/// - its height from the curvature, which neither a linear baseline nor a neighbour's flank
///   changes much: a Gaussian has d²y/dx² = −8 ln2·H/w² at its centre, so H = −d²·w²/(8 ln2).
/// Candidates closer than half a FWHM merge into the strongest. Returned in increasing x.
/// The x grid may be ascending or descending; spacing is taken as uniform within the window.
public enum PeakFinder {
  public static func find(x: [Double], y: [Double], halfWindow: Int? = nil, significance: Double = 4,
                          minRelativeHeight: Double = 0.02) throws -> [FoundPeak] {
    let n = x.count
    guard n >= 7, y.count == n else { throw InputError("peak search needs at least 7 points with x and y of equal length") }
    guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { throw InputError("the spectrum contains a non-finite value") }
    let order = x.indices.sorted { x[$0] < x[$1] }
    let xs = order.map { x[$0] }, ys = order.map { y[$0] }
    let h = (xs[n - 1] - xs[0]) / Double(n - 1)
    guard h > 0 else { throw InputError("peak search needs distinct x values") }
    let m = max(2, min(halfWindow ?? automaticHalfWindow(ys), (n - 1) / 3))
    let d2 = savitzkyGolay(ys, halfWindow: m, derivative: 2).map { $0 / (h * h) }
    let deviations = d2.map { abs($0 - median(d2)) }
    let noise = max(1.4826 * median(deviations), .leastNormalMagnitude)
    var peaks: [FoundPeak] = []
    for i in 1..<(n - 1) where d2[i] < d2[i - 1] && d2[i] <= d2[i + 1] && -d2[i] > significance * noise {
      // Parabolic vertex of d² through i − 1, i, i + 1.
      let denominator = d2[i - 1] - 2 * d2[i] + d2[i + 1]
      let shift = denominator > 0 ? 0.5 * (d2[i - 1] - d2[i + 1]) / denominator : 0
      let center = xs[i] + shift * h
      var left = i, right = i
      while left > 0 && d2[left] < 0 { left -= 1 }
      while right < n - 1 && d2[right] < 0 { right += 1 }
      let sigma = Double(right - left) * h / 2
      let fwhm = 2 * (2 * M_LN2).squareRoot() * sigma
      let height = -d2[i] * fwhm * fwhm / (8 * M_LN2)
      if height > 0 { peaks.append(FoundPeak(center: center, height: height, fwhm: fwhm)) }
    }
    // Noise splits one broad curvature minimum into several: keep the strongest of any candidates
    // closer than half a FWHM to each other.
    var kept: [FoundPeak] = []
    for p in peaks.sorted(by: { $0.height > $1.height })
    where !kept.contains(where: { abs($0.center - p.center) < 0.5 * max($0.fwhm, p.fwhm) }) {
      kept.append(p)
    }
    let strongest = kept.map(\.height).max() ?? 0
    return kept.filter { $0.height >= minRelativeHeight * strongest }.sorted { $0.center < $1.center }
  }

  /// Half the strongest feature's FWHM in points (its half-maximum above the median), ≥ 2.
  static func automaticHalfWindow(_ y: [Double]) -> Int {
    guard let top = y.indices.max(by: { y[$0] < y[$1] }) else { return 2 }
    let floor = median(y)
    let half = (y[top] + floor) / 2
    var l = top, r = top
    while l > 0 && y[l] > half { l -= 1 }
    while r < y.count - 1 && y[r] > half { r += 1 }
    return max(2, (r - l) / 2)
  }

  /// Savitzky–Golay quadratic smoothing (derivative 0) or second derivative per unit index
  /// (derivative 2) over 2m + 1 points; the ends reuse the first/last full window's fit.
  static func savitzkyGolay(_ y: [Double], halfWindow m: Int, derivative: Int) -> [Double] {
    let n = y.count
    // Quadratic least squares on j = −m…m with orthogonal basis 1, j, j² − S2/N.
    let count = Double(2 * m + 1)
    let s2 = (-m...m).reduce(0.0) { $0 + Double($1 * $1) }
    let q = (-m...m).map { Double($0 * $0) - s2 / count }
    let qq = q.reduce(0) { $0 + $1 * $1 }
    var out = [Double](repeating: 0, count: n)
    for i in 0..<n {
      let c = min(max(i, m), n - 1 - m)
      var a = 0.0, b = 0.0, cq = 0.0
      for j in -m...m {
        let v = y[c + j]
        a += v
        b += Double(j) * v
        cq += q[j + m] * v
      }
      a /= count
      b /= s2
      cq /= qq
      let t = Double(i - c)
      out[i] = derivative == 0 ? a + b * t + cq * (t * t - s2 / count) : 2 * cq
    }
    return out
  }

  static func median(_ v: [Double]) -> Double {
    guard !v.isEmpty else { return 0 }
    let s = v.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }
}

extension PeakModel {
  /// A model with one `shape` component per found peak (starting centre, FWHM and area from the
  /// search) over `background`, background parameters started from the data.
  public static func automatic(x: [Double], y: [Double], shape: LineShape, background: PeakBackground,
                               peaks: [FoundPeak]) -> PeakModel {
    var model = PeakModel(background: background)
    for p in peaks {
      let s = shape.defaultShapeValues(fwhm: p.fwhm)
      let w = shape.fwhmParameter(forFWHM: p.fwhm, shape: s)
      let height = max(p.height, .leastNormalMagnitude)
      let unit = shape.unitArea(fwhm: w, shape: s)
      let peakValue = shape.isExactFWHMAndHeight ? 1 : shape.metrics(amplitude: 1, center: 0, fwhm: w, shape: s).height
      let amplitude = unit.map { height / peakValue * $0 } ?? height / peakValue
      model.addPeak(shape, center: p.center, fwhm: w, amplitude: amplitude, shapeValues: s)
    }
    model.addBackgroundParameters(x: x, y: y)
    return model
  }
}
