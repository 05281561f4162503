import XCTest

@testable import TUI

final class KeyHintsTests: XCTestCase {
  let hints = [
    KeyHint(key: "q", description: "quit"), KeyHint(key: "?", description: "help"),
    KeyHint(key: ":", description: "command"),
  ]

  func render(width: Int, height: Int = 1) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    KeyHints(hints).render(into: &buffer, area: buffer.area, theme: .dark)
    return buffer
  }

  func testHintsInOrderWithKeysInTheHintColour() {
    let buffer = render(width: 30)
    XCTAssertEqual(buffer.lines, ["q quit  ? help  : command     "])
    XCTAssertEqual(buffer.cell(x: 0, y: 0)?.style.foreground, Theme.dark.hintKey)
    XCTAssertEqual(buffer.cell(x: 2, y: 0)?.style.foreground, Theme.dark.text)
    XCTAssertEqual(KeyHints(hints).fullWidth, 25)
  }

  func testAHintThatDoesNotFitWholeIsLeftOut() {
    // "q quit  ? help" is 14 columns; ": command" would need 11 more.
    XCTAssertEqual(render(width: 20).lines, ["q quit  ? help      "])
    XCTAssertEqual(render(width: 5).lines, ["     "])
  }

  func testTinyAreasNeverTrap() {
    XCTAssertEqual(render(width: 0, height: 0).lines, [])
    XCTAssertEqual(render(width: 1).lines, [" "])
  }
}
