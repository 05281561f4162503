import XCTest
@testable import TUI

final class ListTests: XCTestCase {
  let items = ["LPSC", "LATP", "LCO composite", "9S-1O", "8S-2O"]

  func testSelectionMarkerAndHighlight() {
    let buffer = renderForTest(List(items, selected: 1), width: 10, height: 3)
    XCTAssertEqual(buffer.lines, ["  LPSC    ", "> LATP    ", "  LCO comp"])
    XCTAssertEqual(buffer.cell(x: 5, y: 1)?.style.background, Theme.dark.selection)
    XCTAssertEqual(buffer.cell(x: 5, y: 0)?.style.background, Theme.dark.background)
  }

  func testScrollsToKeepTheSelectionVisible() {
    let list = List(items, selected: 4, offset: 0)
    XCTAssertEqual(renderForTest(list, width: 9, height: 2).lines, ["  9S-1O  ", "> 8S-2O  "])
    XCTAssertEqual(list.scrollOffset(in: Rect(x: 0, y: 0, width: 9, height: 2)), 3)
    // Moving the selection up inside the window does not scroll.
    XCTAssertEqual(renderForTest(List(items, selected: 3, offset: 3), width: 9, height: 2).lines, ["> 9S-1O  ", "  8S-2O  "])
  }

  func testTinyAreas() {
    XCTAssertEqual(renderForTest(List(items, selected: 0), width: 0, height: 0).lines, [])
    XCTAssertEqual(renderForTest(List(items, selected: 0), width: 1, height: 1).lines, [">"])
    XCTAssertEqual(renderForTest(List(items), width: 1, height: 1).lines, [" "])
    XCTAssertEqual(renderForTest(List([String](), selected: 0), width: 3, height: 1).lines, ["   "])
  }
}
