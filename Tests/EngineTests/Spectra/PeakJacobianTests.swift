import Foundation
import Testing
@testable import Engine

/// The analytic Jacobian of a peak model (`PeakModelKernel`) against central differences of the
/// model's reporting path (`PeakModel.curves`, which evaluates every shape through `unitProfile`
/// and `unitArea`, a separate implementation), and the fit it drives against the numerical one.
@Suite struct PeakJacobianTests {
  /// Central-difference Jacobian of `model`'s residuals, step 1e-6 of each parameter's magnitude.
  static func centralDifferences(_ model: FitModel, at p: [Double]) -> Matrix {
    var j = Matrix(rows: model.residualCount, columns: p.count)
    for k in p.indices {
      let h = 1e-6 * max(abs(p[k]), 1e-3)
      var plus = p, minus = p
      plus[k] += h
      minus[k] -= h
      let rp = model.residuals(plus), rm = model.residuals(minus)
      for i in 0..<model.residualCount { j[i, k] = (rp[i] - rm[i]) / (plus[k] - minus[k]) }
    }
    return j
  }

  /// Checks analytic = numeric residuals (1e-12 relative) and Jacobian columns (1e-6 relative to
  /// each column's largest entry).
  static func checkJacobian(_ request: PeakFitRequest, shapes: String) throws {
    let prepared = try request.prepare()
    let kernel = try #require(prepared.kernel, "no analytic kernel for \(shapes)")
    let analytic = request.analyticMinimizerModel(prepared, kernel: kernel)
    let numeric = request.numericalMinimizerModel(prepared)
    let p = request.minimizerParameters(prepared).values
    let ra = analytic.residuals(p), rn = numeric.residuals(p)
    let scale = rn.map(abs).max() ?? 1
    for i in ra.indices { #expect(abs(ra[i] - rn[i]) <= 1e-12 * scale, "\(shapes): residual \(i)") }
    let jacobian = try #require(analytic.jacobian)
    let ja = jacobian(p)
    let jn = centralDifferences(numeric, at: p)
    let names = request.minimizerParameters(prepared).names
    // The Jacobian reuses the Faddeeva values of the residuals just computed; a fresh kernel
    // (nothing cached) must give the same numbers.
    let fresh = try #require(try request.prepare().kernel)
    let v = request.expand(p, prepared)
    #expect(fresh.derivatives(v) == kernel.derivatives(v), "\(shapes): cached and fresh Jacobians differ")
    for k in p.indices {
      let column = (0..<ja.rows).map { abs(jn[$0, k]) }.max() ?? 0
      #expect(column > 0, "\(shapes): \(names[k]) has an empty column")
      var worst = 0.0
      for i in 0..<ja.rows { worst = max(worst, abs(ja[i, k] - jn[i, k])) }
      #expect(worst <= 1e-6 * column, "\(shapes): ∂r/∂\(names[k]) differs by \(worst / column) (relative)")
    }
  }

  @Test func everyAnalyticShapeMatchesCentralDifferences() throws {
    let x = (0..<240).map { 280 + 0.05 * Double($0) }
    let y = x.map { 100 + 40 * exp(-($0 - 285) * ($0 - 285)) }
    for shape in [LineShape.gaussian, .lorentzian, .pseudoVoigt, .glSum, .voigt] {
      var model = PeakModel(background: .polynomial(degree: 2))
      model.addPeak(shape, center: 284.3, fwhm: 1.1, amplitude: 700)
      model.addPeak(shape, center: 287.9, fwhm: 0.8, amplitude: 300)
      model.parameters += [PeakParameter("bg.a0", value: 90), PeakParameter("bg.a1", value: 2.5), PeakParameter("bg.a2", value: -0.3)]
      try Self.checkJacobian(PeakFitRequest(x: x, y: y, model: model), shapes: shape.rawValue)
    }
  }

  @Test func tiesAndTheActiveShirleyGoThroughTheChainRule() throws {
    // A Ti 2p-like doublet (offset, area ratio and a floating FWHM ratio) of Voigts on an active
    // Shirley step, with per-point weights.
    let x = (0..<300).map { 470 - 0.05 * Double($0) }
    let y = x.map { 100 + 30 * exp(-($0 - 460) * ($0 - 460)) }
    var model = PeakModel(background: .activeShirley(.towardHigherX))
    model.addDoublet(.voigt, kind: .p, center: 459.8, splitting: 5.7, fwhm: 1.3, area: 800, fwhmRatio: 1.2,
                     fwhmRatioFloats: true)
    model.addPeak(.pseudoVoigt, center: 462.0, fwhm: 1.0, amplitude: 100)
    model.parameters += [PeakParameter("bg.base", value: 100), PeakParameter("bg.k", value: 0.05)]
    let weights = x.indices.map { 1 / (1 + 0.01 * Double($0)) }
    try Self.checkJacobian(PeakFitRequest(x: x, y: y, model: model, weights: weights), shapes: "voigt doublet + active Shirley")

    // Kα1/Kα2 pair: the Kα2 position follows 2θ₁ through asin.
    let tt = (0..<200).map { 30 + 0.01 * Double($0) }
    var xrd = PeakModel(background: .polynomial(degree: 0))
    xrd.addKAlphaPair(.pseudoVoigt, twoTheta: 30.9, fwhm: 0.12, area: 50)
    xrd.parameters += [PeakParameter("bg.a0", value: 10)]
    try Self.checkJacobian(PeakFitRequest(x: tt, y: tt.map { _ in 10 }, model: xrd), shapes: "Kα pair")
  }

  @Test func kAlpha2TieDerivativeIsTheAsinChainRule() {
    let tie = PeakParameter.Tie.kAlpha2("p1.center", wavelengthRatio: 1.5444 / 1.5406)
    for angle in [20.0, 45.0, 90.0, 140.0] {
      let h = 1e-5
      let numeric = (tie.value(from: angle + h) - tie.value(from: angle - h)) / (2 * h)
      #expect(abs(tie.derivative(from: angle) - numeric) <= 1e-8 * abs(numeric))
    }
    #expect(PeakParameter.Tie.offset("a", 5.7).derivative(from: 3) == 1)
    #expect(PeakParameter.Tie.ratio("a", 0.5).derivative(from: 3) == 0.5)
    #expect(tie.derivative(from: 179.9).isNaN)  // no Kα2 line beyond 2θ = 180°
  }

  @Test func shapesWithoutAnalyticDerivativesKeepTheNumericalJacobian() throws {
    let x = (0..<100).map { Double($0) * 0.1 }
    var model = PeakModel(background: .none)
    model.addPeak(.voigt, center: 4, fwhm: 1, amplitude: 10)
    model.addPeak(.pearsonVII, center: 6, fwhm: 1, amplitude: 10)
    let prepared = try PeakFitRequest(x: x, y: x, model: model).prepare()
    #expect(prepared.kernel == nil)
  }

  @Test func analyticAndNumericalFitsReachTheSameMinimum() throws {
    // Three Voigts on a Shirley step (the bench's model, smaller), fitted both ways from one start.
    let x = (0..<300).map { 292 - 0.05 * Double($0) }
    var truth = PeakModel(background: .polynomial(degree: 0))
    truth.addPeak(.voigt, center: 284.8, fwhm: 1.0, amplitude: 900, shapeValues: [0.3])
    truth.addPeak(.voigt, center: 286.4, fwhm: 1.1, amplitude: 400, shapeValues: [0.4])
    truth.addPeak(.voigt, center: 288.6, fwhm: 1.2, amplitude: 200, shapeValues: [0.2])
    truth.parameters += [PeakParameter("bg.a0", value: 150)]
    let clean = try truth.curves(x: x).total
    let y = zip(clean, PeakFitTests.noise(x.count, sigma: 3, seed: 11)).map { $0 + $1 }
    var start = PeakModel(background: .shirley(.towardHigherX))
    start.addPeak(.voigt, center: 284.6, fwhm: 1.2, amplitude: 800)
    start.addPeak(.voigt, center: 286.6, fwhm: 1.2, amplitude: 300)
    start.addPeak(.voigt, center: 288.4, fwhm: 1.2, amplitude: 250)
    let request = PeakFitRequest(x: x, y: y, model: start)
    let prepared = try request.prepare()
    let parameters = request.minimizerParameters(prepared)
    let analytic = Minimizer(model: request.analyticMinimizerModel(prepared, kernel: try #require(prepared.kernel))).minimize(parameters)
    let numeric = Minimizer(model: request.numericalMinimizerModel(prepared)).minimize(parameters)
    #expect(analytic.success && numeric.success)
    #expect(abs(analytic.chiSquare - numeric.chiSquare) <= 1e-6 * numeric.chiSquare,
            "χ² analytic \(analytic.chiSquare), numeric \(numeric.chiSquare)")
    for k in parameters.values.indices {
      #expect(abs(analytic.parameters.values[k] - numeric.parameters.values[k]) <= 1e-3 * max(numeric.standardErrors[k], 1e-9),
              "\(parameters.names[k])")
    }
  }
}

/// The asymptotic series that `faddeeva` uses for |z| ≥ 6 against Poppe & Wijers' continued
/// fraction (the same function's other branch, 14 digits by its paper), across and beyond the
/// switch; the SciPy values in `LineShapeTests` check both branches independently.
@Suite struct FaddeevaAsymptoticTests {
  @Test func seriesMatchesTheContinuedFractionBeyondRadiusSix() {
    var worstRe = 0.0, worstIm = 0.0
    var whereRe = (0.0, 0.0)
    for y in [0, 1e-9, 1e-4, 0.05, 0.3, 1, 2.5, 5.9] {
      for radius in stride(from: 6.0, through: 40, by: 0.37) where radius > y {
        let x = (radius * radius - y * y).squareRoot()
        for sign in [1.0, -1.0] {
          let fast = faddeeva(x: sign * x, y: y)
          let reference = faddeevaPoppeWijers(x: sign * x, y: y)
          // Near the real axis Re w ∝ y is far below |w|, and both branches hold it only to about
          // ε|w| absolutely: below y = 1e-4 the difference is measured against |w| (the SciPy
          // values below check Re w itself there).
          let reScale = y >= 1e-4 ? reference.re : abs(reference.im)
          if reference.re > 1e-280, abs(fast.re - reference.re) / reScale > worstRe {
            worstRe = abs(fast.re - reference.re) / reScale
            whereRe = (sign * x, y)
          }
          worstIm = max(worstIm, abs(fast.im - reference.im) / abs(reference.im))
        }
      }
    }
    #expect(worstRe <= 1e-8, "Re w: worst relative difference \(worstRe) at z = \(whereRe.0) + \(whereRe.1)i")
    #expect(worstIm <= 1e-9, "Im w: worst relative difference \(worstIm)")
  }

  @Test func seriesMatchesSciPyNearTheRealAxis() {
    // (x, y, Re w, Im w) from scipy.special.wofz, SciPy 1.17.1.
    let reference: [(Double, Double, Double, Double)] = [
      (6, 1e-9, 1.637557248609972e-11, 0.09539620896911122),
      (6, 1e-4, 1.6375340531071784e-06, 0.09539620894055287),
      (8, 1e-9, 9.030620816181578e-12, 0.0710881117444815),
      (12, 0.05, 0.00019797257009844107, 0.04717994501254482),
      (6.5, 0.3, 0.004147839736875699, 0.08766556234726357),
      (30, 1e-9, 6.279250241310934e-13, 0.018816784868660726),
    ]
    for (x, y, re, im) in reference {
      let w = faddeeva(x: x, y: y)
      #expect(abs(w.re - re) <= 1e-8 * re, "Re w(\(x) + \(y)i) = \(w.re), SciPy \(re)")
      #expect(abs(w.im - im) <= 1e-10 * im, "Im w(\(x) + \(y)i) = \(w.im), SciPy \(im)")
    }
  }
}
