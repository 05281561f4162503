import XCTest
@testable import TUI

final class SparklineTests: XCTestCase {
  func testOneEighthPerUnit() {
    // Maximum 8 over one row: value v is v eighths.
    XCTAssertEqual(renderForTest(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8]), width: 9, height: 1).lines, [" ▁▂▃▄▅▆▇█"])
  }

  func testTallBarsAndRightAlignment() {
    // Two rows = 16 eighths; 2, 4, 8 of 8 → 4, 8, 16 eighths, right-aligned in 5 columns.
    XCTAssertEqual(renderForTest(Sparkline(values: [2, 4, 8], maximum: 8), width: 5, height: 2).lines, ["    █", "  ▄██"])
  }

  func testShowsTheNewestValuesAndSkipsBadOnes() {
    // Only 3 and 4 fit; 3/4 of 8 eighths = 6 (▆).
    XCTAssertEqual(renderForTest(Sparkline(values: [1, 2, 3, 4]), width: 2, height: 1).lines, ["▆█"])
    XCTAssertEqual(renderForTest(Sparkline(values: [-1, .nan, .infinity, 2]), width: 4, height: 1).lines, ["   █"])
    XCTAssertEqual(renderForTest(Sparkline(values: [0, 0]), width: 2, height: 1).lines, ["  "])
    // Values above an explicit maximum are capped at full height.
    XCTAssertEqual(renderForTest(Sparkline(values: [20], maximum: 10), width: 1, height: 2).lines, ["█", "█"])
  }

  func testTinyAreas() {
    XCTAssertEqual(renderForTest(Sparkline(values: [1, 2]), width: 0, height: 0).lines, [])
    XCTAssertEqual(renderForTest(Sparkline(values: [5]), width: 1, height: 1).lines, ["█"])
    XCTAssertEqual(renderForTest(Sparkline(values: []), width: 1, height: 1).lines, [" "])
  }
}
