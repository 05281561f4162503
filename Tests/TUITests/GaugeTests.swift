import XCTest
@testable import TUI

final class GaugeTests: XCTestCase {
  func testHalfFullWithCentredLabel() {
    let buffer = renderForTest(Gauge(ratio: 0.5), width: 10, height: 1)
    // 0.5 · 10 cells = 5 full cells; "50%" starts at (10 − 3) / 2 = 3.
    XCTAssertEqual(buffer.lines, ["███50%    "])
    let fill = Theme.dark.seriesColor(0)
    XCTAssertEqual(buffer.cell(x: 4, y: 0)?.style, Style(foreground: Theme.dark.background, background: fill))
    XCTAssertEqual(buffer.cell(x: 5, y: 0)?.style, Theme.dark.textStyle)
  }

  func testEighthCellResolution() {
    // 0.33 · 10 · 8 = 26.4 → 26 eighths = 3 full cells and 2/8 (▎).
    XCTAssertEqual(renderForTest(Gauge(ratio: 0.33, label: ""), width: 10, height: 1).lines, ["███▎      "])
  }

  func testLabelOnTheMiddleRowAndClamping() {
    XCTAssertEqual(renderForTest(Gauge(ratio: 1.7, label: "done"), width: 6, height: 3).lines, ["██████", "█done█", "██████"])
    XCTAssertEqual(renderForTest(Gauge(ratio: .nan), width: 4, height: 1).lines, [" 0% "])
    XCTAssertEqual(renderForTest(Gauge(ratio: -1, label: "x"), width: 3, height: 1).lines, [" x "])
  }

  func testTinyAreas() {
    XCTAssertEqual(renderForTest(Gauge(ratio: 0.5), width: 0, height: 0).lines, [])
    XCTAssertEqual(renderForTest(Gauge(ratio: 0.5), width: 1, height: 1).lines, ["…"])
    XCTAssertEqual(renderForTest(Gauge(ratio: 0.5, label: ""), width: 1, height: 1).lines, ["▌"])
  }
}
