import XCTest

@testable import NcursesBackend
@testable import TUI

final class ColorDepthDetectionTests: XCTestCase {
  func testPrecedenceRequestThenColortermThenTerminfo() {
    XCTAssertEqual(ColorDepthDetection.depth(terminfoColors: 256, colorterm: nil, requested: nil), .palette256)
    XCTAssertEqual(ColorDepthDetection.depth(terminfoColors: 8, colorterm: nil, requested: nil), .eight)
    XCTAssertEqual(ColorDepthDetection.depth(terminfoColors: 16, colorterm: nil, requested: nil), .sixteen)
    XCTAssertEqual(ColorDepthDetection.depth(terminfoColors: 0x100_0000, colorterm: nil, requested: nil), .trueColor)
    XCTAssertEqual(ColorDepthDetection.depth(terminfoColors: 256, colorterm: "truecolor", requested: nil), .trueColor)
    XCTAssertEqual(ColorDepthDetection.depth(terminfoColors: 256, colorterm: "24bit", requested: nil), .trueColor)
    XCTAssertEqual(ColorDepthDetection.depth(terminfoColors: 256, colorterm: "truecolor", requested: .sixteen), .sixteen)
  }

  func testInterimQuantisationAgainstTheXtermPalette() {
    // #61afef: channels nearest cube levels 95, 175, 255 → 16 + 36·1 + 6·3 + 5 = 75 (#5fafff).
    XCTAssertEqual(interimQuantized(.rgb(0x61, 0xaf, 0xef), to: .palette256), .indexed(75))
    // A mid grey #808080 is nearer grey 244 (#808080 exactly: 8 + 10·12 = 128) than any cube entry.
    XCTAssertEqual(interimQuantized(.rgb(128, 128, 128), to: .palette256), .indexed(244))
    // Pure red at 16 colours is bright red (9, #ff0000); at 8 colours red (1, #cd0000).
    XCTAssertEqual(interimQuantized(.rgb(255, 0, 0), to: .sixteen), .indexed(9))
    XCTAssertEqual(interimQuantized(.rgb(255, 0, 0), to: .eight), .indexed(1))
    // Palette index 196 (#ff0000) at 8 colours goes through its RGB value.
    XCTAssertEqual(interimQuantized(.indexed(196), to: .eight), .indexed(1))
    XCTAssertEqual(interimQuantized(.indexed(3), to: .eight), .indexed(3))
    XCTAssertEqual(interimQuantized(.rgb(1, 2, 3), to: .trueColor), .rgb(1, 2, 3))
    XCTAssertEqual(interimQuantized(.terminalDefault, to: .eight), .terminalDefault)
    XCTAssertEqual(xtermPaletteRGB(75).0, 95)
    XCTAssertEqual(xtermPaletteRGB(255).0, 238)
  }

  func testKeyCodesFromNcurses() {
    XCTAssertEqual(NcursesTerminal.characterKey(9), .tab)
    XCTAssertEqual(NcursesTerminal.characterKey(13), .enter)
    XCTAssertEqual(NcursesTerminal.characterKey(27), .escape)
    XCTAssertEqual(NcursesTerminal.characterKey(127), .backspace)
    XCTAssertEqual(NcursesTerminal.characterKey(12), .ctrl("l"))
    XCTAssertEqual(NcursesTerminal.characterKey(17), .ctrl("q"))
    XCTAssertEqual(NcursesTerminal.characterKey(0x71), .character("q"))
    XCTAssertEqual(NcursesTerminal.characterKey(0xB5), .character("µ"))
    XCTAssertNil(NcursesTerminal.characterKey(0))
    // curses.h: KEY_BTAB 0541, KEY_NPAGE 0522, KEY_F0 0410 (KEY_F(n) = KEY_F0 + n).
    XCTAssertEqual(NcursesTerminal.functionKey(0o541), .backTab)
    XCTAssertEqual(NcursesTerminal.functionKey(0o522), .pageDown)
    XCTAssertEqual(NcursesTerminal.functionKey(0o410 + 5), .function(5))
    XCTAssertNil(NcursesTerminal.functionKey(0o410 + 20))
  }
}
