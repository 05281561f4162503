import XCTest
@testable import Engine

/// The tip instability of the study's model 1 under the conditions documented in
/// `Examples/sim/model1.toml` (η = −0.2 V, a 0.4 µm nucleus on a 0.2 µm layer), on a small
/// 64² window at the preset's 50 nm spacing.
///
/// What the thresholds come from (the model's own physics, not a recorded run):
/// - A deposit that grows compactly translates: the nucleus moves with the flat layer, so the
///   tip advance equals the mean-front advance (Li area / width) — ratio 1.
/// - In this single-potential model the metal is an equipotential, so η is the same at tip and
///   valley; the only amplifier is Li⁺ supply. When the Butler–Volmer bracket is dominated by
///   the (c/c0)e^(αF|η|/RT) term and the front depletes c, a protrusion draws on fresher
///   electrolyte. A semicircle on a plane in a Laplacian field receives at most twice the flat
///   flux at its apex, so early on the ratio lies between 1 and 2; we ask for > 1.3, i.e. the
///   tip gains at least 30 % over the front.
/// - Control: at η = −0.1 V the bracket 7.0 c/c0 − 0.14 is far from depleting c (kinetics-
///   limited), the supply advantage of the tip is small, and the ratio must stay < 1.1.
final class DendriteInstabilityTests: XCTestCase {
  private func presetConfig() throws -> SimulationConfig {
    let here = URL(fileURLWithPath: #filePath)
    let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("Examples/sim/model1.toml").path
    var config = try SimulationConfig.parse(try String(contentsOfFile: path, encoding: .utf8), fileName: path)
    let spacing = config.numerics.spacingX
    config.numerics.nx = 64
    config.numerics.ny = 64
    config.numerics.lengthX = 64 * spacing
    config.numerics.lengthY = 64 * spacing
    return config
  }

  /// Runs to `until` seconds; returns (tip advance / mean-front advance, min c, min φ, max φ).
  private func growthRatio(_ config: SimulationConfig, until: Double) throws
    -> (ratio: Double, minC: Double, minPhi: Double, maxPhi: Double) {
    let state = LiModel.initialState(physics: config.physics, numerics: config.numerics, nucleus: config.nucleus)
    let model = try LiModel(physics: config.physics, numerics: config.numerics, state: state)
    let height = config.numerics.lengthY
    let tip0 = model.tipHeight(), mean0 = model.lithiumAreaFraction() * height
    while model.state.time < until { try model.step() }
    let tipAdvance = model.tipHeight() - tip0
    let meanAdvance = model.lithiumAreaFraction() * height - mean0
    XCTAssertGreaterThan(meanAdvance, 0, "the deposit must grow at all")
    return (tipAdvance / meanAdvance, model.state.concentration.min() ?? .nan,
            model.state.potential.min() ?? .nan, model.state.potential.max() ?? .nan)
  }

  func testTipOutrunsFrontWhenSupplyLimited() throws {
    let config = try presetConfig()
    XCTAssertEqual(config.physics.electrodePotential, -0.2)
    let unstable = try growthRatio(config, until: 1.2)
    XCTAssertGreaterThan(unstable.ratio, 1.3)
    XCTAssertLessThan(unstable.ratio, 2.5)
    // Physically sane: c positive, φ between the electrode potentials.
    XCTAssertGreaterThan(unstable.minC, 0)
    XCTAssertGreaterThanOrEqual(unstable.minPhi, -0.2 - 1e-6)
    XCTAssertLessThanOrEqual(unstable.maxPhi, 1e-6)
  }

  func testBumpOnlyTranslatesWhenKineticsLimited() throws {
    var config = try presetConfig()
    config.physics.electrodePotential = -0.1
    let control = try growthRatio(config, until: 1.2)
    XCTAssertLessThan(control.ratio, 1.1)
    XCTAssertGreaterThan(control.ratio, 0.9)
  }
}
