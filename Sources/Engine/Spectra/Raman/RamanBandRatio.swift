import Formats

/// The ratio of two fitted bands, by area or by height (e.g. the LPSC PS₄³⁻ band against a
/// degradation product's band).
///   r = a/b,  σᵣ = |r| √((σₐ/a)² + (σ_b/b)²)
/// with a and b the two components' areas (or heights) and σ their standard errors, taken as
/// independent (their covariance is ignored; when the two bands overlap strongly the true error can
/// be larger or smaller). A zero denominator or a failed fit is an error.
public enum RamanBandRatio {
  public enum Measure: String, Sendable, Equatable { case area, height }

  public static func ratio(_ result: PeakFitResult, numerator: String, denominator: String, by measure: Measure) throws -> Estimate {
    guard result.success else { throw InputError("the fit did not converge (\(result.fit.message)); no band ratio") }
    let names = result.components.map(\.name).joined(separator: ", ")
    guard let a = result.components.first(where: { $0.name == numerator }) else {
      throw InputError("no component \(numerator) (components: \(names))")
    }
    guard let b = result.components.first(where: { $0.name == denominator }) else {
      throw InputError("no component \(denominator) (components: \(names))")
    }
    return try ratio(measure == .area ? a.area : a.height, measure == .area ? b.area : b.height)
  }

  /// a/b with the propagated error (see the type's comment).
  public static func ratio(_ a: Estimate, _ b: Estimate) throws -> Estimate {
    guard b.value != 0, b.value.isFinite, a.value.isFinite else {
      throw InputError("band ratio: the denominator is \(b.value), the numerator \(a.value)")
    }
    let r = a.value / b.value
    let relA = a.value == 0 ? 0 : a.error / a.value
    let relB = b.error / b.value
    let error = a.value == 0 ? abs(a.error / b.value) : abs(r) * (relA * relA + relB * relB).squareRoot()
    return Estimate(r, error)
  }
}
