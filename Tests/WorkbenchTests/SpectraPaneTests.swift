import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// The Spectra pane driven by its own events: every key binding with the effects it returns, the
/// fit job and its result, and the plot rendered into a Buffer.
final class SpectraPaneTests: XCTestCase {
  /// A noiseless Gaussian band: centre 40, FWHM 6, height 500 on 10 + 0.1·x, x = 0…100 step 0.5.
  static func raman() -> Spectrum {
    let x = (0...200).map { Double($0) * 0.5 }
    let y = x.map { 10 + 0.1 * $0 + 500 * exp(-4 * log(2) * pow(($0 - 40) / 6, 2)) }
    return Spectrum(name: "band", axis: .ramanShift, x: x, y: y)
  }

  /// Raman shift 300…600 cm⁻¹ with a band at 425, for the reference lines.
  static func ramanInStudyRange() -> Spectrum {
    let x = (0...300).map { 300 + Double($0) }
    return Spectrum(name: "lpsc", axis: .ramanShift, x: x, y: x.map { 100 + 900 * exp(-4 * log(2) * pow(($0 - 425) / 8, 2)) })
  }

  /// Binding energy 450…470 eV, a Gaussian at 459.
  static func xps() -> Spectrum {
    let x = (0...200).map { 450 + Double($0) * 0.1 }
    return Spectrum(name: "Ti 2p", axis: .bindingEnergy, x: x, y: x.map { 200 + 1000 * exp(-4 * log(2) * pow(($0 - 459) / 1.2, 2)) })
  }

  func deliver(_ files: [SpectraFileContents], to pane: inout SpectraPane) {
    XCTAssertEqual(pane.handle(.focused), [.requestFiles(.spectrum), .render])
    let paths = files.map(\.path)
    XCTAssertEqual(pane.handle(.workspaceFiles(kind: .spectrum, files: paths.map { IndexedFile(path: $0, size: 10, modified: 1) }, complete: true)),
                   [.render, .startJob(.spectra(.readFiles(paths: paths)))])
    XCTAssertEqual(pane.handle(.jobFinished(.spectra(.readFiles(paths: paths), .success(.files(files))))), [.render])
  }

  func loadedPane() -> SpectraPane {
    var pane = SpectraPane(workspace: "/nonexistent")
    deliver([
      SpectraFileContents(path: "b.csv", spectra: [Self.xps()], error: nil),
      SpectraFileContents(path: "a.csv", spectra: [Self.raman()], error: nil),
      SpectraFileContents(path: "broken.xy", spectra: [], error: "broken.xy:3: expected two numbers"),
    ], to: &pane)
    return pane
  }

  func testFilesAreGroupedByTechniqueAndAnUnreadableFileShowsItsError() {
    let pane = loadedPane()
    XCTAssertEqual(pane.listRows, [
      .heading("RAMAN · Raman shift / cm-1"), .spectrum(0),
      .heading("XPS · binding energy / eV"), .spectrum(1),
      .heading("UNREADABLE"), .unreadable(path: "broken.xy", error: "broken.xy:3: expected two numbers"),
    ])
    XCTAssertEqual(pane.current?.path, "a.csv")
    // Raman gets a linear background to start with, the cursor at the middle of the axis.
    XCTAssertEqual(pane.backgroundName, "linear")
    XCTAssertEqual(pane.cursor, 50)
  }

  func testSpectrumCursorZoomAndPanBindings() {
    var pane = loadedPane()
    XCTAssertEqual(pane.perform(.cursorRight), [.render])
    XCTAssertEqual(pane.cursor ?? 0, 51, accuracy: 1e-12)  // 1 % of the 100 cm⁻¹ span
    XCTAssertEqual(pane.perform(.cursorLeftFast), [.render])
    XCTAssertEqual(pane.cursor ?? 0, 41, accuracy: 1e-12)
    XCTAssertEqual(pane.perform(.cursorRightFast), [.render])
    XCTAssertEqual(pane.perform(.cursorLeft), [.render])
    XCTAssertEqual(pane.cursor ?? 0, 50, accuracy: 1e-12)
    XCTAssertEqual(pane.perform(.zoomIn), [.render])
    XCTAssertEqual(pane.viewport, 25...75)
    XCTAssertEqual(pane.perform(.panRight), [.render])
    XCTAssertEqual(pane.viewport, 37.5...87.5)
    XCTAssertEqual(pane.perform(.panLeft), [.render])
    XCTAssertEqual(pane.viewport, 25...75)
    XCTAssertEqual(pane.perform(.zoomOut), [.render])
    XCTAssertNil(pane.viewport)
    XCTAssertEqual(pane.perform(.zoomIn), [.render])
    XCTAssertEqual(pane.perform(.resetZoom), [.render])
    XCTAssertNil(pane.viewport)
    XCTAssertEqual(pane.perform(.resetZoom), [])
    XCTAssertEqual(pane.perform(.previousSpectrum), [])
    XCTAssertEqual(pane.perform(.nextSpectrum), [.render])
    XCTAssertEqual(pane.current?.path, "b.csv")
    XCTAssertEqual(pane.backgroundName, "shirley")
    // Binding energy runs right to left: the right key lowers it.
    XCTAssertEqual(pane.cursor ?? 0, 460, accuracy: 1e-9)
    XCTAssertEqual(pane.perform(.cursorRight), [.render])
    XCTAssertEqual(pane.cursor ?? 0, 459.8, accuracy: 1e-9)
    XCTAssertEqual(pane.perform(.nextSpectrum), [])
    XCTAssertEqual(pane.perform(.previousSpectrum), [.render])
  }

  func testRangeBindingsAndTheRangeEditor() {
    var pane = loadedPane()
    for _ in 0..<2 { _ = pane.perform(.cursorLeftFast) }  // cursor at 30
    XCTAssertEqual(pane.perform(.rangeStart), [.render])
    XCTAssertEqual(pane.settings.range, 30...100)
    for _ in 0..<4 { _ = pane.perform(.cursorRightFast) }  // 70
    XCTAssertEqual(pane.perform(.rangeEnd), [.render])
    XCTAssertEqual(pane.settings.range, 30...70)
    XCTAssertEqual(pane.perform(.clearRange), [.render])
    XCTAssertNil(pane.settings.range)
    XCTAssertEqual(pane.perform(.clearRange), [])
    XCTAssertEqual(pane.perform(.editRange), [.render])
    XCTAssertTrue(pane.capturesInput)
    for c in "20 x" { _ = pane.handle(.key(.character(c))) }
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(.error("range: two different numbers \"LO HI\", found \"20 x\""))])
    _ = pane.handle(.key(.backspace))
    _ = pane.handle(.key(.character("6")))
    XCTAssertEqual(pane.handle(.key(.enter)), [.render])
    XCTAssertEqual(pane.settings.range, 6...20)
    XCTAssertFalse(pane.capturesInput)
    XCTAssertEqual(pane.perform(.undo), [.render])
    XCTAssertNil(pane.settings.range)
    XCTAssertEqual(pane.perform(.redo), [.render])
    XCTAssertEqual(pane.settings.range, 6...20)
  }

  func testModelBindings() throws {
    var pane = loadedPane()
    XCTAssertEqual(pane.perform(.cycleBackground), [.render, .status(StatusMessage("background: constant"))])
    XCTAssertEqual(pane.settings.model.background, .polynomial(degree: 0))
    XCTAssertNotNil(pane.settings.model["bg.a0"])
    XCTAssertNil(pane.settings.model["bg.a1"])
    for _ in 0..<(SpectraPane.backgrounds(for: .raman).count - 1) { _ = pane.perform(.cycleBackground) }
    XCTAssertEqual(pane.settings.model.background, .polynomial(degree: 1))
    XCTAssertEqual(pane.perform(.cycleShape), [.render, .status(StatusMessage("new peaks: lorentzian"))])
    XCTAssertEqual(pane.perform(.cycleShape), [.render, .status(StatusMessage("new peaks: pseudoVoigt"))])
    for _ in 0..<(SpectraPane.shapes.count - 2) { _ = pane.perform(.cycleShape) }
    XCTAssertEqual(pane.shape, .gaussian)
    for _ in 0..<10 { _ = pane.perform(.cursorLeft) }  // cursor at 40, the band's centre
    XCTAssertEqual(pane.perform(.addComponent), [.render, .status(StatusMessage("added p1: gaussian at 40 cm-1"))])
    let p1 = try XCTUnwrap(pane.settings.model["p1.center"])
    XCTAssertEqual(p1.value, 40, accuracy: 1e-12)
    // Height above the straight line through the window's ends (10 + 0.1·40 under the band); the
    // FWHM between the half-height crossings, within a point spacing (0.5) of the band's 6.
    let area = try XCTUnwrap(pane.settings.model["p1.area"]?.value)
    let fwhm = try XCTUnwrap(pane.settings.model["p1.fwhm"]?.value)
    XCTAssertEqual(fwhm, 6, accuracy: 1)
    XCTAssertEqual(area / (fwhm * (Double.pi / (4 * log(2))).squareRoot()), 500, accuracy: 1)
    XCTAssertEqual(pane.perform(.toggleFixed), [.render, .status(StatusMessage("p1 fixed"))])
    XCTAssertEqual(pane.settings.model["p1.center"]?.fixed, true)
    XCTAssertEqual(pane.perform(.toggleFixed), [.render, .status(StatusMessage("p1 free"))])
    XCTAssertEqual(pane.perform(.addComponent), [.render, .status(StatusMessage("added p2: gaussian at 40 cm-1"))])
    XCTAssertEqual(pane.selectedComponent, 1)
    XCTAssertEqual(pane.perform(.nextComponent), [.render])
    XCTAssertEqual(pane.selectedComponent, 0)
    XCTAssertEqual(pane.perform(.deleteComponent), [.render, .status(StatusMessage("deleted p1"))])
    XCTAssertEqual(pane.settings.model.components.map(\.name), ["p2"])
    XCTAssertNil(pane.settings.model["p1.center"])
    XCTAssertEqual(pane.perform(.autoPeaks), [.render, .status(StatusMessage("found 1 peak (gaussian)"))])
    XCTAssertEqual(pane.settings.model["p1.center"]?.value ?? 0, 40, accuracy: 0.5)
    XCTAssertEqual(pane.perform(.undo), [.render])
    XCTAssertEqual(pane.settings.model.components.map(\.name), ["p2"])
    XCTAssertEqual(pane.perform(.redo), [.render])
    XCTAssertEqual(pane.settings.model.components.map(\.name), ["p1"])
    XCTAssertEqual(pane.perform(.redo), [.status(StatusMessage("nothing to redo"))])
  }

  /// Fits the Raman band and hands the job's result back, as the runtime does.
  func fitted() throws -> SpectraPane {
    var pane = loadedPane()
    for _ in 0..<10 { _ = pane.perform(.cursorLeft) }
    _ = pane.perform(.addComponent)
    let s = Self.raman()
    let request = SpectraFitRequest(path: "a.csv", spectrum: 0, range: nil, x: s.x, y: s.y, model: pane.settings.model)
    XCTAssertEqual(pane.perform(.fit), [.startJob(.spectra(.fit(request))), .render])
    XCTAssertTrue(pane.fitRunning)
    XCTAssertEqual(pane.perform(.cancelFit), [.cancelJob(.spectra(.fit)), .status(StatusMessage("cancelling the fit…"))])
    let job = SpectraJob.fit(request)
    let progress = ProgressLog()
    let context = JobContext { progress.append($0) }
    let result = try XCTUnwrap(try job.computed(context: context))
    XCTAssertFalse(progress.items.isEmpty)
    let effects = pane.handle(.jobFinished(.spectra(job, .success(result))))
    XCTAssertEqual(effects.first, .render)
    XCTAssertFalse(pane.fitRunning)
    return pane
  }

  func testFitRecoversTheBandAndBecomesTheModel() throws {
    let pane = try fitted()
    let r = try XCTUnwrap(pane.currentFit?.result)
    XCTAssertTrue(r.success)
    let c = try XCTUnwrap(r.components.first)
    // The generating Gaussian: area = H·w·√(π/(4 ln 2)).
    XCTAssertEqual(c.center.value, 40, accuracy: 1e-6)
    XCTAssertEqual(c.fwhm.value, 6, accuracy: 1e-6)
    XCTAssertEqual(c.height.value, 500, accuracy: 1e-5)
    XCTAssertEqual(c.area.value, 500 * 6 * (Double.pi / (4 * log(2))).squareRoot(), accuracy: 1e-4)
    XCTAssertEqual(c.areaPercent.value, 100, accuracy: 1e-9)
    XCTAssertEqual(r.rSquared, 1, accuracy: 1e-12)
    XCTAssertEqual(pane.settings.model, r.model)
    XCTAssertEqual(pane.undoStack.last?.model, pane.currentFit?.request.model)
  }

  func testCancelledFitIsReported() throws {
    var pane = loadedPane()
    _ = pane.perform(.addComponent)
    guard case .startJob(.spectra(let job)) = pane.perform(.fit).first else { return XCTFail("no fit job") }
    let context = JobContext()
    context.cancel()
    let outcome = context.outcome { try job.computed(context: context) }
    XCTAssertEqual(outcome.map { _ in 0 }, .failure(EffectFailure("cancelled")))
    XCTAssertEqual(pane.handle(.jobFinished(.spectra(job, .failure(EffectFailure("cancelled"))))),
                   [.render, .status(StatusMessage("fit cancelled"))])
    XCTAssertFalse(pane.fitRunning)
    XCTAssertEqual(pane.perform(.cancelFit), [])
  }

  func testFitWithoutPeaksAndExportWithoutFitAreRefused() {
    var pane = loadedPane()
    XCTAssertEqual(pane.perform(.fit), [.status(.error("no peaks: add one at the cursor (a) or find them (A)"))])
    XCTAssertEqual(pane.perform(.export), [.status(.error("nothing to export: fit this spectrum first (f)"))])
    XCTAssertEqual(pane.perform(.deleteComponent), [.status(.error("no peak to delete"))])
    XCTAssertEqual(pane.perform(.toggleFixed), [.status(.error("no peak selected"))])
    XCTAssertEqual(pane.perform(.undo), [.status(StatusMessage("nothing to undo"))])
  }

  func testExportWritesModelFittedModelCSVAndJSON() throws {
    var pane = try fitted()
    let effects = pane.perform(.export)
    guard case .writeFiles(let files, let id) = effects.first, effects.count == 1 else { return XCTFail("\(effects)") }
    XCTAssertEqual(id, "spectra")
    XCTAssertEqual(files.map(\.path), ["fits/spectra/a.model.toml", "fits/spectra/a.fitted.toml", "fits/spectra/a.fit.csv", "fits/spectra/a.fit.json"])
    let start = try PeakModelFile.read(String(decoding: files[0].contents, as: UTF8.self), file: "a.model.toml")
    XCTAssertEqual(start, pane.currentFit?.request.model)
    let csv = String(decoding: files[2].contents, as: UTF8.self).split(separator: "\n")
    XCTAssertEqual(csv.count, 2)
    let row = csv[1].split(separator: ",", omittingEmptySubsequences: false)
    XCTAssertEqual(row[4], "p1")
    XCTAssertEqual(Double(row[6]) ?? 0, 40, accuracy: 1e-6)
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: files[3].contents) as? [String: Any])
    XCTAssertEqual(json["technique"] as? String, "raman")
    XCTAssertEqual(pane.handle(.filesWritten(.success(["fits/spectra/a.fit.csv"]))), [.status(StatusMessage("wrote fits/spectra/a.fit.csv"))])
  }

  func testLibraryToggle() {
    var pane = loadedPane()
    XCTAssertEqual(pane.perform(.toggleLibrary), [.render])
    XCTAssertTrue(pane.showsLibrary)
    XCTAssertEqual(pane.perform(.toggleLibrary), [.render])
    var xrd = SpectraPane(workspace: "/nonexistent")
    deliver([SpectraFileContents(path: "x.xy", spectra: [Spectrum(name: "x", axis: .twoTheta(wavelength: nil), x: [1, 2, 3], y: [1, 2, 1])], error: nil)], to: &xrd)
    XCTAssertEqual(xrd.perform(.toggleLibrary), [.render, .status(StatusMessage("no study reference lines for XRD; they cover Raman and XPS"))])
  }

  func testEveryActionHasADistinctKey() {
    let keys = SpectraPaneAction.allCases.flatMap { SpectraPane.binding(for: $0).keys }
    XCTAssertEqual(keys.count, Set(keys).count)
  }

  // MARK: rendering

  func render(_ pane: SpectraPane, width: Int = 120, height: Int = 40) -> [String] {
    var buffer = Buffer(width: width, height: height)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    return buffer.lines
  }

  func testPlotAfterAFitDrawsComponentsEnvelopeResidualsAndTable() throws {
    let lines = try render(fitted())
    let text = lines.joined(separator: "\n")
    for label in ["─ data", "─ background", "─ p1", "─ envelope", "resid.", "Raman shift / cm-1", "x 40 cm-1", "bg linear"] {
      XCTAssertTrue(text.contains(label), "missing \(label)")
    }
    let row = try XCTUnwrap(lines.first { $0.contains("▸ p1") })
    XCTAssertTrue(row.contains("40 ± "), row)
    XCTAssertTrue(row.contains("gaussian"), row)
    XCTAssertTrue(text.contains("R² 1"), text)
    // Smaller terminals keep the pane legible.
    XCTAssertTrue(render(try fitted(), width: 30, height: 8)[0].hasPrefix("Spectra: enlarge the terminal"))
  }

  func testBindingEnergyAxisIncreasesToTheLeft() throws {
    var pane = loadedPane()
    _ = pane.perform(.nextSpectrum)
    let lines = render(pane)
    let axisRow = try XCTUnwrap(lines.lastIndex { $0.contains("binding energy / eV") })
    let numbers = lines[axisRow - 1].split(whereSeparator: { !$0.isNumber && $0 != "." }).compactMap { Double($0) }
    XCTAssertGreaterThan(numbers.count, 2)
    XCTAssertEqual(numbers, numbers.sorted(by: >))
  }

  func testReferenceLinesAreLabelledOverThePlot() throws {
    var pane = SpectraPane(workspace: "/nonexistent")
    deliver([SpectraFileContents(path: "lpsc.csv", spectra: [Self.ramanInStudyRange()], error: nil)], to: &pane)
    XCTAssertFalse(render(pane).joined().contains("LPSC 425"))
    _ = pane.perform(.toggleLibrary)
    let lines = render(pane)
    let labels = try XCTUnwrap(lines.first { $0.contains("LPSC 425") })
    XCTAssertTrue(labels.contains("LATP 315"), labels)
    // The label sits over 425 on the x axis: between the columns of the 400 and 450 ticks.
    let axisRow = try XCTUnwrap(lines.lastIndex { $0.contains("Raman shift / cm-1") }) - 1
    let column = { (s: String, sub: String) -> Int? in s.range(of: sub).map { s.distance(from: s.startIndex, to: $0.lowerBound) } }
    let label = try XCTUnwrap(column(labels, "│LPSC 425"))
    let t400 = try XCTUnwrap(column(lines[axisRow], "400")), t450 = try XCTUnwrap(column(lines[axisRow], "450"))
    XCTAssertGreaterThan(label, t400)
    XCTAssertLessThan(label, t450 + 1)
  }
}

/// Progress snapshots a job posted (jobs post from their worker thread).
final class ProgressLog: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [PaneJobProgress] = []
  func append(_ p: PaneJobProgress) { lock.lock(); stored.append(p); lock.unlock() }
  var items: [PaneJobProgress] { lock.lock(); defer { lock.unlock() }; return stored }
}
