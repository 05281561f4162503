import Foundation
import XCTest

@testable import glovebox
import Workbench

/// The index's classification rules over real instrument files of the repository (the same
/// files as /work/shared/data/eis) and over names and heads written here.
final class WorkspaceClassifierTests: XCTestCase {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The kind of a repository file, as the index classifies it (name, then 512 bytes).
  func kind(_ relative: String) throws -> WorkspaceFileKind {
    let url = Self.packageRoot.appendingPathComponent(relative)
    let head = try [UInt8](Data(contentsOf: url).prefix(WorkspaceClassifier.sniffLength))
    return WorkspaceClassifier.classify(path: relative, head: head)
  }

  func files(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent(folder).path).sorted()
      .map { folder + "/" + $0 }
  }

  func testEveryImpedanceFixtureIsImpedance() throws {
    let paths = try files(in: "Tests/EngineTests/Fixtures/eis").filter { !$0.hasSuffix("README.md") }
    XCTAssertEqual(paths.count, 23, "the 23 instrument files of the fixtures (those of /work/shared/data/eis)")
    for path in paths { XCTAssertEqual(try kind(path), .impedance, path) }
  }

  func testCyclerFixturesAreCycling() throws {
    let paths = try files(in: "Tests/EngineTests/Fixtures/cycling").filter { !$0.hasSuffix("README.md") }
    XCTAssertEqual(paths.count, 8)
    for path in paths { XCTAssertEqual(try kind(path), .cycling, path) }
  }

  func testTheExampleWorkspace() throws {
    for path in try files(in: "Examples/recipes") {
      XCTAssertEqual(try kind(path), path.hasSuffix(".toml") ? .recipe : .other, path)
    }
    for path in try files(in: "Examples/protocols") {
      XCTAssertEqual(try kind(path), path.hasSuffix(".toml") ? .cellProtocol : .other, path)
    }
    for path in try files(in: "Examples/sim") {
      // a sweep file (base = …, [vary]) is a sweep, not a config to run
      let expected: WorkspaceFileKind = path.hasSuffix("-sweep.toml") ? .sweep : path.hasSuffix(".toml") ? .simulationConfig : .other
      XCTAssertEqual(try kind(path), expected, path)
    }
    for path in try files(in: "Examples/eis") {
      XCTAssertEqual(try kind(path), path.hasSuffix(".csv") ? .impedance : .other, path)
    }
    for path in try files(in: "Examples/cycling") {
      XCTAssertEqual(try kind(path), path.hasSuffix(".csv") ? .cycling : .other, path)
    }
    XCTAssertEqual(try kind("Examples/materials.toml"), .materials)
    for path in try files(in: "Themes") where path.hasSuffix(".toml") { XCTAssertEqual(try kind(path), .theme, path) }
  }

  func testNamesThatDecideAlone() {
    let decided: [(String, WorkspaceFileKind)] = [
      ("notebook.jsonl", .notebook), ("runs/sweep-a/sweep.json", .sweep), ("materials.toml", .materials),
      ("recipes/LPSC.toml", .recipe), ("old/protocols/A1.toml", .cellProtocol), ("themes/nord.toml", .theme),
      ("eis/cell.z", .impedance), ("x.IDF", .impedance), ("cyc/a.xlsx", .cycling), ("b.ndax", .cycling), ("b.nda", .cycling),
      ("xrd/scan.xrdml", .spectrum), ("xrd/scan.RAW", .spectrum), ("xps/survey.vms", .spectrum), ("raman/map.wdf", .spectrum),
      ("ir.jdx", .spectrum), ("a.xy", .spectrum), ("a.rasx", .spectrum), ("a.brml", .spectrum), ("a.spe", .spectrum),
      ("README.md", .other), ("photo.png", .other), ("fields/step-1.vti", .other), ("Makefile", .other), (".hidden", .other),
    ]
    for (path, kind) in decided { XCTAssertEqual(WorkspaceClassifier.classify(path: path), .kind(kind), path) }
    for path in ["a.csv", "a.TXT", "a.dat", "sim.toml", "cell.mpr", "cell.mpt", "cell.DTA"] {
      XCTAssertEqual(WorkspaceClassifier.classify(path: path), .needsHead, path)
    }
  }

  func classify(_ path: String, _ text: String) -> WorkspaceFileKind {
    WorkspaceClassifier.classify(path: path, head: Array(text.utf8))
  }

  func testWindowsLineEndings() {
    XCTAssertEqual(classify("a.DTA", "EXPLAIN\r\nTAG\tEISPOT\r\n"), .impedance)
    XCTAssertEqual(classify("a.csv", "Header line\r\nTest Time / s,Voltage / V,Current / A\r\n0,0,0\r\n"), .cycling)
  }

  func testTablesBySniffedColumns() {
    XCTAssertEqual(classify("a.csv", "Frequency (Hz),Z' (Ohm),-Z'' (Ohm)\n1,2,3\n"), .impedance)
    XCTAssertEqual(classify("a.txt", "Raman Shift (cm-1)\tIntensity\n100\t5\n"), .spectrum)
    XCTAssertEqual(classify("a.csv", "Binding Energy (eV),Counts\n284.8,1000\n"), .spectrum)
    XCTAssertEqual(classify("a.dat", "2theta,I\n10,1\n"), .spectrum)
    XCTAssertEqual(classify("a.csv", "Data_Point,Test_Time(s),Current(A),Voltage(V)\n1,0,0,3.7\n"), .cycling)
    XCTAssertEqual(classify("a.txt", "time/s\tEwe/V\t<I>/mA\n0\t3.1\t0\n"), .cycling)
    XCTAssertEqual(classify("a.csv", "10.0,120\n10.02,131\n"), .spectrum, "two numeric columns: x and intensity")
    XCTAssertEqual(classify("a.csv", "1e5;12.5;-3.2\n1e4;13;-4\n"), .impedance, "three numeric columns: f, Z', Z''")
    XCTAssertEqual(classify("a.txt", "Shopping list\nmilk, eggs\n"), .other)
    XCTAssertEqual(classify("a.csv", ""), .other, "an empty file")
    XCTAssertEqual(classify("a.csv", "name,grade\nAda,1\n"), .other)
    XCTAssertEqual(WorkspaceClassifier.classify(path: "a.csv", head: [0xFF, 0x00, 0x13, 0x99]), .other, "binary junk")
    XCTAssertEqual(classify("a.csv", "\u{FEFF}freq/Hz,Re(Z)/Ohm,Im(Z)/Ohm\n"), .impedance, "a byte-order mark is dropped")
  }

  func testOnlyTheFirst512BytesAreLookedAt() {
    let padding = String(repeating: "x", count: 600) + "\n"
    XCTAssertEqual(classify("a.txt", padding + "freq,zre,zim\n"), .other)
    XCTAssertEqual(classify("a.txt", "freq,zre,zim\n" + padding), .impedance)
  }

  func testTOMLByItsTables() {
    XCTAssertEqual(classify("study/s1.toml", "base = \"model1.toml\"\n[vary]\n\"physics.electrode_potential\" = [-0.1]\n"), .sweep)
    XCTAssertEqual(classify("x.toml", "# a run\nname = \"m\"\n\n[physics]\ntemperature = 297.15\n"), .simulationConfig)
    XCTAssertEqual(classify("x.toml", "name = \"LPSC\"\nproduct = \"Li6PS5Cl\"\n"), .recipe)
    XCTAssertEqual(classify("x.toml", "id = \"A1\"\ndie_diameter_mm = 10\n"), .cellProtocol)
    XCTAssertEqual(classify("x.toml", "name = \"mine\"\nbackground = \"#000000\"\ntext = \"#ffffff\"\n"), .theme)
    XCTAssertEqual(classify("x.toml", "[package]\nname = \"x\"\n"), .other)
    XCTAssertEqual(classify("sweeps/x.toml", "# only a comment\n"), .sweep, "nothing but comments: the folder decides")
    XCTAssertEqual(classify("notes/x.toml", "# only a comment\n"), .other)
  }

  func testBioLogicAndGamryByTechnique() throws {
    XCTAssertEqual(classify("a.mpt", "EC-Lab ASCII FILE\nNb header lines : 50\n\nGalvanostatic Cycling with Potential Limitation\n"), .cycling)
    XCTAssertEqual(classify("a.mpt", "EC-Lab ASCII FILE\nNb header lines : 50\n\nGalvano Electrochemical Impedance Spectroscopy\n"), .impedance)
    XCTAssertEqual(classify("a.mpt", "not an EC-Lab file\n"), .other)
    XCTAssertEqual(classify("a.mpr", "BIO-LOGIC"), .other, "a truncated magic")
    XCTAssertEqual(classify("a.DTA", "EXPLAIN\nTAG\tCORPOT\n"), .other, "a Gamry run that is not impedance")
    // The settings module's first byte is the technique: 0x1D (PEIS) in the impedance fixture.
    let eis = try [UInt8](Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/EngineTests/Fixtures/eis/exampleDataBioLogic.mpr")).prefix(512))
    XCTAssertEqual(SniffedHead.bioLogicTechnique(eis[...]), .impedance)
    var cycling = eis
    let date = try XCTUnwrap(cycling.firstRange(of: Array("02/04/18".utf8)))
    XCTAssertEqual(cycling[date.upperBound], 0x1D)
    cycling[date.upperBound] = 0x04
    XCTAssertEqual(SniffedHead.bioLogicTechnique(cycling[...]), .cycling)
  }
}
