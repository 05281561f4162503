import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct XRDLineProfileTests {
  private let cu1 = 1.540562, cu2 = 1.544390

  /// Gaussian of height 1000 and FWHM 0.1° at `centre`.
  private func peak(_ x: Double, _ centre: Double) -> Double {
    1000 * exp(-4 * log(2.0) * (x - centre) * (x - centre) / 0.01)
  }

  /// 2θ₁ of the Kα1 line whose Kα2 line is at 2θ (Bragg's law at fixed d).
  private func alpha1Angle(_ twoTheta: Double) -> Double {
    2 * asin(cu1 / cu2 * sin(twoTheta * .pi / 360)) * 180 / .pi
  }

  @Test func rachingerLeavesASingleKAlpha1Peak() throws {
    // Kα1 peaks at 30° and 70° on a background b = 20 (Kα1 part); the measured pattern is
    // I(2θ) = I₁(2θ) + ½ I₁(2θ₁(2θ)), so the background reads 1.5 b = 30.
    let x = (0..<12000).map { 20 + Double($0) * 0.005 }
    let kAlpha1 = x.map { 20 + peak($0, 30) + peak($0, 70) }
    let measured = x.map { v in 20 + peak(v, 30) + peak(v, 70) + 0.5 * (20 + peak(alpha1Angle(v), 30) + peak(alpha1Angle(v), 70)) }
    let stripped = try KAlpha2Stripping.strip(twoTheta: x, intensity: measured, kAlpha1: cu1, kAlpha2: cu2)
    // After the first Kα1–Kα2 separation (< 0.1° here) every point is back to Kα1 alone, to the
    // linear-interpolation error (step 0.005° on a 0.1° FWHM: below 0.5 % of the height).
    var worst = 0.0
    for i in x.indices where x[i] > 21 { worst = max(worst, abs(stripped[i] - kAlpha1[i])) }
    #expect(worst < 5)
    // Where the Kα2 peak of the 70° line sat (2θ₂ = 2 asin(λ₂/λ₁ sin 35°) ≈ 70.19°) nothing is left.
    let twoTheta2 = 2 * asin(cu2 / cu1 * sin(35 * Double.pi / 180)) * 180 / .pi
    let i2 = x.indices.min { abs(x[$0] - twoTheta2) < abs(x[$1] - twoTheta2) } ?? 0
    #expect(measured[i2] - 30 > 400)  // the doublet was resolved there: ≈ ½·1000 above 1.5 b
    #expect(abs(stripped[i2] - 20) < 5)
    #expect(throws: InputError.self) { try KAlpha2Stripping.strip(twoTheta: [30, 29], intensity: [1, 1], kAlpha1: cu1, kAlpha2: cu2) }
    #expect(throws: InputError.self) { try KAlpha2Stripping.strip(twoTheta: [30, 31], intensity: [1, 1], kAlpha1: cu2, kAlpha2: cu1) }
    #expect(throws: InputError.self) { try KAlpha2Stripping.strip(twoTheta: [30, 31], intensity: [1], kAlpha1: cu1, kAlpha2: cu2) }
  }

  @Test func braggAndScherrerByHand() throws {
    // Si (111) of NIST SRM 640 at 28.4427° with Cu Kα1: d = a/√3 = 5.43102/√3 = 3.13560 Å.
    #expect(abs(try CrystalliteSize.dSpacing(twoTheta: 28.4427, wavelength: cu1) - 3.13560) < 2e-4)
    // 2θ = 40°, FWHM 0.5°, instrument 0.1°: Gaussian β = √(0.25 − 0.01) = 0.4898979°,
    // D = 0.9·1.540562/(0.0085503 rad · cos 20°) = 172.565067540033 Å; Lorentzian β = 0.4° → 211.34818145099857 Å.
    let g = try CrystalliteSize.scherrer(twoTheta: 40, fwhm: 0.5, instrumentalFWHM: 0.1, broadening: .gaussian, wavelength: cu1)
    let l = try CrystalliteSize.scherrer(twoTheta: 40, fwhm: 0.5, instrumentalFWHM: 0.1, broadening: .lorentzian, wavelength: cu1)
    #expect(abs(g - 172.565067540033) < 1e-9)
    #expect(abs(l - 211.34818145099857) < 1e-9)
    #expect(throws: InputError.self) { try CrystalliteSize.scherrer(twoTheta: 40, fwhm: 0.1, instrumentalFWHM: 0.1, wavelength: cu1) }
    #expect(throws: InputError.self) { try CrystalliteSize.dSpacing(twoTheta: 0, wavelength: cu1) }
  }

  @Test func williamsonHallRecoversSizeAndStrain() throws {
    // Widths built from D = 300 Å and ε = 0.002: β = Kλ/(D cos θ) + 4ε tan θ (rad), convolved
    // (Gaussian) with a 0.05° instrument.
    let angles: [Double] = [25, 38, 45, 62, 78, 95]
    let peaks = angles.map { t -> (twoTheta: Double, fwhm: Double) in
      let theta = t * .pi / 360
      let beta = (0.9 * cu1 / (300 * cos(theta)) + 4 * 0.002 * tan(theta)) * 180 / .pi
      return (t, (beta * beta + 0.05 * 0.05).squareRoot())
    }
    let r = try CrystalliteSize.williamsonHall(peaks: peaks, instrumentalFWHM: 0.05, broadening: .gaussian, wavelength: cu1)
    #expect(abs(r.size.value - 300) < 1e-8 && abs(r.strain.value - 0.002) < 1e-12)
    #expect(r.size.error < 1e-8 && abs(r.rSquared - 1) < 1e-12)
    // Widths falling with angle give a line through a negative intercept: an error, not a size.
    #expect(throws: InputError.self) {
      try CrystalliteSize.williamsonHall(peaks: [(20, 0.02), (80, 0.5)], wavelength: cu1)
    }
  }
}
