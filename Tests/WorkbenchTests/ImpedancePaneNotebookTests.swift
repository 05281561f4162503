import Engine
import Formats
import Foundation
import Lab
import TUI
import XCTest

@testable import Workbench

/// σ's geometry from the run notebook: a record naming the spectra's files with the pellet's
/// measured thickness and diameter, used when no protocol names them, and shown as the source.
extension ImpedancePaneTests {
  static var examples: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples")
  }

  /// The Examples workspace as `make run` opens it: its notebook names the pellets, so `F` then
  /// the Arrhenius view gives σ(25 °C) = paper.md's 5.65 mS/cm without asking, with the source.
  func testTheExampleNotebookGivesThePelletsTheirGeometry() throws {
    let notebookPath = Self.examples.appendingPathComponent("notebook.jsonl").path
    let lab = LabWorkspace.parse(
      directory: Self.examples.path, recipes: [], protocols: [], materials: nil,
      notebook: SourceFile(path: notebookPath, text: try String(contentsOfFile: notebookPath, encoding: .utf8)))
    let folder = Self.examples.appendingPathComponent("eis")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("LPSC_pellet_") }.sorted()
    XCTAssertEqual(names.count, 7)
    let files = try names.map { name in
      ImpedanceFileContents(path: "eis/" + name, spectra: try ImpedanceReader.read(contentsOf: folder.appendingPathComponent(name)), error: nil)
    }
    var pane = ImpedancePane(workspace: Self.examples.path)
    deliver(files, to: &pane, lab: lab)
    _ = runJobs(press(&pane, .fitAll), on: &pane)
    var effects: [Effect] = []
    while pane.view != .arrhenius { effects = press(&pane, .cycleView) }
    XCTAssertEqual(effects, [.render], "nothing to ask: the notebook gives the geometry")
    let series = pane.arrheniusSeries
    XCTAssertEqual(series.missingGeometry, [])
    let sigma = try XCTUnwrap(series.conductivities)
    let at25 = try XCTUnwrap(series.labels.firstIndex(of: "eis/LPSC_pellet_25C.csv"))
    // paper.md: σ(298.15 K) = 5.65 mS/cm (L/A 0.0867 cm⁻¹ over R = 15.34 Ω).
    XCTAssertEqual(sigma[at25] * 1000, 5.65, accuracy: 0.03)
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    let screen = buffer.lines.joined(separator: "\n")
    XCTAssertTrue(screen.contains("geometry: notebook 2026-11-24T23:05:00Z, cell LPSC-P1: L = 681 µm, ⌀ 10 mm"), screen)
  }

  /// A protocol naming the file comes first; a notebook record without a thickness, and a
  /// malformed notebook line, are shown under the plot with file and line, and σ is asked for.
  func testNotebookProblemsAreShownAndTheGeometryIsAsked() throws {
    let text = """
      {"cell":"P9","data_files":["eis/*.csv"],"deviations":[],"diameter_mm":10,"protocol":"A3","step":2,"time":"2026-12-01T10:00:00Z","title":"Press"}
      {"cell":"P9","deviations":[],"protocol":"A3","step":-1,"time":"2026-12-01T10:01:00Z","title":"Press"}

      """
    let lab = LabWorkspace.parse(
      directory: "/ws", recipes: [], protocols: [], materials: nil, notebook: SourceFile(path: "/ws/notebook.jsonl", text: text))
    var pane = ImpedancePane(workspace: "/ws")
    let circuit = try Circuit("R0-p(R1,CPE1)")
    let f = (0...30).map { pow(10, 6 - Double($0) / 5) }
    var files: [ImpedanceFileContents] = []
    for (celsius, r) in [("25", 15.34), ("70", 3.49)] {
      let z = circuit.impedance([r, 10 * r, 1e-6, 0.9], frequencies: f)
      files.append(ImpedanceFileContents(path: "eis/LPSC_\(celsius)C.csv", spectra: [
        ImpedanceSpectrum(name: "", frequencies: f, real: z.map(\.re), imaginary: z.map(\.im)),
      ], error: nil))
    }
    deliver(files, to: &pane, lab: lab)
    _ = runJobs(press(&pane, .fitAll), on: &pane)
    XCTAssertNil(pane.geometrySource(for: pane.entries[0]))
    var effects: [Effect] = []
    while pane.view != .arrhenius { effects = press(&pane, .cycleView) }
    XCTAssertEqual(effects, [.render, .status(StatusMessage("σ needs the pellet geometry of 2 spectra: type it, or Esc for Ea only"))])
    XCTAssertEqual(pane.protocolGeometryProblems, [
      "notebook.jsonl: notebook 2026-12-01T10:00:00Z, cell P9 names the data file but gives no thickness_um",
      "/ws/notebook.jsonl:2: not a valid notebook record: \"step\" must be 1 or more, found -1",
    ])
  }

  /// The notebook changing on disk reads the workspace again (its geometry may have changed).
  func testANotebookChangeReloadsTheLab() throws {
    var pane = ImpedancePane(workspace: "/ws")
    deliver([ImpedanceFileContents(path: "a.csv", spectra: [try Self.synthetic()], error: nil)], to: &pane)
    XCTAssertEqual(pane.handle(.fileChanged(path: "notebook.jsonl")), [.startJob(.impedance(.loadLab))])
  }
}
