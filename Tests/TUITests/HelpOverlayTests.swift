import XCTest

@testable import TUI

final class HelpOverlayTests: XCTestCase {
  let overlay = HelpOverlay(
    title: "Help",
    sections: [.init(title: "Global", hints: [KeyHint(key: "q", description: "quit"), KeyHint(key: "?", description: "help")])]
  )

  func render(width: Int, height: Int) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    overlay.render(into: &buffer, area: buffer.area, theme: .dark)
    return buffer
  }

  func testCentredBoxListingKeysAndDescriptions() {
    // Content is 7 wide ("q  quit"), plus 2 columns of border and padding each side = 11;
    // 3 lines plus the border rows = 5. Centred in 15×7: origin (2, 1).
    XCTAssertEqual(
      render(width: 15, height: 7).lines,
      [
        "               ",
        "  ┌─ Help ──┐  ",
        "  │ Global  │  ",
        "  │ q  quit │  ",
        "  │ ?  help │  ",
        "  └─────────┘  ",
        "               ",
      ])
  }

  func testTooManyLinesEndWithAnEllipsis() {
    XCTAssertEqual(render(width: 11, height: 4).lines, ["┌─ Help ──┐", "│ Global  │", "│ …       │", "└─────────┘"])
  }

  func testTinyAreasNeverTrap() {
    XCTAssertEqual(render(width: 0, height: 0).lines, [])
    XCTAssertEqual(render(width: 1, height: 1).lines, ["…"])
    XCTAssertEqual(render(width: 3, height: 2).lines, ["Glo", "…  "])
  }
}
