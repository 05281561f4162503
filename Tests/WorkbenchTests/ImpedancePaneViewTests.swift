import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// The Impedance pane's views: Nyquist zoom, cursor and overlay; unreadable files in the list.
extension ImpedancePaneTests {
  /// The 25 °C example pellet: on the whole plot the capacitive tail (hundreds of kΩ) hides the
  /// electrolyte's 19 Ω; `z` zooms to the high-frequency arcs, `z` again shows the whole; the
  /// cursor reads out the file's first row (1 MHz, 18.345964, −1.3913717); `o` overlays the series.
  func testNyquistZoomsToTheHighFrequencyArcsAndReadsOutTheCursor() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/eis")
    let names = ["LPSC_pellet_25C.csv", "LPSC_pellet_30C.csv"]
    let files = try names.map { ImpedanceFileContents(path: "eis/" + $0, spectra: try ImpedanceReader.read(contentsOf: folder.appendingPathComponent($0)), error: nil) }
    var pane = ImpedancePane(workspace: "/nonexistent")
    deliver(files, to: &pane)
    let whole = try XCTUnwrap(NyquistWindow.whole(pane.entries[0].spectrum))
    XCTAssertGreaterThan(whole.real.upperBound, 1e4)
    XCTAssertEqual(press(&pane, .zoomArcs), [.render, .status(StatusMessage("Nyquist: high-frequency arcs (z again: whole spectrum)"))])
    let arcs = try XCTUnwrap(pane.nyquistWindow)
    XCTAssertLessThan(arcs.real.lowerBound, 18.345964)
    XCTAssertLessThan(arcs.real.upperBound, 100)
    XCTAssertGreaterThan(arcs.real.upperBound, 19.5)
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    let zoomed = buffer.lines.joined(separator: "\n")
    XCTAssertTrue(zoomed.contains("Nyquist zoomed · eis/LPSC_pellet_25C.csv"), zoomed)
    XCTAssertFalse(zoomed.contains("100000"), zoomed)
    _ = press(&pane, .zoomArcs)
    XCTAssertNil(pane.nyquistWindow)
    _ = press(&pane, .nyquistZoomIn)
    XCTAssertEqual(pane.nyquistWindow?.real.upperBound ?? 0, whole.real.lowerBound + 0.75 * (whole.real.upperBound - whole.real.lowerBound), accuracy: 1e-6 * whole.real.upperBound)
    _ = press(&pane, .cursorPrevious)
    XCTAssertEqual(pane.cursorReadout, "f 1 MHz · Z′ 18.35 Ω · −Z″ 1.391 Ω")
    _ = press(&pane, .cursorNext)
    XCTAssertEqual(pane.cursor, 1)
    _ = press(&pane, .toggleOverlay)
    XCTAssertEqual(pane.overlaid.map(\.path), ["eis/LPSC_pellet_30C.csv"])
    buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    XCTAssertTrue(buffer.lines.contains { $0.contains("f 794.3 kHz · Z′ 18.54 Ω · −Z″ 1.301 Ω") }, buffer.lines.joined(separator: "\n"))
    // Another spectrum starts on its whole plot.
    _ = press(&pane, .nextSpectrum)
    XCTAssertNil(pane.nyquistWindow)
    XCTAssertNil(pane.cursor)
  }
}

extension ImpedancePaneTests {
  /// A file that could not be read is listed with its error and counted.
  func testBadFilesAreListedWithTheirError() throws {
    let pane = try loadedPane()
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    let screen = buffer.lines.joined(separator: "\n")
    XCTAssertTrue(screen.contains("Spectra (3), 1 bad"), screen)
    XCTAssertTrue(buffer.lines.contains { $0.contains("! notes.txt") }, screen)
    XCTAssertTrue(buffer.lines.contains { $0.contains("not an impedance file") }, screen)
  }
}
