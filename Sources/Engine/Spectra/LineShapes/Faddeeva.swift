import Foundation

/// The Faddeeva function w(z) = e^(−z²) erfc(−iz) for z = x + iy with y ≥ 0 (the upper half-plane,
/// which is all the Voigt profile needs), by the algorithm of G. P. M. Poppe and C. M. J. Wijers,
/// "More efficient computation of the complex error function", ACM Trans. Math. Softw. 16 (1990)
/// 38–46 (ACM Algorithm 680), written from the paper's description:
/// - near the origin, (x/6.3)² + (y/4.4)² < 0.085264: the power series of erf, w = e^(−z²)(1 − erf(−iz));
/// - far from it, ρ² ≥ 1: Laplace's continued fraction w = (i/√π)/(z − ½/(z − 1/(z − …)));
/// - between: Gautschi's (1970) combination of the truncated Taylor series about z + ih with the
///   continued fraction for its coefficients.
/// The paper states 14 significant digits; the tests check 1e-10 relative against SciPy's wofz
/// (Steven G. Johnson's Faddeeva package) over the region the line shapes use.
/// Far out, |z| ≥ 6, where a Voigt fit spends most of its points, the asymptotic series
/// (`faddeevaAsymptotic`) replaces the continued fraction: a quarter of the cost, 1e-9 relative.
/// Returns (Re w, Im w). For y < 0 it returns the values for |y| (callers never need that half).
public func faddeeva(x: Double, y: Double) -> (re: Double, im: Double) {
  let xAbs = abs(x), yAbs = abs(y)
  if xAbs * xAbs + yAbs * yAbs >= 36 {
    let w = faddeevaAsymptotic(x: xAbs, y: yAbs)
    return (w.re, x < 0 ? -w.im : w.im)
  }
  return faddeevaPoppeWijers(x: x, y: y)
}

/// Poppe & Wijers' algorithm (see `faddeeva`) over the whole upper half-plane.
func faddeevaPoppeWijers(x: Double, y: Double) -> (re: Double, im: Double) {
  let twoOverSqrtPi = 1.12837916709551257388
  let xAbs = abs(x), yAbs = abs(y)
  let xs = xAbs / 6.3, ys = yAbs / 4.4
  var rho2 = xs * xs + ys * ys
  let xQuad = xAbs * xAbs - yAbs * yAbs
  let yQuad = 2 * xAbs * yAbs
  var u: Double
  var v: Double
  if rho2 < 0.085264 {
    // Power series of erf(z) summed by Horner's rule in z²; w = e^(−z²)·(1 − (2/√π)·z·S(z²)·(−i)).
    let q = (1 - 0.85 * ys) * rho2.squareRoot()
    let n = Int((6 + 72 * q).rounded())
    var j = 2 * n + 1
    var xSum = 1.0 / Double(j)
    var ySum = 0.0
    var i = n
    while i >= 1 {
      j -= 2
      let xAux = (xSum * xQuad - ySum * yQuad) / Double(i)
      ySum = (xSum * yQuad + ySum * xQuad) / Double(i)
      xSum = xAux + 1.0 / Double(j)
      i -= 1
    }
    let u1 = -twoOverSqrtPi * (xSum * yAbs + ySum * xAbs) + 1
    let v1 = twoOverSqrtPi * (xSum * xAbs - ySum * yAbs)
    let e = Foundation.exp(-xQuad)
    let u2 = e * Foundation.cos(yQuad)
    let v2 = -e * Foundation.sin(yQuad)
    u = u1 * u2 - v1 * v2
    v = u1 * v2 + v1 * u2
  } else {
    var h = 0.0
    var kappa = 0
    var nu: Int
    if rho2 > 1 {
      rho2 = rho2.squareRoot()
      nu = Int(3 + 1442 / (26 + 77 * rho2))
    } else {
      let q = (1 - ys) * (1 - rho2).squareRoot()
      h = 1.88 * q
      kappa = Int((7 + 34 * q).rounded())
      nu = Int((16 + 26 * q).rounded())
    }
    let useTaylor = h > 0
    let h2 = 2 * h
    var lambda = useTaylor ? Foundation.pow(h2, Double(kappa)) : 0
    var rx = 0.0, ry = 0.0, sx = 0.0, sy = 0.0
    var n = nu
    while n >= 0 {
      let np1 = Double(n + 1)
      var tx = yAbs + h + np1 * rx
      let ty = xAbs - np1 * ry
      let c = 0.5 / (tx * tx + ty * ty)
      rx = c * tx
      ry = c * ty
      if useTaylor && n <= kappa {
        tx = lambda + sx
        sx = rx * tx - ry * sy
        sy = ry * tx + rx * sy
        lambda /= h2
      }
      n -= 1
    }
    if useTaylor {
      u = twoOverSqrtPi * sx
      v = twoOverSqrtPi * sy
    } else {
      u = twoOverSqrtPi * rx
      v = twoOverSqrtPi * ry
    }
    if yAbs == 0 { u = Foundation.exp(-xAbs * xAbs) }
  }
  // w(−x + iy) = conj(w(x + iy)).
  if x < 0 { v = -v }
  return (u, v)
}

/// w(z) for |z| ≥ 6 in the upper half-plane (x ≥ 0, y ≥ 0) from the asymptotic series
/// w(z) ≈ (i/(√π z))·Σₖ (2k − 1)!!/(2z²)ᵏ, k = 0…10 (Abramowitz & Stegun 7.1.23 with w(z) =
/// e^(−z²) erfc(−iz)), plus e^(−z²) for y < 1: the series misses that term, which is Re w on the
/// real axis (e^(−x²)) and is below 1e-15 of |w| once y ≥ 1 here. The first omitted term bounds
/// the relative error: 21!!/72¹¹ ≈ 5e-11 at |z| = 6 (about 20× that for Re w near the real axis,
/// where Re w ∝ y). Summed by Horner's rule in u = 1/(2z²); no division but the one for 1/z.
@inline(__always)
func faddeevaAsymptotic(x: Double, y: Double) -> (re: Double, im: Double) {
  let inverseSqrtPi = 0.56418958354775628695
  // 1/z.
  let d = 1 / (x * x + y * y)
  let ar = x * d, ai = -y * d
  // u = (1/z)²/2.
  let ur = 0.5 * (ar * ar - ai * ai), ui = ar * ai
  // Coefficients (2k − 1)!! for k = 10 … 1, Horner from the highest.
  let coefficients: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double) =
    (654729075, 34459425, 2027025, 135135, 10395, 945, 105, 15, 3, 1)
  var sr = coefficients.0, si = 0.0
  func step(_ c: Double) {
    let tr = sr * ur - si * ui + c
    si = sr * ui + si * ur
    sr = tr
  }
  step(coefficients.1); step(coefficients.2); step(coefficients.3); step(coefficients.4)
  step(coefficients.5); step(coefficients.6); step(coefficients.7); step(coefficients.8)
  step(coefficients.9); step(1)
  // w = (i/√π)·(1/z)·S.
  let pr = ar * sr - ai * si, pi = ar * si + ai * sr
  var re = -inverseSqrtPi * pi
  let im = inverseSqrtPi * pr
  if y < 1 {
    // e^(−z²) = e^(y² − x²)·(cos 2xy − i sin 2xy); only its real part matters next to Im w.
    re += Foundation.exp(y * y - x * x) * Foundation.cos(2 * x * y)
  }
  return (re, im)
}

/// The scaled complementary error function erfcx(t) = e^(t²) erfc(t) = w(it) for real t, finite
/// where erfc underflows (the exponentially modified Gaussian's tail needs it).
public func scaledComplementaryErrorFunction(_ t: Double) -> Double {
  if t >= 0 { return faddeeva(x: 0, y: t).re }
  // erfcx(−s) = 2e^(s²) − erfcx(s).
  return 2 * Foundation.exp(t * t) - faddeeva(x: 0, y: -t).re
}
