import Formats

/// Normalisation of a Raman spectrum's intensities, so that spectra measured with different laser
/// powers or integration times can be compared:
/// - `maximum`: y / max y;
/// - `area`: y / ∫y dx (trapezoid rule over the spectrum's own x, taken as |∫| so that a descending
///   axis gives the same result as an ascending one);
/// - `band(center:halfWidth:)`: y / max{yᵢ : |xᵢ − center| ≤ halfWidth}, the height of a chosen band
///   (e.g. the PS₄³⁻ band of LPSC at ≈ 425 cm⁻¹), so that its top becomes 1.
/// The divisor must be positive and finite; otherwise it is an error (never a division by 0 or a
/// sign flip passed off as a normalised spectrum).
public enum RamanNormalisation: Sendable, Equatable {
  case maximum
  case area
  case band(center: Double, halfWidth: Double)

  /// The divisor for (x, y).
  public func divisor(x: [Double], y: [Double]) throws -> Double {
    guard x.count == y.count, y.count >= 2 else { throw InputError("normalisation needs x and y of equal length ≥ 2") }
    let d: Double
    switch self {
    case .maximum:
      d = y.max() ?? .nan
    case .area:
      var sum = 0.0
      for i in 1..<x.count { sum += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]) }
      d = abs(sum)
    case .band(let center, let halfWidth):
      guard halfWidth > 0, center.isFinite, halfWidth.isFinite else {
        throw InputError("band normalisation needs a finite centre and a positive half-width")
      }
      let inside = x.indices.filter { abs(x[$0] - center) <= halfWidth }
      guard !inside.isEmpty else { throw InputError("no point within \(halfWidth) of the band at \(center)") }
      d = inside.map { y[$0] }.max() ?? .nan
    }
    guard d > 0, d.isFinite else { throw InputError("the normalisation divisor (\(self)) is \(d), not a positive number") }
    return d
  }

  public func apply(x: [Double], y: [Double]) throws -> [Double] {
    let d = try divisor(x: x, y: y)
    return y.map { $0 / d }
  }
}
