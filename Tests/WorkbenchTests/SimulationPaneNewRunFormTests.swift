import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// The new-run form of pane 6: a picked config's overrides, checked on Enter, and the
/// `sim run` process they start.
final class SimulationPaneNewRunFormTests: XCTestCase {
  /// The list pane and renderer of the pane's main tests (an instance only for its helpers).
  let support = SimulationPaneTests(name: "helpers", testClosure: { _ in })

  /// The listed pane with two configs, the form of sim/model2.toml open.
  func paneWithForm() throws -> SimulationPane {
    var pane = try support.listedPane()
    let configs = ["sim/model1.toml", "sim/model2.toml"].map { IndexedFile(path: $0, size: 1, modified: 0) }
    _ = pane.handle(.workspaceFiles(kind: .simulationConfig, files: configs, complete: true))
    XCTAssertEqual(pane.perform(.newRun), [.render])
    XCTAssertEqual(pane.handle(.key(.down)), [.render])
    XCTAssertEqual(pane.handle(.key(.enter)), [.render], "Enter on a config opens its form; nothing starts yet")
    XCTAssertEqual(pane.modal, .newRunForm(NewRunForm(config: "sim/model2.toml")))
    XCTAssertTrue(pane.capturesInput)
    return pane
  }

  func type(_ text: String, into pane: inout SimulationPane) {
    for c in text { _ = pane.handle(.key(.character(c))) }
  }

  func form(_ pane: SimulationPane) -> NewRunForm? {
    if case .newRunForm(let form) = pane.modal { return form }
    return nil
  }

  func testAFilledFormStartsSimRunDetachedWithEveryOverride() throws {
    var pane = try paneWithForm()
    type("64", into: &pane)
    XCTAssertEqual(pane.handle(.key(.tab)), [.render])
    type("250", into: &pane)
    _ = pane.handle(.key(.down))
    type("-0.2", into: &pane)
    _ = pane.handle(.key(.tab))
    type("12", into: &pane)
    _ = pane.handle(.key(.tab))
    type("0.55", into: &pane)
    XCTAssertEqual(pane.handle(.key(.backspace)), [.render])
    type("5", into: &pane)
    XCTAssertEqual(form(pane)?.texts, ["64", "250", "-0.2", "12", "0.55"])
    // 250 µm is 2.5e-4 m (`--length` is in metres); the potential is one argument so that
    // "-0.2" is not read as an option.
    XCTAssertEqual(pane.handle(.key(.enter)), [
      .runProcess(executable: "", arguments: [
        "sim", "run", "sim/model2.toml", "--out", "runs/model2-1", "--detach",
        "--grid", "64", "--length", "250.0e-6", "--electrode-potential=-0.2", "--until", "12.0", "--output-interval", "0.55",
      ], pane: "simulation"),
      .render,
    ])
    XCTAssertEqual(pane.modal, .none)
  }

  func testAnEmptyFormKeepsTheConfigsValues() throws {
    var pane = try paneWithForm()
    XCTAssertTrue(support.render(pane).contains { $0.contains("electrode potential (V)") && $0.contains("as in the config") })
    XCTAssertEqual(pane.handle(.key(.enter)), [
      .runProcess(executable: "", arguments: ["sim", "run", "sim/model2.toml", "--out", "runs/model2-1", "--detach"], pane: "simulation"),
      .render,
    ])
  }

  func testAnInvalidFieldKeepsTheFormAndNamesTheField() throws {
    var pane = try paneWithForm()
    for (field, text, message) in [
      (NewRunForm.Field.grid, "4", "grid (points a side): an even whole number from 8 to 8192, got \"4\""),
      (.grid, "8194", "grid (points a side): an even whole number from 8 to 8192, got \"8194\""),
      (.grid, "65", "grid (points a side): an even whole number from 8 to 8192, got \"65\""),
      (.length, "0", "domain length (µm): a finite number > 0, got \"0\""),
      (.length, "abc", "domain length (µm): a finite number > 0, got \"abc\""),
      (.electrodePotential, "nan", "electrode potential (V): a finite number, got \"nan\""),
      (.until, "inf", "end time (s): a finite number > 0, got \"inf\""),
      (.outputInterval, "-1", "output interval (s): a finite number > 0, got \"-1\""),
    ] {
      pane = try paneWithForm()
      for _ in 0..<field.rawValue { _ = pane.handle(.key(.tab)) }
      type(text, into: &pane)
      // Focus elsewhere first: the error moves it back to the bad field.
      _ = pane.handle(.key(.up))
      XCTAssertEqual(pane.handle(.key(.enter)), [.render], text)
      XCTAssertEqual(form(pane)?.error, message)
      XCTAssertEqual(form(pane)?.focus, field)
      XCTAssertTrue(support.render(pane).joined(separator: "\n").contains(message), message)
    }
  }

  func testEscCancelsTheForm() throws {
    var pane = try paneWithForm()
    type("64", into: &pane)
    XCTAssertEqual(pane.handle(.key(.escape)), [.render])
    XCTAssertEqual(pane.modal, .none)
    XCTAssertFalse(pane.capturesInput)
  }

  func testTheFormTakesQAndDigitsThroughTheReducer() throws {
    let pane = try paneWithForm()
    var state = AppState(panes: [pane], workspace: "/tmp/ws")
    // q would quit and digits would switch panes outside the form; here they are the field's text.
    XCTAssertEqual(reduce(state: &state, action: .keyPressed(.character("q"))), [.render])
    XCTAssertEqual(reduce(state: &state, action: .keyPressed(.character("2"))), [.render])
    let simulation = try XCTUnwrap(state.panes[0] as? SimulationPane)
    XCTAssertEqual(form(simulation)?.text(.grid), "q2")
    XCTAssertEqual(form(simulation)?.focus, .grid)
    // Tab is the shell's next-pane key elsewhere; in the form it moves to the next field.
    _ = reduce(state: &state, action: .keyPressed(.tab))
    XCTAssertEqual(state.focusedPane, 0)
    XCTAssertEqual((state.panes[0] as? SimulationPane).flatMap(form)?.focus, .length)
    // Once the form is closed, q is the shell's quit again.
    XCTAssertEqual(reduce(state: &state, action: .keyPressed(.escape)), [.render])
    XCTAssertEqual(reduce(state: &state, action: .keyPressed(.character("q"))), [.quit])
  }

  func testTheFormIsDrawnWithItsFieldsAndKeys() throws {
    var pane = try paneWithForm()
    type("128", into: &pane)
    let lines = support.render(pane)
    let text = lines.joined(separator: "\n")
    XCTAssertTrue(text.contains("New run of sim/model2.toml → runs/model2-1"), text)
    let grid = try XCTUnwrap(lines.first { $0.contains("grid (points a side)") })
    XCTAssertTrue(grid.contains("> grid (points a side)") && grid.contains("128_"), grid)
    for label in ["domain length (µm)", "end time (s)", "output interval (s)"] {
      let line = try XCTUnwrap(lines.first { $0.contains(label) }, label)
      XCTAssertTrue(line.contains("as in the config"), line)
    }
    XCTAssertTrue(text.contains("Enter starts it detached · Esc cancels"), text)
  }

  func testMicrometresBecomeMetresByTheExponentNotByDivision() {
    // 3.2 / 1e6 is 3.2000000000000003e-06; the passed text must parse to what the user typed, ×1e-6.
    XCTAssertEqual(NewRunForm.metres(fromMicrometres: 3.2), "3.2e-6")
    XCTAssertEqual(Double(NewRunForm.metres(fromMicrometres: 3.2)), 3.2e-6)
    XCTAssertEqual(NewRunForm.metres(fromMicrometres: 1e-5), "1e-11")
    XCTAssertEqual(Double(NewRunForm.metres(fromMicrometres: 1e-5)), 1e-11)
    XCTAssertEqual(Double(NewRunForm.metres(fromMicrometres: 50)), 5e-5)
  }
}
