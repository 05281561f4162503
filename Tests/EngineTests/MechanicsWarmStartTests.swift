import XCTest
@testable import Engine

/// The mechanics solve's warm start: the strain extrapolated in time from the last solves,
/// against strains that are polynomials in time of the extrapolation's order, and its history
/// carried by the state and the checkpoint.
final class MechanicsWarmStartTests: XCTestCase {
  private func state(_ strains: [[[Double]]], dts: [Double]) -> LiModelState {
    var s = LiModelState(xi: [0, 0], concentration: [0, 0], potential: [0, 0], nextDt: 1)
    s.strain = strains.first
    if dts.count > 0 { s.strainDt = dts[0] }
    if strains.count > 1 {
      s.previousStrain = strains[1]
      s.previousStrainDt = dts[1]
    }
    if strains.count > 2 {
      s.olderStrain = strains[2]
      s.olderStrainDt = dts[2]
    }
    return s
  }

  /// ε(t) = a + b·t per component, solved on ξ at t = 0.8 and 1.2 (Δt 0.4), the state's ξ at
  /// 1.45 (the last step's Δt 0.25): the warm start is ε(1.45), hand values below. With one
  /// strain, or no Δt for the older one, there is nothing to extrapolate (nil).
  func testExtrapolationIsExactForStrainsLinearInTime() throws {
    func strain(_ t: Double) -> [[Double]] {
      [[1e-3 - 2e-4 * t, -5e-4 + 3e-4 * t], [2e-4 * t, 7e-4], [-1e-4 + 1e-4 * t, 4e-4 - 8e-4 * t]]
    }
    let guess = try XCTUnwrap(LiModel.extrapolatedStrain(state([strain(1.2), strain(0.8)], dts: [0.25, 0.4])))
    // ε(1.45) = (1e-3 − 2.9e-4, −5e-4 + 4.35e-4), (2.9e-4, 7e-4), (−1e-4 + 1.45e-4, 4e-4 − 1.16e-3)
    let expected: [[Double]] = [[7.1e-4, -6.5e-5], [2.9e-4, 7e-4], [4.5e-5, -7.6e-4]]
    for (component, values) in guess.enumerated() {
      for (k, value) in values.enumerated() {
        XCTAssertEqual(value, expected[component][k], accuracy: 1e-17, "component \(component), node \(k)")
      }
    }
    XCTAssertNil(LiModel.extrapolatedStrain(state([strain(1.2)], dts: [0.25])))
    var noDt = state([strain(1.2), strain(0.8)], dts: [0.25, 0.4])
    noDt.previousStrainDt = nil
    XCTAssertNil(LiModel.extrapolatedStrain(noDt))
  }

  /// ε(t) = a + b·t + c·t² per component, solved on ξ at t = 0.5, 0.8, 1.2 (unequal Δt 0.3,
  /// 0.4), the state's ξ at 1.6 (Δt 0.4): the warm start is ε(1.6), hand values below.
  func testExtrapolationIsExactForStrainsQuadraticInTime() throws {
    func strain(_ t: Double) -> [[Double]] {
      [[1e-3 - 2e-4 * t + 3e-4 * t * t], [-2e-3 + 5e-4 * t - 1e-4 * t * t], [4e-4 * t * t]]
    }
    let guess = try XCTUnwrap(LiModel.extrapolatedStrain(
      state([strain(1.2), strain(0.8), strain(0.5)], dts: [0.4, 0.4, 0.3])))
    // ε(1.6) = 1e-3 − 3.2e-4 + 7.68e-4, −2e-3 + 8e-4 − 2.56e-4, 1.024e-3
    let expected = [1.448e-3, -1.456e-3, 1.024e-3]
    for component in 0..<3 {
      XCTAssertEqual(guess[component][0], expected[component], accuracy: 1e-17, "component \(component)")
    }
  }

  private func mechanicsConfig() -> SimulationConfig {
    var config = SimulationConfig()
    config.numerics.nx = 16
    config.numerics.ny = 16
    config.numerics.lengthX = 16 * 15e-9
    config.numerics.lengthY = 16 * 15e-9
    config.nucleus.layerThickness = 30e-9
    config.nucleus.radius = 60e-9
    config.mechanics.enabled = true
    config.mechanics.vegardCoefficient = 0.05
    return config
  }

  private func model(_ config: SimulationConfig, _ state: LiModelState? = nil) throws -> LiModel {
    try LiModel(physics: config.physics, numerics: config.numerics,
                state: state ?? LiModel.initialState(physics: config.physics, numerics: config.numerics,
                                                     nucleus: config.nucleus),
                mechanics: config.mechanics)
  }

  /// After 4 steps the state holds three strains and their Δt (the last step's), and a state
  /// restored from the checkpoint equals it bit for bit. A checkpoint written before the history
  /// existed (the previous_strain fields and Δt removed) still loads, with the strain and
  /// without the history, and the run continues from it (the next step rebuilds the history).
  func testCheckpointCarriesTheStrainHistory() throws {
    let config = mechanicsConfig()
    let run = try model(config)
    var lastDt = 0.0
    for _ in 0..<4 { lastDt = try run.step().dt }
    XCTAssertNotNil(run.state.previousStrain)
    XCTAssertNotNil(run.state.olderStrain)
    XCTAssertEqual(run.state.strainDt, lastDt)
    XCTAssertNotNil(run.state.previousStrainDt)
    XCTAssertNotNil(run.state.olderStrainDt)
    var image = try VTKImageData.parse(run.checkpoint().xml())
    let restored = try LiModel.restoredState(from: image, numerics: config.numerics)
    XCTAssertEqual(restored, run.state)

    image.pointFields.removeAll { $0.name.hasPrefix("previous_strain") || $0.name.hasPrefix("older_strain") }
    image.fieldData.removeAll { ["strain_dt", "previous_strain_dt", "older_strain_dt"].contains($0.name) }
    let old = try LiModel.restoredState(from: try VTKImageData.parse(image.xml()), numerics: config.numerics)
    XCTAssertEqual(old.strain, run.state.strain)
    XCTAssertNil(old.strainDt)
    XCTAssertNil(old.previousStrain)
    XCTAssertNil(old.olderStrain)
    let continued = try model(config, old)
    try continued.step()
    XCTAssertEqual(continued.state.previousStrain, nil)
    XCTAssertNotNil(continued.state.strainDt)
    try continued.step()
    XCTAssertNotNil(continued.state.previousStrain)
  }
}
