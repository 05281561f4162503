import XCTest
@testable import TUI

final class ParagraphTests: XCTestCase {
  func testWordWrap() {
    let p = Paragraph("Ball mill at 400 rpm for 10 h in ZrO2 vials")
    XCTAssertEqual(renderForTest(p, width: 12, height: 5).lines, [
      "Ball mill at",
      "400 rpm for ",
      "10 h in ZrO2",
      "vials       ",
      "            ",
    ])
    XCTAssertEqual(p.rowCount(width: 12), 4)
  }

  func testLongWordsBreakAndNewlinesStartLines() {
    XCTAssertEqual(renderForTest(Paragraph("Li6PS5Cl electrolyte\n\nok"), width: 5, height: 7).lines, [
      "Li6PS", "5Cl  ", "elect", "rolyt", "e    ", "     ", "ok   ",
    ])
  }

  func testAlignmentAndScroll() {
    XCTAssertEqual(renderForTest(Paragraph("one two three", alignment: .right), width: 8, height: 2).lines, [" one two", "   three"])
    XCTAssertEqual(renderForTest(Paragraph("ab\nabcd", alignment: .center), width: 6, height: 2).lines, ["  ab  ", " abcd "])
    XCTAssertEqual(renderForTest(Paragraph("a\nb\nc", scroll: 1), width: 2, height: 3).lines, ["b ", "c ", "  "])
  }

  func testNoWrapCutsAtTheEdge() {
    XCTAssertEqual(renderForTest(Paragraph("abcdefgh\nxy", wrap: false), width: 4, height: 2).lines, ["abcd", "xy  "])
  }

  func testSpansKeepTheirStyles() {
    let red = Style(foreground: .indexed(1))
    let p = Paragraph(lines: [TextLine([TextSpan("ok "), TextSpan("fail", style: red)])])
    let buffer = renderForTest(p, width: 8, height: 1)
    XCTAssertEqual(buffer.lines, ["ok fail "])
    XCTAssertEqual(buffer.cell(x: 3, y: 0)?.style, red)
    XCTAssertEqual(buffer.cell(x: 0, y: 0)?.style, Theme.dark.textStyle)
  }

  func testTinyAreas() {
    XCTAssertEqual(renderForTest(Paragraph("hello world"), width: 0, height: 0).lines, [])
    XCTAssertEqual(renderForTest(Paragraph("hello world"), width: 1, height: 1).lines, ["h"])
    XCTAssertEqual(renderForTest(Paragraph("hello", scroll: 99), width: 3, height: 1).lines, ["   "])
  }
}
