import XCTest
@testable import TUI

final class BlockTests: XCTestCase {
  func testBorderAndTitle() {
    let buffer = renderForTest(Block(title: "Recipes"), width: 14, height: 4)
    XCTAssertEqual(buffer.lines, [
      "┌ Recipes ───┐",
      "│            │",
      "│            │",
      "└────────────┘",
    ])
    XCTAssertEqual(Block().inner(buffer.area), Rect(x: 1, y: 1, width: 12, height: 2))
  }

  func testLongTitleIsTruncated() {
    XCTAssertEqual(renderForTest(Block(title: "Impedance"), width: 8, height: 2).lines, ["┌ Imp… ┐", "└──────┘"])
  }

  func testFocusedBlockUsesTheFocusedColourAndBold() {
    let theme = Theme.dark
    let plain = renderForTest(Block(title: "A"), width: 6, height: 3)
    let focused = renderForTest(Block(title: "A", isFocused: true), width: 6, height: 3)
    XCTAssertEqual(plain.cell(x: 0, y: 0)?.style, Style(foreground: theme.border, background: theme.background))
    XCTAssertEqual(focused.cell(x: 0, y: 0)?.style, Style(foreground: theme.borderFocused, background: theme.background, attributes: .bold))
    XCTAssertEqual(focused.cell(x: 2, y: 0)?.style, Style(foreground: theme.title, background: theme.background, attributes: .bold))
    XCTAssertEqual(focused.lines, plain.lines)
  }

  func testBorderTypesAndTitleAlignment() {
    XCTAssertEqual(renderForTest(Block(title: "x", borderType: .rounded, titleAlignment: .right), width: 7, height: 2).lines,
                   ["╭── x ╮", "╰─────╯"])
    XCTAssertEqual(renderForTest(Block(borderType: .double), width: 3, height: 3).lines, ["╔═╗", "║ ║", "╚═╝"])
  }

  func testTinyAreas() {
    XCTAssertEqual(renderForTest(Block(title: "T"), width: 0, height: 0).lines, [])
    XCTAssertEqual(renderForTest(Block(title: "T"), width: 1, height: 1).lines, ["┌"])
    XCTAssertEqual(renderForTest(Block(title: "T"), width: 4, height: 1).lines, ["┌──┐"])
    XCTAssertEqual(renderForTest(Block(title: "T"), width: 1, height: 3).lines, ["┌", "│", "└"])
    XCTAssertEqual(renderForTest(Block(title: "Title"), width: 4, height: 2).lines, ["┌──┐", "└──┘"])
    XCTAssertEqual(Block().inner(Rect(x: 0, y: 0, width: 1, height: 1)), Rect(x: 1, y: 1, width: 0, height: 0))
  }
}
