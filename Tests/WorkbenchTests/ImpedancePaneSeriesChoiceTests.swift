import Engine
import Foundation
import Lab
import TUI
import XCTest

@testable import Workbench

/// Choosing the spectra of a series by marking them (`m`), across folders: the DRT map and the
/// Arrhenius view follow the choice.
extension ImpedancePaneTests {
  func testMarkedSpectraFormTheSeriesOfTheDRTMapAndArrhenius() throws {
    let circuit = try Circuit("R0-p(R1,CPE1)")
    let f = (0...30).map { pow(10, 6 - Double($0) / 5) }
    // Two pellets in one folder, a third in another; the marked series is a/…25C and b/…70C.
    let files = [("a/P1_25C.csv", 15.34), ("a/P2_40C.csv", 8.90), ("b/P1_70C.csv", 3.49)].map { path, r in
      let z = circuit.impedance([r, 10 * r, 1e-6, 0.9], frequencies: f)
      return ImpedanceFileContents(path: path, spectra: [
        ImpedanceSpectrum(name: "", frequencies: f, real: z.map(\.re), imaginary: z.map(\.im)),
      ], error: nil)
    }
    var pane = ImpedancePane(workspace: "/ws")
    deliver(files, to: &pane)
    XCTAssertEqual(pane.seriesIndices(of: 0), [0, 1], "by folder before any mark")
    XCTAssertEqual(press(&pane, .markForSeries), [.render, .status(StatusMessage("series: 1 marked spectrum (m marks, M clears)"))])
    _ = press(&pane, .nextSpectrum)
    _ = press(&pane, .nextSpectrum)
    XCTAssertEqual(press(&pane, .markForSeries), [.render, .status(StatusMessage("series: 2 marked spectra (m marks, M clears)"))])
    XCTAssertEqual(pane.seriesIndices(of: 2), [0, 2])
    XCTAssertEqual(pane.seriesIndices(of: 1), [0, 1], "an unmarked spectrum keeps its folder")
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    XCTAssertTrue(buffer.lines.contains { $0.contains("Spectra (3, 2 ●)") }, buffer.lines.joined(separator: "\n"))
    let listRows = buffer.lines.map { String($0.prefix(30)) }
    XCTAssertEqual(listRows.filter { $0.contains("●") && $0.contains("P1_") }.count, 2, listRows.joined(separator: "\n"))
    // The DRT map of the selected (marked) spectrum is computed over the marked two.
    var effects: [Effect] = []
    while pane.view != .drtMap { effects = press(&pane, .cycleView) }
    let job = try XCTUnwrap(effects.compactMap { effect -> [String]? in
      if case .startJob(.impedance(.drtSeries(_, let labels, _))) = effect { return labels }
      return nil
    }.first)
    XCTAssertEqual(job, ["a/P1_25C.csv", "b/P1_70C.csv"])
    // Unmarking one while the map is shown restarts it once the running job is done.
    _ = press(&pane, .markForSeries)
    XCTAssertTrue(pane.analysisStale)
    // Mark again and fit all: the Arrhenius line runs through the marked two only.
    _ = press(&pane, .markForSeries)
    _ = runJobs(press(&pane, .fitAll), on: &pane)
    XCTAssertEqual(pane.arrheniusSeries.labels, ["a/P1_25C.csv", "b/P1_70C.csv"])
    // Ea from the two R0 by hand: ln(T/R) slope between 298.15 K/15.34 Ω and 343.15 K/3.49 Ω.
    let slope = (log(343.15 / 3.49) - log(298.15 / 15.34)) / (1000 / 343.15 - 1000 / 298.15)
    XCTAssertEqual(pane.arrheniusSeries.fit?.activationEnergyEV ?? 0, -slope * 1000 * 8.617333262e-5, accuracy: 0.002)
    XCTAssertEqual(press(&pane, .clearSeriesMarks).first, .render)
    XCTAssertEqual(pane.seriesIndices(of: 2), [2])
  }
}
