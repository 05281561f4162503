import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// Constraints mode of the Spectra pane: per-parameter fix/free, bounds, ties, doublet templates
/// and Kα1/Kα2 pairs, each undoable, driven by their keys and prompts.
final class SpectraPaneConstraintTests: XCTestCase {
  /// A Gaussian of area `area` and FWHM `w` at `c`: height = area / (w √(π / (4 ln 2))).
  static func gaussian(_ x: Double, c: Double, w: Double, area: Double) -> Double {
    area / (w * (Double.pi / (4 * log(2))).squareRoot()) * exp(-4 * log(2) * pow((x - c) / w, 2))
  }

  /// Ti 2p: 2p3/2 at 459.0 eV (FWHM 1.2, area 1000) and 2p1/2 5.7 eV above it, half the area and
  /// broader (FWHM 1.4), on a flat 200 counts; 450…475 eV in 0.05 eV steps.
  static func ti2p() -> Spectrum {
    let x = (0...500).map { 450 + Double($0) * 0.05 }
    let y = x.map { 200 + gaussian($0, c: 459, w: 1.2, area: 1000) + gaussian($0, c: 464.7, w: 1.4, area: 500) }
    return Spectrum(name: "Ti 2p", axis: .bindingEnergy, x: x, y: y)
  }

  /// A Cu Kα1/Kα2 pair: Kα1 at 2θ = 40° (FWHM 0.2°, area 100), Kα2 at 40.103651° (from
  /// 2 asin((1.544426/1.540598) sin 20°), by hand) with half the area; 38…42° in 0.01° steps.
  static func kAlphaPattern(wavelength: Double?) -> Spectrum {
    let x = (0...400).map { 38 + Double($0) * 0.01 }
    let y = x.map { 5 + gaussian($0, c: 40, w: 0.2, area: 100) + gaussian($0, c: 40.103651, w: 0.2, area: 50) }
    return Spectrum(name: "pattern", axis: .twoTheta(wavelength: wavelength), x: x, y: y)
  }

  static func pane(with spectra: [Spectrum]) -> SpectraPane {
    pane(files: spectra.enumerated().map { SpectraFileContents(path: "f\($0.offset).dat", spectra: [$0.element], error: nil) })
  }

  static func pane(files: [SpectraFileContents]) -> SpectraPane {
    var pane = SpectraPane(workspace: "/nonexistent")
    _ = pane.handle(.focused)
    _ = pane.handle(.workspaceFiles(kind: .spectrum, files: files.map { IndexedFile(path: $0.path, size: 1, modified: 1) }, complete: true))
    _ = pane.handle(.jobFinished(.spectra(.readFiles(paths: files.map(\.path)), .success(.files(files)))))
    return pane
  }

  func pane(with spectra: [Spectrum]) -> SpectraPane { Self.pane(with: spectra) }
  func type(_ text: String, into pane: inout SpectraPane) { Self.type(text, into: &pane) }
  func fit(_ pane: inout SpectraPane) throws -> PeakFitResult { try Self.runFit(&pane) }

  static func type(_ text: String, into pane: inout SpectraPane) {
    for _ in 0..<40 { _ = pane.handle(.key(.backspace)) }
    for c in text { _ = pane.handle(.key(.character(c))) }
  }

  /// Runs the pane's fit job as the runtime would and hands the result back.
  static func runFit(_ pane: inout SpectraPane) throws -> PeakFitResult {
    let effects = pane.perform(.fit)
    guard case .startJob(.spectra(let job)) = effects.first else { throw NoFitJob(effects: effects) }
    let result = try XCTUnwrap(try job.computed(context: JobContext()))
    _ = pane.handle(.jobFinished(.spectra(job, .success(result))))
    return try XCTUnwrap(pane.currentFit?.result)
  }

  func testAddAtTheCursorTakesTheTopNearbyAndTheWidthFromTheData() throws {
    var pane = pane(with: [SpectraPaneTests.raman()])
    for _ in 0..<8 { _ = pane.perform(.cursorLeft) }  // 42, on the flank of the band at 40 (FWHM 6)
    XCTAssertEqual(pane.perform(.addComponent), [.render, .status(StatusMessage("added p1: gaussian at 40 cm-1"))])
    // Half-height crossings of a FWHM-6 band sampled every 0.5: between 6 and 7.
    let fwhm = try XCTUnwrap(pane.settings.model["p1.fwhm"]?.value)
    XCTAssertGreaterThanOrEqual(fwhm, 6)
    XCTAssertLessThanOrEqual(fwhm, 7)
    // On a flat stretch the cursor's own point is kept.
    for _ in 0..<40 { _ = pane.perform(.cursorRight) }  // 82
    XCTAssertEqual(pane.perform(.addComponent), [.render, .status(StatusMessage("added p2: gaussian at 82 cm-1"))])
  }

  func testDoubletTemplatesFollowTheNearestTableS6Line() {
    XCTAssertEqual(DoubletTemplate.nearest(459.2), DoubletTemplate(core: "Ti 2p", kind: .p, splitting: 5.7))
    XCTAssertEqual(DoubletTemplate.nearest(160.0), DoubletTemplate(core: "P 2p", kind: .p, splitting: 0.87))
    XCTAssertEqual(DoubletTemplate.nearest(198.5), DoubletTemplate(core: "Cl 2p", kind: .p, splitting: 1.6))
  }

  func testDoubletKeyAddsATiedPairThatFitsTheTi2pDoublet() throws {
    var pane = pane(with: [Self.ti2p()])
    XCTAssertEqual(pane.cursor ?? 0, 462.5, accuracy: 1e-9)
    for _ in 0..<14 { _ = pane.perform(.cursorRight) }  // 1 % of 25 eV each, towards lower BE
    XCTAssertEqual(pane.cursor ?? 0, 459, accuracy: 1e-9)
    XCTAssertEqual(pane.perform(.addDoublet), [.render])
    guard case .prompt(.doublet(let centre), let editor) = pane.modal else { return XCTFail("no doublet prompt") }
    XCTAssertEqual(centre, 459, accuracy: 1e-9)
    XCTAssertEqual(editor.text, "p 5.7")
    // A bad entry keeps the prompt open and says what was expected.
    type("q 5.7", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)),
                   [.render, .status(.error("doublet: \"KIND SPLIT\" with KIND p, d or f and a positive splitting in eV, found \"q 5.7\""))])
    XCTAssertTrue(pane.capturesInput)
    type("p 5.7", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)),
                   [.render, .status(StatusMessage("added p1: p doublet, split 5.7 eV, area ratio 0.5 tied, FWHM ratio free"))])
    let model = pane.settings.model
    XCTAssertEqual(model.components.map(\.name), ["p1_3/2", "p1_1/2"])
    XCTAssertEqual(model["p1_1/2.center"]?.tie, .offset("p1_3/2.center", 5.7))
    XCTAssertEqual(model["p1_1/2.area"]?.tie, .ratio("p1_3/2.area", 0.5))
    XCTAssertNil(model["p1_1/2.fwhm"]?.tie)
    let r = try fit(&pane)
    XCTAssertTrue(r.success, r.fit.message)
    let lower = try XCTUnwrap(r.components.first { $0.name == "p1_3/2" })
    let upper = try XCTUnwrap(r.components.first { $0.name == "p1_1/2" })
    XCTAssertEqual(lower.center.value, 459, accuracy: 1e-4)
    XCTAssertEqual(upper.center.value, 464.7, accuracy: 1e-4)
    XCTAssertEqual(lower.fwhm.value, 1.2, accuracy: 1e-4)
    XCTAssertEqual(upper.fwhm.value, 1.4, accuracy: 1e-4)  // the floating FWHM ratio: 2p1/2 broader
    XCTAssertEqual(lower.area.value, 1000, accuracy: 0.5)
    XCTAssertEqual(upper.area.value / lower.area.value, 0.5, accuracy: 1e-12)
    // Undo steps back over the fit and the doublet; redo brings the doublet back.
    _ = pane.perform(.undo)
    _ = pane.perform(.undo)
    XCTAssertTrue(pane.settings.model.components.isEmpty)
    _ = pane.perform(.redo)
    XCTAssertEqual(pane.settings.model.components.map(\.name), ["p1_3/2", "p1_1/2"])
  }

  func testDoubletAndKAlphaKeysRefuseTheWrongAxis() {
    var xrd = pane(with: [Self.kAlphaPattern(wavelength: 1.540598)])
    XCTAssertEqual(xrd.perform(.addDoublet), [.status(.error("doublets are for XPS on a binding-energy axis; this is 2theta"))])
    var xps = pane(with: [Self.ti2p()])
    XCTAssertEqual(xps.perform(.addKAlphaPair), [.status(.error("Kα1/Kα2 pairs are for XRD on a 2θ axis; this is binding energy"))])
  }

  func testKAlphaPairTakesTheAnodeFromTheWavelength() throws {
    var unknown = pane(with: [Self.kAlphaPattern(wavelength: nil)])
    XCTAssertEqual(unknown.perform(.addKAlphaPair),
                   [.status(.error("Kα pair: the anode is not known; set the wavelength with w (CuKa1, MoKa1, CoKa1)"))])
    var pane = pane(with: [Self.kAlphaPattern(wavelength: 1.540598)])
    XCTAssertEqual(pane.cursor ?? 0, 40, accuracy: 1e-9)
    XCTAssertEqual(pane.perform(.addKAlphaPair), [.render, .status(StatusMessage("added p1: Cu Kα1/Kα2 pair (Kα2 half the area, same FWHM)"))])
    XCTAssertEqual(pane.settings.model.components.map(\.name), ["p1_ka1", "p1_ka2"])
    // Kα2 starts where Bragg's law puts it for Kα1's start: 2 asin((λ₂/λ₁) sin θ₁), Cu 1.544426/1.540598.
    let ka1Start = try XCTUnwrap(pane.settings.model["p1_ka1.center"]?.value)
    let ka2Start = 2 * asin(1.544426 / 1.540598 * sin(ka1Start / 2 * .pi / 180)) * 180 / .pi
    XCTAssertEqual(pane.settings.model["p1_ka2.center"]?.value ?? 0, ka2Start, accuracy: 1e-9)
    let r = try fit(&pane)
    XCTAssertTrue(r.success, r.fit.message)
    let ka1 = try XCTUnwrap(r.components.first { $0.name == "p1_ka1" })
    XCTAssertEqual(ka1.center.value, 40, accuracy: 1e-5)
    XCTAssertEqual(ka1.fwhm.value, 0.2, accuracy: 1e-5)
    XCTAssertEqual(ka1.area.value, 100, accuracy: 1e-3)
    XCTAssertEqual(pane.perform(.undo), [.render])
    XCTAssertEqual(pane.perform(.undo), [.render])
    XCTAssertTrue(pane.settings.model.components.isEmpty)
  }

  /// Two components on the Raman band of `SpectraPaneTests`, the second one selected.
  func twoPeaks() -> SpectraPane {
    var pane = pane(with: [SpectraPaneTests.raman()])
    for _ in 0..<10 { _ = pane.perform(.cursorLeft) }  // 40
    _ = pane.perform(.addComponent)
    for _ in 0..<20 { _ = pane.perform(.cursorRight) }  // 60
    _ = pane.perform(.addComponent)
    return pane
  }

  func testParameterCursorFixesOneParameterAndUndoes() {
    var pane = twoPeaks()
    XCTAssertEqual(pane.selectedComponent, 1)
    XCTAssertEqual(pane.selectedParameterName, "p2.center")
    XCTAssertEqual(pane.perform(.nextParameter), [.render])
    XCTAssertEqual(pane.selectedParameterName, "p2.area")
    XCTAssertEqual(pane.perform(.toggleParameterFixed), [.render, .status(StatusMessage("p2.area fixed"))])
    XCTAssertEqual(pane.settings.model["p2.area"]?.fixed, true)
    XCTAssertEqual(pane.settings.model["p2.center"]?.fixed, false)
    XCTAssertEqual(pane.perform(.toggleParameterFixed), [.render, .status(StatusMessage("p2.area free"))])
    XCTAssertEqual(pane.perform(.undo), [.render])
    XCTAssertEqual(pane.settings.model["p2.area"]?.fixed, true)
    _ = pane.perform(.nextParameter)
    XCTAssertEqual(pane.selectedParameterName, "p2.fwhm")
    _ = pane.perform(.nextParameter)
    XCTAssertEqual(pane.selectedParameterName, "p2.center")
    XCTAssertEqual(pane.perform(.nextComponent), [.render])
    XCTAssertEqual(pane.selectedParameterName, "p1.center")
  }

  func testBoundsPromptSetsChecksAndUndoes() {
    var pane = twoPeaks()
    XCTAssertEqual(pane.perform(.editBounds), [.render])
    guard case .prompt(.bounds("p2.center"), let editor) = pane.modal else { return XCTFail("no bounds prompt") }
    XCTAssertEqual(editor.text, "-inf inf")
    type("70 80", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(.error("bounds: p2.center is 60, outside [70, 80]"))])
    type("80 70", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last, .status(.error("bounds: \"MIN MAX\" with MIN < MAX (inf or -inf for none), found \"80 70\"")))
    type("55 inf", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("p2.center bounded to [55, inf]"))])
    XCTAssertFalse(pane.capturesInput)
    XCTAssertEqual(pane.settings.model["p2.center"]?.min, 55)
    XCTAssertEqual(pane.settings.model["p2.center"]?.max, .infinity)
    _ = pane.perform(.undo)
    XCTAssertEqual(pane.settings.model["p2.center"]?.min, -.infinity)
    _ = pane.perform(.editBounds)
    XCTAssertEqual(pane.handle(.key(.escape)), [.render])
    XCTAssertFalse(pane.capturesInput)
  }

  func testTiePromptTiesByOffsetOrRatioAndRefusesChains() throws {
    var pane = twoPeaks()
    XCTAssertEqual(pane.perform(.editTie), [.render])
    type("p1 + 2.5", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("p2.center = p1.center + 2.5"))])
    let p1 = try XCTUnwrap(pane.settings.model["p1.center"]?.value)
    XCTAssertEqual(pane.settings.model["p2.center"]?.tie, .offset("p1.center", 2.5))
    XCTAssertEqual(pane.settings.model["p2.center"]?.value ?? 0, p1 + 2.5, accuracy: 1e-12)
    // A tied parameter cannot be fixed; nothing may be tied to a tied one.
    XCTAssertEqual(pane.perform(.toggleParameterFixed), [.status(.error("p2.center is tied to p1.center: untie it first (t, then an empty line)"))])
    _ = pane.perform(.nextComponent)
    _ = pane.perform(.editTie)
    type("p2.center - 1", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last, .status(.error("tie: p2.center is itself tied (ties do not chain)")))
    type("p1.center * 2", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last, .status(.error("tie: p1.center cannot follow itself")))
    type("p9 * 2", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last, .status(.error("tie: the model has no parameter p9.center")))
    _ = pane.handle(.key(.escape))
    // Area by ratio.
    _ = pane.perform(.nextComponent)
    _ = pane.perform(.nextParameter)
    XCTAssertEqual(pane.selectedParameterName, "p2.area")
    _ = pane.perform(.editTie)
    type("p1 * 0.5", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("p2.area = p1.area * 0.5"))])
    XCTAssertEqual(pane.settings.model["p2.area"]?.tie, .ratio("p1.area", 0.5))
    // An empty line unties; undo ties again.
    _ = pane.perform(.editTie)
    type("", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("p2.area untied (free)"))])
    XCTAssertNil(pane.settings.model["p2.area"]?.tie)
    _ = pane.perform(.undo)
    XCTAssertEqual(pane.settings.model["p2.area"]?.tie, .ratio("p1.area", 0.5))
  }

  func testTheConstraintLineShowsTheSelectedParameter() {
    var pane = twoPeaks()
    _ = pane.perform(.editTie)
    type("p1 + 2.5", into: &pane)
    _ = pane.handle(.key(.enter))
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    let text = buffer.lines.joined(separator: "\n")
    XCTAssertTrue(text.contains("parameter p2.center = 42.5 · = p1.center + 2.5"), text)
  }
}

/// The fit key answered without starting a job (the effects say why).
struct NoFitJob: Error {
  var effects: [Effect]
}
