import Foundation
import XCTest

@testable import Engine

/// `FitReport`'s JSON: the exact keys, a lossless round trip, and null (never a number) for
/// what is not finite. The report is that of NIST StRD Misra1a (certified values from the NIST
/// page, as in `NISTStRDTests`).
final class FitReportCodingTests: XCTestCase {
  func misraReport() -> FitReport {
    let result = Minimizer(model: FitObserverTests.misra).minimize(FitObserverTests.misraStart)
    // R² = 1 − RSS/Σ(y − ȳ)², by hand from the data.
    let y = FitObserverTests.misraY
    let mean = y.reduce(0, +) / Double(y.count)
    let total = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return FitReport(result, model: "y = b1 (1 − exp(−b2 x))", weighting: "unit", rSquared: 1 - result.chiSquare / total)
  }

  func encoded(_ report: FitReport) throws -> (Data, [String: Any]) {
    let data = try JSONEncoder().encode(report)
    let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (data, object)
  }

  func testKeysAreExactlyTheDocumentedOnes() throws {
    let report = misraReport()
    XCTAssertEqual(report.value(of: "b1") ?? 0, 2.3894212918e2, accuracy: 2.3894212918e2 * 5e-7)
    XCTAssertEqual(report.standardError(of: "b2") ?? 0, 7.2668688436e-6, accuracy: 7.2668688436e-6 * 5e-4)
    XCTAssertEqual(report.chiSquare, 1.2455138894e-1, accuracy: 1.2455138894e-1 * 1e-6)
    let (_, object) = try encoded(report)
    XCTAssertEqual(Set(object.keys), [
      "model", "weighting", "parameters", "chi2", "reduced_chi2", "r_squared", "rmse", "aic", "bic", "points",
      "iterations", "evaluations", "success", "stopped", "message", "correlation", "flags",
    ])
    let parameters = try XCTUnwrap(object["parameters"] as? [[String: Any]])
    XCTAssertEqual(parameters.count, 2)
    for p in parameters {
      XCTAssertEqual(Set(p.keys), ["name", "value", "stderr", "unit", "fixed", "min", "max"])
    }
    let correlation = try XCTUnwrap(object["correlation"] as? [String: Any])
    XCTAssertEqual(Set(correlation.keys), ["parameters", "matrix"])
    XCTAssertEqual(correlation["parameters"] as? [String], ["b1", "b2"])
    XCTAssertEqual(object["points"] as? Int, 14)
    XCTAssertEqual(object["chi2"] as? Double ?? 0, report.chiSquare, accuracy: report.chiSquare * 1e-15)
  }

  func testRoundTripIsLossless() throws {
    let report = misraReport()
    let (data, _) = try encoded(report)
    XCTAssertEqual(try JSONDecoder().decode(FitReport.self, from: data), report)
  }

  func testNonFiniteNumbersAreNullAndReadBackAsTheyWere() throws {
    var report = misraReport()
    report.parameters[0].standardError = .nan
    report.parameters[1].value = .infinity
    report.rSquared = nil
    report.correlation.matrix[0][1] = .nan
    let (data, object) = try encoded(report)
    let parameters = try XCTUnwrap(object["parameters"] as? [[String: Any]])
    XCTAssertTrue(parameters[0]["stderr"] is NSNull)
    XCTAssertTrue(parameters[1]["value"] is NSNull)
    XCTAssertTrue(parameters[0]["min"] is NSNull, "unbounded")
    XCTAssertTrue(parameters[0]["max"] is NSNull, "unbounded")
    XCTAssertTrue(object["r_squared"] is NSNull)
    XCTAssertFalse(String(decoding: data, as: UTF8.self).lowercased().contains("nan"))
    let back = try JSONDecoder().decode(FitReport.self, from: data)
    XCTAssertTrue(back.parameters[0].standardError.isNaN)
    XCTAssertTrue(back.parameters[1].value.isNaN, "a non-finite value reads back as undefined")
    XCTAssertEqual(back.parameters[0].min, -.infinity)
    XCTAssertEqual(back.parameters[0].max, .infinity)
    XCTAssertNil(back.rSquared)
    XCTAssertTrue(back.correlation.matrix[0][1].isNaN)
    XCTAssertEqual(back.correlation.matrix[1][0], report.correlation.matrix[1][0])
  }
}
