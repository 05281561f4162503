import XCTest
@testable import TUI

final class TableTests: XCTestCase {
  let columns = [
    TableColumn("Precursor", width: .length(9)),
    TableColumn.numeric("Mass", unit: "g", width: .length(8)),
    TableColumn.numeric("Purity", unit: "%", width: .fill(1)),
  ]
  let rows = [["Li2S", "0.6592", "99.9"], ["P2S5", "0.6373", "99"], ["LiCl", "0.2431", "99.9"], ["Li3PO4", "1.0000", "98"]]

  func testHeaderWithUnitsAndRightAlignedNumbers() {
    let table = Table(columns: columns, rows: rows)
    XCTAssertEqual(renderForTest(table, width: 30, height: 5).lines, [
      "Precursor Mass (g)  Purity (%)",
      "Li2S        0.6592        99.9",
      "P2S5        0.6373          99",
      "LiCl        0.2431        99.9",
      "Li3PO4      1.0000          98",
    ])
  }

  func testSelectionScrollsIntoViewAndIsHighlighted() {
    let table = Table(columns: columns, rows: rows, selected: 3, offset: 0)
    let area = Rect(x: 0, y: 0, width: 30, height: 3)
    XCTAssertEqual(table.scrollOffset(in: area), 2)
    let buffer = renderForTest(table, width: 30, height: 3)
    XCTAssertEqual(buffer.lines, [
      "Precursor Mass (g)  Purity (%)",
      "LiCl        0.2431        99.9",
      "Li3PO4      1.0000          98",
    ])
    let selected = Theme.dark.textStyle.with(background: Theme.dark.selection).adding(.bold)
    for x in 0..<30 { XCTAssertEqual(buffer.cell(x: x, y: 2)?.style, selected, "column \(x)") }
    XCTAssertEqual(buffer.cell(x: 0, y: 1)?.style, Theme.dark.textStyle)
  }

  func testCellStylesColourTextButKeepTheSelection() {
    let bad = Style(foreground: Theme.dark.error, attributes: .bold)
    let table = Table(columns: columns, rows: rows, selected: 1, cellStyles: [[nil, nil, bad], [nil, nil, bad]])
    let buffer = renderForTest(table, width: 30, height: 5)
    XCTAssertEqual(buffer.cell(x: 29, y: 1)?.style, Style(foreground: Theme.dark.error, background: Theme.dark.background, attributes: .bold))
    XCTAssertEqual(buffer.cell(x: 29, y: 2)?.style, Style(foreground: Theme.dark.error, background: Theme.dark.selection, attributes: .bold))
    XCTAssertEqual(buffer.cell(x: 0, y: 1)?.style, Theme.dark.textStyle)
    XCTAssertEqual(buffer.cell(x: 29, y: 3)?.style, Theme.dark.textStyle)
  }

  func testScrollingMovesAsLittleAsPossible() {
    // Selection inside the previous window keeps it; above it scrolls up to it.
    XCTAssertEqual(Scrolling.offset(selected: 5, previousOffset: 3, visibleRows: 4, rowCount: 20), 3)
    XCTAssertEqual(Scrolling.offset(selected: 1, previousOffset: 3, visibleRows: 4, rowCount: 20), 1)
    XCTAssertEqual(Scrolling.offset(selected: 9, previousOffset: 3, visibleRows: 4, rowCount: 20), 6)
    // Never past the end, even when the rows shrank.
    XCTAssertEqual(Scrolling.offset(selected: nil, previousOffset: 30, visibleRows: 4, rowCount: 20), 16)
    XCTAssertEqual(Scrolling.offset(selected: 2, previousOffset: 0, visibleRows: 0, rowCount: 20), 0)
  }

  func testCellsTooWideAreTruncated() {
    let table = Table(columns: [TableColumn("Name", width: .length(5)), TableColumn.numeric("x", width: .fill(1))], rows: [["Li6PS5Cl", "12.5"]])
    XCTAssertEqual(renderForTest(table, width: 10, height: 2).lines, ["Name     x", "Li6P… 12.5"])
  }

  func testTinyAreas() {
    let table = Table(columns: columns, rows: rows, selected: 1)
    XCTAssertEqual(renderForTest(table, width: 0, height: 0).lines, [])
    XCTAssertEqual(renderForTest(table, width: 1, height: 1).lines, ["…"])
    XCTAssertEqual(renderForTest(Table(columns: [], rows: []), width: 3, height: 2).lines, ["   ", "   "])
  }
}
