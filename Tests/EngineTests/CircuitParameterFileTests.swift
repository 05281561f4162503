import Formats
import XCTest
@testable import Engine

final class CircuitParameterFileTests: XCTestCase {
  func testReadsValuesFlagsBoundsAndRoundTrips() throws {
    let text = """
    # written by the Impedance pane
    circuit = L0-R0-p(R1,CPE1)-p(R2,CPE2)
    weight = proportional
    R0 = 0.0145 fixed   # ohmic
    CPE1_1 = 0.8 min 0.5 max 1
    """
    let file = try CircuitParameterFile(text: text)
    XCTAssertEqual(file.circuit.parameterCount, 8)
    XCTAssertEqual(file.weighting, .proportional)
    XCTAssertEqual(file.parameters.names, ["R0", "CPE1_1"])
    XCTAssertEqual(file.parameters["R0"]?.value, 0.0145)
    XCTAssertEqual(file.parameters["R0"]?.fixed, true)
    XCTAssertEqual(file.parameters["CPE1_1"]?.min, 0.5)
    XCTAssertEqual(file.parameters["CPE1_1"]?.max, 1)
    let again = try CircuitParameterFile(text: file.text)
    XCTAssertEqual(again, file)
  }

  func testMalformedFilesSayLineColumnAndWhat() {
    func error(_ s: String) -> InputError? {
      do { _ = try CircuitParameterFile(text: s, file: "start.txt"); return nil } catch let e as InputError { return e } catch { return nil }
    }
    let badCircuit = error("circuit = R0-p(R1,X1)\n")
    XCTAssertEqual(badCircuit?.line, 1)
    XCTAssertEqual(badCircuit?.column, 19)
    XCTAssertEqual(badCircuit?.file, "start.txt")
    let unknown = error("circuit = R0\nR9 = 3\n")
    XCTAssertEqual(unknown?.line, 2)
    XCTAssertTrue(unknown?.message.contains("unknown parameter 'R9'") ?? false)
    XCTAssertEqual(error("circuit = R0\nR0 = x\n")?.line, 2)
    XCTAssertEqual(error("R0 = 1\n")?.message.contains("circuit"), true)
    XCTAssertEqual(error("circuit = R0\nR0 3\n")?.line, 2)
    XCTAssertEqual(error("circuit = R0\nR0 = 3 loose\n")?.message.contains("fixed"), true)
    XCTAssertEqual(error("circuit = R0\nweight = heavy\n")?.line, 2)
    XCTAssertEqual(error("circuit = CPE1\nCPE1_1 = 1.5\n")?.message.contains("outside its bounds"), true)
  }
}
