import Engine
import Formats
import Foundation
import Lab
import TUI
import XCTest

@testable import Workbench

/// Each spectrum keeps its own circuit and fit; the default circuit is the one proposed for
/// the spectrum's shape; σ's geometry comes from a protocol naming the file, or is asked for.
extension ImpedancePaneTests {
  /// The case: after fitting an 8 MΩ spectrum, a 0.02 Ω one in the same folder showed
  /// the first one's parameters. Now each keeps its own; a spectrum of a comparable scale starts
  /// from its neighbour's fit and says so, the tiny one from the automatic start.
  func testEachSpectrumKeepsItsOwnFitAndStartsFromAComparableNeighbour() throws {
    var pane = ImpedancePane(workspace: "/nonexistent")
    let big = try Self.synthetic(r0: 1e6, r1: 8e6)
    let tiny = try Self.synthetic(r0: 0.005, r1: 0.02)
    let bigToo = try Self.synthetic(r0: 1.1e6, r1: 8.5e6)
    deliver([
      ImpedanceFileContents(path: "s/1_big.csv", spectra: [big], error: nil),
      ImpedanceFileContents(path: "s/2_tiny.csv", spectra: [tiny], error: nil),
      ImpedanceFileContents(path: "s/3_big.csv", spectra: [bigToo], error: nil),
    ], to: &pane)
    let proposed = CircuitProposal.propose(for: big)
    XCTAssertEqual(pane.circuitText, try Circuit(proposed.circuit).description)
    XCTAssertEqual(pane.circuitOrigin, "proposed: " + proposed.reason)
    XCTAssertEqual(pane.startOrigin, "automatic start")
    _ = runJobs(press(&pane, .fit), on: &pane)
    let bigFit = try XCTUnwrap(pane.entries[0].fit)
    XCTAssertEqual(bigFit.result.value(of: "R1") ?? 0, 8e6, accuracy: 1)

    // The tiny spectrum: its own state, the automatic start (the big fit is no start for it).
    XCTAssertEqual(press(&pane, .nextSpectrum), [.render])
    XCTAssertEqual(pane.startOrigin, "automatic start")
    XCTAssertEqual(pane.settings.given, Parameters())
    let shown = pane.displayedParameters
    XCTAssertLessThan(shown["R0"]?.value ?? .infinity, 1, "an 8 MΩ value over 0.02 Ω data: \(shown.values)")
    XCTAssertLessThan(shown["R1"]?.value ?? .infinity, 1, "\(shown.values)")
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    let screen = buffer.lines.joined(separator: "\n")
    XCTAssertFalse(screen.contains(String(format: "%.6g", bigFit.result.values[1])), screen)
    // The circuit line says which circuit, its weights, where the start came from, and why.
    XCTAssertTrue(screen.contains("│circuit \(pane.circuitText)  weighting unit · automatic start · proposed: "), screen)
    // Its nudges are its own.
    _ = press(&pane, .increase)
    let nudged = try XCTUnwrap(pane.settings.given["R0"]).value

    // The third, of the big one's scale: started from the first's fit, and it says so.
    _ = press(&pane, .nextSpectrum)
    XCTAssertEqual(pane.startOrigin, "start: fit of s/1_big.csv")
    XCTAssertEqual(pane.settings.given, bigFit.result.parameters)
    buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    XCTAssertTrue(buffer.lines.contains { $0.contains("R0") && $0.contains("neighbour") }, buffer.lines.joined(separator: "\n"))
    let third = press(&pane, .fit)
    XCTAssertEqual(third, [.startJob(.impedance(.fit([ImpedanceFitRequest(
      entry: 2, key: ImpedanceSpectrumKey(path: "s/3_big.csv", index: 0),
      fit: CircuitFitRequest(circuit: try XCTUnwrap(pane.circuit), spectrum: bigToo, weighting: .unit, given: bigFit.result.parameters))]))),
      .render])
    _ = runJobs(third, on: &pane)
    XCTAssertEqual(pane.entries[2].fit?.result.value(of: "R1") ?? 0, 8.5e6, accuracy: 1)

    // Back to the others: each shows its own numbers again.
    _ = press(&pane, .previousSpectrum)
    XCTAssertEqual(pane.settings.given["R0"]?.value, nudged)
    XCTAssertNil(pane.entries[1].fit)
    _ = press(&pane, .previousSpectrum)
    XCTAssertEqual(pane.displayedParameters, bigFit.result.parameters)
  }

  /// A fit finishing after the list changed lands on its own spectrum (found by key).
  func testAFitLandsOnItsSpectrumAfterTheListMoved() throws {
    var pane = ImpedancePane(workspace: "/nonexistent")
    deliver([ImpedanceFileContents(path: "b.csv", spectra: [try Self.synthetic(r1: 200)], error: nil)], to: &pane)
    let effects = press(&pane, .fit)
    // A file sorting before it appears while the fit runs: b.csv moves to row 1.
    _ = pane.handle(.jobFinished(.impedance(.readFiles(paths: ["a.csv"]), .success(.files([
      ImpedanceFileContents(path: "a.csv", spectra: [try Self.synthetic(r1: 50)], error: nil)
    ])))))
    XCTAssertEqual(pane.entries.map(\.path), ["a.csv", "b.csv"])
    _ = runJobs(effects, on: &pane)
    XCTAssertNil(pane.entries[0].fit)
    XCTAssertEqual(pane.entries[1].fit?.result.value(of: "R1") ?? 0, 200, accuracy: 1e-3)
  }

  /// The example pellets (Examples/eis, R0 from paper.md's table) with nothing typed: `F` fits
  /// each with the circuit proposed for a blocking pellet, and the Arrhenius line of R0 gives
  /// the study's Ea = 0.323 eV.
  func testFitAllOnTheExamplePelletsGivesTheStudysActivationEnergy() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/eis")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("LPSC_pellet_") }.sorted()
    XCTAssertEqual(names.count, 7)
    let files = try names.map { name in
      ImpedanceFileContents(path: "eis/" + name, spectra: try ImpedanceReader.read(contentsOf: folder.appendingPathComponent(name)), error: nil)
    }
    var pane = ImpedancePane(workspace: "/nonexistent")
    deliver(files, to: &pane)
    XCTAssertEqual(pane.circuitText, "R0-p(R1,CPE1)-CPE2")
    XCTAssertTrue(pane.circuitOrigin.hasPrefix("proposed: blocking electrodes"), pane.circuitOrigin)
    _ = runJobs(press(&pane, .fitAll), on: &pane)
    XCTAssertEqual(Set(pane.entries.compactMap { $0.fit?.circuit.description }), ["R0-p(R1,CPE1)-CPE2"])
    let series = pane.arrheniusSeries
    XCTAssertEqual(series.parameter, "R0")
    let fit = try XCTUnwrap(series.fit)
    XCTAssertEqual(fit.count, 7)
    XCTAssertEqual(fit.activationEnergyEV, 0.323, accuracy: 0.002)
    // paper.md's slope; R² 0.998925 is that of paper.md's own R table (ln(T/R) against
    // 1000/T, computed by hand): the fits return the table's resistances.
    XCTAssertEqual(fit.slope, -3.745, accuracy: 0.002)
    XCTAssertEqual(fit.rSquared, 0.998925, accuracy: 2e-5)
    for (r, truth) in zip(series.resistances, [19.48, 15.34, 12.32, 8.90, 6.24, 4.59, 3.49]) {
      XCTAssertEqual(r, truth, accuracy: 0.01 * truth)
    }
    XCTAssertNil(fit.unreliability)
    XCTAssertNil(series.conductivities, "no geometry: no σ")
    // `t`: bulk R0 (the same line), grain boundary R1 (README: 0.25·R0, the same Ea), total.
    XCTAssertEqual(press(&pane, .cycleArrheniusQuantity), [.render, .status(StatusMessage("Arrhenius of the bulk: R0"))])
    _ = press(&pane, .cycleArrheniusQuantity)
    XCTAssertEqual(pane.arrheniusParameters, ["R1"])
    let grainBoundary = pane.arrheniusSeries
    for (r1, r0) in zip(grainBoundary.resistances, series.resistances) { XCTAssertEqual(r1, 0.25 * r0, accuracy: 0.01 * r0) }
    _ = press(&pane, .cycleArrheniusQuantity)
    XCTAssertEqual(pane.arrheniusParameters, ["R0", "R1"])
    let total = pane.arrheniusSeries
    for (r, r0) in zip(total.resistances, series.resistances) { XCTAssertEqual(r, 1.25 * r0, accuracy: 1e-3 * r0) }
    XCTAssertEqual(total.fit?.activationEnergyEV ?? 0, 0.323, accuracy: 0.002)
  }

  /// A protocol whose data_files name the pellets gives σ its geometry, and the view says
  /// where it came from: A3-like, 200 mg LPSC in a 10 mm die, thickness t = m/(A·ρ·φ).
  func testAProtocolNamingTheFilesGivesTheGeometryAndSaysSo() throws {
    let text = """
      id = "P1"
      die_diameter_mm = 10
      data_files = ["eis/LPSC_*C.csv"]
      [[steps]]
      type = "layer"
      name = "LPSC pellet"
      material = "LPSC"
      role = "electrolyte"
      thickness_um = 681
      [[steps]]
      type = "layer"
      name = "SS"
      material = "SS"
      role = "current_collector"
      """
    let library = ProtocolLibrary.parse(files: [SourceFile(path: "protocols/P1.toml", text: text)])
    XCTAssertEqual(library.errors, [])
    let lab = LabWorkspace(directory: "/nonexistent", recipes: RecipeLibrary(), protocols: library, materials: .builtIn, errors: [])
    var pane = ImpedancePane(workspace: "/nonexistent")
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
    // L/A = 0.0681 cm / (π·0.5² cm²) = 0.08671 cm⁻¹, paper.md's 0.0867.
    let source = try XCTUnwrap(pane.geometrySource(for: pane.entries[0]))
    XCTAssertEqual(source.geometry.cellConstantPerCm, 0.0681 / (Double.pi * 0.25), accuracy: 1e-9)
    XCTAssertEqual(source.source, "protocol P1, LPSC pellet: 681 µm, ⌀ 10 mm")
    var effects: [Effect] = []
    while pane.view != .arrhenius { effects = press(&pane, .cycleView) }
    XCTAssertEqual(effects, [.render], "nothing to ask: the protocol gives the geometry")
    let series = pane.arrheniusSeries
    let sigma = try XCTUnwrap(series.conductivities)
    XCTAssertEqual(sigma[0] * 1000, 5.652, accuracy: 0.005, "0.08671/15.34 S/cm")
    var buffer = Buffer(width: 140, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    XCTAssertTrue(buffer.lines.contains { $0.contains("geometry: protocol P1, LPSC pellet: 681 µm, ⌀ 10 mm") }, buffer.lines.joined(separator: "\n"))
    // Patterns match within one path component.
    XCTAssertTrue(CellProtocol.glob("eis/LPSC_*C.csv", matches: "eis/LPSC_25C.csv"))
    XCTAssertFalse(CellProtocol.glob("eis/LPSC_*C.csv", matches: "eis/old/LPSC_25C.csv"))
    XCTAssertFalse(CellProtocol.glob("eis/LPSC_?C.csv", matches: "eis/LPSC_25C.csv"))
  }

  /// A protocol with two conducting layers gives no geometry and says why; a bad data_files
  /// entry is an error at its line.
  func testProtocolGeometryRefusesAStackAndBadDataFiles() throws {
    let sandwich = try CellProtocol.parse("""
      id = "S"
      die_diameter_mm = 10
      data_files = ["cycling/*.csv"]
      [[steps]]
      type = "layer"
      material = "LPSC"
      thickness_um = 300
      [[steps]]
      type = "layer"
      material = "LPSC"
      role = "interlayer"
      thickness_um = 100
      """, fileName: "protocols/S.toml")
    XCTAssertTrue(sandwich.names(dataFile: "cycling/x.csv"))
    XCTAssertThrowsError(try sandwich.pelletGeometry(report: try sandwich.report(materials: .builtIn, recipes: RecipeLibrary()))) { error in
      XCTAssertEqual((error as? InputError)?.message, "protocol S stacks 2 electrolyte/interlayer layers; σ of one material needs one")
    }
    XCTAssertThrowsError(try CellProtocol.parse("""
      id = "B"
      die_diameter_mm = 10
      data_files = ["/abs/x.csv"]
      [[steps]]
      type = "layer"
      material = "LPSC"
      """, fileName: "protocols/B.toml")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.line, 3)
      XCTAssertTrue(e?.message.contains("workspace-relative") ?? false, "\(String(describing: e))")
    }
  }

  /// Typed geometry: thickness and diameter, or L/A; anything else is refused with the form.
  func testGeometryEditorAcceptsThicknessAndDiameterOrLOverA() throws {
    XCTAssertEqual(ImpedancePane.parseGeometry("0.0867")?.cellConstantPerCm, 0.0867)
    XCTAssertEqual(ImpedancePane.parseGeometry("0.1 1.0")?.cellConstantPerCm ?? 0, 0.1 / (Double.pi / 4), accuracy: 1e-12)
    XCTAssertNil(ImpedancePane.parseGeometry("0.1 cm"))
    XCTAssertNil(ImpedancePane.parseGeometry("-1"))
    XCTAssertNil(ImpedancePane.parseGeometry("0.1 1 2"))
    XCTAssertNil(ImpedancePane.parseGeometry(""))
  }
}

extension ImpedancePaneTests {
  /// A blocking pellet (R0-p(R1,CPE1)-C2, the phase tends to −90°): the pane's KK test includes
  /// the series C by itself and says so; `s` overrides it (on, off, automatic again), each a new
  /// job, and without the C the tail shows as residuals far above the noise-free fit's.
  func testKramersKronigShowsTheAutomaticSeriesCapacitanceAndSOverridesIt() throws {
    let circuit = try Circuit("R0-p(R1,CPE1)-C2")
    let f = (0...70).map { pow(10, 6 - Double($0) / 10) }
    let z = circuit.impedance([15, 4, 2e-7, 0.85, 4e-6], frequencies: f)
    let pellet = ImpedanceSpectrum(name: "pellet", frequencies: f, real: z.map(\.re), imaginary: z.map(\.im))
    var pane = ImpedancePane(workspace: "/nonexistent")
    deliver([ImpedanceFileContents(path: "pellet_25C.csv", spectra: [pellet], error: nil)], to: &pane)
    let kk = press(&pane, .cycleView)
    XCTAssertEqual(kk, [.render, .startJob(.impedance(.kramersKronig(entry: 0, spectrum: pellet, series: .automatic)))])
    _ = runJobs(kk, on: &pane)
    guard case .kramersKronig(_, let automatic)? = pane.analysis else { return XCTFail("no KK result") }
    XCTAssertTrue(automatic.capacitanceChoice.included)
    XCTAssertFalse(automatic.capacitanceChoice.given)
    XCTAssertLessThan(automatic.noiseEstimatePercent, 0.05)
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    XCTAssertTrue(buffer.lines.contains { $0.contains("series C: included (auto: low-frequency phase") }, buffer.lines.joined(separator: "\n"))

    let on = press(&pane, .cycleSeriesCapacitance)
    XCTAssertEqual(on, [.status(StatusMessage("KK/DRT series C: included (set)")), .render,
                        .startJob(.impedance(.kramersKronig(entry: 0, spectrum: pellet, series: ImpedanceSeriesElements(capacitance: .on, inductance: .automatic))))])
    let off = press(&pane, .cycleSeriesCapacitance)
    XCTAssertEqual(off, [.status(StatusMessage("KK/DRT series C: left out (set)")), .render,
                         .startJob(.impedance(.kramersKronig(entry: 0, spectrum: pellet, series: ImpedanceSeriesElements(capacitance: .off, inductance: .automatic))))])
    _ = runJobs(off, on: &pane)
    guard case .kramersKronig(_, let without)? = pane.analysis else { return XCTFail("no KK result") }
    XCTAssertFalse(without.capacitanceChoice.included)
    XCTAssertGreaterThan(without.noiseEstimatePercent, 10 * automatic.noiseEstimatePercent)
    buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    XCTAssertTrue(buffer.lines.contains { $0.contains("series C: not included (set: set by the user)") }, buffer.lines.joined(separator: "\n"))
    XCTAssertEqual(press(&pane, .cycleSeriesCapacitance).first, .status(StatusMessage("KK/DRT series C: automatic (from the low-frequency phase)")))
  }
}
