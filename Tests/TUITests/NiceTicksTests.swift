import XCTest
@testable import TUI

final class NiceTicksTests: XCTestCase {
  func testNiceNumbers() {
    // Mantissa rules: rounded 1 (< 1.5), 2 (< 3), 5 (< 7), else 10; ceiling 1, 2, 5, 10.
    XCTAssertEqual(NiceTicks.niceNumber(2.4, round: true), 2)
    XCTAssertEqual(NiceTicks.niceNumber(2.4, round: false), 5)
    XCTAssertEqual(NiceTicks.niceNumber(34, round: true), 50)
    XCTAssertEqual(NiceTicks.niceNumber(1.4, round: true), 1)
    XCTAssertEqual(NiceTicks.niceNumber(149, round: true), 100)
    XCTAssertEqual(NiceTicks.niceNumber(0.7, round: true), 1, accuracy: 1e-12)
    XCTAssertEqual(NiceTicks.niceNumber(0.07, round: false), 0.1, accuracy: 1e-12)
    XCTAssertEqual(NiceTicks.niceNumber(1800, round: false), 2000)
  }

  func testLinearTicks() {
    // 0…9.3, 5 ticks: span nice(9.3) = 10, step nice(10/4 = 2.5, rounded) = 2.
    XCTAssertEqual(NiceTicks.linear(min: 0, max: 9.3, maxCount: 5).ticks, [0, 2, 4, 6, 8])
    XCTAssertEqual(NiceTicks.looseBounds(min: 0.3, max: 9.3, maxCount: 5), 0...10)
    // −1.3…2.7: span 4 → 5, step nice(1.25) = 1.
    XCTAssertEqual(NiceTicks.linear(min: -1.3, max: 2.7, maxCount: 5).ticks, [-1, 0, 1, 2])
    // A Nyquist axis 0…1800 Ω with 5 ticks: span 2000, step nice(500) = 500.
    XCTAssertEqual(NiceTicks.linear(min: 0, max: 1800, maxCount: 5).ticks, [0, 500, 1000, 1500])
    // 0…0.1 with 6 ticks: step nice(0.02) = 0.02; ticks are k·step, not accumulated sums.
    let small = NiceTicks.linear(min: 0, max: 0.1, maxCount: 6)
    XCTAssertEqual(small.step, 0.02, accuracy: 1e-15)
    XCTAssertEqual(small.ticks.map { TickLabel.linear($0, step: small.step) }, ["0.00", "0.02", "0.04", "0.06", "0.08", "0.10"])
  }

  func testDegenerateInputs() {
    XCTAssertEqual(NiceTicks.ticks(min: 1, max: 0, step: 1), [])
    XCTAssertEqual(NiceTicks.ticks(min: 0, max: 1, step: 0), [])
    XCTAssertEqual(NiceTicks.ticks(min: .nan, max: 1, step: 1), [])
    XCTAssertEqual(NiceTicks.linear(min: 5, max: 5, maxCount: 5).ticks.count, 1)
  }

  func testDecadeTicks() {
    // 0.1 … 1e6 holds 8 decades: all of them, or every 2nd for at most 4 ticks.
    XCTAssertEqual(NiceTicks.logarithmic(min: 0.1, max: 1e6, maxCount: 10).count, 8)
    XCTAssertEqual(NiceTicks.logarithmic(min: 0.1, max: 1e6, maxCount: 4), [1, 100, 1e4, 1e6])
    XCTAssertEqual(NiceTicks.logarithmic(min: 1, max: 30, maxCount: 5), [1, 10])
    // Less than two decades: 1-2-5 ticks.
    XCTAssertEqual(NiceTicks.logarithmic(min: 2, max: 8, maxCount: 5), [2, 5])
    XCTAssertEqual(NiceTicks.logarithmic(min: 0.5, max: 5, maxCount: 5), [0.5, 1, 2, 5])
    XCTAssertEqual(NiceTicks.logarithmic(min: 0, max: 5, maxCount: 5), [])
  }

  func testLabels() {
    XCTAssertEqual(TickLabel.linear(1500, step: 500), "1500")
    XCTAssertEqual(TickLabel.linear(3 * 0.1, step: 0.1), "0.3")
    XCTAssertEqual(TickLabel.linear(-0.0, step: 1), "0")
    XCTAssertEqual(TickLabel.linear(3 * 0.1 - 0.3, step: 0.1), "0.0")
    XCTAssertEqual(TickLabel.linear(-2.5, step: 0.5), "-2.5")
    XCTAssertEqual(TickLabel.linear(2e6, step: 5e5), "2e6")
    XCTAssertEqual(TickLabel.linear(2.5e6, step: 5e5), "2.5e6")
    XCTAssertEqual(TickLabel.linear(2.5e-5, step: 5e-6), "2.5e-5")
    XCTAssertEqual(TickLabel.logarithmic(1000), "1000")
    XCTAssertEqual(TickLabel.logarithmic(0.001), "0.001")
    XCTAssertEqual(TickLabel.logarithmic(1e4), "1e4")
    XCTAssertEqual(TickLabel.logarithmic(1e-4), "1e-4")
    XCTAssertEqual(TickLabel.logarithmic(0.05), "0.05")
    XCTAssertEqual(TickLabel.fixed(9.996, decimals: 2), "10.00")
    XCTAssertEqual(TickLabel.fixed(-0.004, decimals: 2), "0.00")
  }
}
