import Engine
import Lab
import TUI
import XCTest

@testable import Workbench

/// The Impedance pane driven by its own events: every key binding, the background fit handed
/// back as a job result, and the plots rendered into a Buffer.
final class ImpedancePaneTests: XCTestCase {
  /// R0 = 10 Ω in series with R1 = 100 Ω ∥ CPE (Q = 1e-5, n = 0.9), 10 points a decade, 1 MHz–0.1 Hz.
  static func synthetic(r0: Double = 10, r1: Double = 100) throws -> ImpedanceSpectrum {
    let circuit = try Circuit("R0-p(R1,CPE1)")
    let f = (0...70).map { pow(10, 6 - Double($0) / 10) }
    let z = circuit.impedance([r0, r1, 1e-5, 0.9], frequencies: f)
    return ImpedanceSpectrum(name: "cell", frequencies: f, real: z.map(\.re), imaginary: z.map(\.im))
  }

  static let emptyLab = LabWorkspace(
    directory: "/nonexistent", recipes: RecipeLibrary(), protocols: ProtocolLibrary(), materials: .builtIn, errors: [])

  /// The index's entry for a file (its stamp only tells changes apart).
  static func indexed(_ path: String, size: Int = 100) -> IndexedFile {
    IndexedFile(path: path, size: size, modified: 1_795_000_000)
  }

  /// Opens `pane` on files as the runtime delivers them: the pane asks for the index's
  /// impedance files, gets the list, asks for them to be read, and gets their contents.
  /// The workspace's protocols arrive too (`lab`: none unless a test gives some).
  func deliver(_ files: [ImpedanceFileContents], to pane: inout ImpedancePane, lab: LabWorkspace = ImpedancePaneTests.emptyLab) {
    XCTAssertEqual(pane.handle(.focused), [.requestFiles(.impedance), .render, .startJob(.impedance(.loadLab))])
    XCTAssertEqual(pane.handle(.jobFinished(.impedance(.loadLab, .success(.lab(lab))))), [.render])
    let paths = files.map(\.path)
    XCTAssertEqual(pane.handle(.workspaceFiles(kind: .impedance, files: paths.map { Self.indexed($0) }, complete: true)),
                   [.render, .startJob(.impedance(.readFiles(paths: paths)))])
    _ = pane.handle(.jobFinished(.impedance(.readFiles(paths: paths), .success(.files(files)))))
  }

  /// A pane with two files (the second holding two spectra) as the read job would deliver them.
  func loadedPane() throws -> ImpedancePane {
    var pane = ImpedancePane(workspace: "/nonexistent")
    deliver([
      ImpedanceFileContents(path: "a.csv", spectra: [try Self.synthetic()], error: nil),
      ImpedanceFileContents(path: "b.DTA", spectra: [try Self.synthetic(r1: 200), try Self.synthetic(r1: 300)], error: nil),
      ImpedanceFileContents(path: "notes.txt", spectra: [], error: "not an impedance file"),
    ], to: &pane)
    _ = pane.handle(.key(.enter))
    return pane
  }

  func press(_ pane: inout ImpedancePane, _ action: ImpedancePaneAction) -> [Effect] {
    pane.perform(action)
  }

  /// The circuit editor's text while it is open.
  func circuitEditorText(_ pane: ImpedancePane) -> String? {
    if case .circuitEditor(let editor) = pane.modal { return editor.text }
    return nil
  }

  func type(_ pane: inout ImpedancePane, _ text: String) {
    for c in text { _ = pane.handle(.key(.character(c))) }
  }

  func testEveryFileAndEverySpectrumOfAMultiSpectrumFileIsListed() throws {
    let pane = try loadedPane()
    XCTAssertEqual(pane.entries.map { $0.label(spectraInFile: $0.path == "b.DTA" ? 2 : 1) }, ["a.csv", "b.DTA #1", "b.DTA #2"])
    XCTAssertEqual(pane.unreadable["notes.txt"], "not an impedance file")
  }

  func testSpectrumSelectionMovesAndStopsAtTheEnds() throws {
    var pane = try loadedPane()
    XCTAssertEqual(press(&pane, .previousSpectrum), [])
    _ = press(&pane, .nextSpectrum)
    _ = press(&pane, .nextSpectrum)
    XCTAssertEqual(pane.selected, 2)
    XCTAssertEqual(press(&pane, .nextSpectrum), [])
    _ = press(&pane, .previousSpectrum)
    XCTAssertEqual(pane.selected, 1)
  }

  func testParameterSelectionWrapsAroundTheCircuit() throws {
    var pane = try loadedPane()
    let count = try XCTUnwrap(pane.circuit).parameterCount
    _ = press(&pane, .previousParameter)
    XCTAssertEqual(pane.selectedParameter, count - 1)
    _ = press(&pane, .nextParameter)
    _ = press(&pane, .nextParameter)
    XCTAssertEqual(pane.selectedParameter, 1)
  }

  func testNudgesMultiplyTheSelectedValueAndUndoRedoWalkBack() throws {
    var pane = try loadedPane()
    let start = pane.displayedParameters[0].value
    _ = press(&pane, .increase)
    XCTAssertEqual(pane.displayedParameters[0].value, start * 1.1, accuracy: 1e-12 * start)
    _ = press(&pane, .increaseFine)
    XCTAssertEqual(pane.displayedParameters[0].value, start * 1.1 * 1.01, accuracy: 1e-12 * start)
    _ = press(&pane, .decreaseFine)
    _ = press(&pane, .decrease)
    XCTAssertEqual(pane.displayedParameters[0].value, start, accuracy: 1e-12 * start)
    XCTAssertEqual(pane.undoStack.count, 4)
    _ = press(&pane, .undo)
    _ = press(&pane, .undo)
    XCTAssertEqual(pane.displayedParameters[0].value, start * 1.1 * 1.01, accuracy: 1e-12 * start)
    _ = press(&pane, .redo)
    XCTAssertEqual(pane.displayedParameters[0].value, start * 1.1, accuracy: 1e-12 * start)
    XCTAssertEqual(pane.redoStack.count, 1)
  }

  func testFixFreeAndResetToTheAutomaticStart() throws {
    var pane = try loadedPane()
    _ = press(&pane, .toggleFixed)
    XCTAssertTrue(pane.displayedParameters[0].fixed)
    _ = press(&pane, .toggleFixed)
    XCTAssertFalse(pane.displayedParameters[0].fixed)
    _ = press(&pane, .resetParameters)
    XCTAssertEqual(pane.settings.given.count, 0)
  }

  func testBoundsEditorSetsMinAndMaxAndRefusesNonsense() throws {
    var pane = try loadedPane()
    _ = press(&pane, .nextParameter)
    _ = press(&pane, .editBounds)
    XCTAssertTrue(pane.capturesInput)
    _ = pane.handle(.key(.ctrl("u")))
    type(&pane, "50 40")
    let refused = pane.handle(.key(.enter))
    XCTAssertTrue(refused.contains { if case .status(let m) = $0 { return m.kind == .error } else { return false } })
    _ = pane.handle(.key(.ctrl("u")))
    type(&pane, "50 inf")
    _ = pane.handle(.key(.enter))
    XCTAssertFalse(pane.capturesInput)
    let p = pane.displayedParameters[1]
    XCTAssertEqual(p.min, 50)
    XCTAssertEqual(p.max, .infinity)
    XCTAssertGreaterThanOrEqual(p.value, 50)
  }

  func testWeightingCyclesUnitProportionalModulus() throws {
    var pane = try loadedPane()
    var seen: [String] = []
    for _ in 0..<3 {
      _ = press(&pane, .cycleWeighting)
      seen.append(pane.settings.weighting.name)
    }
    XCTAssertEqual(seen, ["proportional", "modulus", "unit"])
  }

  func testCircuitEditorValidatesAsYouTypeAndCtrlUClears() throws {
    var pane = try loadedPane()
    _ = press(&pane, .editCircuit)
    XCTAssertTrue(pane.capturesInput)
    _ = pane.handle(.key(.ctrl("u")))
    XCTAssertEqual(circuitEditorText(pane), "")
    type(&pane, "R0-p(R1,CPE1")
    // The parser wants the ')' after the 12 characters typed: column 13.
    XCTAssertEqual(pane.circuitError?.column, 13)
    _ = pane.handle(.key(.enter))
    XCTAssertTrue(pane.capturesInput, "an invalid circuit is not applied")
    type(&pane, ")")
    XCTAssertNil(pane.circuitError)
    _ = pane.handle(.key(.enter))
    XCTAssertFalse(pane.capturesInput)
    XCTAssertEqual(pane.circuit?.parameterNames, ["R0", "R1", "CPE1_0", "CPE1_1"])
    var buffer = Buffer(width: 120, height: 40)
    _ = press(&pane, .editCircuit)
    _ = pane.handle(.key(.ctrl("u")))
    type(&pane, "R0-X1")
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    let errorLine = try XCTUnwrap(buffer.lines.first { $0.contains("^ ") })
    let promptLine = try XCTUnwrap(buffer.lines.first { $0.contains("circuit: R0-X1") })
    let caret = try XCTUnwrap(errorLine.firstIndex(of: "^")).utf16Offset(in: errorLine)
    let x = try XCTUnwrap(promptLine.range(of: "X1")).lowerBound.utf16Offset(in: promptLine)
    XCTAssertEqual(caret, x, "the caret points at the unknown element")
  }

  func testCommonCircuitPickerAppliesTheChosenCircuit() throws {
    var pane = try loadedPane()
    _ = press(&pane, .pickCircuit)
    XCTAssertEqual(pane.modal, .circuitPicker(CommonCircuits.all.firstIndex { $0.circuit == pane.circuitText } ?? 0))
    _ = pane.handle(.key(.up))
    for _ in 0..<CommonCircuits.all.count { _ = pane.handle(.key(.up)) }
    _ = pane.handle(.key(.down))
    _ = pane.handle(.key(.enter))
    XCTAssertEqual(pane.modal, .none)
    XCTAssertEqual(pane.circuit?.description, try Circuit(CommonCircuits.all[1].circuit).description)
  }

  /// Performs a compute job on this thread as the runtime does: its value, or "cancelled".
  static func perform(_ job: ImpedanceJob, context: JobContext) -> Result<ImpedanceJobResult, EffectFailure> {
    context.outcome {
      guard let value = try job.computed(context: context) else { throw EffectFailure("not a compute job: \(job)") }
      return value
    }
  }

  /// Runs the compute jobs a pane asked for on this thread, feeding its progress and result back.
  func runJobs(_ effects: [Effect], on pane: inout ImpedancePane) -> Int {
    var progressCount = 0
    for case .startJob(.impedance(let job)) in effects {
      final class Inbox: @unchecked Sendable { var items: [PaneJobProgress] = [] }
      let inbox = Inbox()
      let result = Self.perform(job, context: JobContext { inbox.items.append($0) })
      for item in inbox.items { _ = pane.handle(.jobProgress(.impedance(job), item)) }
      progressCount += inbox.items.count
      _ = pane.handle(.jobFinished(.impedance(job, result)))
    }
    return progressCount
  }

  /// `f` runs the fit as a job that reports every iteration and recovers the synthetic circuit;
  /// a second `f` starts locally from the fitted values (all given). That the pane's numbers are
  /// the CLI's is `ImpedanceFitAgreementTests`.
  func testFitRunsAsAJobWithProgressAndRecoversTheSyntheticCircuit() throws {
    var pane = try loadedPane()
    _ = press(&pane, .editCircuit)
    _ = pane.handle(.key(.ctrl("u")))
    type(&pane, "R0-p(R1,CPE1)")
    _ = pane.handle(.key(.enter))
    let effects = press(&pane, .fit)
    // The whole job: the selected spectrum, the circuit, unit weights, nothing set by hand.
    let request = ImpedanceFitRequest(entry: 0, key: ImpedanceSpectrumKey(path: "a.csv", index: 0), fit: CircuitFitRequest(
      circuit: try Circuit("R0-p(R1,CPE1)"), spectrum: try Self.synthetic(), weighting: .unit, given: Parameters()))
    XCTAssertEqual(effects, [.startJob(.impedance(.fit([request]))), .render])
    XCTAssertTrue(pane.fitRunning)
    XCTAssertEqual(press(&pane, .cancelFit).first, .cancelJob(.impedance(.fit)))
    let iterations = runJobs(effects, on: &pane)
    XCTAssertFalse(pane.fitRunning)
    let first = try XCTUnwrap(pane.entries[0].fit)
    // One report per iteration of every start and refinement: more than the final fit's own.
    XCTAssertGreaterThan(iterations, first.result.iterations)
    XCTAssertTrue(first.result.message.contains("best of"), first.result.message)
    // The synthetic truth, recovered (noise-free data).
    for (value, truth) in zip(pane.displayedParameters.values, [10, 100, 1e-5, 0.9]) {
      XCTAssertEqual(value, truth, accuracy: 1e-6 * truth)
    }
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    XCTAssertTrue(buffer.lines.contains { $0.contains("R1") && $0.contains(String(format: "%.6g", first.result.values[1])) && $0.contains("fit") })
    // A second `f` starts locally from the fitted values (all given), like `eis fit --initial`.
    let again = press(&pane, .fit)
    XCTAssertEqual(again, [.startJob(.impedance(.fit([ImpedanceFitRequest(entry: 0, key: ImpedanceSpectrumKey(path: "a.csv", index: 0), fit: CircuitFitRequest(
      circuit: try Circuit("R0-p(R1,CPE1)"), spectrum: try Self.synthetic(), weighting: .unit, given: first.result.parameters))]))), .render])
    _ = runJobs(again, on: &pane)
    let second = try XCTUnwrap(pane.entries[0].fit)
    XCTAssertFalse(second.result.message.contains("best of"), "local: \(second.result.message)")
    for (value, truth) in zip(pane.displayedParameters.values, [10, 100, 1e-5, 0.9]) {
      XCTAssertEqual(value, truth, accuracy: 1e-6 * truth)
    }
  }

  func testFitAllFitsEverySpectrum() throws {
    var pane = try loadedPane()
    _ = pane.perform(.pickCircuit)
    _ = pane.handle(.key(.up))
    _ = pane.handle(.key(.enter))
    XCTAssertEqual(pane.circuit?.description, "R0-p(R1,CPE1)")
    let all = press(&pane, .fitAll)
    guard case .startJob(.impedance(.fit(let requests)))? = all.first else { return XCTFail("\(all)") }
    XCTAssertEqual(requests.map(\.entry), [0, 1, 2])
    XCTAssertEqual(requests.map(\.fit.spectrum), pane.entries.map(\.spectrum))
    _ = runJobs(all, on: &pane)
    XCTAssertEqual(pane.entries.filter { $0.fit != nil }.count, 3)
    XCTAssertEqual(pane.entries[2].fit?.result.value(of: "R1") ?? 0, 300, accuracy: 1e-4)
  }

  func testCancelledFitReportsAndLeavesTheSettings() throws {
    var pane = try loadedPane()
    let effects = press(&pane, .fit)
    guard case .startJob(.impedance(let job)) = effects.first else { return XCTFail("no job") }
    let context = JobContext()
    context.cancel()
    let result = Self.perform(job, context: context)
    XCTAssertEqual(result, .failure(EffectFailure("cancelled")))
    XCTAssertEqual(pane.handle(.jobFinished(.impedance(job, result))), [.status(StatusMessage("fit cancelled"))])
    XCTAssertFalse(pane.fitRunning)
    XCTAssertNil(pane.entries[0].fit)
  }

  func testViewCyclesThroughKramersKronigAndDRTWithBackgroundJobs() throws {
    var pane = try loadedPane()
    let kk = press(&pane, .cycleView)
    XCTAssertEqual(pane.view, .kramersKronig)
    XCTAssertEqual(kk, [.render, .startJob(.impedance(.kramersKronig(entry: 0, spectrum: try Self.synthetic(), series: .automatic)))])
    _ = runJobs(kk, on: &pane)
    guard case .kramersKronig(_, let test)? = pane.analysis else { return XCTFail("no KK result") }
    XCTAssertTrue(test.valid, "a circuit's own impedance satisfies Kramers–Kronig")
    let drt = press(&pane, .cycleView)
    _ = runJobs(drt, on: &pane)
    guard case .drt(_, let distribution)? = pane.analysis else { return XCTFail("no DRT result") }
    // One arc: R1 = 100 Ω, τ = (R1·Q)^(1/n) = (100·1e-5)^(1/0.9) ≈ 4.64e-4 s.
    let peak = try XCTUnwrap(distribution.peaks.max { $0.resistance < $1.resistance })
    XCTAssertEqual(log10(peak.tau), log10(pow(100 * 1e-5, 1 / 0.9)), accuracy: 0.1)
    // The series map: the three spectra of the folder, one column each; the largest peak of
    // each holds its arc's resistance (R1 = 100, 200, 300 Ω).
    _ = runJobs(press(&pane, .cycleView), on: &pane)
    XCTAssertEqual(pane.view, .drtMap)
    guard case .drtSeries(_, let labels, let series)? = pane.analysis else { return XCTFail("no DRT series") }
    XCTAssertEqual(labels, ["a.csv", "b.DTA #1", "b.DTA #2"])
    let resistances = series.map { $0.peaks.map(\.resistance).reduce(0, +) }
    for (r, truth) in zip(resistances, [100.0, 200, 300]) { XCTAssertEqual(r, truth, accuracy: 0.15 * truth) }
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    XCTAssertTrue(buffer.lines.contains { $0.contains("DRT map: γ(τ) / Ω across 3 spectra") })
    XCTAssertGreaterThan(buffer.lines.joined().filter { $0 == "▀" }.count, 100)
    _ = press(&pane, .cycleView)
    XCTAssertEqual(pane.view, .arrhenius)
    _ = press(&pane, .cycleView)
    XCTAssertEqual(pane.view, .spectra)
  }

  func testGrowingFileKeepsTheSelectionAndANewFileAppears() throws {
    var pane = try loadedPane()
    _ = press(&pane, .nextSpectrum)
    // The index lists a new file: only it is read.
    let listed = ["0-first.csv", "a.csv", "b.DTA", "notes.txt"].map { Self.indexed($0) }
    let effects = pane.handle(.workspaceFiles(kind: .impedance, files: listed, complete: true))
    XCTAssertEqual(effects, [.render, .startJob(.impedance(.readFiles(paths: ["0-first.csv"])))])
    _ = pane.handle(.jobFinished(.impedance(.readFiles(paths: ["0-first.csv"]), .success(.files([
      ImpedanceFileContents(path: "0-first.csv", spectra: [try Self.synthetic(r1: 5)], error: nil)])))))
    XCTAssertEqual(pane.entries.count, 4)
    XCTAssertEqual(pane.current?.path, "b.DTA", "selection follows its spectrum")
    XCTAssertTrue(pane.handle(.fileChanged(path: "README.md")).isEmpty)
    // b.DTA grew (a new stamp): it alone is read again; a.csv left the index: its spectrum goes.
    let grown = [Self.indexed("0-first.csv"), Self.indexed("b.DTA", size: 200), Self.indexed("notes.txt")]
    XCTAssertEqual(pane.handle(.workspaceFiles(kind: .impedance, files: grown, complete: true)),
                   [.render, .startJob(.impedance(.readFiles(paths: ["b.DTA"])))])
    XCTAssertEqual(pane.entries.map(\.path), ["0-first.csv", "b.DTA", "b.DTA"])
    XCTAssertEqual(pane.current?.path, "b.DTA")
  }

  /// Nyquist with equal scales: a semicircle of diameter R spans R across and R/2 up, so its
  /// braille trace is 2× as wide as tall in data units; a terminal cell is twice as tall as
  /// wide, so in cells the width is 4× the height.
  func testNyquistPlotKeepsEqualScales() throws {
    var pane = ImpedancePane(workspace: "/nonexistent")
    let circuit = try Circuit("p(R1,C1)")
    let f = (0...80).map { pow(10, 6 - Double($0) / 10) }
    let z = circuit.impedance([100, 1e-6], frequencies: f)
    let s = ImpedanceSpectrum(name: "rc", frequencies: f, real: z.map(\.re), imaginary: z.map(\.im))
    deliver([ImpedanceFileContents(path: "rc.csv", spectra: [s], error: nil)], to: &pane)
    _ = pane.perform(.pickCircuit)
    _ = pane.handle(.key(.enter))
    _ = pane.perform(.editCircuit)
    _ = pane.handle(.key(.ctrl("u")))
    type(&pane, "p(R1,C1)")
    _ = pane.handle(.key(.enter))
    _ = runJobs(pane.perform(.fit), on: &pane)
    XCTAssertEqual(pane.displayedParameters[0].value, 100, accuracy: 1e-6)
    var buffer = Buffer(width: 200, height: 60)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    let lines = buffer.lines
    let title = try XCTUnwrap(lines.firstIndex { $0.contains("Nyquist") })
    let column = try XCTUnwrap(lines[title].range(of: "┐┌ Bode")).lowerBound.utf16Offset(in: lines[title])
    var rows: [Int] = [], columns: [Int] = []
    for y in title..<lines.count {
      for (x, ch) in lines[y].enumerated() where x < column && ch.unicodeScalars.first.map({ (0x2801...0x28FF).contains($0.value) }) == true {
        rows.append(y)
        columns.append(x)
      }
      if lines[y].prefix(column).contains("└") && y > title + 3 { break }
    }
    let width = Double((columns.max() ?? 0) - (columns.min() ?? 0) + 1)
    let height = Double((rows.max() ?? 0) - (rows.min() ?? 0) + 1)
    XCTAssertEqual(width / height, 4, accuracy: 0.6)
  }

  func testExportWritesCSVJSONAndAParameterFileThatEISFitReadsBack() throws {
    var pane = try loadedPane()
    XCTAssertTrue(press(&pane, .export).contains { if case .status(let m) = $0 { return m.kind == .error } else { return false } })
    _ = pane.perform(.pickCircuit)
    _ = pane.handle(.key(.up))
    _ = pane.handle(.key(.enter))
    _ = runJobs(press(&pane, .fit), on: &pane)
    let fit = try XCTUnwrap(pane.entries[0].fit)
    let effects = press(&pane, .export)
    // The runtime writes what the pane hands it: the CSV, the JSON and the parameter file.
    let files = try ImpedanceExport.files(entries: pane.entries, selected: pane.selected)
    XCTAssertEqual(effects, [.writeFiles(files, pane: "impedance")])
    XCTAssertEqual(files.map(\.path), ["fits/impedance-fits.csv", "fits/impedance-fits.json", "fits/a.csv.circuit"])
    XCTAssertEqual(files.first?.contents, Data(ImpedanceExport.csv(pane.entries).utf8))
    XCTAssertEqual(pane.handle(.filesWritten(.success(files.map(\.path)))),
                   [.status(StatusMessage("wrote fits/impedance-fits.csv, fits/impedance-fits.json, fits/a.csv.circuit"))])
    let csv = ImpedanceExport.csv(pane.entries).split(separator: "\n")
    XCTAssertEqual(csv.count, 2)
    XCTAssertTrue(csv[0].hasPrefix("file,spectrum,circuit,weighting,chi_square,success,R0,R0_stderr,R1,R1_stderr"))
    XCTAssertTrue(csv[1].hasPrefix("a.csv,1,\"R0-p(R1,CPE1)\",unit,"))
    // Naive split: the quoted circuit counts twice, so R1 is field 9.
    XCTAssertEqual(csv[1].split(separator: ",")[9].description, String(fit.result.value(of: "R1") ?? 0))
    let json = try JSONSerialization.jsonObject(with: Data(try ImpedanceExport.json(pane.entries).utf8)) as? [String: Any]
    let spectra = try XCTUnwrap(json?["spectra"] as? [[String: Any]])
    let parameters = try XCTUnwrap(spectra.first?["parameters"] as? [[String: Any]])
    XCTAssertEqual(parameters.map { $0["name"] as? String }, ["R0", "R1", "CPE1_0", "CPE1_1"])
    // The parameter file reads back to the same circuit and values.
    let file = try CircuitParameterFile(text: ImpedanceExport.parameterFile(fit))
    XCTAssertEqual(file.circuit, fit.circuit)
    for p in fit.result.parameters {
      XCTAssertEqual(try XCTUnwrap(file.parameters[p.name]).value, p.value, accuracy: abs(p.value) * 1e-9)
    }
  }

  /// paper.md's LPSC pellet: R at seven temperatures, L/A = 0.0867 cm⁻¹; the study reports
  /// slope −3.745 and Ea = 0.323 eV for ln(σT) against 1000/T. The circuit is the one the user
  /// types, and σ waits for the geometry: entering the view asks for it.
  func testArrheniusViewReproducesTheStudysLPSCActivationEnergy() throws {
    let table: [(celsius: String, r: Double)] = [
      ("70", 3.49), ("60", 4.59), ("50", 6.24), ("40", 8.90), ("30", 12.32), ("25", 15.34), ("20", 19.48),
    ]
    var pane = ImpedancePane(workspace: "/nonexistent")
    let circuit = try Circuit("R0-p(R1,CPE1)")
    var files: [ImpedanceFileContents] = []
    for row in table {
      let f = (0...30).map { pow(10, 6 - Double($0) / 5) }
      let z = circuit.impedance([row.r, 10 * row.r, 1e-6, 0.9], frequencies: f)
      files.append(ImpedanceFileContents(path: "LPSC_\(row.celsius)C.csv", spectra: [
        ImpedanceSpectrum(name: "", frequencies: f, real: z.map(\.re), imaginary: z.map(\.im)),
      ], error: nil))
    }
    deliver(files, to: &pane)
    _ = runJobs(press(&pane, .fitAll), on: &pane)
    XCTAssertEqual(pane.entries.compactMap { $0.fit?.circuit }, [Circuit](repeating: circuit, count: 7), "the proposal for one arc ending on the axis")
    XCTAssertEqual(pane.arrheniusParameter, "R0")
    var effects: [Effect] = []
    while pane.view != .arrhenius { effects = press(&pane, .cycleView) }
    // No geometry: the editor opens and asks; Ea is there (it needs none), σ is not.
    XCTAssertEqual(pane.modal, .geometryEditor(TextInput(text: "", prompt: ImpedancePane.geometryPrompt)))
    XCTAssertEqual(effects, [.render, .status(StatusMessage("σ needs the pellet geometry of 7 spectra: type it, or Esc for Ea only"))])
    var buffer = Buffer(width: 140, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    var screen = buffer.lines.joined(separator: "\n")
    XCTAssertTrue(screen.contains("Ea = 0.323 ± 0.00"), screen)
    XCTAssertFalse(screen.contains("σ(25 °C)"), screen)
    XCTAssertTrue(screen.contains("no σ: no pellet geometry for 7 of 7 spectra"), screen)
    type(&pane, "0.0867")
    _ = pane.handle(.key(.enter))
    XCTAssertEqual(pane.modal, .none)
    let series = pane.arrheniusSeries
    let fit = try XCTUnwrap(series.fit)
    XCTAssertEqual(fit.count, 7)
    XCTAssertEqual(fit.slope, -3.745, accuracy: 0.002)
    XCTAssertEqual(fit.activationEnergyEV, 0.323, accuracy: 0.001)
    // paper.md: σ(25 °C) = 5.65 mS/cm (0.0867 cm⁻¹ / 15.34 Ω); the line passes within 1 %.
    XCTAssertEqual(fit.conductivityAt25C * 1000, 5.65, accuracy: 0.06)
    buffer = Buffer(width: 140, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    screen = buffer.lines.joined(separator: "\n")
    XCTAssertTrue(screen.contains("σ(25 °C) = 5.6"), screen)
    XCTAssertTrue(screen.contains("geometry: entered with g: L/A = 0.0867 cm⁻¹"), screen)
    XCTAssertEqual(ImpedanceArrheniusSeries.temperatureK(path: "x/pellet-25degC.z", metadata: [:]) ?? 0, 298.15, accuracy: 1e-9)
    XCTAssertEqual(ImpedanceArrheniusSeries.temperatureK(path: "T343.15K.txt", metadata: [:]) ?? 0, 343.15, accuracy: 1e-9)
    XCTAssertNil(ImpedanceArrheniusSeries.temperatureK(path: "Circuit1_EIS_1.z", metadata: [:]))
  }

  func testSeriesMapWaitsForItsRunningJobBeforeFollowingANewSpectrum() throws {
    var pane = try loadedPane()
    var started: [Effect] = []
    for _ in 0..<3 { started = press(&pane, .cycleView) }
    XCTAssertEqual(pane.view, .drtMap)
    XCTAssertTrue(pane.analysisRunning)
    guard case .startJob(.impedance(let mapJob))? = started.last else { return XCTFail("\(started)") }
    let arrived = pane.handle(.jobFinished(.impedance(.readFiles(paths: ["c.csv"]), .success(.files([
      ImpedanceFileContents(path: "c.csv", spectra: [try Self.synthetic(r1: 50)], error: nil)])))))
    XCTAssertFalse(arrived.contains { if case .startJob = $0 { return true } else { return false } }, "no restart mid-job")
    XCTAssertTrue(pane.analysisStale)
    let stale = ImpedanceAnalysisResult.failed(entry: pane.selected, view: .drtMap, message: "stale")
    let series = ImpedanceAnalysisResult.job(view: .drtMap, entry: pane.selected, entries: pane.entries, series: .automatic)
    let restarted = pane.handle(.jobFinished(.impedance(mapJob, .success(.analysis(stale)))))
    // The map is computed again over the series as it is now, c.csv included.
    XCTAssertEqual(restarted, [.render, .startJob(.impedance(try XCTUnwrap(series)))])
    guard case .drtSeries(_, let labels, _)? = series else { return XCTFail("\(String(describing: series))") }
    XCTAssertEqual(labels, ["a.csv", "b.DTA #1", "b.DTA #2", "c.csv"])
    XCTAssertFalse(pane.analysisStale)
  }

  /// Bode of a pure 50 Ω resistor: |Z| is flat (one braille row across the plot) and the phase
  /// is 0° everywhere.
  func testBodePlotsOfAResistorAreFlat() throws {
    var pane = ImpedancePane(workspace: "/nonexistent")
    let f = (0...40).map { pow(10, 5 - Double($0) / 8) }
    let s = ImpedanceSpectrum(name: "r", frequencies: f, real: f.map { _ in 50 }, imaginary: f.map { _ in 0 })
    deliver([ImpedanceFileContents(path: "r.csv", spectra: [s], error: nil)], to: &pane)
    _ = pane.perform(.editCircuit)
    _ = pane.handle(.key(.ctrl("u")))
    type(&pane, "R0")
    _ = pane.handle(.key(.enter))
    _ = runJobs(pane.perform(.fit), on: &pane)
    XCTAssertEqual(pane.displayedParameters[0].value, 50, accuracy: 1e-9)
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    let lines = buffer.lines
    let title = try XCTUnwrap(lines.firstIndex { $0.contains("Bode |Z|") })
    let start = try XCTUnwrap(lines[title].range(of: "┌ Bode |Z|")).lowerBound.utf16Offset(in: lines[title])
    let end = try XCTUnwrap(lines.firstIndex { $0.contains("Bode phase") })
    // Data and fitted model both at 50 Ω: every braille cell of the |Z| plot on one row.
    var rows = Set<Int>()
    for y in (title + 1)..<end {
      let row = Array(lines[y])
      guard row.count > start else { continue }
      if row[start...].contains(where: { $0.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } == true }) { rows.insert(y) }
    }
    XCTAssertEqual(rows.count, 1)
    XCTAssertTrue(lines[title..<end].contains { $0.contains("|Z| / Ω") })
    XCTAssertTrue(lines.contains { $0.contains("−φ / °") })
    XCTAssertTrue(lines.contains { $0.contains("Residuals (model − data)/|Z|") })
  }
}
