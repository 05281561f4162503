import Engine
import TUI
import XCTest

@testable import Workbench

final class KeymapTests: XCTestCase {
  let tables: [String: [KeyBinding]] = ["global": GlobalBindings.defaults, "counter": CounterPane().bindings]

  func testUserKeymapOverridesGlobalAndPaneBindings() {
    let text = """
      [global]
      quit = "ctrl-q"
      help = ["?", "f1"]

      [counter]
      increment = "+"
      """
    let (keymap, errors) = Keymap.parse(text, fileName: "keys.toml", tables: tables)
    XCTAssertEqual(errors, [])
    var state = AppState(panes: [CounterPane()], workspace: "w", keymap: keymap)
    // q no longer quits; it reaches the pane as an unbound key.
    XCTAssertEqual(reduce(state: &state, action: .keyPressed(.character("q"))), [])
    XCTAssertEqual(reduce(state: &state, action: .keyPressed(.ctrl("q"))), [.quit])
    _ = reduce(state: &state, action: .keyPressed(.function(1)))
    XCTAssertTrue(state.helpVisible)
    _ = reduce(state: &state, action: .keyPressed(.character("+")))
    _ = reduce(state: &state, action: .keyPressed(.character("j")))
    XCTAssertEqual((state.panes[0] as? CounterPane)?.count, 1, "only the new key counts")
    // Hints and help show the user's keys.
    XCTAssertTrue(state.globalBindings.hints.contains(KeyHint(key: "ctrl-q", description: "quit")))
    XCTAssertTrue(state.globalBindings.hints.contains(KeyHint(key: "?/f1", description: "help")))
  }

  func testBadEntriesNameFileAndLineAndTheGoodOnesStillApply() {
    let text = """
      [global]
      quit = "ctrl-q"
      quitt = "x"
      help = "hyper-h"
      command = 3

      [nosuchpane]
      a = "b"
      """
    let (keymap, errors) = Keymap.parse(text, fileName: "keys.toml", tables: tables)
    XCTAssertEqual(keymap.replacements["global"]?["quit"], [.ctrl("q")])
    XCTAssertEqual(errors.map(\.line), [3, 4, 5, 7])
    XCTAssertTrue(errors.allSatisfy { $0.file == "keys.toml" })
    XCTAssertTrue(errors[0].message.hasPrefix("unknown action 'quitt' in [global]"), errors[0].message)
    XCTAssertTrue(errors[1].message.contains("unknown key name \"hyper-h\""), errors[1].message)
    XCTAssertTrue(errors[2].message.contains("found an integer"), errors[2].message)
    XCTAssertTrue(errors[3].message.hasPrefix("unknown keymap section [nosuchpane]"), errors[3].message)
    XCTAssertEqual(errors[0].description.prefix(12), "keys.toml:3:")
  }

  func testSyntaxErrorGivesNoOverridesAndTheParsersLine() {
    let (keymap, errors) = Keymap.parse("[global]\nquit = \"ctrl-q\n", fileName: "keys.toml", tables: tables)
    XCTAssertEqual(keymap, Keymap())
    XCTAssertEqual(errors.count, 1)
    XCTAssertEqual(errors.first?.file, "keys.toml")
    XCTAssertEqual(errors.first?.line, 2)
  }

  func testKeymapErrorsAppearInTheStatusLineOneAfterAnother() {
    var state = AppState(panes: [], workspace: "w")
    state.post([.error("keys.toml:3: a"), .error("keys.toml:4: b")])
    XCTAssertEqual(state.status, .error("keys.toml:3: a"))
    _ = reduce(state: &state, action: .keyPressed(.character("x")))
    XCTAssertEqual(state.status, .error("keys.toml:4: b"))
    _ = reduce(state: &state, action: .keyPressed(.character("x")))
    XCTAssertNil(state.status)
  }
}
