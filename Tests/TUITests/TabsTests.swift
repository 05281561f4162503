import XCTest

@testable import TUI

final class TabsTests: XCTestCase {
  let theme = Theme.dark

  func render(_ tabs: Tabs, width: Int, height: Int = 1) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    tabs.render(into: &buffer, area: buffer.area, theme: theme)
    return buffer
  }

  func testAllTitlesWhenTheyFitAndTheSelectedOneHighlighted() {
    let buffer = render(Tabs(["Materials", "Assembly"], selected: 1), width: 30)
    XCTAssertEqual(buffer.lines, [" 1 Materials  2 Assembly      "])
    // " 2 Assembly " starts at column 13 and is drawn in the selection colours.
    XCTAssertEqual(buffer.cell(x: 13, y: 0)?.style.background, theme.selection)
    XCTAssertEqual(buffer.cell(x: 15, y: 0)?.style.attributes, .bold)
    XCTAssertEqual(buffer.cell(x: 3, y: 0)?.style.background, theme.background)
  }

  func testNarrowRowsDropTitlesFarthestFromTheSelection() {
    // 25 columns are needed in full; at 16 only the selected tab keeps its title.
    XCTAssertEqual(render(Tabs(["Materials", "Assembly"], selected: 1), width: 16).lines, [" 1  2 Assembly  "])
    // At 8 even the selected title goes, the numbers stay.
    XCTAssertEqual(render(Tabs(["Materials", "Assembly"], selected: 1), width: 8).lines, [" 1  2   "])
  }

  func testTinyAreasNeverTrap() {
    XCTAssertEqual(render(Tabs(["Materials", "Assembly"], selected: 0), width: 0, height: 0).lines, [])
    XCTAssertEqual(render(Tabs(["Materials", "Assembly"], selected: 0), width: 1).lines, [" "])
    XCTAssertEqual(render(Tabs([], selected: nil), width: 3).lines, ["   "])
  }
}
