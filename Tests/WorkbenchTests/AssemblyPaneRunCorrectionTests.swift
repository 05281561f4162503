import Foundation
import Lab
import TUI
import XCTest

@testable import Workbench

/// Run mode's questions and corrections: completing a hold early is asked first, the last step
/// is withdrawn by a correction (never erased), and records carry the cell id, the data files
/// and the pellet size measured on the cell.
extension AssemblyPaneTests {
  func testTheCellIdDataFilesAndPelletSizeGoIntoTheRecords() throws {
    let clock = ManualClock(start)
    var pane = try pane(at: "A3", clock: clock)
    _ = pane.perform(.run)
    XCTAssertEqual(pane.entry?.purpose, .cellID)
    PaneTestSupport.type("LPSC-P3", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("cell LPSC-P3: recorded with every step"))])
    var written = records(pane.perform(.completeStep))
    XCTAssertEqual(written.first?.cell, "LPSC-P3")
    // The press: started, held to the end, with the files measured and the pellet's size.
    _ = pane.perform(.completeStep)
    clock.advance(300)
    _ = pane.perform(.dataFiles)
    PaneTestSupport.type("eis/LPSC_*C.csv", into: &pane)
    _ = pane.handle(.key(.enter))
    _ = pane.perform(.pelletSize)
    PaneTestSupport.type("681 ten", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.status(.error(
      "pellet size: expected a thickness in µm and a diameter in mm, both positive (\"681 10\"), found '681 ten'"))])
    XCTAssertEqual(pane.entry?.purpose, .pelletSize, "the field stays open")
    for _ in 0..<3 { _ = pane.handle(.key(.backspace)) }
    PaneTestSupport.type("10", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render])
    let screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "pellet: 681 µm, ⌀ 10 mm"), screen.lines.joined(separator: "\n"))
    written = records(pane.perform(.completeStep))
    let press = try XCTUnwrap(written.first)
    XCTAssertEqual(press.dataFiles, ["eis/LPSC_*C.csv"])
    // The record gives σ's geometry as the Impedance pane reads it: 0.0681 cm / π(0.5 cm)².
    XCTAssertEqual(try press.pelletGeometry().cellConstantPerCm, 0.0681 / (Double.pi * 0.25), accuracy: 1e-9)
    XCTAssertEqual(pane.run?.pendingMeasurement, NotebookRecord.Measurement(), "the next step starts clean")
  }

  func testCompletingAHoldEarlyIsAskedAndAnyOtherKeyKeepsHolding() throws {
    let clock = ManualClock(start)
    var pane = try pane(at: "A3", clock: clock)
    _ = pane.perform(.run)
    _ = pane.perform(.completeStep)
    _ = pane.perform(.completeStep)  // starts the 5 min hold
    clock.advance(100)
    XCTAssertEqual(pane.perform(.completeStep).count, 2)
    XCTAssertEqual(pane.run?.confirming, .completeEarly)
    _ = pane.perform(.note)  // another key: the question is dropped
    _ = pane.handle(.key(.escape))
    XCTAssertNil(pane.run?.confirming)
    XCTAssertEqual(records(pane.perform(.completeStep)), [], "asked again, nothing recorded")
    XCTAssertEqual(pane.run?.session.index, 1)
    // After the hold time nothing is asked.
    clock.advance(200)
    XCTAssertEqual(records(pane.perform(.completeStep)).first?.deviations, [])
  }

  func testWithdrawingTheLastStepAppendsACorrection() throws {
    let clock = ManualClock(start)
    var pane = try pane(at: "A3", clock: clock)
    _ = pane.perform(.run)
    PaneTestSupport.type("P1", into: &pane)
    _ = pane.handle(.key(.enter))
    XCTAssertEqual(pane.perform(.withdrawStep), [.status(.error("no recorded step to withdraw"))])
    clock.advance(30)
    let first = try XCTUnwrap(records(pane.perform(.completeStep)).first)
    XCTAssertEqual(pane.perform(.withdrawStep), [.render, .status(StatusMessage(
      "u again withdraws step 1 (\(first.title)): a correction is added to notebook.jsonl, nothing is erased"))])
    clock.advance(30)
    let effects = pane.perform(.withdrawStep)
    let correction = try XCTUnwrap(records(effects).first)
    XCTAssertEqual(correction.withdrawsStep, 1)
    XCTAssertEqual(correction.step, 1)
    XCTAssertEqual(correction.cell, "P1")
    XCTAssertEqual(correction.title, "withdrawn: " + first.title)
    XCTAssertEqual(correction.time, "2026-11-24T10:01:00Z")
    XCTAssertTrue(effects.contains(.status(StatusMessage("step 1 withdrawn (correction recorded in notebook.jsonl); do it again"))))
    // Step 1 is current again; both records are kept and the list shows which stands.
    XCTAssertEqual(pane.run?.session.current?.number, 1)
    XCTAssertEqual(pane.run?.session.records.count, 2)
    let screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "↶ 1. 10:01:00 withdrawn:"), screen.lines.joined(separator: "\n"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "✗ 1. 10:00:30", "(withdrawn)"))
    XCTAssertEqual(records(pane.perform(.completeStep)).first?.step, 1, "the step is done again")
  }
}
