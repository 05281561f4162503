import XCTest

@testable import Engine

/// The one place the "a given parameter wins" rule is tested: `CircuitFitRequest.start(from:)`
/// and a fit through it, on a synthetic R0 = 10 Ω + (R1 = 100 Ω ∥ CPE Q = 1e-5, n = 0.9).
final class CircuitFitRequestTests: XCTestCase {
  func request() throws -> CircuitFitRequest {
    let circuit = try Circuit("R0-p(R1,CPE1)")
    let given = Parameters([
      Parameter("R0", value: 12, fixed: true),
      Parameter("R1", value: 50, max: 80),  // no lower bound given: the circuit's R1 ≥ 0 stays
      Parameter("CPE1_1", value: 0.97, min: 0.95),  // no upper bound given: the circuit's n ≤ 1 stays
      Parameter("X9", value: 1),  // not in the circuit: ignored
    ])
    return CircuitFitRequest(circuit: circuit, spectrum: synthesize(circuit, [10, 100, 1e-5, 0.9]), given: given)
  }

  func testGivenValuesFixedFlagsAndFiniteBoundsWinOverTheCircuits() throws {
    let start = try request().start(from: [1, 2, 3, 4])
    XCTAssertEqual(start.names, ["R0", "R1", "CPE1_0", "CPE1_1"])
    XCTAssertEqual(start.values, [12, 50, 3, 0.97])
    XCTAssertEqual(start.items.map(\.fixed), [true, false, false, false])
    XCTAssertEqual(start.items.map(\.min), [0, 0, 0, 0.95])
    XCTAssertEqual(start.items.map(\.max), [.infinity, 80, .infinity, 1])
    // Units and log scaling stay the circuit's.
    let template = try request().circuit.parameters(values: [1, 2, 3, 4])
    XCTAssertEqual(start.items.map(\.unit), template.items.map(\.unit))
    XCTAssertEqual(start.items.map(\.logarithmic), template.items.map(\.logarithmic))
  }

  /// The fit keeps R0 where it was given, stops R1 at the given upper bound (the truth, 100 Ω, is
  /// beyond it) and keeps n between the given lower bound and the circuit's upper one (the
  /// truth, 0.9, is outside).
  func testTheFitKeepsFixedValuesAndRespectsGivenBounds() throws {
    let request = try request()
    XCTAssertFalse(request.givesEveryParameter)
    let result = CircuitFit.run(request)
    XCTAssertEqual(result.value(of: "R0"), 12)
    XCTAssertEqual(result.standardError(of: "R0"), 0)
    XCTAssertEqual(result.freeNames, ["R1", "CPE1_0", "CPE1_1"])
    let r1 = try XCTUnwrap(result.value(of: "R1"))
    let n = try XCTUnwrap(result.value(of: "CPE1_1"))
    XCTAssertLessThanOrEqual(r1, 80)
    XCTAssertEqual(r1, 80, accuracy: 80 * 1e-9)
    XCTAssertGreaterThanOrEqual(n, 0.95)
    XCTAssertLessThanOrEqual(n, 1)
    XCTAssertTrue(result.message.contains("at a bound"), result.message)
  }
}
