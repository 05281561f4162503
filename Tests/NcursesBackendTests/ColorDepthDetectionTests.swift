import Foundation
import Glibc
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

  func testColourNumbersSentToNcursesAtEachDepth() throws {
    // The numbers init_extended_pair receives: palette indices after TUI's quantiser at 256
    // colours (#61afef → cube 16 + 36·1 + 6·3 + 5 = 75, #5fafff), 0xRRGGBB with direct colour.
    let path = NSTemporaryDirectory() + "glovebox-numbers-\(UUID().uuidString).out"
    guard let output = fopen(path, "w"), let input = fopen("/dev/null", "r") else { return XCTFail("temp file") }
    defer {
      fclose(output)
      fclose(input)
      unlink(path)
    }
    let terminal = try NcursesTerminal(
      output: output, input: input, options: .init(terminalType: "xterm-256color", size: (4, 1), environment: [:]))
    defer { terminal.shutdown() }
    XCTAssertEqual(terminal.colorNumber(.rgb(0x61, 0xaf, 0xef)), 75)
    XCTAssertEqual(terminal.colorNumber(.indexed(3)), 3)
    XCTAssertEqual(terminal.colorNumber(.terminalDefault), -1)
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
