import TUI
import XCTest

@testable import Workbench

final class ReducerTests: XCTestCase {
  func makeState(panes: Int = 3) -> AppState {
    AppState(panes: (0..<panes).map { CounterPane(id: "p\($0 + 1)", title: "Pane\($0 + 1)") }, workspace: "Examples")
  }

  func press(_ key: Key, _ state: inout AppState) -> [Effect] {
    reduce(state: &state, action: .keyPressed(key))
  }

  func testNumberKeysFocusThatPane() {
    var state = makeState()
    XCTAssertEqual(press(.character("3"), &state), [.render])
    XCTAssertEqual(state.focusedPane, 2)
    XCTAssertEqual((state.panes[2] as? CounterPane)?.events, [.focused])
    XCTAssertEqual(press(.character("1"), &state), [.render])
    XCTAssertEqual(state.focusedPane, 0)
    // Focusing the pane already focused changes nothing, so nothing is drawn.
    XCTAssertEqual(press(.character("1"), &state), [])
  }

  func testEachOfOneToSixFocusesItsPane() {
    var state = makeState(panes: 6)
    for n in [6, 2, 5, 1, 4, 3] {
      _ = press(.character(Character(String(n))), &state)
      XCTAssertEqual(state.focusedPane, n - 1, "key \(n)")
    }
  }

  func testANumberWithoutAPaneIsAnError() {
    var state = makeState()
    _ = press(.character("5"), &state)
    XCTAssertEqual(state.focusedPane, 0)
    XCTAssertEqual(state.status, .error("no pane 5 (panes 1–3)"))
    var empty = makeState(panes: 0)
    _ = press(.character("1"), &empty)
    XCTAssertEqual(empty.status, .error("no panes are registered"))
  }

  func testTabAndShiftTabCycleThroughPanes() {
    var state = makeState()
    _ = press(.tab, &state)
    XCTAssertEqual(state.focusedPane, 1)
    _ = press(.tab, &state)
    _ = press(.tab, &state)
    XCTAssertEqual(state.focusedPane, 0, "Tab wraps around")
    _ = press(.backTab, &state)
    XCTAssertEqual(state.focusedPane, 2, "Shift-Tab wraps backwards")
    var empty = makeState(panes: 0)
    XCTAssertEqual(press(.tab, &empty), [])
  }

  func testQuestionMarkTogglesHelpAndEscClosesIt() {
    var state = makeState()
    XCTAssertEqual(press(.character("?"), &state), [.render])
    XCTAssertTrue(state.helpVisible)
    _ = press(.character("?"), &state)
    XCTAssertFalse(state.helpVisible)
    _ = press(.character("?"), &state)
    _ = press(.escape, &state)
    XCTAssertFalse(state.helpVisible)
  }

  func testQQuitsAndCtrlLRepaints() {
    var state = makeState()
    XCTAssertEqual(press(.character("q"), &state), [.quit])
    XCTAssertEqual(press(.ctrl("l"), &state), [.repaint])
  }

  func testColonOpensTheCommandLineWhichTakesEveryKey() {
    var state = makeState()
    _ = press(.character(":"), &state)
    XCTAssertNotNil(state.commandLine)
    // "q" and "2" are typed, not obeyed.
    for c in "q2" { XCTAssertEqual(press(.character(c), &state), [.render]) }
    XCTAssertEqual(state.commandLine?.text, "q2")
    XCTAssertEqual(state.focusedPane, 0)
    _ = press(.escape, &state)
    XCTAssertNil(state.commandLine)
    _ = press(.character(":"), &state)
    for c in "quit" { _ = press(.character(c), &state) }
    XCTAssertEqual(press(.enter, &state), [.render, .quit])
  }

  func testCommands() {
    var state = makeState()
    XCTAssertEqual(reduce(state: &state, action: .commandEntered("theme light")), [.loadTheme("light")])
    _ = reduce(state: &state, action: .commandEntered("help"))
    XCTAssertTrue(state.helpVisible)
    _ = reduce(state: &state, action: .commandEntered("symbols ascii"))
    XCTAssertEqual(state.graphSymbols, .ascii)
    _ = reduce(state: &state, action: .commandEntered("symbols dots"))
    XCTAssertEqual(state.status, .error("unknown graph symbols 'dots' (expected braille, block or ascii)"))
    _ = reduce(state: &state, action: .commandEntered("frobnicate now"))
    XCTAssertEqual(state.status, .error("unknown command 'frobnicate' (\(WorkbenchCommand.usage))"))
    _ = reduce(state: &state, action: .commandEntered("theme"))
    XCTAssertEqual(state.status, .error("usage: theme NAME"))
    XCTAssertEqual(reduce(state: &state, action: .commandEntered("q")), [.quit])
  }

  func testThemeResults() {
    var state = makeState()
    var light = Theme.dark
    light.name = "light"
    _ = reduce(state: &state, action: .themeLoaded(light))
    XCTAssertEqual(state.theme.name, "light")
    _ = reduce(state: &state, action: .themeFailed("unknown theme 'x'"))
    XCTAssertEqual(state.status, .error("unknown theme 'x'"))
    XCTAssertEqual(state.theme.name, "light", "a failed theme keeps the current one")
  }

  func testPaneBindingsDispatchToTheFocusedPaneOnly() {
    var state = makeState()
    _ = press(.character("2"), &state)
    XCTAssertEqual(press(.character("j"), &state), [.render])
    XCTAssertEqual((state.panes[1] as? CounterPane)?.count, 1)
    XCTAssertEqual((state.panes[0] as? CounterPane)?.count, 0)
    // An unbound key reaches the pane as a key; it ignores it, so nothing is drawn.
    XCTAssertEqual(press(.character("x"), &state), [])
    XCTAssertEqual((state.panes[1] as? CounterPane)?.events.last, .key(.character("x")))
  }

  func testAPaneEditingTextGetsKeysBeforeGlobalBindings() {
    var state = makeState()
    _ = press(.character("e"), &state)
    for c in "q1?" { _ = press(.character(c), &state) }
    XCTAssertEqual(state.focusedPane, 0)
    XCTAssertFalse(state.helpVisible)
    let effects = press(.enter, &state)
    XCTAssertEqual(effects, [.render, .appendToFile(path: "notes.txt", text: "q1?\n", pane: "p1")])
    XCTAssertEqual(state.status, StatusMessage("noted q1?"))
    // The next key clears the message.
    _ = press(.character("j"), &state)
    XCTAssertNil(state.status)
  }

  func testTicksReachOnlyPanesThatWantThem() {
    var state = makeState(panes: 2)
    XCTAssertFalse(state.wantsTicks)
    XCTAssertEqual(reduce(state: &state, action: .tick(1.0)), [])
    (state.panes[1] as? CounterPane).map { pane in
      var ticking = pane
      ticking.ticking = true
      state.panes[1] = ticking
    }
    XCTAssertTrue(state.wantsTicks)
    XCTAssertEqual(reduce(state: &state, action: .tick(2.0)), [.render])
    XCTAssertEqual((state.panes[1] as? CounterPane)?.count, 100)
    XCTAssertEqual((state.panes[0] as? CounterPane)?.count, 0)
  }

  func testResizeAndFileResultsGoWhereTheyBelong() {
    var state = makeState()
    XCTAssertEqual(reduce(state: &state, action: .resized(width: 40, height: 12)), [.render])
    XCTAssertEqual(state.size.width, 40)
    _ = reduce(state: &state, action: .fileLoaded(pane: "p3", path: "a.toml", result: .success("x = 1")))
    XCTAssertEqual((state.panes[2] as? CounterPane)?.events, [.fileLoaded(path: "a.toml", result: .success("x = 1"))])
    XCTAssertEqual((state.panes[0] as? CounterPane)?.events, [])
    _ = reduce(state: &state, action: .fileChanged(path: "b.csv"))
    XCTAssertEqual((state.panes[0] as? CounterPane)?.events, [.fileChanged(path: "b.csv")])
  }

  /// A job names its pane: its progress and result reach that pane only; the index's file lists
  /// reach every pane (each takes the kinds it asked for).
  func testJobResultsReachThePaneThatStartedTheJobAndFileListsReachEveryPane() {
    var state = AppState(panes: [CounterPane(id: "impedance"), CounterPane(id: "cycling")], workspace: "w")
    let result = PaneJobResult.impedance(.readFiles(paths: ["a.csv"]), .success(.files([
      ImpedanceFileContents(path: "a.csv", spectra: [], error: "no spectra"),
    ])))
    _ = reduce(state: &state, action: .jobFinished(result))
    XCTAssertEqual((state.panes[0] as? CounterPane)?.events, [.jobFinished(result)])
    XCTAssertEqual((state.panes[1] as? CounterPane)?.events, [])
    let files = [IndexedFile(path: "cell.bdf.csv", size: 10, modified: 1)]
    _ = reduce(state: &state, action: .workspaceFiles(kind: .cycling, files: files, complete: false))
    for pane in state.panes {
      XCTAssertEqual((pane as? CounterPane)?.events.last, .workspaceFiles(kind: .cycling, files: files, complete: false))
    }
  }

  /// Keys reach a pane as its own action enum: the default key, a user's replacement (the old
  /// key then reaches the pane as a plain key), and never an unbound key.
  func testBoundKeysArriveAsTypedActionsAfterTheKeymap() {
    var state = AppState(panes: [CounterPane()], workspace: "w", keymap: Keymap(replacements: ["counter": ["edit": [.character("E")]]]))
    _ = press(.character("j"), &state)
    _ = press(.character("e"), &state)
    _ = press(.character("E"), &state)
    let pane = state.panes[0] as? CounterPane
    XCTAssertEqual(pane?.actions, [.increment, .edit])
    XCTAssertEqual(pane?.events, [.key(.character("e"))])
    // The table is the enum: one row per case, named by its raw value.
    XCTAssertEqual(CounterPane().bindings.map(\.action), CounterPane.Action.allCases.map(\.rawValue))
    XCTAssertEqual(GlobalBindings.defaults.map(\.action), GlobalAction.allCases.map(\.rawValue))
  }
}
