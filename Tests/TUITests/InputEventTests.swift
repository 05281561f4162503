import XCTest

@testable import TUI

final class InputEventTests: XCTestCase {
  func testCanonicalNamesAsKeymapsWriteThem() {
    let expected: [(Key, String)] = [
      (.character("q"), "q"), (.character("?"), "?"), (.character(":"), ":"), (.character("1"), "1"),
      (.character(" "), "space"), (.tab, "tab"), (.backTab, "shift-tab"), (.ctrl("l"), "ctrl-l"),
      (.enter, "enter"), (.escape, "esc"), (.up, "up"), (.down, "down"), (.left, "left"),
      (.right, "right"), (.home, "home"), (.end, "end"), (.pageUp, "pageup"), (.pageDown, "pagedown"),
      (.backspace, "backspace"), (.delete, "delete"), (.function(1), "f1"), (.function(12), "f12"),
    ]
    for (key, name) in expected {
      XCTAssertEqual(key.name, name)
      XCTAssertEqual(Key(name: name), key, "round trip of \(name)")
    }
  }

  func testCommonSpellingsParseToTheSameKey() {
    XCTAssertEqual(Key(name: "Escape"), .escape)
    XCTAssertEqual(Key(name: "Return"), .enter)
    XCTAssertEqual(Key(name: "BackTab"), .backTab)
    XCTAssertEqual(Key(name: "C-x"), .ctrl("x"))
    XCTAssertEqual(Key(name: "Ctrl+Q"), .ctrl("q"))
    XCTAssertEqual(Key(name: "^L"), .ctrl("l"))
    XCTAssertEqual(Key(name: "PgUp"), .pageUp)
    XCTAssertEqual(Key(name: "F5"), .function(5))
    XCTAssertEqual(Key(name: " q "), .character("q"))
    // Upper-case single letters are distinct keys (Shift held).
    XCTAssertEqual(Key(name: "Q"), .character("Q"))
  }

  func testNonsenseIsRejectedNotGuessed() {
    for bad in ["", "   ", "ctrl-", "ctrl-12", "ctrl-ä", "f0", "f13", "hyper-x", "qq", "\u{7}"] {
      XCTAssertNil(Key(name: bad), "\"\(bad)\" should not parse")
    }
  }
}
