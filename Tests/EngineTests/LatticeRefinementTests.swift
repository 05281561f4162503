import XCTest
@testable import Engine
import Formats

/// Lattice refinement from indexed peaks, and the phase-match figure of merit.
final class LatticeRefinementTests: XCTestCase {
  let lambda = 1.540562

  /// 2θ (degrees) by Bragg's law from a d-spacing.
  func twoTheta(_ d: Double) -> Double { 2 * asin(lambda / (2 * d)) * 180 / .pi }

  /// Exact hexagonal positions (1/d² = 4(h² + hk + k²)/3a² + l²/c²) give back a and c.
  func testHexagonalLiCoO2CellIsRecoveredFromExactPositions() throws {
    let (a, c) = (2.8200, 14.1000)
    let hkls = [(0, 0, 3), (1, 0, 1), (0, 1, 2), (1, 0, 4), (1, 0, 5), (1, 0, 7), (1, 0, 8), (1, 1, 0), (1, 1, 3)]
    let peaks = hkls.map { h, k, l -> LatticeRefinement.IndexedPeak in
      let inv = 4.0 * Double(h * h + h * k + k * k) / (3 * a * a) + Double(l * l) / (c * c)
      return .init(h: h, k: k, l: l, twoTheta: twoTheta(1 / inv.squareRoot()))
    }
    let fit = try LatticeRefinement(peaks: peaks, system: .hexagonal, wavelength: lambda)
    XCTAssertEqual(fit.a, a, accuracy: 1e-9)
    XCTAssertEqual(fit.c, c, accuracy: 1e-8)
    XCTAssertEqual(fit.b, fit.a)
    XCTAssertLessThan(try XCTUnwrap(fit.standardDeviation), 1e-8)
  }

  /// Cubic with scattered positions: the estimate and its standard error against an independent
  /// one-parameter least squares done here (Newton on Σ r² with finite-difference derivatives).
  func testCubicEstimateAndStandardErrorAgainstAnIndependentFit() throws {
    let a0 = 9.8200
    let hkls = [(1, 1, 1), (2, 0, 0), (2, 2, 0), (3, 1, 1), (2, 2, 2), (4, 2, 2), (5, 1, 1), (4, 4, 0), (6, 2, 0)]
    let noise = [0.012, -0.008, 0.005, -0.011, 0.009, -0.004, 0.007, -0.010, 0.003]
    let observed = zip(hkls, noise).map { hkl, e in
      twoTheta(a0 / Double(hkl.0 * hkl.0 + hkl.1 * hkl.1 + hkl.2 * hkl.2).squareRoot()) + e
    }
    let peaks = zip(hkls, observed).map { LatticeRefinement.IndexedPeak(h: $0.0, k: $0.1, l: $0.2, twoTheta: $1) }
    let fit = try LatticeRefinement(peaks: peaks, system: .cubic, wavelength: lambda)

    func model(_ a: Double) -> [Double] {
      hkls.map { twoTheta(a / Double($0.0 * $0.0 + $0.1 * $0.1 + $0.2 * $0.2).squareRoot()) }
    }
    var a = 9.85
    let step = 1e-6
    var jacobian: [Double] = []
    for _ in 0..<20 {
      let r = zip(observed, model(a)).map { $0 - $1 }
      jacobian = zip(model(a + step), model(a - step)).map { ($0 - $1) / (2 * step) }
      a += zip(jacobian, r).reduce(0) { $0 + $1.0 * $1.1 } / jacobian.reduce(0) { $0 + $1 * $1 }
    }
    let residuals = zip(observed, model(a)).map { $0 - $1 }
    let s = (residuals.reduce(0) { $0 + $1 * $1 } / Double(hkls.count - 1)).squareRoot()
    let sigma = s / jacobian.reduce(0) { $0 + $1 * $1 }.squareRoot()
    XCTAssertEqual(fit.a, a, accuracy: 1e-8)
    XCTAssertEqual(try XCTUnwrap(fit.aError), sigma, accuracy: 1e-3 * sigma)
    XCTAssertEqual(try XCTUnwrap(fit.standardDeviation), s, accuracy: 1e-6)
    XCTAssertEqual(fit.a, a0, accuracy: 5 * sigma)
  }

  func testUnderdeterminedRefinementsAreErrors() {
    let flat = [(1, 0, 0), (1, 1, 0), (2, 0, 0)].map { LatticeRefinement.IndexedPeak(h: $0.0, k: $0.1, l: $0.2, twoTheta: 20 + Double($0.0 + $0.1) * 5) }
    XCTAssertThrowsError(try LatticeRefinement(peaks: flat, system: .hexagonal, wavelength: lambda)) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("determine every lattice parameter") ?? false, "\(error)")
    }
    XCTAssertThrowsError(try LatticeRefinement(peaks: [], system: .cubic, wavelength: lambda))
    XCTAssertThrowsError(try LatticeRefinement(peaks: [.init(h: 1, k: 1, l: 1, twoTheta: 200)], system: .cubic, wavelength: lambda))
  }

  func testCrystalSystemOfACell() throws {
    XCTAssertEqual(LatticeRefinement.system(of: try CIFReaderTests.example("Li6PS5Cl.cif").cell), .cubic)
    XCTAssertEqual(LatticeRefinement.system(of: try CIFReaderTests.example("LiCoO2.cif").cell), .hexagonal)
    XCTAssertEqual(LatticeRefinement.system(of: try CIFReaderTests.example("TiO2-rutile.cif").cell), .tetragonal)
    XCTAssertNil(LatticeRefinement.system(of: try CIFReaderTests.example("ZrO2-monoclinic.cif").cell))
  }

  /// A phase's own strong lines score near 1; another phase's lines score low.
  func testPhaseMatchRanksTheRightPhase() throws {
    let settings = PowderPatternSettings(wavelength: lambda, twoThetaMax: 70)
    let lpsc = try CIFReaderTests.example("Li6PS5Cl.cif").powderPattern(settings)
    let lco = try CIFReaderTests.example("LiCoO2.cif").powderPattern(settings)
    let observed = lpsc.peaks.filter { $0.intensity >= 10 }.map { $0.twoTheta + 0.01 }
    let own = try lpsc.matchScore(observed: observed, tolerance: 0.2, minimumIntensity: 10)
    XCTAssertEqual(own.matchedObserved, observed.count)
    XCTAssertEqual(own.coverage, 1, accuracy: 1e-12)
    XCTAssertEqual(own.meanOffset, 0.01, accuracy: 1e-9)
    XCTAssertEqual(own.figureOfMerit, 1 - 0.01 / 0.2, accuracy: 1e-9)
    let other = try lco.matchScore(observed: observed, tolerance: 0.2, minimumIntensity: 10)
    XCTAssertLessThan(other.figureOfMerit, 0.2)
    XCTAssertThrowsError(try lpsc.matchScore(observed: [], tolerance: 0.2))
  }
}
