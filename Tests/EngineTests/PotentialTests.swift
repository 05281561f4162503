import XCTest
@testable import Engine

final class PotentialTests: XCTestCase {
  /// σ(y) = σ0·contrast^(y/L) with Dirichlet electrodes: the current per unit width is
  /// ΔV/∫dy/σ, ∫dy/σ = L(1 − 1/contrast)/(σ0 ln contrast) (hand integral of an exponential).
  /// The harmonic-mean faces make the discrete resistance the trapezoid rule of ∫dy/σ, whose
  /// relative error (a·h)²/12 with a = ln(contrast)/L is 2e-4 at contrast 1e5 and Ny = 256.
  func testLayeredConductivityCurrentAndIterationsForContrasts() {
    let nx = 256, ny = 256, lx = 1.0, ly = 1.0, dv = 0.1, sigma0 = 2.0  // square cells
    var iterationCounts: [Int] = []
    for contrast in [1.0, 10, 1e3, 1e5] {
      var sigma = [Double](repeating: 0, count: nx * (ny + 1))
      for j in 0...ny {
        for i in 0..<nx { sigma[j * nx + i] = sigma0 * pow(contrast, Double(j) / Double(ny)) }
      }
      let solver = PotentialSolver(nx: nx, intervals: ny, lengthX: lx, lengthY: ly, tolerance: 1e-9)
      let result = solver.solve(sigma: sigma, source: [Double](repeating: 0, count: sigma.count),
                                bottom: 0, top: dv)
      XCTAssertTrue(result.converged)
      let resistance = contrast == 1 ? ly / sigma0 : ly * (1 - 1 / contrast) / (sigma0 * log(contrast))
      let current = solver.topCurrent(sigma: sigma, phi: result.phi) / lx
      XCTAssertEqual(current, dv / resistance, accuracy: 1e-3 * dv / resistance, "contrast \(contrast)")
      iterationCounts.append(result.iterations)
    }
    // Iterations do not grow with the contrast (contrast 1 starts from the exact linear
    // profile; from 10 to 1e5 the count may rise by at most 3).
    XCTAssertLessThanOrEqual(iterationCounts[3], iterationCounts[1] + 3, "\(iterationCounts)")
  }

  /// A conducting finger (a dendrite: a rod with a round tip, σ up to 1e5 times the electrolyte)
  /// standing on the bottom electrode: the multigrid-preconditioned CG count stays within a few
  /// iterations of the low-contrast case. (A floating inclusion, not connected to an electrode,
  /// is harder for this coarsening: see the report of the potential solver.)
  func testDendriteContrastIterationsBounded() {
    let n = 128
    var counts: [Int] = []
    for contrast in [10.0, 1e3, 1e5] {
      var sigma = [Double](repeating: 1, count: n * (n + 1))
      for j in 0...n {
        for i in 0..<n {
          let dx = Double(i - n / 2), dy = Double(j - 60)
          if (abs(dx) < 6 && j < 60) || dx * dx + dy * dy < 36 { sigma[j * n + i] = contrast }
        }
      }
      let solver = PotentialSolver(nx: n, intervals: n, lengthX: 1, lengthY: 1, tolerance: 1e-9)
      let result = solver.solve(sigma: sigma, source: [Double](repeating: 0, count: sigma.count),
                                bottom: -0.1, top: 0)
      XCTAssertTrue(result.converged)
      counts.append(result.iterations)
    }
    XCTAssertLessThanOrEqual(counts.max() ?? 99, counts[0] + 6, "\(counts)")
  }
}
