import Engine
import Formats
import XCTest

/// Issue 19 §3: a Li-model config that names a stepper the model does not run is refused at its
/// key, never run as IMEX Euler under another name.
final class LiModelStepperRefusalTests: XCTestCase {
  func testSBDF2InALiConfigIsRefusedAtItsKey() {
    let text = "name = \"m\"\n[physics]\n[numerics]\nnx = 16\nstepper = \"sbdf2\"\n"
    XCTAssertThrowsError(try SimulationConfig.parse(text, fileName: "m.toml")) { error in
      let input = error as? InputError
      XCTAssertEqual(input?.file, "m.toml")
      XCTAssertEqual(input?.line, 5)
      XCTAssertTrue("\(error)".contains("numerics.stepper"), "\(error)")
      XCTAssertTrue("\(error)".contains("euler"), "\(error)")
    }
  }

  func testEulerIsAccepted() throws {
    let config = try SimulationConfig.parse("name = \"m\"\n[physics]\n[numerics]\nstepper = \"euler\"\n")
    XCTAssertEqual(config.numerics.stepper, "euler")
  }

  func testTheModelRefusesSBDF2ThroughTheLibraryToo() {
    var numerics = LiModelNumerics()
    numerics.nx = 16
    numerics.ny = 16
    numerics.stepper = "sbdf2"
    let physics = LiModelPhysics()
    let state = LiModel.initialState(physics: physics, numerics: numerics, nucleus: LiNucleus())
    XCTAssertThrowsError(try LiModel(physics: physics, numerics: numerics, state: state)) {
      XCTAssertTrue("\($0)".contains("sbdf2"), "\($0)")
    }
  }

  func testUpperElasticConstantsAreRangeChecked() {
    XCTAssertThrowsError(try SimulationConfig.parse(
      "[mechanics]\nupper_electrolyte_young_modulus = -3\n", fileName: "m.toml")) {
      XCTAssertEqual(($0 as? InputError)?.line, 2)
    }
    XCTAssertThrowsError(try SimulationConfig.parse("[mechanics]\nupper_electrolyte_poisson_ratio = 0.7\n")) {
      XCTAssertEqual(($0 as? InputError)?.line, 2)
    }
  }
}
