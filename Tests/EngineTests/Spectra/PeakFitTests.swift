import Foundation
import Testing
@testable import Engine

/// Peak fits: synthetic spectra with known parameters and deterministic noise (SplitMix64), and
/// one real diffraction peak against Fityk.
@Suite struct PeakFitTests {
  /// Noise of standard deviation σ, reproducible.
  static func noise(_ count: Int, sigma: Double, seed: UInt64) -> [Double] {
    var g = SplitMix64(seed: seed)
    return (0..<count).map { _ in sigma * g.normal() }
  }

  @Test func twoVoigtsOnALineAreRecoveredWithinTheirErrors() throws {
    let x = (0..<400).map { 280 + 0.025 * Double($0) }
    var truth = PeakModel(background: .polynomial(degree: 1))
    truth.addPeak(.voigt, center: 284.8, fwhm: 1.0, amplitude: 500, shapeValues: [0.4])
    truth.addPeak(.voigt, center: 286.3, fwhm: 1.2, amplitude: 200, shapeValues: [0.4])
    truth.parameters += [PeakParameter("bg.a0", value: 50), PeakParameter("bg.a1", value: 3)]
    let clean = try truth.curves(x: x).total
    let y = zip(clean, Self.noise(x.count, sigma: 2, seed: 42)).map { $0 + $1 }

    var start = PeakModel(background: .polynomial(degree: 1))
    start.addPeak(.voigt, center: 284.6, fwhm: 1.3, amplitude: 400)
    start.addPeak(.voigt, center: 286.5, fwhm: 1.0, amplitude: 250)
    start.addBackgroundParameters(x: x, y: y)
    let result = fitPeaks(PeakFitRequest(x: x, y: y, model: start))
    #expect(result.success, "\(result.fit.message)")
    for name in ["p1.center", "p1.area", "p1.fwhm", "p2.center", "p2.area", "bg.a0", "bg.a1"] {
      let fitted = try #require(result.parameters[name])
      let expected = try #require(truth[name]).value
      #expect(abs(fitted.value - expected) <= 4 * fitted.error, "\(name): \(fitted.value) ± \(fitted.error), truth \(expected)")
      #expect(fitted.error > 0 && fitted.error.isFinite)
    }
    // The noise was σ = 2, so the reduced χ² is near 4 and R² near 1.
    #expect(abs(result.reducedChiSquare - 4) < 1)
    #expect(result.rSquared > 0.999)
    let percent = result.components.map(\.areaPercent.value)
    #expect(abs(percent.reduce(0, +) - 100) < 1e-9)
    // The reported area of a Voigt given by its area is that area, with the same error.
    #expect(abs(result.components[0].area.value - result.parameters["p1.area"]!.value) < 1e-9)
    #expect(abs(result.components[0].area.error - result.parameters["p1.area"]!.error) < 1e-4 * result.components[0].area.error)
  }

  @Test func titaniumDoubletKeepsItsSplittingAndRatio() throws {
    // Ti 2p (Ti⁴⁺, the study's 460.08 / 465.77 eV) as a GL(30) doublet, 2p½ 1.3× broader, on an
    // active Shirley step; the fit frees the FWHM ratio.
    let x = (0..<300).map { 470 - 0.05 * Double($0) }
    var truth = PeakModel(background: .activeShirley(.towardHigherX))
    truth.addDoublet(.glProduct, kind: .p, center: 460.08, splitting: 5.7, fwhm: 1.1, area: 1000, fwhmRatio: 1.3,
                     fwhmRatioFloats: true)
    truth.parameters += [PeakParameter("bg.base", value: 100), PeakParameter("bg.k", value: 0.05)]
    let clean = try truth.curves(x: x).total
    let y = zip(clean, Self.noise(x.count, sigma: 3, seed: 7)).map { $0 + $1 }
    var start = PeakModel(background: .activeShirley(.towardHigherX))
    start.addDoublet(.glProduct, kind: .p, center: 459.8, splitting: 5.7, fwhm: 1.3, area: 800, fwhmRatio: 1,
                     fwhmRatioFloats: true)
    start.addBackgroundParameters(x: x, y: y)
    let result = fitPeaks(PeakFitRequest(x: x, y: y, model: start))
    #expect(result.success, "\(result.fit.message)")
    let lower = result.components[0], upper = result.components[1]
    #expect(abs(upper.center.value - lower.center.value - 5.7) < 1e-9)
    #expect(abs(upper.area.value / lower.area.value - 0.5) < 1e-9)
    #expect(abs(lower.area.value - 1000) <= 4 * lower.area.error)
    #expect(abs(lower.center.value - 460.08) <= 4 * lower.center.error)
    let ratio = result.parameters["p1_1/2.fwhm"]!.value / result.parameters["p1_3/2.fwhm"]!.value
    #expect(abs(ratio - 1.3) < 0.1)
    // The tied centre's error equals its target's (offset tie).
    #expect(abs(upper.center.error - lower.center.error) < 1e-6 * lower.center.error)
    #expect(abs(result.parameters["bg.k"]!.value - 0.05) <= 4 * result.parameters["bg.k"]!.error)
  }

  @Test func kAlphaPairPositionsFollowTheWavelengths() throws {
    var model = PeakModel(background: .none)
    model.addKAlphaPair(.pseudoVoigt, twoTheta: 43.2, fwhm: 0.1, area: 10)
    let a1 = try #require(model["p1_ka1.center"]), tie = try #require(model["p1_ka2.center"]?.tie)
    // 2θ₂ = 2 asin((1.544426/1.540598)·sin 21.6°), by hand: 43.3133… (Bragg's law at fixed d).
    let expected = 2 * asin(1.544426 / 1.540598 * sin(21.6 * Double.pi / 180)) * 180 / Double.pi
    #expect(abs(tie.value(from: a1.value) - expected) < 1e-12)
    #expect(abs(expected - 43.3133) < 1e-3)
    let curves = try model.curves(x: [43.2])
    #expect(curves.components.count == 2)
  }

  @Test func automaticPeaksStartAFitWithoutHelp() throws {
    let x = (0..<600).map { 100 + Double($0) }
    var truth = PeakModel(background: .polynomial(degree: 1))
    truth.addPeak(.lorentzian, center: 195, fwhm: 8, amplitude: 3000)
    truth.addPeak(.lorentzian, center: 425, fwhm: 10, amplitude: 9000)
    truth.addPeak(.lorentzian, center: 600, fwhm: 12, amplitude: 4000)
    truth.parameters += [PeakParameter("bg.a0", value: 200), PeakParameter("bg.a1", value: 0.1)]
    let y = zip(try truth.curves(x: x).total, Self.noise(600, sigma: 4, seed: 3)).map { $0 + $1 }
    let found = try PeakFinder.find(x: x, y: y)
    #expect(found.count == 3)
    for (p, c) in zip(found, [195.0, 425, 600]) { #expect(abs(p.center - c) < 2) }
    let model = PeakModel.automatic(x: x, y: y, shape: .lorentzian, background: .polynomial(degree: 1), peaks: found)
    let result = fitPeaks(PeakFitRequest(x: x, y: y, model: model))
    #expect(result.success)
    for (k, c) in [195.0, 425, 600].enumerated() {
      #expect(abs(result.components[k].center.value - c) <= 4 * result.components[k].center.error)
    }
  }

  @Test func seriesTracksADriftingBand() throws {
    // A Raman band drifting 420 → 428 cm⁻¹ over five spectra, width and area fixed by construction.
    let x = (0..<300).map { 350 + 0.5 * Double($0) }
    let centers = [420.0, 422, 424, 426, 428]
    let spectra = centers.enumerated().map { k, c -> (x: [Double], y: [Double]) in
      let noise = Self.noise(x.count, sigma: 1, seed: UInt64(100 + k))
      return (x, zip(x, noise).map { 20 + 400 * exp(-4 * log(2.0) * ($0 - c) * ($0 - c) / 64) + $1 })
    }
    var model = PeakModel(background: .polynomial(degree: 0))
    model.addPeak(.gaussian, center: 419, fwhm: 9, amplitude: 3000)
    model.addBackgroundParameters(x: x, y: spectra[0].y)
    let results = fitPeakSeries(spectra, model: model)
    #expect(results.count == 5)
    for (r, c) in zip(results, centers) {
      #expect(r.success)
      #expect(abs(r.components[0].center.value - c) <= 4 * r.components[0].center.error)
    }
  }

  @Test func failedFitIsAResult() {
    var model = PeakModel(background: .none)
    model.addPeak(.gaussian, center: 1, fwhm: 1, amplitude: 1)
    let result = fitPeaks(PeakFitRequest(x: [0, 1], y: [1, 2], model: model))
    #expect(!result.success)
    #expect(result.fit.message.contains("at least 3"))
    var tied = model
    tied["p1.fwhm"]?.tie = .ratio("p9.fwhm", 1)
    let bad = fitPeaks(PeakFitRequest(x: [0, 1, 2, 3], y: [1, 2, 1, 0], model: tied))
    #expect(!bad.success && bad.fit.message.contains("p9.fwhm"))
  }

  @Test func observerCanStopTheFit() {
    var model = PeakModel(background: .none)
    model.addPeak(.gaussian, center: 4, fwhm: 2, amplitude: 1)
    let x = (0..<50).map { Double($0) / 5 }
    let y = x.map { 3 * exp(-4 * log(2.0) * ($0 - 5) * ($0 - 5)) }
    let result = fitPeaks(PeakFitRequest(x: x, y: y, model: model), observer: FitObserver { _ in .stop })
    #expect(result.fit.stopped && !result.success)
  }

  /// Zn (101) of Fityk's sample powder pattern (fityk 1.3.2, /usr/share/fityk/samples/SiC_Zn.dat,
  /// Cu Kα, GPL-2, © Marcin Wojdyr), 2θ 42.6…44.2°, 81 points.
  static let zinc101: [(Double, Double)] = [
    (42.6, 123), (42.62, 124), (42.64, 117), (42.66, 125), (42.68, 152), (42.7, 141), (42.72, 141),
    (42.74, 171), (42.76, 181), (42.78, 172), (42.8, 181), (42.82, 180), (42.84, 238), (42.86, 200),
    (42.88, 248), (42.9, 292), (42.92, 295), (42.94, 307), (42.96, 362), (42.98, 406), (43.0, 461),
    (43.02, 491), (43.04, 524), (43.06, 626), (43.08, 607), (43.1, 733), (43.12, 786), (43.14, 854),
    (43.16, 900), (43.18, 893), (43.2, 926), (43.22, 907), (43.24, 858), (43.26, 836), (43.28, 772),
    (43.3, 731), (43.32, 702), (43.34, 622), (43.36, 549), (43.38, 462), (43.4, 398), (43.42, 404),
    (43.44, 347), (43.46, 294), (43.48, 277), (43.5, 251), (43.52, 231), (43.54, 224), (43.56, 212),
    (43.58, 202), (43.6, 166), (43.62, 136), (43.64, 152), (43.66, 146), (43.68, 131), (43.7, 136),
    (43.72, 121), (43.74, 107), (43.76, 118), (43.78, 99), (43.8, 99), (43.82, 95), (43.84, 74),
    (43.86, 77), (43.88, 82), (43.9, 75), (43.92, 91), (43.94, 69), (43.96, 64), (43.98, 59), (44.0,
    48), (44.02, 52), (44.04, 53), (44.06, 63), (44.08, 66), (44.1, 58), (44.12, 47), (44.14, 62),
    (44.16, 53), (44.18, 55), (44.2, 58)
  ]

  @Test func gaussianOnAZincPeakAgreesWithFityk() throws {
    // cfityk 1.3.2, `set default_sigma = one` (unit weights), F = Linear + Gaussian, LM fit:
    //   Gaussian height 759.36635674 ± 9.58850575475, center 43.2036231293 ± 0.00218932794773,
    //   hwhm 0.182405477955 ± 0.00301873642298 (Fityk's width is the HWHM), Area 294.88415328;
    //   Linear a0 2564.97684744 ± 322.028254983, a1 −56.4825590548 ± 7.38490866649;
    //   WSSR 54630.0870304, DoF 76, R2 0.990367551669.
    let x = Self.zinc101.map(\.0), y = Self.zinc101.map(\.1)
    var model = PeakModel(background: .polynomial(degree: 1))
    model.addPeak(.gaussian, center: 43.2, fwhm: 0.3, amplitude: 300)
    model.addBackgroundParameters(x: x, y: y)
    let r = fitPeaks(PeakFitRequest(x: x, y: y, model: model))
    #expect(r.success)
    let g = r.components[0]
    #expect(abs(g.height.value - 759.36635674) < 1e-5)
    #expect(abs(g.center.value - 43.2036231293) < 1e-8)
    #expect(abs(g.fwhm.value - 2 * 0.182405477955) < 1e-8)
    #expect(abs(g.area.value - 294.88415328) < 1e-5)
    #expect(abs(g.height.error - 9.58850575475) < 1e-4 * 9.58850575475)
    #expect(abs(g.center.error - 0.00218932794773) < 1e-4 * 0.00218932794773)
    #expect(abs(g.fwhm.error - 2 * 0.00301873642298) < 1e-4 * 2 * 0.00301873642298)
    // Our line is a0 + a1·(x − 43.4): slope the same, intercept moved to the window's middle.
    #expect(abs(r.parameters["bg.a1"]!.value - -56.4825590548) < 1e-5)
    #expect(abs(r.parameters["bg.a1"]!.error - 7.38490866649) < 1e-4 * 7.38490866649)
    #expect(abs(r.parameters["bg.a0"]!.value - (2564.97684744 - 56.4825590548 * 43.4)) < 1e-4)
    #expect(abs(r.chiSquare - 54630.0870304) < 1e-4)
    #expect(abs(r.rSquared - 0.990367551669) < 1e-10)
  }
}
