import Engine
import TUI
import XCTest

@testable import Workbench

/// With images the pane asks for frames of up to 1024 values a side (the image is drawn at the
/// pane's pixel size: 80 cells × 10 px is 800 px, more than the 256² preview holds); in cells it
/// keeps 256², and the shell hands every pane the terminal's graphics once it knows them.
extension SimulationPaneTests {
  func testWithImagesTheSnapshotIsAskedAtUpTo1024ValuesASide() throws {
    var pane = try listedPane()
    pane.graphicsChanged(TerminalGraphics(imageProtocol: .sixel, cellWidth: 10, cellHeight: 20, colorRegisters: 256))
    XCTAssertEqual(pane.perform(.attach), [
      .render, .startJob(.simulation(.metrics(run: "runs/live", reader: RunMetricsReader()))),
      .startJob(.simulation(.snapshot(run: "runs/live", snapshot: "step_000000200.vti", maxColumns: 1024, maxRows: 1024))),
    ])
    pane.graphicsChanged(nil)
    XCTAssertEqual(pane.snapshotSide, 256)
  }

  func testTheShellPassesTheTerminalsGraphicsToItsPanes() throws {
    var state = AppState(panes: [try listedPane()], workspace: "/ws")
    state.graphics = TerminalGraphics(imageProtocol: .kitty, cellWidth: 9, cellHeight: 18)
    let pane = try XCTUnwrap(state.panes.first as? SimulationPane)
    XCTAssertEqual(pane.snapshotSide, 1024)
  }
}
