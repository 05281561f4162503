import Foundation

/// A complex number in Cartesian form. Impedance work needs only a handful of operations
/// (arithmetic, powers of jω, square roots, tanh, log), so this is a small value type rather than
/// a dependency. Named `ComplexNumber` so it cannot clash with a `Complex` from another module.
public struct ComplexNumber: Equatable, Sendable, CustomStringConvertible {
  public var re: Double
  public var im: Double

  @inlinable public init(_ re: Double, _ im: Double = 0) {
    self.re = re
    self.im = im
  }

  public static let zero = ComplexNumber(0, 0)
  public static let one = ComplexNumber(1, 0)
  public static let i = ComplexNumber(0, 1)

  @inlinable public var magnitude: Double { hypot(re, im) }
  @inlinable public var magnitudeSquared: Double { re * re + im * im }
  /// The argument in radians, in (−π, π].
  @inlinable public var phase: Double { atan2(im, re) }
  @inlinable public var conjugate: ComplexNumber { ComplexNumber(re, -im) }
  @inlinable public var isFinite: Bool { re.isFinite && im.isFinite }

  public var description: String { "\(re)\(im < 0 ? "-" : "+")\(Swift.abs(im))j" }

  @inlinable public static func + (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber { ComplexNumber(a.re + b.re, a.im + b.im) }
  @inlinable public static func - (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber { ComplexNumber(a.re - b.re, a.im - b.im) }
  @inlinable public static prefix func - (a: ComplexNumber) -> ComplexNumber { ComplexNumber(-a.re, -a.im) }
  @inlinable public static func * (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber {
    ComplexNumber(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
  }
  @inlinable public static func * (a: Double, b: ComplexNumber) -> ComplexNumber { ComplexNumber(a * b.re, a * b.im) }
  @inlinable public static func * (a: ComplexNumber, b: Double) -> ComplexNumber { ComplexNumber(a.re * b, a.im * b) }
  @inlinable public static func / (a: ComplexNumber, b: Double) -> ComplexNumber { ComplexNumber(a.re / b, a.im / b) }
  /// Smith's algorithm: avoids overflow when |b| is very large or very small (capacitances of
  /// 1e-11 F at 0.1 Hz give |Z| ~ 1e11).
  @inlinable public static func / (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber {
    if Swift.abs(b.re) >= Swift.abs(b.im) {
      let r = b.im / b.re
      let d = b.re + b.im * r
      return ComplexNumber((a.re + a.im * r) / d, (a.im - a.re * r) / d)
    } else {
      let r = b.re / b.im
      let d = b.re * r + b.im
      return ComplexNumber((a.re * r + a.im) / d, (a.im * r - a.re) / d)
    }
  }
  @inlinable public static func / (a: Double, b: ComplexNumber) -> ComplexNumber { ComplexNumber(a) / b }
  @inlinable public static func += (a: inout ComplexNumber, b: ComplexNumber) { a = a + b }
  @inlinable public static func -= (a: inout ComplexNumber, b: ComplexNumber) { a = a - b }
  @inlinable public static func *= (a: inout ComplexNumber, b: ComplexNumber) { a = a * b }

  /// exp(z) = e^re (cos im + j sin im).
  @inlinable public static func exp(_ z: ComplexNumber) -> ComplexNumber {
    let m = Foundation.exp(z.re)
    return ComplexNumber(m * cos(z.im), m * sin(z.im))
  }

  /// Principal logarithm: ln|z| + j arg z.
  @inlinable public static func log(_ z: ComplexNumber) -> ComplexNumber {
    ComplexNumber(Foundation.log(z.magnitude), z.phase)
  }

  /// Principal square root (branch cut on the negative real axis), computed without cancellation.
  @inlinable public static func sqrt(_ z: ComplexNumber) -> ComplexNumber {
    if z.re == 0 && z.im == 0 { return .zero }
    let m = z.magnitude
    if z.re >= 0 {
      let t = Foundation.sqrt((m + z.re) / 2)
      return ComplexNumber(t, z.im / (2 * t))
    } else {
      let t = Foundation.sqrt((m - z.re) / 2)
      return ComplexNumber(Swift.abs(z.im) / (2 * t), z.im >= 0 ? t : -t)
    }
  }

  /// z^p for real p on the principal branch: |z|^p e^{j p arg z}.
  @inlinable public static func pow(_ z: ComplexNumber, _ p: Double) -> ComplexNumber {
    if z.re == 0 && z.im == 0 { return p == 0 ? .one : .zero }
    let m = Foundation.pow(z.magnitude, p)
    let a = z.phase * p
    return ComplexNumber(m * cos(a), m * sin(a))
  }

  /// (jω)^p = ω^p (cos(pπ/2) + j sin(pπ/2)) exactly, without going through atan2.
  @inlinable public static func powImaginary(omega: Double, _ p: Double) -> ComplexNumber {
    let m = Foundation.pow(omega, p)
    let a = p * Double.pi / 2
    return ComplexNumber(m * cos(a), m * sin(a))
  }

  /// tanh(z) = (sinh 2a + j sin 2b)/(cosh 2a + cos 2b) for z = a + jb; saturates to ±1 for
  /// |a| > 20 instead of overflowing.
  @inlinable public static func tanh(_ z: ComplexNumber) -> ComplexNumber {
    if Swift.abs(z.re) > 20 { return ComplexNumber(z.re > 0 ? 1 : -1, 0) }
    let d = cosh(2 * z.re) + cos(2 * z.im)
    return ComplexNumber(sinh(2 * z.re) / d, sin(2 * z.im) / d)
  }
}
