import Foundation
import Glibc
import XCTest

@testable import NcursesBackend
@testable import TUI

/// ncurses writing into a temporary file instead of a tty (newterm on a FILE*), so the bytes a
/// frame costs can be counted. TERM is fixed to xterm-256color, COLORTERM unset.
final class NcursesTerminalTests: XCTestCase {
  var path = ""
  var output: UnsafeMutablePointer<FILE>?
  var input: UnsafeMutablePointer<FILE>?

  override func setUpWithError() throws {
    path = NSTemporaryDirectory() + "glovebox-ncurses-\(UUID().uuidString).out"
    output = fopen(path, "w")
    input = fopen("/dev/null", "r")
    XCTAssertNotNil(output)
    XCTAssertNotNil(input)
  }

  override func tearDown() {
    if let output { fclose(output) }
    if let input { fclose(input) }
    unlink(path)
  }

  func open(width: Int, height: Int, depth: ColorDepth? = nil) throws -> NcursesTerminal {
    guard let output, let input else { throw XCTSkip("no temp file") }
    return try NcursesTerminal(
      output: output, input: input,
      options: .init(terminalType: "xterm-256color", requestedDepth: depth, size: (width, height), environment: ["TERM": "xterm-256color"]))
  }

  func bytesWritten() -> Int {
    if let output { fflush(output) }
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : -1
  }

  func frame(width: Int, height: Int, status: String) -> Buffer {
    var buffer = Buffer(area: Rect(x: 0, y: 0, width: width, height: height), filling: Cell(" ", style: Theme.dark.textStyle))
    for y in 0..<height - 1 {
      buffer.write("row \(y) ⣿⡇ ─│ LPSC 8S-2O", x: 0, y: y, style: Style(foreground: Theme.dark.seriesColor(y), background: Theme.dark.background))
    }
    buffer.write(status, x: 0, y: height - 1, style: Theme.dark.textStyle)
    return buffer
  }

  func testIdleFrameWritesNothingAndAOneCellChangeWritesFewBytes() throws {
    let terminal = try open(width: 80, height: 24)
    defer { terminal.shutdown() }
    XCTAssertEqual(terminal.size.width, 80)
    XCTAssertEqual(terminal.size.height, 24)
    XCTAssertEqual(terminal.colorDepth, .palette256)
    let first = frame(width: 80, height: 24, status: "step 1")
    terminal.present(first)
    let afterFirst = bytesWritten()
    // A full first frame: at least one byte per cell of text drawn.
    XCTAssertGreaterThan(afterFirst, 80 * 23)
    terminal.present(first)
    XCTAssertEqual(bytesWritten() - afterFirst, 0, "an idle frame must write nothing")
    let second = frame(width: 80, height: 24, status: "step 2")
    terminal.present(second)
    let oneCell = bytesWritten() - afterFirst
    // Cursor move (≤ 10 B) + colour (≤ 40 B) + the character.
    XCTAssertGreaterThan(oneCell, 0)
    XCTAssertLessThan(oneCell, 60, "one changed cell cost \(oneCell) bytes")
  }

  func testNonASCIISymbolsReachTheTerminalAsUTF8() throws {
    let terminal = try open(width: 20, height: 3)
    var buffer = Buffer(width: 20, height: 3)
    buffer.write("⣿ µ ─", x: 0, y: 1)
    terminal.present(buffer)
    terminal.shutdown()
    let bytes = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertTrue(bytes.contains("⣿"), "braille must survive the locale")
    XCTAssertTrue(bytes.contains("µ"))
  }

  func testInvalidateRedrawsEverything() throws {
    let terminal = try open(width: 40, height: 10)
    defer { terminal.shutdown() }
    let full = frame(width: 40, height: 10, status: "x")
    terminal.present(full)
    let first = bytesWritten()
    terminal.invalidate()
    terminal.present(full)
    XCTAssertGreaterThan(bytesWritten() - first, 40 * 9, "a forced repaint rewrites the screen")
  }

  func testRequestedDepthIsCappedAtWhatTerminfoCanShow() throws {
    let eight = try open(width: 10, height: 2, depth: .eight)
    XCTAssertEqual(eight.colorDepth, .eight)
    eight.shutdown()
  }

  func testReadingWithATimeoutReturnsNilWhenNothingArrives() throws {
    let terminal = try open(width: 10, height: 2)
    defer { terminal.shutdown() }
    XCTAssertNil(terminal.nextEvent(timeoutMilliseconds: 0))
  }
}

/// COLORTERM=truecolor switches to the direct-colour terminfo entry, where ncurses sends
/// 24-bit colours (`38:2::R:G:B` in xterm-direct's setaf) instead of palette indices.
final class NcursesTrueColorTests: XCTestCase {
  func testTruecolorUsesTheDirectEntryAndSendsRGB() throws {
    guard ColorDepthDetection.directColorTerminalType(for: "xterm-256color", environment: [:]) != nil else {
      throw XCTSkip("xterm-direct terminfo entry not installed (Debian package ncurses-term)")
    }
    let path = NSTemporaryDirectory() + "glovebox-direct-\(UUID().uuidString).out"
    guard let output = fopen(path, "w"), let input = fopen("/dev/null", "r") else { return XCTFail("temp file") }
    defer {
      fclose(output)
      fclose(input)
      unlink(path)
    }
    let terminal = try NcursesTerminal(
      output: output, input: input,
      options: .init(size: (10, 2), environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"]))
    XCTAssertEqual(terminal.terminalType, "xterm-direct")
    XCTAssertEqual(terminal.colorDepth, .trueColor)
    var buffer = Buffer(width: 10, height: 2)
    buffer.write("ok", x: 0, y: 0, style: Style(foreground: .rgb(0x61, 0xaf, 0xef), background: .rgb(0x1c, 0x1f, 0x26)))
    terminal.present(buffer)
    terminal.shutdown()
    let text = try String(contentsOfFile: path, encoding: .utf8)
    // 0x61 = 97, 0xaf = 175, 0xef = 239.
    XCTAssertTrue(text.contains("2::97:175:239") || text.contains("2;97;175;239"), text.debugDescription)
  }
}
