import Engine
import Formats
import Foundation
import Lab
import TUI
import XCTest

@testable import Workbench

/// The Cycling pane on the project's synthetic traces (Examples/cycling, written by
/// `glovebox cycle demo` after the study's numbers: CCD 4.4 mA/cm² for Li/LPSC/8S-2O/LPSC/Li).
final class CyclingPaneTests: XCTestCase {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Examples/cycling").standardizedFileURL.path
  static let ccdFile = "synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_time-constant.bdf.csv"
  static let fullCell = "synthetic_Li-LPSC-8S2O-LPSC-LCO_rate-test.bdf.csv"

  /// The analysis of an Examples file, read here as the runtime's job reads it.
  static func outcome(_ path: String, area: Double?) throws -> CyclingFileOutcome {
    let data = try CyclingFile.read(path: examples + "/" + path)
    return CyclingFileOutcome(path: path, analysis: CyclingFileAnalysis.analyse(data, path: path, area: area), error: nil)
  }

  static let emptyLab = LabWorkspace(
    directory: "/nonexistent", recipes: RecipeLibrary(), protocols: ProtocolLibrary(), materials: .builtIn, errors: [])

  /// The study's cells: a 10 mm die, A = π·(0.5 cm)² = 0.785398 cm².
  static let dieArea = Double.pi * 0.25

  /// Saved cell data giving `paths` the die area.
  static func cellDataText(_ paths: [String]) -> String {
    CyclingCellDataFile.encode(Dictionary(uniqueKeysWithValues: paths.map { ($0, CyclingCellData(areaCm2: dieArea)) }))
  }

  /// Runs the analyse jobs among `effects` as the runtime does and feeds their results back.
  func runJobs(_ effects: [Effect], on pane: inout CyclingPane) throws {
    for case .startJob(.cycling(.analyse(let paths, let area))) in effects {
      let outcomes = try paths.map { try Self.outcome($0, area: area) }
      _ = pane.handle(.jobFinished(.cycling(.analyse(paths: paths, area: area), .success(.analysed(outcomes)))))
    }
  }

  /// The pane on `paths` (default: the full cell and the CCD cell), with `cellData` as the
  /// saved cell data file's text (nil: the workspace has none yet).
  func loadedPane(_ paths: [String] = [fullCell, ccdFile], cellData: String? = nil, lab: LabWorkspace = emptyLab) throws -> CyclingPane {
    var pane = CyclingPane(workspace: Self.examples)
    XCTAssertEqual(pane.handle(.focused), [
      .requestFiles(.cycling), .loadFile(path: CyclingCellDataFile.path, pane: pane.id), .startJob(.cycling(.loadLab)), .render,
    ])
    XCTAssertEqual(pane.handle(.jobFinished(.cycling(.loadLab, .success(.lab(lab))))), [.render])
    let saved: Result<String, EffectFailure> = cellData.map { .success($0) } ?? .failure(EffectFailure("\(CyclingCellDataFile.path): cannot read (no such file)"))
    let afterLoad = pane.handle(.fileLoaded(path: CyclingCellDataFile.path, result: saved))
    XCTAssertEqual(afterLoad, cellData == nil ? [] : [.render])
    // Only the files under test, as the index lists them; the job reads them at their area.
    let listed = paths.map { IndexedFile(path: $0, size: 1, modified: 0) }
    let effects = pane.handle(.workspaceFiles(kind: .cycling, files: listed, complete: true))
    XCTAssertEqual(effects.first, .render)
    XCTAssertEqual(render(pane).filter { $0.contains("reading \(paths.count) file") }.count, 1, "never 'no files' while reading")
    try runJobs(effects, on: &pane)
    return pane
  }

  func testTheListSaysIndexingUntilTheIndexIsCompleteNeverNoFiles() {
    var pane = CyclingPane(workspace: Self.examples)
    _ = pane.handle(.focused)
    XCTAssertTrue(render(pane).contains { $0.contains("indexing…") })
    _ = pane.handle(.workspaceFiles(kind: .cycling, files: [], complete: false))
    XCTAssertTrue(render(pane).contains { $0.contains("indexing…") })
    XCTAssertFalse(render(pane).contains { $0.contains("no cycler files") })
    _ = pane.handle(.workspaceFiles(kind: .cycling, files: [], complete: true))
    // The list is narrow: the sentence wraps over two rows.
    XCTAssertTrue(render(pane).contains { $0.contains("no cycler files in") })
    XCTAssertFalse(render(pane).contains { $0.contains("indexing…") })
  }

  func render(_ pane: CyclingPane, width: Int = 120, height: Int = 40) -> [String] {
    var buffer = Buffer(width: width, height: height)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    return buffer.lines
  }

  func press(_ pane: inout CyclingPane, _ action: CyclingPaneAction) -> [Effect] {
    pane.perform(action)
  }

  func testFilesAreListedAndTheSymmetricCellIsRecognised() throws {
    let pane = try loadedPane()
    XCTAssertEqual(pane.files.map(\.path), [Self.fullCell, Self.ccdFile])
    XCTAssertEqual(pane.files.map(\.isSymmetric), [false, true])
  }

  func testCCDViewShowsTheStudysCriticalCurrentDensity() throws {
    var pane = try loadedPane(cellData: Self.cellDataText([Self.ccdFile]))
    _ = press(&pane, .nextFile)
    for _ in 0..<3 { _ = press(&pane, .cycleView) }
    XCTAssertEqual(pane.view, .criticalCurrent)
    let lines = render(pane)
    XCTAssertTrue(lines.contains { $0.contains("CCD 4.4 mA/cm²") }, lines.joined(separator: "\n"))
    XCTAssertTrue(lines.contains { $0.contains("last stable 4.3 mA/cm²") })
    XCTAssertTrue(lines.contains { $0.contains("Current steps (time-constant)") })
  }

  func testFullCellHasNoOverpotentialOrCCDButACycleTable() throws {
    var pane = try loadedPane()
    // Five cycles each at six rates: 30 cycles.
    XCTAssertEqual(pane.current?.cycles.count, 30)
    _ = press(&pane, .cycleView)
    XCTAssertEqual(pane.view, .capacity)
    _ = press(&pane, .cycleView)
    XCTAssertTrue(render(pane).contains { $0.contains("not a symmetric cell") })
    _ = press(&pane, .scrollTableDown)
    XCTAssertEqual(pane.tableOffset, 5)
    _ = press(&pane, .scrollTableUp)
    XCTAssertEqual(pane.tableOffset, 0)
    XCTAssertTrue(render(pane).contains { $0.contains("Cycles (30)") })
  }

  func testZoomAndPanMoveTheTimeWindow() throws {
    var pane = try loadedPane()
    _ = press(&pane, .zoomIn)
    XCTAssertEqual(pane.window, 0.25...0.75)
    _ = press(&pane, .panRight)
    XCTAssertEqual(pane.window.lowerBound, 0.375, accuracy: 1e-12)
    _ = press(&pane, .panRight)
    _ = press(&pane, .panRight)
    XCTAssertEqual(pane.window.upperBound, 1, accuracy: 1e-12, "panning stops at the end")
    _ = press(&pane, .panLeft)
    XCTAssertEqual(pane.window.lowerBound, 0.375, accuracy: 1e-12)
    _ = press(&pane, .zoomOut)
    XCTAssertEqual(pane.window, 0...1)
    _ = press(&pane, .zoomIn)
    _ = press(&pane, .resetZoom)
    XCTAssertEqual(pane.window, 0...1)
    XCTAssertEqual(press(&pane, .resetZoom), [])
  }

  func testFileSelectionResetsTheWindow() throws {
    var pane = try loadedPane()
    _ = press(&pane, .zoomIn)
    _ = press(&pane, .nextFile)
    XCTAssertEqual(pane.selected, 1)
    XCTAssertEqual(pane.window, 0...1)
    _ = press(&pane, .previousFile)
    XCTAssertEqual(pane.selected, 0)
  }

  /// Without its area a symmetric cell has no CCD and the view says how to give one; with
  /// none saved the job analyses at no area (nil), never at an assumed 10 mm die.
  func testCCDRefusesWithoutTheFilesAreaAndNothingIsAssumed() throws {
    var pane = try loadedPane()
    XCTAssertEqual(pane.files.map(\.area), [nil, nil])
    _ = press(&pane, .nextFile)
    for _ in 0..<3 { _ = press(&pane, .cycleView) }
    let lines = render(pane)
    XCTAssertTrue(lines.contains { $0.contains("needs this file's electrode area: press a") }, lines.joined(separator: "\n"))
    XCTAssertFalse(lines.contains { $0.contains("mA/cm²") }, lines.joined(separator: "\n"))
    XCTAssertTrue(lines.contains { $0.contains("area not set (a)") })
  }

  /// The case: setting the area of one file changed another's CCD. Two CCD cells,
  /// both at the die area (CCD 4.4 mA/cm² each); setting the first's area to 1.5 cm² writes the
  /// workspace's cell data, analyses that file alone, scales its CCD by 0.785398/1.5, and leaves
  /// the other's at 4.4.
  func testAreaIsPerFileAndChangingOneLeavesTheOthersCCD() throws {
    let capacityConstant = "synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_capacity-constant.bdf.csv"
    let paths = [capacityConstant, Self.ccdFile]
    var pane = try loadedPane(paths, cellData: Self.cellDataText(paths))
    let before = pane.files.map { $0.criticalCurrent?.criticalCurrentDensity }
    XCTAssertEqual(pane.files.map(\.area), [Self.dieArea, Self.dieArea])
    XCTAssertEqual(before[1] ?? 0, 4.4, accuracy: 0.05)
    _ = press(&pane, .nextFile)
    _ = press(&pane, .editArea)
    _ = pane.handle(.key(.ctrl("u")))
    for c in "-1" { _ = pane.handle(.key(.character(c))) }
    XCTAssertEqual(pane.handle(.key(.enter)), [.status(.error("area: expected a positive number of cm², found '-1'"))])
    _ = pane.handle(.key(.ctrl("u")))
    for c in "1.5" { _ = pane.handle(.key(.character(c))) }
    let effects = pane.handle(.key(.enter))
    var expected = [capacityConstant: CyclingCellData(areaCm2: Self.dieArea), Self.ccdFile: CyclingCellData(areaCm2: 1.5)]
    XCTAssertEqual(effects, [
      .render,
      .writeFiles([FileWrite(path: ".glovebox/celldata.toml", contents: Data(CyclingCellDataFile.encode(expected).utf8))], pane: pane.id),
      .startJob(.cycling(.analyse(paths: [Self.ccdFile], area: 1.5))),
    ])
    try runJobs(effects, on: &pane)
    XCTAssertEqual(pane.files[0].criticalCurrent?.criticalCurrentDensity, before[0], "the other file's CCD is unchanged")
    XCTAssertEqual(pane.files[0].area, Self.dieArea)
    XCTAssertEqual(pane.files[1].criticalCurrent?.criticalCurrentDensity ?? 0, (before[1] ?? 0) * Self.dieArea / 1.5, accuracy: 0.02)
    // The mass is per file too, and only saved (no analysis depends on it).
    _ = press(&pane, .editMass)
    for c in "12.5" { _ = pane.handle(.key(.character(c))) }
    expected[Self.ccdFile]?.activeMassMg = 12.5
    XCTAssertEqual(pane.handle(.key(.enter)), [
      .render, .writeFiles([FileWrite(path: ".glovebox/celldata.toml", contents: Data(CyclingCellDataFile.encode(expected).utf8))], pane: pane.id),
    ])
    XCTAssertNil(pane.cellData[capacityConstant]?.activeMassMg)
  }

  /// A protocol whose data_files name the files gives their area (its die) and the full cell's
  /// active mass (its cathode), and the table says so; a value set for the file wins.
  func testAProtocolNamingTheFilesGivesAreaAndMass() throws {
    let text = """
      id = "P5"
      die_diameter_mm = 10
      data_files = ["synthetic_Li-LPSC-8S2O-LPSC-*.bdf.csv"]
      [[steps]]
      type = "layer"
      name = "cathode"
      material = "LiCoO2"
      role = "cathode"
      loading_mg_cm2 = 10
      loading_basis = "active"
      specific_capacity_mah_g = 140
      """
    let library = ProtocolLibrary.parse(files: [SourceFile(path: "protocols/P5.toml", text: text)])
    XCTAssertEqual(library.errors, [])
    let lab = LabWorkspace(directory: "/nonexistent", recipes: RecipeLibrary(), protocols: library, materials: .builtIn, errors: [])
    var pane = try loadedPane([Self.fullCell, Self.ccdFile], lab: lab)
    XCTAssertEqual(pane.files.map(\.area), [Self.dieArea, Self.dieArea])
    XCTAssertEqual(pane.files[1].criticalCurrent?.criticalCurrentDensity ?? 0, 4.4, accuracy: 0.05)
    // 10 mg/cm² of active material on 0.785398 cm²: 7.854 mg.
    XCTAssertEqual(pane.activeMass(of: Self.fullCell)?.value ?? 0, 10 * Self.dieArea, accuracy: 1e-9)
    XCTAssertTrue(render(pane).contains { $0.contains("area 0.7854 cm² (protocol P5: ⌀ 10 mm die)") }, render(pane).joined(separator: "\n"))
    _ = press(&pane, .editArea)
    _ = pane.handle(.key(.ctrl("u")))
    for c in "2" { _ = pane.handle(.key(.character(c))) }
    let effects = pane.handle(.key(.enter))
    XCTAssertEqual(effects.last, .startJob(.cycling(.analyse(paths: [Self.fullCell], area: 2))))
    XCTAssertEqual(pane.area(of: Self.fullCell)?.source, "set for this file")
    XCTAssertEqual(pane.area(of: Self.ccdFile)?.value, Self.dieArea)
  }

  /// mAh/g needs the file's active mass: without it the capacity plot is in mAh and says so.
  func testCapacityIsInMAhPerGramOnlyWithTheFilesMass() throws {
    var pane = try loadedPane([Self.fullCell])
    _ = press(&pane, .cycleView)
    XCTAssertTrue(render(pane).contains { $0.contains("mAh/g needs this file's active mass: m") })
    XCTAssertFalse(render(pane).joined().contains("mAh g⁻¹"))
    _ = press(&pane, .editMass)
    for c in "10" { _ = pane.handle(.key(.character(c))) }
    _ = pane.handle(.key(.enter))
    XCTAssertTrue(render(pane).joined().contains("Q / mAh g⁻¹"), render(pane).joined(separator: "\n"))
  }

  /// The saved file reads back what was written; malformed ones are errors with their line.
  func testCellDataFileRoundTripsAndRefusesMalformedInput() throws {
    let cells = ["a \"quoted\" \\ name.csv": CyclingCellData(areaCm2: 0.785398, activeMassMg: 12.5), "b.csv": CyclingCellData(areaCm2: 2)]
    XCTAssertEqual(try CyclingCellDataFile.parse(CyclingCellDataFile.encode(cells)), cells)
    let cases: [(String, Int)] = [
      ("[[file]]\npath = \"a\"\narea_cm2 = -1\n", 3),
      ("[[file]]\npath = \"a\"\nareas = 1\n", 3),
      ("[[file]]\narea_cm2 = 1\n", 1),
      ("[[file]]\npath = \"a\"\n[[file]]\npath = \"a\"\n", 4),
      ("[[file]]\npath = \"a\"\narea_cm2 = \"big\"\n", 3),
      ("[[file]\n", 1),
    ]
    for (text, line) in cases {
      XCTAssertThrowsError(try CyclingCellDataFile.parse(text), text) { error in
        XCTAssertEqual((error as? InputError)?.line, line, "\(text): \(error)")
        XCTAssertEqual((error as? InputError)?.file, CyclingCellDataFile.path, "\(text)")
      }
    }
    // A malformed saved file is reported, and no data is taken from it.
    var pane = CyclingPane(workspace: Self.examples)
    _ = pane.handle(.focused)
    let effects = pane.handle(.fileLoaded(path: CyclingCellDataFile.path, result: .success("[[file]]\npath = \"a\"\narea_cm2 = 0\n")))
    guard case .status(let message)? = effects.first else { return XCTFail("\(effects)") }
    XCTAssertEqual(message.kind, .error)
    XCTAssertTrue(message.text.contains(".glovebox/celldata.toml:3"), message.text)
    XCTAssertEqual(pane.cellData, [:])
  }

  /// Decimation keeps the extremes of each time bin, so spikes survive at any zoom.
  func testDecimationKeepsEveryBinsExtremes() {
    let time = (0..<10_000).map { Double($0) * 36 }  // 0.01 h apart
    var values = [Double](repeating: 0, count: time.count)
    values[5_001] = 7
    values[7_777] = -3
    let points = CyclingPane.decimated(time: time, values: values, range: 0...100, buckets: 50)
    XCTAssertLessThanOrEqual(points.count, 150)
    XCTAssertEqual(points.map(\.y).max(), 7)
    XCTAssertEqual(points.map(\.y).min(), -3)
  }

  func testVoltagePlotDrawsBrailleAndSurvivesTinyAreas() throws {
    let pane = try loadedPane()
    let lines = render(pane)
    XCTAssertTrue(lines.contains { $0.contains("Voltage ·") })
    XCTAssertTrue(lines.joined().unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    for (w, h) in [(1, 1), (29, 9), (30, 10), (45, 14)] { _ = render(pane, width: w, height: h) }
  }
}

extension CyclingPaneTests {
  /// The protocols arrive after the files' first read started (at no area): when that read
  /// comes back, the file is analysed again at the protocol's area.
  func testAFileReadBeforeItsProtocolArrivedIsAnalysedAgainAtItsArea() throws {
    let text = """
      id = "P4"
      die_diameter_mm = 10
      data_files = ["synthetic_Li-*.bdf.csv"]
      [[steps]]
      type = "layer"
      material = "LPSC"
      """
    let lab = LabWorkspace(directory: "/nonexistent", recipes: RecipeLibrary(),
                           protocols: ProtocolLibrary.parse(files: [SourceFile(path: "protocols/P4.toml", text: text)]), materials: .builtIn, errors: [])
    var pane = CyclingPane(workspace: Self.examples)
    _ = pane.handle(.focused)
    _ = pane.handle(.fileLoaded(path: CyclingCellDataFile.path, result: .failure(EffectFailure("no such file"))))
    let first = pane.handle(.workspaceFiles(kind: .cycling, files: [IndexedFile(path: Self.ccdFile, size: 1, modified: 0)], complete: true))
    XCTAssertEqual(first, [.render, .startJob(.cycling(.analyse(paths: [Self.ccdFile], area: nil)))])
    XCTAssertEqual(pane.handle(.jobFinished(.cycling(.loadLab, .success(.lab(lab))))), [.render], "its read is under way")
    let outcome = try Self.outcome(Self.ccdFile, area: nil)
    let again = pane.handle(.jobFinished(.cycling(.analyse(paths: [Self.ccdFile], area: nil), .success(.analysed([outcome])))))
    XCTAssertEqual(again, [.render, .startJob(.cycling(.analyse(paths: [Self.ccdFile], area: Self.dieArea)))])
    try runJobs(again, on: &pane)
    XCTAssertEqual(pane.files[0].criticalCurrent?.criticalCurrentDensity ?? 0, 4.4, accuracy: 0.05)
  }
}

extension CyclingPaneTests {
  /// A cycler file that could not be read is listed with its error and counted.
  func testBadFilesAreListedWithTheirError() throws {
    var pane = try loadedPane([Self.ccdFile])
    _ = pane.handle(.jobFinished(.cycling(.analyse(paths: ["broken.csv"], area: nil), .success(.analysed([
      CyclingFileOutcome(path: "broken.csv", analysis: nil, error: "broken.csv:3: expected a number in column 2"),
    ])))))
    let screen = render(pane).joined(separator: "\n")
    XCTAssertTrue(screen.contains("Cycler files (1), 1 bad"), screen)
    XCTAssertTrue(screen.contains("! broken.csv"), screen)
    XCTAssertTrue(screen.contains("broken.csv:3: expec"), screen)
  }
}
