import XCTest

@testable import TUI

/// Every axis gets distinct labels (issue: a CE axis labelled five ticks "9.98e1").
final class TickLabelDistinctTests: XCTestCase {
  func testAFineStepOnALargeValueKeepsDistinctFixedLabels() {
    // CE between 99.80 % and 99.8002 %: NiceTicks' step is 5e-5.
    let axis = NiceTicks.linear(min: 99.8, max: 99.8002, maxCount: 6)
    XCTAssertEqual(axis.step, 5e-5, accuracy: 1e-15)
    let labels = axis.ticks.map { TickLabel.linear($0, step: axis.step) }
    XCTAssertEqual(labels, ["99.80000", "99.80005", "99.80010", "99.80015", "99.80020"])
  }

  func testExponentLabelsCarryTheDigitsTheStepNeeds() {
    // 1.2345e7 against a step of 1000: four decimals of mantissa (1.2345e7 = 12 345 000).
    XCTAssertEqual(TickLabel.linear(1.2345e7, step: 1000), "1.2345e7")
    XCTAssertEqual(TickLabel.linear(1.2346e7, step: 1000), "1.2346e7")
    // Small values keep exponents.
    XCTAssertEqual(TickLabel.linear(2.5e-5, step: 5e-6), "2.5e-5")
    XCTAssertEqual(TickLabel.linear(1.00005e-3, step: 5e-8), "1.00005e-3")
  }
}
