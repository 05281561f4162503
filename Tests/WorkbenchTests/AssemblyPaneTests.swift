import Foundation
import Lab
import TUI
import XCTest

@testable import Workbench

/// A wall clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
  private let lock = NSLock()
  private var time: Date

  init(_ time: Date) { self.time = time }

  var now: Date { lock.withLock { time } }

  func advance(_ seconds: Double) { lock.withLock { time = time.addingTimeInterval(seconds) } }
}

final class AssemblyPaneTests: XCTestCase {
  /// 2026-11-24 10:00:00 UTC.
  let start = Date(timeIntervalSince1970: 1_795_514_400)

  func pane(at id: String, clock: ManualClock? = nil) throws -> AssemblyPane {
    let clock = clock ?? ManualClock(start)
    var pane = AssemblyPane(lab: PaneTestSupport.lab(), clock: { clock.now })
    XCTAssertTrue(pane.lab.errors.isEmpty, "\(pane.lab.errors)")
    let index = try XCTUnwrap(pane.protocols.firstIndex { $0.id == id })
    for _ in 0..<index { _ = pane.perform(.down) }
    XCTAssertEqual(pane.selectedProtocol?.id, id)
    return pane
  }

  /// 300 MPa on a 10 mm die: F = p·π d²/4 = 300e6 Pa × 7.853982e-5 m² = 23 561.9 N = 23.56 kN,
  /// which a press reads as 23 561.9 / 9806.65 = 2.40 tonnes-force.
  func testA3PressingRowShowsTheForceInKilonewtonsAndTonnesForce() throws {
    let pane = try pane(at: "A3")
    let newtons = 300e6 * Double.pi * 0.010 * 0.010 / 4
    XCTAssertEqual(String(format: "%.2f", newtons / 1000), "23.56")
    XCTAssertEqual(String(format: "%.2f", newtons / 9806.65), "2.40")
    let screen = PaneTestSupport.render(pane, width: 120, height: 40)
    let row = try XCTUnwrap(PaneTestSupport.row(screen, containing: "300", "23.56"), screen.lines.joined(separator: "\n"))
    XCTAssertTrue(row.contains("2.40"), row)
    XCTAssertTrue(row.contains("5 min"), row)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "Force (kN)", "Force (tf)"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "Die:", "10 mm die, 0.7854 cm²"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "2. Press 300 MPa: set 23.56 kN (2.40 tf)"))
    // In 44 columns the table keeps Step … Force (tf) and leaves Hold and Die out.
    let sheet = try XCTUnwrap(pane.sheet?.get())
    XCTAssertEqual(
      AssemblyPane.fittingTable(columns: sheet.pressColumns, rows: sheet.pressRows, width: 44),
      ["Step  Pressure (MPa)  Force (kN)  Force (tf)", "   2             300       23.56        2.40"])
  }

  /// A3 is SS / 200 mg LPSC / SS: the SS discs have no thickness, so on 10 rows each gets one
  /// row and the pellet the other eight, bottom disc at the bottom.
  func testStackIsDrawnToScaleBottomLayerLast() throws {
    let pane = try pane(at: "A3")
    let sheet = try XCTUnwrap(pane.sheet?.get())
    XCTAssertEqual(sheet.bandHeights(rows: 10), [1, 8, 1])
    var buffer = Buffer(width: 30, height: 10)
    StackDrawing(sheet: sheet).render(into: &buffer, area: buffer.area, theme: .dark)
    let electrolyte = StackDrawing.color(.electrolyte, theme: .dark)
    let collector = StackDrawing.color(.currentCollector, theme: .dark)
    XCTAssertEqual((0..<10).map { buffer.cell(x: 29, y: $0)?.style.background },
      [collector] + Array(repeating: electrolyte, count: 8) + [collector])
    XCTAssertTrue(buffer.line(9).contains("SS disc (bottom)"))
    XCTAssertTrue(buffer.line(0).contains("SS disc (top)"))
    let pellet = try XCTUnwrap(sheet.stack.first { $0.material == "LPSC" })
    XCTAssertTrue(buffer.lines.contains { $0.contains("LPSC pellet \(pellet.label)") })
    // The pane shows the same drawing in its frame.
    let screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "Stack to scale"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "LPSC pellet \(pellet.label)"))
  }

  func records(_ effects: [Effect]) -> [NotebookRecord] {
    effects.flatMap { effect -> [NotebookRecord] in
      guard case .appendToFile(let path, let text, let paneID) = effect else { return [] }
      XCTAssertEqual(path, "notebook.jsonl")
      XCTAssertEqual(paneID, "assembly")
      XCTAssertTrue(text.hasSuffix("\n") && !text.dropLast().contains("\n"), "one JSON line")
      let contents = RunNotebook.decode(Data(text.utf8))
      XCTAssertEqual(contents.errors, [])
      return contents.records
    }
  }

  func testRunModeCountsDownTheHoldAndRecordsEveryStep() throws {
    let clock = ManualClock(start)
    var pane = try pane(at: "A3", clock: clock)
    XCTAssertEqual(pane.perform(.note), [], "no note outside run mode")
    XCTAssertEqual(pane.perform(.completeStep), [])
    let runEffects = pane.perform(.run)
    XCTAssertEqual(runEffects, [
      .status(StatusMessage("run A3: 4 steps; type the cell or sample id (Esc: none), then space starts a hold or completes a step")),
      .loadFile(path: "notebook.jsonl", pane: "assembly"),
    ])
    XCTAssertEqual(pane.handle(.fileLoaded(path: "notebook.jsonl", result: .failure(EffectFailure("no such file")))), [],
      "a missing notebook is a new one")
    XCTAssertFalse(pane.wantsTicks)

    // Step 1 (spread the powder) is untimed: space records it at once.
    clock.advance(30)
    var written = records(pane.perform(.completeStep))
    XCTAssertEqual(written.count, 1)
    XCTAssertEqual(written.first?.step, 1)
    XCTAssertEqual(written.first?.time, "2026-11-24T10:00:30Z")
    XCTAssertEqual(written.first?.protocolID, "A3")

    // Step 2, the 300 MPa press: the first space starts the 5 min countdown.
    XCTAssertEqual(pane.perform(.completeStep), [.status(StatusMessage("step 2: hold started"))])
    XCTAssertTrue(pane.wantsTicks)
    clock.advance(120)
    XCTAssertEqual(pane.handle(.tick(1)), [.render])
    var screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "hold: 03:00 left of 05:00"), screen.lines.joined(separator: "\n"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "Run A3 — step 2 of 4"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "40 %"))

    // A note and a deviation typed during the hold go with the step.
    _ = pane.perform(.note)
    XCTAssertTrue(pane.capturesInput)
    PaneTestSupport.type("die a bit sticky", into: &pane)
    _ = pane.handle(.key(.enter))
    _ = pane.perform(.deviation)
    PaneTestSupport.type("gauge read 310 MPa", into: &pane)
    _ = pane.handle(.key(.enter))
    _ = pane.perform(.deviation)
    PaneTestSupport.type("discarded", into: &pane)
    XCTAssertEqual(pane.handle(.key(.escape)), [.render])
    XCTAssertFalse(pane.capturesInput)

    clock.advance(181)
    XCTAssertEqual(pane.handle(.tick(2)), [.status(StatusMessage("step 2: hold time reached, release and press space"))])
    XCTAssertEqual(pane.handle(.tick(3)), [.render], "announced once")
    written = records(pane.perform(.completeStep))
    XCTAssertEqual(written.first?.step, 2)
    XCTAssertEqual(written.first?.note, "die a bit sticky")
    XCTAssertEqual(written.first?.deviations, ["gauge read 310 MPa"])
    XCTAssertEqual(try XCTUnwrap(written.first?.elapsedSeconds), 301, accuracy: 1e-9)
    XCTAssertTrue(written.first?.title.contains("23.56 kN") ?? false)
    XCTAssertFalse(pane.wantsTicks)
    XCTAssertEqual(pane.handle(.fileAppended(path: "notebook.jsonl", failure: nil)), [.render])
    XCTAssertEqual(pane.run?.written, 1)

    // Enter completes a step in run mode too; the last one ends the run.
    XCTAssertEqual(records(pane.perform(.open)).first?.step, 3)
    let last = pane.perform(.completeStep)
    XCTAssertEqual(records(last).first?.step, 4)
    XCTAssertTrue(last.contains(.status(StatusMessage("run A3 complete: 4 steps recorded"))))
    XCTAssertEqual(pane.perform(.completeStep), [])
    screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "✓ All 4 steps recorded in notebook.jsonl"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "✓ 2. 10:05:31", "[gauge read 310 MPa] — die a bit sticky"))

    guard case .status(let left)? = pane.perform(.back).first else { return XCTFail() }
    XCTAssertEqual(left.text, "left run A3 after 4 of 4 steps (recorded in notebook.jsonl)")
    XCTAssertNil(pane.run)
  }

  func testAHoldCutShortOrNeverStartedIsRecordedAsADeviation() throws {
    let clock = ManualClock(start)
    var pane = try pane(at: "A3", clock: clock)
    _ = pane.perform(.run)
    _ = pane.perform(.completeStep)
    _ = pane.perform(.completeStep)  // starts the 5 min hold
    clock.advance(60)
    // Completing early is asked first; the second space records it with the deviation.
    XCTAssertEqual(pane.perform(.completeStep), [.render, .status(StatusMessage(
      "step 2: 04:00 left; space again ends the hold early (recorded as a deviation), other keys keep holding"))])
    XCTAssertEqual(records(pane.perform(.completeStep)).first?.deviations, ["held 1 min of 5 min"])
    XCTAssertEqual(pane.handle(.fileAppended(path: "notebook.jsonl", failure: EffectFailure("notebook.jsonl: cannot create"))),
      [.status(.error("notebook not written: notebook.jsonl: cannot create"))])
    XCTAssertEqual(pane.run?.failed, 1)
    let screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "notebook: 0 of 2 written, 1 failed"))
  }

  /// An earlier crash left half a record at the end of the notebook: the run says so when it
  /// starts, and the next record is still one clean line.
  func testARecordAfterATornLineStartsOnItsOwnLine() throws {
    var pane = try pane(at: "A3")
    _ = pane.perform(.run)
    let old = "{\"deviations\":[],\"protocol\":\"A1\",\"step\":1,\"time\":\"2026-11-23T09:00:00Z\",\"title\":\"x\"}\n{\"devia"
    let effects = pane.handle(.fileLoaded(path: "notebook.jsonl", result: .success(old)))
    XCTAssertEqual(effects, [.status(StatusMessage(
      "notebook.jsonl does not end in a newline (line 2 is cut short and skipped); the next record starts a new line"))])
    // The pane's record is one JSON line; the runtime's writer puts it on a line of its own
    // (NotebookWriterTests.testTheAppendEffectPutsARecordAfterATornLineOnItsOwnLine).
    let append = pane.perform(.completeStep)
    XCTAssertEqual(records(append).map(\.protocolID), ["A3"])
  }

  func testMovementOpenBackAndScrollBindings() throws {
    var pane = AssemblyPane(lab: PaneTestSupport.lab())
    XCTAssertEqual(pane.protocols.map(\.id), ["A1", "A2", "A3", "A3-Li", "A4", "A5"])
    XCTAssertEqual(pane.perform(.up), [])
    XCTAssertEqual(pane.perform(.down), [.render])
    XCTAssertEqual(pane.selectedProtocol?.id, "A2")
    for _ in 0..<10 { _ = pane.perform(.down) }
    XCTAssertEqual(pane.selectedProtocol?.id, "A5")
    XCTAssertEqual(pane.perform(.back), [])
    XCTAssertEqual(pane.perform(.open), [.render])
    XCTAssertEqual(pane.focus, .sheet)
    _ = pane.perform(.down)
    _ = pane.perform(.pageDown)
    XCTAssertEqual(pane.sheetScroll, 11)
    _ = pane.perform(.up)
    _ = pane.perform(.pageUp)
    XCTAssertEqual(pane.sheetScroll, 0)
    XCTAssertEqual(pane.selectedProtocol?.id, "A5")
    XCTAssertEqual(pane.perform(.back), [.render])
    XCTAssertEqual(pane.focus, .list)

    var state = AppState(panes: [MaterialsPane(lab: PaneTestSupport.lab()), pane], workspace: "Examples")
    _ = reduce(state: &state, action: .keyPressed(.character("2")))
    for (key, action) in [(Key.character("j"), "down"), (.down, "down"), (.character("k"), "up"), (.up, "up"),
      (.enter, "open"), (.escape, "back"), (.character("r"), "run"), (.character(" "), "complete-step"),
      (.character("n"), "note"), (.character("d"), "deviation"), (.pageDown, "page-down"), (.pageUp, "page-up")]
    {
      XCTAssertEqual(state.focusedBindings.action(for: key), action, "\(key)")
    }
    _ = reduce(state: &state, action: .keyPressed(.character("r")))
    XCTAssertEqual((state.panes[1] as? AssemblyPane)?.run?.session.protocolID, "A5")
    // The run asks for the cell id first; Esc runs without one.
    XCTAssertEqual((state.panes[1] as? AssemblyPane)?.entry?.purpose, .cellID)
    _ = reduce(state: &state, action: .keyPressed(.escape))
    XCTAssertTrue(state.focusedBindings.hints.contains(KeyHint(key: "space", description: "start hold / step done")))
    // A note field takes "q" as text.
    _ = reduce(state: &state, action: .keyPressed(.character("n")))
    XCTAssertEqual(reduce(state: &state, action: .keyPressed(.character("q"))), [.render])
    XCTAssertEqual((state.panes[1] as? AssemblyPane)?.entry?.field.text, "q")
  }

  func testRenderingNeverTrapsAtAnySize() throws {
    var panes: [AssemblyPane] = []
    for id in ["A1", "A2", "A3", "A3-Li", "A4", "A5"] { panes.append(try pane(at: id)) }
    var running = try pane(at: "A5")
    _ = running.perform(.run)
    _ = running.perform(.completeStep)
    _ = running.perform(.note)
    panes.append(running)
    var opened = try pane(at: "A4")
    _ = opened.perform(.open)
    panes.append(opened)
    panes.append(AssemblyPane(workspace: "/nonexistent/glovebox"))
    for pane in panes {
      for (width, height) in [(120, 40), (80, 24), (40, 12), (20, 6), (1, 1), (0, 0), (200, 3), (3, 60)] {
        XCTAssertEqual(PaneTestSupport.render(pane, width: width, height: height).lines.count, height)
      }
    }
    // The A3 force is on screen at 80×24 too, in kN and tonnes-force on one table row (columns
    // that do not fit are left out from the right instead of wrapping the row).
    let screen = PaneTestSupport.render(try pane(at: "A3"), width: 80, height: 22)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "300", "23.56", "2.40"), screen.lines.joined(separator: "\n"))
  }

  func testWholeWorkbenchWithBothPanesRendersAtEverySize() throws {
    var state = AppState(panes: PaneRegistry.makePanes(workspace: PaneTestSupport.examples), workspace: "Examples")
    // Tab order of issue 2: 1 Materials, 2 Assembly, 3 Impedance, 4 Cycling, 5 Spectra, 6 Simulation.
    XCTAssertEqual(state.panes.map(\.title), ["Materials", "Assembly", "Impedance", "Cycling", "Spectra", "Simulation"])
    for focus in ["1", "2", "3", "4", "5", "6"] {
      _ = reduce(state: &state, action: .keyPressed(.character(Character(focus))))
      for help in [false, true] {
        state.helpVisible = help
        for (width, height) in [(120, 40), (80, 24), (40, 12), (20, 6), (1, 1), (0, 0)] {
          _ = reduce(state: &state, action: .resized(width: width, height: height))
          XCTAssertEqual(AppView.render(state).lines.count, height)
        }
      }
    }
  }
}
