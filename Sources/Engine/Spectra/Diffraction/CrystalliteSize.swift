import Formats
import Foundation

/// How an instrument's own line width is removed from a measured width (FWHM, degrees 2θ).
public enum InstrumentalBroadening: String, Sendable, Equatable {
  /// Both profiles Gaussian: β² = β_obs² − β_inst².
  case gaussian
  /// Both profiles Lorentzian: β = β_obs − β_inst.
  case lorentzian

  /// The sample's width; an error when the measured line is not broader than the instrument's.
  public func sampleWidth(observed: Double, instrumental: Double) throws -> Double {
    guard observed > 0, instrumental >= 0, observed.isFinite, instrumental.isFinite else {
      throw InputError("widths must be finite with observed > 0 and instrumental ≥ 0 (got \(observed)°, \(instrumental)°)")
    }
    guard observed > instrumental else {
      throw InputError("the line (FWHM \(observed)°) is not broader than the instrument (\(instrumental)°): no size can be derived")
    }
    switch self {
    case .gaussian: return (observed * observed - instrumental * instrumental).squareRoot()
    case .lorentzian: return observed - instrumental
    }
  }
}

/// Crystallite size and microstrain from diffraction line widths.
public enum CrystalliteSize {
  /// Bragg's law: d = λ / (2 sin θ), Å for λ in Å and 2θ in degrees (0 < 2θ < 180).
  public static func dSpacing(twoTheta: Double, wavelength: Double) throws -> Double {
    guard twoTheta > 0, twoTheta < 180, wavelength > 0 else {
      throw InputError("d-spacing needs 0 < 2θ < 180° and λ > 0 (got \(twoTheta)°, \(wavelength) Å)")
    }
    return wavelength / (2 * sin(twoTheta * Double.pi / 360))
  }

  /// Scherrer (P. Scherrer, Nachr. Ges. Wiss. Göttingen (1918) 98; Langford & Wilson, J. Appl.
  /// Cryst. 11 (1978) 102): the volume-weighted column length
  ///   D = K λ / (β cos θ),
  /// β the sample's FWHM in radians after removing the instrument's (`broadening`), K the shape
  /// factor (0.9 for FWHM and roughly equiaxed crystallites; 0.94 for cubes). D has λ's unit (Å).
  /// Strain broadening is ignored: D is a lower bound when strain is present.
  public static func scherrer(twoTheta: Double, fwhm: Double, instrumentalFWHM: Double = 0,
                              broadening: InstrumentalBroadening = .gaussian, wavelength: Double, k: Double = 0.9) throws -> Double {
    guard k > 0, k.isFinite else { throw InputError("the Scherrer constant K must be positive, got \(k)") }
    _ = try dSpacing(twoTheta: twoTheta, wavelength: wavelength)
    let beta = try broadening.sampleWidth(observed: fwhm, instrumental: instrumentalFWHM) * Double.pi / 180
    return k * wavelength / (beta * cos(twoTheta * Double.pi / 360))
  }

  public struct WilliamsonHall: Sendable, Equatable {
    /// Crystallite size D = Kλ/intercept, λ's unit (Å).
    public var size: Estimate
    /// Microstrain ε = slope (dimensionless; Δd/d).
    public var strain: Estimate
    public var intercept: Estimate
    public var slope: Estimate
    /// R² of the straight line.
    public var rSquared: Double
  }

  /// Williamson–Hall (G. K. Williamson & W. H. Hall, Acta Metall. 1 (1953) 22), uniform-strain form:
  ///   β cos θ = K λ / D + 4 ε sin θ,
  /// fitted by least squares as y = a + b·x with x = 4 sin θ, y = β cos θ (β in rad, instrument
  /// removed). Size D = Kλ/a, strain ε = b. Standard errors from the residuals (n − 2 degrees of
  /// freedom; with exactly 2 peaks they are NaN — reported as undefined, never as numbers). An
  /// intercept ≤ 0 (no finite size) is an error.
  public static func williamsonHall(peaks: [(twoTheta: Double, fwhm: Double)], instrumentalFWHM: Double = 0,
                                    broadening: InstrumentalBroadening = .gaussian, wavelength: Double,
                                    k: Double = 0.9) throws -> WilliamsonHall {
    guard peaks.count >= 2 else { throw InputError("Williamson–Hall needs at least 2 peaks, got \(peaks.count)") }
    var xs: [Double] = [], ys: [Double] = []
    for p in peaks {
      _ = try dSpacing(twoTheta: p.twoTheta, wavelength: wavelength)
      let theta = p.twoTheta * Double.pi / 360
      let beta = try broadening.sampleWidth(observed: p.fwhm, instrumental: instrumentalFWHM) * Double.pi / 180
      xs.append(4 * sin(theta)); ys.append(beta * cos(theta))
    }
    let n = Double(xs.count)
    let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
    let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    guard sxx > 0 else { throw InputError("Williamson–Hall needs peaks at different angles") }
    let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let b = sxy / sxx, a = my - b * mx
    let ssr = zip(xs, ys).reduce(0) { $0 + pow($1.1 - a - b * $1.0, 2) }
    let syy = ys.reduce(0) { $0 + ($1 - my) * ($1 - my) }
    let s2 = xs.count > 2 ? ssr / (n - 2) : .nan
    let sb = (s2 / sxx).squareRoot()
    let sa = (s2 * (1 / n + mx * mx / sxx)).squareRoot()
    guard a > 0 else { throw InputError("Williamson–Hall intercept \(a) ≤ 0: no finite crystallite size from these widths") }
    let size = k * wavelength / a
    return WilliamsonHall(size: Estimate(size, size * sa / a), strain: Estimate(b, sb), intercept: Estimate(a, sa),
                          slope: Estimate(b, sb), rSquared: syy > 0 ? 1 - ssr / syy : 1)
  }
}
