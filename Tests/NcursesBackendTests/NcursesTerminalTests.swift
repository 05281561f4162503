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
