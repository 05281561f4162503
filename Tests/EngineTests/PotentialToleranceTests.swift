import XCTest
@testable import Engine

/// The default potential tolerance (`LiModelNumerics.potentialTolerance`) against a solve to
/// 1e-12: the potential it accepts must be right to far better than the thermal voltage
/// RT/F = 25.7 mV that sets every rate in the model (Butler–Volmer, migration).
final class PotentialToleranceTests: XCTestCase {
  /// A metal finger with a round tip standing on the bottom electrode (σ 1e5 times the
  /// electrolyte, the Li/electrolyte contrast of the presets' order) with a deposition source
  /// on its tip, −0.2 V applied: φ at the default tolerance, from a linear profile and warm-
  /// started from the solution without the source (a larger change than one step makes),
  /// differs from the tight φ by less than 1e-3·RT/F = 26 µV at every node, and by less than
  /// a tenth of what the source itself changes.
  func testDefaultToleranceIsFarBelowTheThermalVoltage() {
    let n = 256, applied = -0.2, thermalVoltage = 8.314462618 * 298.15 / 96485.33212
    var sigma = [Double](repeating: 1.19, count: n * (n + 1))
    var source = [Double](repeating: 0, count: n * (n + 1))
    for j in 0...n {
      for i in 0..<n {
        let dx = Double(i - n / 2), dy = Double(j - 120), tip = dx * dx + dy * dy
        if (abs(dx) < 12 && j < 120) || tip < 144 { sigma[j * n + i] = 1.19e5 }
        // the interface band of the tip, where ∂ξ/∂t ≠ 0: F·c_s·∂ξ/∂t = 7.4e9 A/m³ at 1 /s
        if tip >= 100 && tip < 196 && j >= 120 { source[j * n + i] = -7.4e9 }
      }
    }
    let length = 12.8e-6
    let loose = LiModelNumerics().potentialTolerance
    XCTAssertLessThanOrEqual(loose, 1e-6)
    let tight = PotentialSolver(nx: n, intervals: n, lengthX: length, lengthY: length, tolerance: 1e-12)
    let solver = PotentialSolver(nx: n, intervals: n, lengthX: length, lengthY: length, tolerance: loose)
    let reference = tight.solve(sigma: sigma, source: source, bottom: applied, top: 0)
    XCTAssertTrue(reference.converged)
    let sourceFree = tight.solve(sigma: sigma, source: [Double](repeating: 0, count: source.count),
                                 bottom: applied, top: 0)
    XCTAssertTrue(sourceFree.converged)
    let sourceEffect = zip(reference.phi, sourceFree.phi).map { abs($0 - $1) }.max() ?? 0
    for guess in [nil, sourceFree.phi] {
      let result = solver.solve(sigma: sigma, source: source, bottom: applied, top: 0, initialGuess: guess)
      XCTAssertTrue(result.converged)
      let error = zip(result.phi, reference.phi).map { abs($0 - $1) }.max() ?? 1
      XCTAssertLessThan(error, 1e-3 * thermalVoltage, "warm start: \(guess != nil)")
      XCTAssertLessThan(error, 0.1 * sourceEffect, "warm start: \(guess != nil), source effect \(sourceEffect)")
      print("potential tolerance \(loose): max|φ − φ_tight| = \(error) V, source effect \(sourceEffect) V,",
            "\(result.iterations) iterations, warm start: \(guess != nil)")
    }
  }
}
