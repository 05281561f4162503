import Engine
import Foundation
import Lab
import TUI
import XCTest

@testable import Workbench

/// The cycle views: V–Q of chosen cycles, dQ/dV, go to cycle N, rate capability, and the
/// symmetric cell's step table.
extension CyclingPaneTests {
  /// One charge at 1 mA for 2 h, 10 s a point: Q = t/3600 mAh. V rises linearly 3.0 → 3.9 V over
  /// the first 1 mAh, then 3.9 → 3.95 V over the second (a sloping plateau).
  static func linearThenPlateau() throws -> CyclingData {
    var records = [CyclingRecord(testTime: 0, voltage: 3.0, current: 0)]
    for k in 1...720 {
      let t = Double(k) * 10
      let q = t / 3600
      let v = q <= 1 ? 3.0 + 0.9 * q : 3.9 + 0.05 * (q - 1)
      records.append(CyclingRecord(testTime: t, voltage: v, current: 0.001))
    }
    return try CyclingData.from(records)
  }

  /// A pane showing one synthetic file, delivered as the analyse job would.
  func pane(with data: CyclingData, path: String = "synthetic.csv") -> CyclingPane {
    var pane = CyclingPane(workspace: "/nonexistent")
    _ = pane.handle(.focused)
    _ = pane.handle(.jobFinished(.cycling(.loadLab, .success(.lab(Self.emptyLab)))))
    let outcome = CyclingFileOutcome(path: path, analysis: CyclingFileAnalysis.analyse(data, path: path, area: nil), error: nil)
    _ = pane.handle(.jobFinished(.cycling(.analyse(paths: [path], area: nil), .success(.analysed([outcome])))))
    return pane
  }

  func testDifferentialCapacityOfALinearThenPlateauCurve() throws {
    var pane = pane(with: try Self.linearThenPlateau())
    let file = try XCTUnwrap(pane.current)
    let curves = CyclingPane.differentialCapacityCurves(file, cycle: 1)
    XCTAssertEqual(curves.count, 1)
    let curve = try XCTUnwrap(curves.first)
    func dQdV(at volts: Double) -> Double {
      let k = curve.voltage.indices.min { abs(curve.voltage[$0] - volts) < abs(curve.voltage[$1] - volts) } ?? 0
      return curve.dQdV[k] * 1000
    }
    // By hand: 1 mAh over 0.9 V is 1.111 mAh/V on the slope, 1 mAh over 0.05 V is 20 mAh/V on
    // the plateau (the 25 mV window sits wholly inside each part at these voltages).
    XCTAssertEqual(dQdV(at: 3.5), 1 / 0.9, accuracy: 0.01)
    XCTAssertEqual(dQdV(at: 3.925), 20, accuracy: 0.2)
    // V–Q: the last point is 2 mAh at 3.95 V.
    let vq = CyclingPane.voltageCapacityCurves(file, cycle: 1, scale: 1000)
    XCTAssertEqual(vq.count, 1)
    XCTAssertEqual(vq[0].points.last?.x ?? 0, 2, accuracy: 1e-3)
    XCTAssertEqual(vq[0].points.last?.y ?? 0, 3.95, accuracy: 1e-9)
    while pane.view != .differentialCapacity { _ = press(&pane, .cycleView) }
    let lines = render(pane)
    XCTAssertTrue(lines.contains { $0.contains("dQ/dV: Q(V) on a 5 mV grid, central differences, 5-point moving average (25 mV window)") },
                  lines.joined(separator: "\n"))
    XCTAssertTrue(lines.contains { $0.contains("dQ/dV · cycle 1") })
  }

  /// `g` asks for a cycle; a number outside the file is an error that keeps the prompt; `c`
  /// overlays the cursor's cycle; the V–Q view draws both half-cycles of each chosen cycle.
  func testGoToCycleAndOverlayChosenCycles() throws {
    var pane = try loadedPane([Self.fullCell])
    XCTAssertEqual(pane.activeCycle, 1)
    XCTAssertEqual(press(&pane, .goToCycle), [.render])
    XCTAssertTrue(pane.capturesInput)
    for key in "99" { _ = pane.handle(.key(.character(key))) }
    XCTAssertEqual(pane.handle(.key(.enter)), [.status(.error("go to cycle: expected a cycle number of this file (1–30), found '99'"))])
    XCTAssertNotNil(pane.cyclePrompt)
    _ = pane.handle(.key(.backspace))
    _ = pane.handle(.key(.backspace))
    for key in "17" { _ = pane.handle(.key(.character(key))) }
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("cycle 17"))])
    XCTAssertNil(pane.cyclePrompt)
    XCTAssertEqual(pane.activeCycle, 17)
    XCTAssertEqual(pane.tableOffset, 16, "the table starts at cycle 17")
    XCTAssertEqual(press(&pane, .chooseCycle), [.render, .status(StatusMessage("overlaid cycles: 17"))])
    _ = press(&pane, .previousCycle)
    _ = press(&pane, .previousCycle)
    XCTAssertEqual(pane.activeCycle, 15)
    XCTAssertEqual(press(&pane, .chooseCycle), [.render, .status(StatusMessage("overlaid cycles: 15, 17"))])
    XCTAssertEqual(pane.overlaidCycles, [15, 17])
    while pane.view != .voltageCapacity { _ = press(&pane, .cycleView) }
    let lines = render(pane)
    XCTAssertTrue(lines.contains { $0.contains("V–Q · cycles 15, 17") }, lines.joined(separator: "\n"))
    let file = try XCTUnwrap(pane.current)
    // Cycle 15 is at 0.5C, 17 at 1C: each has a charge and a discharge, and the charge passed
    // at the end of each half-cycle is that half-cycle's capacity.
    for cycle in [15, 17] {
      let curves = CyclingPane.voltageCapacityCurves(file, cycle: cycle, scale: 1000)
      XCTAssertEqual(curves.map(\.kind), [.charge, .discharge])
      let summary = try XCTUnwrap(file.cycles.first { $0.cycle == cycle })
      XCTAssertEqual(curves[0].points.last?.x ?? 0, (summary.chargeCapacity ?? 0) * 1000, accuracy: 1e-9)
    }
    XCTAssertEqual(press(&pane, .chooseCycle), [.render, .status(StatusMessage("cycle 15 removed from the overlay"))])
  }

  /// The rate test: five cycles each at 0.1, 0.2, 0.5, 1, 2 and 0.1C of 0.879646 mAh (README).
  func testRateCapabilityGroupsTheSteps() throws {
    var pane = try loadedPane([Self.fullCell])
    while pane.view != .rateCapability { _ = press(&pane, .cycleView) }
    let file = try XCTUnwrap(pane.current)
    let nominal = pane.nominalCapacity(file)
    XCTAssertNil(nominal.ampHours)
    XCTAssertTrue(nominal.source.hasPrefix("1C = cycle 1's capacity"), nominal.source)
    let blocks = rateBlocks(file.cycles, nominalCapacity: nominal.ampHours)
    XCTAssertEqual(blocks.map(\.firstCycle), [1, 6, 11, 16, 21, 26])
    for (block, rate) in zip(blocks, [0.1, 0.2, 0.5, 1, 2, 0.1]) {
      XCTAssertEqual(block.current * 1000, rate * 0.879646, accuracy: 0.01 * rate * 0.879646)
    }
    let lines = render(pane)
    XCTAssertTrue(lines.contains { $0.contains("Rate capability · 6 step groups") }, lines.joined(separator: "\n"))
    XCTAssertTrue(lines.contains { $0.contains("26–30") })
  }

  /// A symmetric cell gets a step table: at 0.1 mA/cm² for 0.5 h a step moves 0.05 mAh/cm², and
  /// with ASR 20 Ω·cm² its plateau overpotential is 20 Ω·cm² × 0.1 mA/cm² = 2 mV (README).
  func testSymmetricCellsGetAStepTableChosenOrDetected() throws {
    var pane = try loadedPane([Self.ccdFile], cellData: Self.cellDataText([Self.ccdFile]))
    let file = try XCTUnwrap(pane.current)
    XCTAssertTrue(pane.showsSymmetricTable(file).symmetric)
    var lines = render(pane, width: 160)
    let steps = lines.first { $0.contains("Steps (") } ?? "no step table"
    XCTAssertTrue(steps.contains("Li|Li: detected (median |V| < 0.5 V, ± current)"), steps)
    let first = try XCTUnwrap(lines.first { $0.contains("│") && $0.contains("stripping") || $0.contains("plating") && $0.contains(" 1 ") })
    let numbers = first.split(whereSeparator: { $0 == " " || $0 == "│" }).compactMap { Double($0) }
    // step 1, cycle 1, j 0.1 mA/cm², Q 0.05 mAh/cm², η about 2 mV (0.3 mV noise).
    XCTAssertEqual(Array(numbers.prefix(4)), [1, 1, 0.1, 0.05], first)
    XCTAssertEqual(numbers[4], 2, accuracy: 0.5, first)
    XCTAssertEqual(press(&pane, .cellKind), [.render, .status(StatusMessage("cell table: symmetric (chosen)"))])
    XCTAssertEqual(press(&pane, .cellKind), [.render, .status(StatusMessage("cell table: full cell (chosen)"))])
    lines = render(pane, width: 200)
    let title = lines.first { $0.contains("Cycles (") } ?? "no cycle table"
    XCTAssertTrue(title.contains("full cell: chosen (y)"), title)
  }

  /// A notebook record naming a cycler file gives its area from the measured diameter when no
  /// protocol names it: A = π(⌀/2)², 12 mm → 1.131 cm².
  func testANotebookRecordGivesTheAreaFromItsDiameter() throws {
    let line = """
      {"cell":"S2","data_files":["\(Self.ccdFile)"],"deviations":[],"diameter_mm":12,"protocol":"A4","step":5,"time":"2026-12-01T09:00:00Z","title":"Press"}

      """
    let lab = LabWorkspace.parse(directory: "/ws", recipes: [], protocols: [], materials: nil, notebook: SourceFile(path: "/ws/notebook.jsonl", text: line))
    XCTAssertEqual(lab.errors, [])
    let pane = try loadedPane([Self.ccdFile], lab: lab)
    let area = try XCTUnwrap(pane.area(of: Self.ccdFile))
    XCTAssertEqual(area.value, Double.pi * 0.36, accuracy: 1e-12)
    XCTAssertEqual(area.source, "notebook 2026-12-01T09:00:00Z, cell S2: ⌀ 12 mm")
    XCTAssertEqual(pane.files.first?.area ?? 0, Double.pi * 0.36, accuracy: 1e-12, "analysed at that area")
  }
}
