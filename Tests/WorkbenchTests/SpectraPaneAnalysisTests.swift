@testable import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// The Spectra pane's XRD (wavelength, phase sticks with hkl, match scores, d, Scherrer size,
/// refined lattice), XPS (atomic %) and series keys, with the plot and table rendered.
final class SpectraPaneAnalysisTests: XCTestCase {
  typealias T = SpectraPaneConstraintTests
  static let cuKa1 = 1.540562

  /// A rock-salt pattern at a = 5.14 Å and Cu Kα1: 111, 200, 220 at the 2θ of Bragg's law
  /// (30.088545°, 34.881601°, 50.158118°, by hand), areas 20, 100, 60, FWHM 0.2°, on 10 counts.
  static func rockSalt() -> Spectrum {
    let x = (0...3000).map { 25 + Double($0) * 0.01 }
    let y = x.map {
      10 + T.gaussian($0, c: 30.088545, w: 0.2, area: 20) + T.gaussian($0, c: 34.881601, w: 0.2, area: 100)
        + T.gaussian($0, c: 50.158118, w: 0.2, area: 60)
    }
    return Spectrum(name: "licl", axis: .twoTheta(wavelength: nil), x: x, y: y)
  }

  static func stick(_ h: Int, _ k: Int, _ l: Int, a: Double, intensity: Double) -> PowderPeak {
    let d = a / Double(h * h + k * k + l * l).squareRoot()
    return PowderPeak(twoTheta: 2 * asin(cuKa1 / (2 * d)) * 180 / .pi, d: d, h: h, k: k, l: l, multiplicity: 1,
                      structureFactorSquared: 1, lorentzPolarisation: 1, intensity: intensity)
  }

  /// LiCl's sticks at the CIF's a = 5.1295 Å (about 0.1° above the measured pattern's), and a
  /// phase with no line near the measured ones.
  static let phases = [
    SpectraPhase(path: "structures/LiCl.cif", name: "LiCl", cell: nil, system: .cubic,
                 sticks: [stick(1, 1, 1, a: 5.1295, intensity: 25), stick(2, 0, 0, a: 5.1295, intensity: 100), stick(2, 2, 0, a: 5.1295, intensity: 55)], error: nil),
    SpectraPhase(path: "structures/Other.cif", name: "Other", cell: nil, system: .cubic,
                 sticks: [stick(1, 0, 0, a: 3.3, intensity: 100), stick(1, 1, 0, a: 3.3, intensity: 60)], error: nil),
  ]

  func render(_ pane: SpectraPane) -> [String] {
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    return buffer.lines
  }

  func xrdPaneWithPhases() -> SpectraPane {
    var pane = T.pane(with: [Self.rockSalt()])
    XCTAssertEqual(pane.perform(.choosePhases), [.status(.error("no wavelength read from this file: set it with w (CuKa1, MoKa1, …)"))])
    XCTAssertEqual(pane.perform(.setWavelength), [.render])
    T.type("CuKa9", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last?.isErrorStatus, true)
    T.type("CuKa1", into: &pane)
    let job = SpectraJob.loadPhases(wavelength: Self.cuKa1, twoThetaMax: 56)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .startJob(.spectra(job)), .status(StatusMessage("λ = 1.54056 Å"))])
    XCTAssertEqual(pane.perform(.choosePhases).last, .status(StatusMessage("computing the patterns of structures/*.cif at λ 1.54056 Å; press g again to choose")))
    XCTAssertEqual(pane.handle(.jobFinished(.spectra(job, .success(.phases(wavelength: Self.cuKa1, Self.phases))))),
                   [.render, .status(StatusMessage("2 stick patterns at λ 1.54056 Å; g chooses"))])
    XCTAssertEqual(pane.perform(.choosePhases), [.render])
    guard case .prompt(.phases, let editor) = pane.modal else { XCTFail("no phase prompt"); return pane }
    XCTAssertEqual(editor.prompt, "phases (1 LiCl, 2 Other; empty: none): ")
    T.type("3", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last, .status(.error("phases: numbers 1–2, found \"3\"")))
    T.type("1", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("showing 1 phase"))])
    return pane
  }

  func testPhaseSticksAreDrawnWithHklLabelsAndScored() throws {
    let pane = xrdPaneWithPhases()
    XCTAssertEqual(pane.shownPhases.map(\.name), ["LiCl"])
    let scores = pane.phaseScores
    XCTAssertEqual(scores.map(\.name), ["LiCl", "Other"])
    XCTAssertEqual(scores[0].score.matchedObserved, 3)
    XCTAssertEqual(scores[0].score.observedCount, 3)
    XCTAssertEqual(scores[1].score.matchedObserved, 0)
    let lines = render(pane)
    let text = lines.joined(separator: "\n")
    XCTAssertTrue(text.contains("phase match (±0.2°, 3 peaks found): LiCl"), text)
    // The 200 label sits over 2θ = 34.96°: between the axis ticks of 30 and 40.
    let labels = try XCTUnwrap(lines.first { $0.contains("│LiCl 200") })
    let axisRow = try XCTUnwrap(lines.lastIndex { $0.contains("2theta / deg") }) - 1
    let column = { (s: String, sub: String) -> Int? in s.range(of: sub).map { s.distance(from: s.startIndex, to: $0.lowerBound) } }
    let label = try XCTUnwrap(column(labels, "│LiCl 200"))
    XCTAssertGreaterThan(label, try XCTUnwrap(column(lines[axisRow], "30")))
    XCTAssertLessThan(label, try XCTUnwrap(column(lines[axisRow], "40")))
    XCTAssertTrue(lines.contains { $0.contains("│LiCl 111") })
    // Another technique's plot shows no sticks and no wavelength.
    var both = T.pane(files: [SpectraFileContents(path: "a.xy", spectra: [Self.rockSalt()], error: nil),
                              SpectraFileContents(path: "b.csv", spectra: [Self.twoLines()], error: nil)])
    both.analysis = pane.analysis
    XCTAssertEqual(both.current?.path, "b.csv")  // XPS is listed before XRD
    XCTAssertNil(both.effectiveWavelength)
    XCTAssertTrue(both.shownPhases.isEmpty)
    XCTAssertFalse(render(both).joined().contains("LiCl"))
    // Hiding the phases removes the labels.
    var hidden = pane
    _ = hidden.perform(.choosePhases)
    T.type("", into: &hidden)
    XCTAssertEqual(hidden.handle(.key(.enter)), [.render, .status(StatusMessage("no phases shown"))])
    XCTAssertFalse(render(hidden).joined().contains("LiCl 200"))
  }

  func testFittedPatternGivesDSpacingsScherrerSizesAndTheRefinedLattice() throws {
    var pane = xrdPaneWithPhases()
    XCTAssertEqual(pane.perform(.autoPeaks).last, .status(StatusMessage("found 3 peaks (gaussian)")))
    let r = try T.runFit(&pane)
    XCTAssertTrue(r.success, r.fit.message)
    let refined = try XCTUnwrap(pane.refinedLattice)
    let lattice = try refined.result.get()
    XCTAssertEqual(lattice.a, 5.14, accuracy: 1e-4)  // the a the pattern was made with
    XCTAssertEqual(lattice.residuals.count, 3)
    let lines = render(pane)
    let text = lines.joined(separator: "\n")
    XCTAssertTrue(text.contains("d / Å"), text)
    XCTAssertTrue(text.contains("size / nm (K 0.9)"), text)
    XCTAssertTrue(text.contains("LiCl lattice refined (cubic, 3 indexed peaks): a 5.14"), text)
    XCTAssertTrue(text.contains("instrument width not removed"), text)
    // 200: d = a/2 = 2.57 Å; τ = 0.9 λ / (0.2° in rad · cos 17.4408°) = 416.345 Å = 41.6345 nm (by hand).
    let row = try XCTUnwrap(lines.first { $0.contains("34.8816 ±") })
    XCTAssertTrue(row.contains("2.57 ±"), row)
    XCTAssertTrue(row.contains("41.634"), row)
  }

  /// O 1s-like lines at 530 and 533 eV, areas 1000 and 500, FWHM 1.2, on 100 counts.
  static func twoLines() -> Spectrum {
    let x = (0...300).map { 525 + Double($0) * 0.05 }
    return Spectrum(name: "O 1s", axis: .bindingEnergy, x: x,
                    y: x.map { 100 + T.gaussian($0, c: 530, w: 1.2, area: 1000) + T.gaussian($0, c: 533, w: 1.2, area: 500) })
  }

  func testAtomicPercentFromTypedSensitivityFactors() throws {
    var pane = T.pane(with: [Self.twoLines()])
    XCTAssertEqual(pane.perform(.editSensitivities), [.status(.error("no peaks: the sensitivity factors belong to peak groups"))])
    XCTAssertEqual(pane.cursor ?? 0, 532.5, accuracy: 1e-9)
    for _ in 0..<17 { _ = pane.perform(.cursorRight) }  // 1 % of 15 eV each, towards lower BE
    XCTAssertEqual(pane.cursor ?? 0, 529.95, accuracy: 1e-9)
    _ = pane.perform(.addComponent)
    for _ in 0..<20 { _ = pane.perform(.cursorLeft) }
    _ = pane.perform(.addComponent)
    XCTAssertEqual(pane.settings.model.components.map(\.name), ["p1", "p2"])
    let r = try T.runFit(&pane)
    XCTAssertTrue(r.success, r.fit.message)
    XCTAssertTrue(render(pane).joined(separator: "\n").contains("at.%: no sensitivity factor for p1, p2 (Q)"))
    XCTAssertEqual(pane.perform(.editSensitivities), [.render])
    T.type("p3=1", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last, .status(.error("sensitivity: the model has no group p3 (groups p1, p2)")))
    T.type("p1=0", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last, .status(.error("sensitivity: GROUP=S with S > 0, found \"p1=0\"")))
    T.type("p1=2 p2=1", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("sensitivity factors for 2 of 2 groups"))])
    // n = A / S: 1000/2 = 500 and 500/1 = 500, so 50 % each.
    let percent = try XCTUnwrap(try pane.atomicPercent?.get())
    XCTAssertEqual(percent["p1"]?.value ?? 0, 50, accuracy: 1e-3)
    XCTAssertEqual(percent["p2"]?.value ?? 0, 50, accuracy: 1e-3)
    let text = render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("at.%"), text)
    XCTAssertTrue(text.contains("no charge correction"), text)
    XCTAssertTrue(text.contains("S: p1=2 [given] p2=1 [given]"), text)
  }

  /// A folder "op" of three Raman spectra: band A at 40 + k cm⁻¹ (FWHM 6, area 3000), band B at
  /// 75 (FWHM 6, area 1500): A's position runs 40, 41, 42 and the area ratio A/B is 2.
  static func series() -> [SpectraFileContents] {
    let x = (0...200).map { Double($0) * 0.5 }
    var files = (0..<3).map { k in
      SpectraFileContents(path: "op/s\(k).csv", spectra: [Spectrum(name: "s\(k)", axis: .ramanShift, x: x, y: x.map {
        10 + T.gaussian($0, c: 40 + Double(k), w: 6, area: 3000) + T.gaussian($0, c: 75, w: 6, area: 1500)
      })], error: nil)
    }
    files.append(SpectraFileContents(path: "other.csv", spectra: [SpectraPaneTests.raman()], error: nil))
    return files
  }

  func testSeriesFitTracksAQuantityAndShowsTheHeatMap() throws {
    var pane = T.pane(files: Self.series())
    XCTAssertEqual(pane.current?.path, "op/s0.csv")
    XCTAssertEqual(pane.seriesMembers.map(\.path), ["op/s0.csv", "op/s1.csv", "op/s2.csv"])
    XCTAssertEqual(pane.perform(.fitSeries), [.status(.error("series: no peaks in the model (a or A first)"))])
    for _ in 0..<10 { _ = pane.perform(.cursorLeft) }
    _ = pane.perform(.addComponent)
    for _ in 0..<35 { _ = pane.perform(.cursorRight) }
    _ = pane.perform(.addComponent)
    _ = pane.perform(.nextComponent)
    let effects = pane.perform(.fitSeries)
    guard case .startJob(.spectra(let job)) = effects.first, case .fitSeries(let request) = job else { return XCTFail("\(effects)") }
    XCTAssertEqual(request.members.map(\.path), ["op/s0.csv", "op/s1.csv", "op/s2.csv"])
    XCTAssertEqual(effects.last, .status(StatusMessage("fitting 3 spectra of op…")))
    XCTAssertEqual(pane.perform(.cancelFit), [.cancelJob(.spectra(.series)), .status(StatusMessage("cancelling the series fit…"))])
    let result = try XCTUnwrap(try job.computed(context: JobContext()))
    XCTAssertEqual(pane.handle(.jobFinished(.spectra(job, .success(result)))), [.render, .status(StatusMessage("series: 3 spectra fitted"))])
    XCTAssertTrue(pane.analysis.showsSeries)
    let outcome = try XCTUnwrap(pane.analysis.series)
    let positions = outcome.tracked(.position, component: "p1", partner: "p2").map { $0?.value ?? .nan }
    for (p, expected) in zip(positions, [40.0, 41, 42]) { XCTAssertEqual(p, expected, accuracy: 1e-6) }
    XCTAssertEqual(pane.perform(.cycleTracked), [.render, .status(StatusMessage("series tracks the width"))])
    XCTAssertEqual(pane.perform(.cycleTracked), [.render, .status(StatusMessage("series tracks the area ratio"))])
    for r in outcome.tracked(.areaRatio, component: "p1", partner: "p2") { XCTAssertEqual(r?.value ?? .nan, 2, accuracy: 1e-6) }
    let text = render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("Series · 3 spectra in op"), text)
    XCTAssertTrue(text.contains("tracks area p1/p2 (T)  ·  3 fitted, 0 failed"), text)
    XCTAssertTrue(text.contains("spectrum index"), text)
    XCTAssertEqual(pane.perform(.toggleSeriesView), [.render])
    XCTAssertFalse(render(pane).joined().contains("Series ·"))
    // A spectrum of the same folder over another x span (another XPS region) is not a member.
    var regions = T.pane(files: Self.series() + [SpectraFileContents(path: "op/far.csv", spectra: [Spectrum(
      name: "far", axis: .ramanShift, x: (0...100).map { 500 + Double($0) }, y: (0...100).map { _ in 1 })], error: nil)])
    XCTAssertEqual(regions.current?.path, "op/far.csv")
    XCTAssertEqual(regions.seriesMembers.map(\.path), ["op/far.csv"])
    _ = regions.perform(.nextSpectrum)
    XCTAssertEqual(regions.seriesMembers.map(\.path), ["op/s0.csv", "op/s1.csv", "op/s2.csv"])
    // A lone spectrum is no series.
    _ = pane.perform(.nextSpectrum)
    _ = pane.perform(.nextSpectrum)
    _ = pane.perform(.nextSpectrum)
    XCTAssertEqual(pane.current?.path, "other.csv")
    _ = pane.perform(.addComponent)
    XCTAssertEqual(pane.perform(.fitSeries), [.status(.error("series: other.csv is the only RAMAN spectrum in its folder"))])
  }
}

extension Effect {
  var isErrorStatus: Bool {
    if case .status(let m) = self { return m.kind == .error }
    return false
  }
}
