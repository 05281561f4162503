import XCTest

@testable import Engine

/// Parameters a converged fit does not determine are flagged (issue 11 §1: "R2 = 7.4e11 ±
/// 6.7e11 says nothing"). Reports written by hand, so each flag's trigger is explicit.
final class FitIdentifiabilityTests: XCTestCase {
  func report(_ parameters: [FitReport.FittedParameter], correlation: [[Double]]) -> FitReport {
    FitReport(
      model: "R0-p(R1,CPE1)-p(R2,CPE2)", weighting: "unit", parameters: parameters, chiSquare: 1, reducedChiSquare: 0.01,
      rSquared: nil, rmse: 0.1, aic: 0, bic: 0, points: 71, iterations: 7, evaluations: 9, success: true, stopped: false,
      message: "converged", correlation: FitReport.Correlation(parameters: parameters.filter { !$0.fixed }.map(\.name), matrix: correlation))
  }

  func testEachReasonIsFlaggedAndASoundParameterIsNot() {
    let r = report([
      .init(name: "R0", value: 15.3, standardError: 0.02, unit: "Ohm", fixed: false, min: 0),
      .init(name: "R2", value: 7.4e11, standardError: 6.7e11, unit: "Ohm", fixed: false, min: 0),  // 91 %: kept
      .init(name: "R3", value: 2, standardError: 3, unit: "Ohm", fixed: false, min: 0),  // 150 %
      .init(name: "n", value: 1, standardError: 0.01, unit: "", fixed: false, min: 0, max: 1),  // on its bound
      .init(name: "Q", value: 4e-6, standardError: .nan, unit: "F", fixed: false, min: 0),
      .init(name: "L", value: 0, standardError: 0, unit: "H", fixed: true),
    ], correlation: [
      [1, 0.2, 0, 0, 0], [0.2, 1, 0.995, 0, 0], [0, 0.995, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1],
    ])
    XCTAssertEqual(r.identifiabilityFlags(of: "R0"), [])
    XCTAssertEqual(r.identifiabilityFlags(of: "R2"), ["correlated with R3 (r = 0.995)"])
    XCTAssertEqual(r.identifiabilityFlags(of: "R3"), ["error 150 % of value", "correlated with R2 (r = 0.995)"])
    XCTAssertEqual(r.identifiabilityFlags(of: "n"), ["at upper bound"])
    XCTAssertEqual(r.identifiabilityFlags(of: "Q"), ["error not determined"])
    XCTAssertEqual(r.identifiabilityFlags(of: "L"), [], "a fixed parameter was not fitted")
    XCTAssertEqual(Set(r.identifiabilityFlags.keys), ["R2", "R3", "n", "Q"])
  }
}
