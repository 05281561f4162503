import XCTest
@testable import TUI

final class BrailleCanvasTests: XCTestCase {
  func draw(_ canvas: BrailleCanvas) -> [String] {
    renderForTest(canvas, width: canvas.width, height: canvas.height).lines
  }

  func testDotsMapToBrailleBits() {
    var canvas = BrailleCanvas(width: 2, height: 1)
    canvas.set(x: 0, y: 0, color: .indexed(1))   // dot 1 → U+2801
    canvas.set(x: 1, y: 3, color: .indexed(1))   // dot 8 → +0x80
    canvas.set(x: 2, y: 0, color: .indexed(2))
    XCTAssertEqual(draw(canvas), ["\u{2881}\u{2801}"])
    XCTAssertTrue(canvas.isSet(x: 1, y: 3))
    XCTAssertFalse(canvas.isSet(x: 1, y: 2))
  }

  func testEveryBitPosition() {
    // Left column rows 0–3: 0x01, 0x02, 0x04, 0x40; right column: 0x08, 0x10, 0x20, 0x80.
    for (x, y, bit) in [(0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (0, 3, 0x40), (1, 0, 0x08), (1, 1, 0x10), (1, 2, 0x20), (1, 3, 0x80)] {
      var canvas = BrailleCanvas(width: 1, height: 1)
      canvas.set(x: x, y: y, color: .indexed(7))
      XCTAssertEqual(draw(canvas), [String(Character(Unicode.Scalar(0x2800 + UInt32(bit))!))], "dot (\(x), \(y))")
    }
  }

  func testDiagonalAndHorizontalLines() {
    var diagonal = BrailleCanvas(width: 2, height: 1)
    diagonal.line(x0: 0, y0: 0, x1: 3, y1: 3, color: .indexed(1))
    // (0,0) 0x01 + (1,1) 0x10 = ⠑; (2,2) 0x04 + (3,3) 0x80 = ⢄.
    XCTAssertEqual(draw(diagonal), ["⠑⢄"])
    var flat = BrailleCanvas(width: 2, height: 1)
    flat.line(x0: 3, y0: 0, x1: 0, y1: 0, color: .indexed(1))
    XCTAssertEqual(draw(flat), ["⠉⠉"])
  }

  func testBresenhamShallowLine() {
    // (0,0)→(7,2): error term starts at dx + dy = 7 − 2 = 5; y steps at x = 2 and x = 6, giving
    // dots (0,0) (1,0) (2,1) (3,1) (4,1) (5,1) (6,2) (7,2): ⠉ ⠒ ⠒ ⠤.
    var canvas = BrailleCanvas(width: 4, height: 1)
    canvas.line(x0: 0, y0: 0, x1: 7, y1: 2, color: .indexed(1))
    XCTAssertEqual(draw(canvas), ["⠉⠒⠒⠤"])
  }

  func testBlockAndASCIISymbols() {
    var block = BrailleCanvas(width: 2, height: 1, symbols: .block)
    XCTAssertEqual(block.dotWidth, 4)
    XCTAssertEqual(block.dotHeight, 2)
    block.set(x: 0, y: 0, color: .indexed(1))
    block.set(x: 1, y: 1, color: .indexed(1))
    block.line(x0: 2, y0: 1, x1: 3, y1: 1, color: .indexed(1))
    XCTAssertEqual(draw(block), ["▚▄"])
    var ascii = BrailleCanvas(width: 3, height: 1, symbols: .ascii)
    ascii.set(x: 0, y: 0, color: .indexed(1), marker: 0)
    ascii.set(x: 2, y: 0, color: .indexed(1), marker: 1)
    XCTAssertEqual(draw(ascii), ["* +"])
  }

  func testColourIsTheLastDrawnAndEmptyCellsKeepWhatIsUnder() {
    var canvas = BrailleCanvas(width: 2, height: 1)
    canvas.set(x: 0, y: 0, color: .indexed(1))
    canvas.set(x: 1, y: 0, color: .indexed(2))
    var buffer = Buffer(width: 2, height: 1)
    buffer.write("ab", x: 0, y: 0)
    canvas.render(into: &buffer, area: buffer.area, theme: .dark)
    XCTAssertEqual(buffer.lines, ["⠉b"])
    XCTAssertEqual(buffer.cell(x: 0, y: 0)?.style.foreground, .indexed(2))
  }

  func testOutOfRangeDotsAreIgnoredAndTinyCanvasesWork() {
    var canvas = BrailleCanvas(width: 1, height: 1)
    canvas.set(x: -1, y: 0, color: .indexed(1))
    canvas.set(x: 2, y: 0, color: .indexed(1))
    canvas.set(x: 0, y: 4, color: .indexed(1))
    canvas.line(x0: -5, y0: -5, x1: 0, y1: 0, color: .indexed(1))
    XCTAssertEqual(draw(canvas), ["⠁"])
    var empty = BrailleCanvas(width: 0, height: 0)
    empty.line(x0: 0, y0: 0, x1: 3, y1: 3, color: .indexed(1))
    XCTAssertEqual(draw(empty), [])
    var buffer = Buffer(width: 1, height: 1)
    canvas.render(into: &buffer, area: .zero, theme: .dark)
    XCTAssertEqual(buffer.lines, [" "])
  }
}
