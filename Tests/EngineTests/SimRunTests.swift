import Formats
import XCTest
@testable import Engine

final class SimRunTests: XCTestCase {
  private func smallConfig() -> SimulationConfig {
    var config = SimulationConfig()
    config.numerics.nx = 32
    config.numerics.ny = 32
    config.numerics.lengthX = 32 * 15e-9
    config.numerics.lengthY = 32 * 15e-9
    config.nucleus.layerThickness = 60e-9
    config.nucleus.radius = 120e-9
    config.nucleus.noise = 0.02
    return config
  }

  private func model(_ c: SimulationConfig, _ state: LiModelState? = nil) throws -> LiModel {
    try LiModel(physics: c.physics, numerics: c.numerics,
                state: state ?? LiModel.initialState(physics: c.physics, numerics: c.numerics, nucleus: c.nucleus),
                mechanics: c.mechanics)
  }

  /// 30 steps, checkpoint through the VTK text, 30 more = 60 uninterrupted steps, byte for byte.
  func testResumeFromCheckpointIsBitExact() throws {
    let config = smallConfig()
    let straight = try model(config)
    for _ in 0..<60 { try straight.step() }
    let first = try model(config)
    for _ in 0..<30 { try first.step() }
    let text = first.checkpoint().xml()
    let image = try VTKImageData.parse(text)
    let resumed = try model(config, try LiModel.restoredState(from: image, numerics: config.numerics))
    resumed.restorePhaseRate(from: image)
    for _ in 0..<30 { try resumed.step() }
    XCTAssertEqual(resumed.checkpoint().xml(), straight.checkpoint().xml())
    XCTAssertEqual(resumed.state.step, 60)
  }

  /// The same with mechanics coupled (Vegard λ = 0.05): the strain warm start is part of the
  /// checkpoint, so the resumed run is still bit-exact, and the elastic term changes the result.
  func testResumeWithMechanicsIsBitExact() throws {
    var config = smallConfig()
    config.mechanics.enabled = true
    config.mechanics.vegardCoefficient = 0.05
    let straight = try model(config)
    for _ in 0..<20 { try straight.step() }
    XCTAssertNotNil(straight.lastDiagnostics?.maxVonMises)
    XCTAssertGreaterThan(straight.lastDiagnostics?.maxVonMises ?? 0, 0)
    let first = try model(config)
    for _ in 0..<10 { try first.step() }
    let image = try VTKImageData.parse(first.checkpoint().xml())
    let resumed = try model(config, try LiModel.restoredState(from: image, numerics: config.numerics))
    resumed.restorePhaseRate(from: image)
    for _ in 0..<10 { try resumed.step() }
    XCTAssertEqual(resumed.checkpoint().xml(), straight.checkpoint().xml())
    var plain = smallConfig()
    plain.mechanics.enabled = false
    let without = try model(plain)
    for _ in 0..<20 { try without.step() }
    XCTAssertNotEqual(without.state.xi, straight.state.xi)
  }

  func testCheckpointOfAnotherGridIsRejected() throws {
    let config = smallConfig()
    var other = config.numerics
    other.nx = 16
    XCTAssertThrowsError(try LiModel.restoredState(from: try model(config).checkpoint(), numerics: other)) {
      XCTAssertTrue("\($0)".contains("grid"))
    }
  }

  func testPresetsParseAndWrittenConfigReadsBack() throws {
    let here = URL(fileURLWithPath: #filePath)
    let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    for name in ["model1", "model2", "model3", "chen2015"] {
      let path = root.appendingPathComponent("Examples/sim/\(name).toml").path
      let config = try SimulationConfig.parse(try String(contentsOfFile: path, encoding: .utf8), fileName: path)
      XCTAssertEqual(config.name, name)
      XCTAssertEqual(try SimulationConfig.parse(config.tomlText()), config, name)
    }
    func preset(_ name: String) throws -> LiModelPhysics {
      try SimulationConfig.parse(try String(
        contentsOfFile: root.appendingPathComponent("Examples/sim/\(name).toml").path, encoding: .utf8)).physics
    }
    let model1 = try preset("model1"), model2 = try preset("model2"), model3 = try preset("model3")
    // The presets' reading of Table S1: every electrolyte obeys Nernst–Einstein, σ_e = F²Dc0/RT
    // (by hand for LPSC: 96500² × 1e-11 × 1000 / (8.314 × 297.15) = 0.03769 S/m) ...
    XCTAssertEqual(model1.sigmaElectrolyte, 96500.0 * 96500 * 1e-11 * 1000 / (8.314 * 297.15), accuracy: 2e-4)
    for (p, name) in [(model1, "model1"), (model2, "model2"), (model3, "model3")] {
      XCTAssertEqual(p.sigmaElectrolyte / p.nernstEinsteinConductivity(diffusivity: p.diffusivity), 1,
                     accuracy: 0.01, name)
    }
    let upperD = try XCTUnwrap(model3.upperDiffusivity), upperSigma = try XCTUnwrap(model3.upperSigmaElectrolyte)
    XCTAssertEqual(upperSigma / model3.nernstEinsteinConductivity(diffusivity: upperD), 1, accuracy: 0.01)
    // ... and the composite (model 2, model 3's upper half) carries S1's σ_Li ratio 1.91/3.73 of
    // LPSC's transport, while the metal is the same Li in all three.
    XCTAssertEqual(model2.sigmaElectrolyte / model1.sigmaElectrolyte, 1.91 / 3.73, accuracy: 0.005)
    XCTAssertEqual(model2.diffusivity / model1.diffusivity, 1.91 / 3.73, accuracy: 0.005)
    XCTAssertEqual(upperSigma / model3.sigmaElectrolyte, 1.91 / 3.73, accuracy: 0.005)
    XCTAssertEqual(model3.sigmaElectrolyte, model1.sigmaElectrolyte)
    XCTAssertEqual(model2.sigmaMetal, model1.sigmaMetal)
    XCTAssertEqual(model3.upperSigmaMetal, model1.sigmaMetal)
    XCTAssertEqual(model3.siteDensity, 534 / 6.941e-3, accuracy: 1e-3 * 76_934)
  }

  /// Hand calculation: φ linear from −0.1 V to 0 over 8 intervals of 0.1 µm gives |∇φ| =
  /// 1.25e5 V/m; with the upper layer's D = 3e-11 m²/s (larger than the lower 1e-11) the drift
  /// is 3e-11 · 96500/(8.314 · 297.15) · 1.25e5 = 1.4647e-4 m/s, and Δt ≤ 0.5 · 1e-7 m / v.
  func testMigrationLimitUsesTheLargerDiffusivity() throws {
    var physics = LiModelPhysics()
    physics.diffusivity = 1e-11
    physics.upperDiffusivity = 3e-11
    physics.electrodePotential = -0.1
    var numerics = LiModelNumerics()
    numerics.nx = 8
    numerics.ny = 8
    numerics.lengthX = 8e-7
    numerics.lengthY = 8e-7
    numerics.migrationCourant = 0.5
    let state = LiModel.initialState(physics: physics, numerics: numerics, nucleus: LiNucleus())
    let model = try LiModel(physics: physics, numerics: numerics, state: state)
    let drift = 3e-11 * (96500 / (8.314 * 297.15)) * 1.25e5
    XCTAssertEqual(model.migrationLimit(state.potential), 0.5 * 1e-7 / drift, accuracy: 1e-9 * 3.4e-4)
  }

  func testMalformedConfigErrorsNameFileAndLine() {
    XCTAssertThrowsError(try SimulationConfig.parse("[physics]\nbarrier_hieght = 1.5e6\n", fileName: "m.toml")) {
      let e = $0 as? InputError
      XCTAssertEqual(e?.file, "m.toml")
      XCTAssertEqual(e?.line, 2)
    }
    XCTAssertThrowsError(try SimulationConfig.parse("[numerics]\nnx = 7\n", fileName: "m.toml")) {
      XCTAssertEqual(($0 as? InputError)?.line, 2)
    }
    XCTAssertThrowsError(try SimulationConfig.parse(
      "[physics]\ndiffusivity = 1e-11\nupper_diffusivity = -2e-11\n", fileName: "m.toml")) {
      XCTAssertEqual(($0 as? InputError)?.line, 3)
      XCTAssertTrue("\($0)".contains("upper_diffusivity"))
    }
    XCTAssertThrowsError(try SimulationConfig.parse(
      "[nucleus]\nradius = 0.5e-6\nheight = 0.2e-6\n", fileName: "m.toml")) {
      XCTAssertEqual(($0 as? InputError)?.line, 3)
      XCTAssertTrue("\($0)".contains("nucleus.height"))
    }
    XCTAssertThrowsError(try SimulationConfig.parse("[numerics]\ndt_max = -1\n")) {
      XCTAssertTrue("\($0)".contains("positive"))
    }
    XCTAssertThrowsError(try SimulationConfig.parse("[numerics]\nstepper = \"rk4\"\n")) {
      XCTAssertEqual(($0 as? InputError)?.line, 2)
    }
    XCTAssertThrowsError(try SimulationConfig.parse("[mechanics]\nenabled = 1\n")) {
      XCTAssertEqual(($0 as? InputError)?.line, 2)
    }
    XCTAssertThrowsError(try SimulationConfig.parse("[mechanics]\nmetal_poisson_ratio = 0.6\n"))
    XCTAssertThrowsError(try SimulationConfig.parse("[physics]\nsigma_metal = \"high\"\n")) {
      XCTAssertTrue("\($0)".contains("number"))
    }
  }

  func testRunFolderEncoders() throws {
    XCTAssertEqual(RunFolder.snapshotName(step: 200), "step_000000200.vti")
    XCTAssertEqual(RunFolder.latestSnapshot(in: ["step_000000100.vti", "step_000000200.vti", ".step_000000300.vti.tmp", "x"]),
                   "step_000000200.vti")
    XCTAssertEqual(try RunControlCommand.parse(" Pause\n"), .pause)
    XCTAssertNil(try RunControlCommand.parse(""))
    XCTAssertThrowsError(try RunControlCommand.parse("halt", fileName: "control")) {
      XCTAssertEqual(($0 as? InputError)?.line, 1)
    }
    let status = RunStatus(state: .running, step: 3, time: 0.5, wallSeconds: 1, etaSeconds: 9, pid: 42)
    XCTAssertEqual(try RunStatus.decode(try status.encoded()), status)
    XCTAssertThrowsError(try RunStatus.decode(Data("{".utf8), fileName: "status.json"))
  }
}
