import Foundation

/// What a person reads off a Nyquist and Bode plot before fitting: where the spectrum meets the
/// real axis at high frequency, the arcs (apex frequency and size), and how the low-frequency end
/// behaves. These seed the automatic initial guess.
public struct SpectrumFeatures: Sendable {
  /// One arc: the apex of −Z'' against log f.
  public struct Arc: Sendable {
    public var apexFrequency: Double
    public var height: Double
    /// Estimated diameter (Ω): the span of Z' between the neighbouring minima of −Z'', or 2.75×
    /// the height (a depressed arc with n ≈ 0.8) when that span is not usable.
    public var diameter: Double
  }

  public var minimumFrequency: Double
  public var maximumFrequency: Double
  /// Z' where the spectrum meets the real axis at high frequency (the ohmic resistance).
  public var highFrequencyIntercept: Double
  /// Z' at the lowest frequency.
  public var lowFrequencyReal: Double
  /// −Z'' at the lowest frequency.
  public var lowFrequencyMinusImaginary: Double
  /// Inductance implied by a positive Z'' at the highest frequency (H), 0 when capacitive.
  public var highFrequencyInductance: Double
  /// Arcs from high to low frequency.
  public var arcs: [Arc]
  /// The largest |Z| in the spectrum.
  public var scale: Double

  public init(_ s: ImpedanceSpectrum) {
    let order = (0..<s.count).sorted { s.frequencies[$0] > s.frequencies[$1] }
    let f = order.map { s.frequencies[$0] }
    let zr = order.map { s.real[$0] }
    let mzi = order.map { -s.imaginary[$0] }
    let n = f.count
    minimumFrequency = f.last ?? 1
    maximumFrequency = f.first ?? 1
    scale = (0..<n).map { hypot(zr[$0], mzi[$0]) }.max() ?? 1
    if n == 0 {
      highFrequencyIntercept = 0
      lowFrequencyReal = 0
      lowFrequencyMinusImaginary = 0
      highFrequencyInductance = 0
      arcs = []
      return
    }
    // Ohmic intercept: the first sign change of −Z'' from negative (inductive) to positive,
    // interpolated; otherwise the smallest Z' of the high-frequency half.
    var intercept: Double?
    for i in 0..<(n - 1) where mzi[i] <= 0 && mzi[i + 1] > 0 {
      let t = -mzi[i] / (mzi[i + 1] - mzi[i])
      intercept = zr[i] + t * (zr[i + 1] - zr[i])
      break
    }
    let upper = zr.prefix(max(1, n / 2))
    highFrequencyIntercept = max(intercept ?? (upper.min() ?? 0), 0)
    lowFrequencyReal = zr[n - 1]
    lowFrequencyMinusImaginary = mzi[n - 1]
    highFrequencyInductance = mzi[0] < 0 ? -mzi[0] / (2 * Double.pi * f[0]) : 0
    // Arcs: local maxima of a 3-point smoothed −Z'' that rise above their surroundings.
    var smooth = mzi
    if n >= 3 { for i in 1..<(n - 1) { smooth[i] = (mzi[i - 1] + 2 * mzi[i] + mzi[i + 1]) / 4 } }
    var found: [Arc] = []
    var lastMinimum = 0
    var i = 1
    while i < n - 1 {
      if smooth[i] > 0 && smooth[i] >= smooth[i - 1] && smooth[i] > smooth[i + 1] {
        var j = i + 1
        while j < n - 1 && smooth[j + 1] <= smooth[j] { j += 1 }
        let left = zr[lastMinimum], right = zr[j]
        let span = right - left
        let height = mzi[i]
        let diameter = span > 0.5 * height && span < 10 * height ? span : 2.75 * height
        found.append(Arc(apexFrequency: f[i], height: height, diameter: diameter))
        lastMinimum = j
        i = j
      }
      i += 1
    }
    arcs = found
  }
}
