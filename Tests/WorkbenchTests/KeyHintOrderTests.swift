import TUI
import XCTest

@testable import Workbench

/// The hint line puts `?` first, then the focused pane's most useful keys (its `hintOrder`),
/// then the rest; the help lists every binding, hidden or not.
final class KeyHintOrderTests: XCTestCase {
  func testRanksOrderTheHintsStably() {
    let rows = [
      KeyBinding(CyclingPaneAction.zoomIn, keys: [.character("+")], description: "zoom in"),
      KeyBinding(CyclingPaneAction.cycleView, keys: [.character("v")], description: "view").ranked(1),
      KeyBinding(CyclingPaneAction.zoomOut, keys: [.character("-")], description: "zoom out"),
      KeyBinding(CyclingPaneAction.goToCycle, keys: [.character("g")], description: "go").ranked(2),
      KeyBinding(CyclingPaneAction.panLeft, keys: [.character("h")], description: "pan", showsInHints: false).ranked(0),
    ]
    XCTAssertEqual(rows.hints.map(\.key), ["v", "g", "+", "-"])
  }

  func testTheImpedanceHintLineStartsWithItsMostUsefulKeys() {
    let state = AppState(panes: [ImpedancePane(workspace: "/ws")], workspace: "ws", size: (120, 10))
    let line = AppView.render(state).lines[9]
    XCTAssertTrue(line.hasPrefix(" ws │ ? help  down/j spectrum  f fit  F fit all  v view  c circuit  z zoom to arcs  m mark for the series"), line)
    // Every row of the table is in the help, including those the hint line leaves out.
    let help = AppView.helpOverlay(state).sections.first?.hints ?? []
    XCTAssertEqual(help.count, ImpedancePaneAction.allCases.count)
    XCTAssertTrue(help.contains(KeyHint(key: "M", description: "clear the series marks")))
  }

  func testTheCyclingHintLineStartsWithItsMostUsefulKeys() {
    let state = AppState(panes: [CyclingPane(workspace: "/ws")], workspace: "ws", size: (120, 10))
    let line = AppView.render(state).lines[9]
    XCTAssertTrue(line.hasPrefix(" ws │ ? help  v view  down/j file  g go to cycle N  c overlay this cycle"), line)
    XCTAssertEqual(AppView.helpOverlay(state).sections.first?.hints.count, CyclingPaneAction.allCases.count)
  }
}
