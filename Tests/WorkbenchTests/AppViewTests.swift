import TUI
import XCTest

@testable import Workbench

final class AppViewTests: XCTestCase {
  func testShellLayoutTabsBodyAndStatusLine() {
    var state = AppState(panes: [CounterPane(id: "a", title: "Alpha"), CounterPane(id: "b", title: "Beta")], workspace: "Examples", size: (60, 5))
    let lines = AppView.render(state).lines
    XCTAssertEqual(lines[0], " 1 Alpha  2 Beta " + String(repeating: " ", count: 43))
    XCTAssertEqual(lines[1], "Alpha count 0" + String(repeating: " ", count: 47))
    XCTAssertEqual(lines[4], " Examples │ ? help  j count  e edit note  : command  q quit ")
    state.status = .error("keys.toml:3: unknown action 'quitt'")
    XCTAssertEqual(AppView.render(state).lines[4], " Examples │ keys.toml:3: unknown action 'quitt'             ")
    XCTAssertEqual(AppView.render(state).cell(x: 12, y: 4)?.style.foreground, state.theme.error)
    state.commandLine = TextInput(text: "theme", prompt: ":")
    XCTAssertEqual(AppView.render(state).lines[4], ":theme" + String(repeating: " ", count: 54))
  }

  func testNoPanesShowsTheShellWithANotice() {
    let state = AppState(panes: [], workspace: "Examples", size: (60, 5))
    let lines = AppView.render(state).lines
    XCTAssertEqual(lines[0], String(repeating: " ", count: 60))
    XCTAssertEqual(lines[2], " No panes are registered in this build. Press q to quit.    ")
    XCTAssertTrue(lines[4].hasPrefix(" Examples │ ? help  : command  q quit"))
  }

  func testHelpListsThePaneAndGlobalBindings() {
    var state = AppState(panes: [CounterPane()], workspace: "w", size: (50, 30))
    state.helpVisible = true
    let text = AppView.render(state).lines.joined(separator: "\n")
    for expected in ["Counter", "j          count", "e          edit note", "Global", "1-6        pane 1–6", "shift-tab  previous pane", "ctrl-l     repaint", "q          quit"] {
      XCTAssertTrue(text.contains(expected), "help should list \"\(expected)\":\n\(text)")
    }
  }

  func testOverriddenPaneKeysAreListedOneByOneInTheHelp() {
    var bindings = GlobalBindings.defaults
    bindings[2].keys = [.function(3)]
    let hints = AppView.globalHelpHints(bindings)
    XCTAssertTrue(hints.contains(KeyHint(key: "f3", description: "pane 3")))
    XCTAssertEqual(hints.count, GlobalBindings.defaults.count)
    XCTAssertEqual(AppView.globalHelpHints(GlobalBindings.defaults).count, GlobalBindings.defaults.count - 5)
  }

  func testEverySizeDownToNothingRenders() {
    var state = AppState(panes: [CounterPane()], workspace: "/a/long/workspace/path", size: (0, 0))
    state.helpVisible = true
    for (w, h) in [(0, 0), (1, 1), (1, 2), (2, 1), (20, 6), (40, 12), (80, 24), (200, 60)] {
      state.size = (w, h)
      let buffer = AppView.render(state)
      XCTAssertEqual(buffer.area, Rect(x: 0, y: 0, width: w, height: h))
    }
    state.size = (1, 1)
    XCTAssertEqual(AppView.render(state).lines, [" "])
  }
}
