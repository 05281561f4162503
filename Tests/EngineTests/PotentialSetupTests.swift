import XCTest
@testable import Engine

/// The potential solver's per-step setup against its definitions: the multigrid hierarchy set
/// up from the compact finest level (`GalerkinCoarsening`) against the general (index, weight)
/// transfers and Galerkin product, and the extrapolated warm start against polynomials in time.
final class PotentialSetupTests: XCTestCase {
  private func randomField(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
  }

  /// Conductivity with a contrast of 1e4 (random islands), on a grid that coarsens 3 times
  /// (32 × 48 intervals down to 4 × 6).
  private func contrastLevel(nx: Int, intervals: Int) -> PotentialLevel {
    let solver = PotentialSolver(nx: nx, intervals: intervals, lengthX: 1, lengthY: 1.5)
    let sigma = randomField(nx * (intervals + 1), seed: 31).map { $0 > 0.2 ? 1e4 : 1 + $0 }
    return solver.finestLevel(sigma: sigma)
  }

  /// Every level's operator and transfer weights of the fast setup equal those of the general
  /// definitions: the weights exactly on the finest level (same sums in the same order), the
  /// coarse operators to rounding (their sums are taken in another order; with a contrast of
  /// 1e4 the centre cancels terms 1e4 times larger than the result, so rounding of 1e-16 per
  /// term shows as ~1e-12 of the largest coefficient), on a non-square grid with the periodic
  /// wrap in every coarse row.
  func testFastSetupMatchesGeneralDefinitions() {
    let fine = contrastLevel(nx: 32, intervals: 48)
    let fast = Multigrid(fine: fine), reference = Multigrid(reference: fine)
    XCTAssertEqual(fast.levels.count, reference.levels.count)
    XCTAssertEqual(fast.levels.count, 4)
    for index in 1..<fast.levels.count {
      let a = fast.levels[index].coefficients, b = reference.levels[index].coefficients
      XCTAssertEqual(a.count, b.count, "level \(index)")
      let scale = b.map(abs).max() ?? 0
      XCTAssertGreaterThan(scale, 0)
      XCTAssertLessThan((zip(a, b).map { abs($0 - $1) }.max() ?? 1) / scale, 1e-10, "level \(index)")
    }
    // the transfers, through what they do to a vector
    for index in 0..<fast.transfers.count {
      let fineCount = fast.levels[index].count
      let vector = randomField(fineCount, seed: UInt64(37 + index))
      var ra: [Double] = [], rb: [Double] = []
      fast.transfers[index].restrict(vector, into: &ra)
      reference.transfers[index].restrict(vector, into: &rb)
      let exact = index == 0
      let error = zip(ra, rb).map { abs($0 - $1) }.max() ?? 1
      if exact { XCTAssertEqual(ra, rb, "finest weights") } else { XCTAssertLessThan(error, 1e-10, "level \(index)") }
    }
    // and the whole preconditioner
    let rhs = randomField(fine.count, seed: 41)
    var za: [Double] = [], zb: [Double] = []
    fast.vCycle(rhs, into: &za)
    reference.vCycle(rhs, into: &zb)
    let scale = zb.map(abs).max() ?? 0
    XCTAssertGreaterThan(scale, 0)
    XCTAssertLessThan((zip(za, zb).map { abs($0 - $1) }.max() ?? 1) / scale, 1e-9)
  }

  private func state(_ potentials: [[Double]], dts: [Double]) -> LiModelState {
    var s = LiModelState(xi: [0, 0], concentration: [0, 0], potential: potentials[0], nextDt: 1)
    if potentials.count > 1 {
      s.previousPotential = potentials[1]
      s.previousDt = dts[0]
    }
    if potentials.count > 2 {
      s.olderPotential = potentials[2]
      s.olderDt = dts[1]
    }
    return s
  }

  /// The warm start reproduces a potential that is a polynomial in time of the order it
  /// extrapolates with: φ(t) = a + b·t + c·t² from t = 0.5, 0.8, 1.2 (unequal steps 0.3, 0.4)
  /// to 1.6 (hand values below); a + b·t from two levels; φⁿ from one.
  func testExtrapolationIsExactForPolynomialsInTime() {
    func phi(_ t: Double) -> [Double] { [0.1 - 0.02 * t + 0.03 * t * t, -0.2 + 0.05 * t - 0.01 * t * t] }
    let quadratic = LiModel.extrapolatedPotential(state([phi(1.2), phi(0.8), phi(0.5)], dts: [0.4, 0.3]), dt: 0.4)
    // φ(1.6) = (0.1 − 0.032 + 0.0768, −0.2 + 0.08 − 0.0256)
    XCTAssertEqual(quadratic[0], 0.1448, accuracy: 1e-14)
    XCTAssertEqual(quadratic[1], -0.1456, accuracy: 1e-14)
    func line(_ t: Double) -> [Double] { [0.1 - 0.02 * t, -0.2 + 0.05 * t] }
    let linear = LiModel.extrapolatedPotential(state([line(1.2), line(0.8)], dts: [0.4]), dt: 0.25)
    XCTAssertEqual(linear[0], 0.1 - 0.02 * 1.45, accuracy: 1e-14)
    XCTAssertEqual(linear[1], -0.2 + 0.05 * 1.45, accuracy: 1e-14)
    XCTAssertEqual(LiModel.extrapolatedPotential(state([phi(1.2)], dts: []), dt: 0.4), phi(1.2))
  }

  /// The checkpoint carries the potentials the warm start extrapolates from: after 3 steps a
  /// restored state has both earlier levels, bit for bit.
  func testCheckpointCarriesTheWarmStartHistory() throws {
    var config = SimulationConfig()
    config.numerics.nx = 16
    config.numerics.ny = 16
    config.numerics.lengthX = 16 * 15e-9
    config.numerics.lengthY = 16 * 15e-9
    config.nucleus.layerThickness = 30e-9
    config.nucleus.radius = 60e-9
    let model = try LiModel(physics: config.physics, numerics: config.numerics,
                            state: LiModel.initialState(physics: config.physics, numerics: config.numerics,
                                                        nucleus: config.nucleus))
    for _ in 0..<3 { try model.step() }
    XCTAssertNotNil(model.state.olderPotential)
    let image = try VTKImageData.parse(model.checkpoint().xml())
    let restored = try LiModel.restoredState(from: image, numerics: config.numerics)
    XCTAssertEqual(restored, model.state)
  }
}
