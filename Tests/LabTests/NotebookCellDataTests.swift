import Foundation
import XCTest

@testable import Lab

/// Notebook records that name the data files measured on a cell, with the pellet's measured
/// size: how they are read, refused, withdrawn and turned into σ's geometry.
final class NotebookCellDataTests: XCTestCase {
  static let pelletLine = """
    {"cell":"LPSC-P3","data_files":["eis/LPSC_*C.csv"],"deviations":[],"diameter_mm":10,"protocol":"A3","step":2,"thickness_um":681,"time":"2026-11-24T23:05:00Z","title":"Press"}
    """

  func testARecordNamingFilesGivesThePelletGeometry() throws {
    let contents = RunNotebook.decode(Data((Self.pelletLine + "\n").utf8), fileName: "notebook.jsonl")
    XCTAssertEqual(contents.errors, [])
    let record = try XCTUnwrap(RunNotebook.record(naming: "eis/LPSC_25C.csv", in: contents.records))
    XCTAssertEqual(record.cell, "LPSC-P3")
    XCTAssertNil(RunNotebook.record(naming: "eis/other/LPSC_25C.csv", in: contents.records))
    let geometry = try record.pelletGeometry()
    // By hand: L = 681 µm = 0.0681 cm; A = π·(0.5 cm)² = 0.785398 cm²; L/A = 0.086708 cm⁻¹,
    // paper.md's 0.0867 for the study's pellet.
    XCTAssertEqual(geometry.cellConstantPerCm, 0.086708, accuracy: 1e-6)
    XCTAssertEqual(geometry.areaCm2, 0.785398, accuracy: 1e-6)
    XCTAssertEqual(geometry.source, "notebook 2026-11-24T23:05:00Z, cell LPSC-P3: L = 681 µm, ⌀ 10 mm")
    // Encoding writes the new keys, and only when set.
    let text = String(decoding: try RunNotebook.encode(record), as: UTF8.self)
    XCTAssertEqual(text, Self.pelletLine + "\n")
    let plain = NotebookRecord(time: "t", protocolID: "A3", step: 1, title: "x")
    XCTAssertEqual(String(decoding: try RunNotebook.encode(plain), as: UTF8.self),
                   "{\"deviations\":[],\"protocol\":\"A3\",\"step\":1,\"time\":\"t\",\"title\":\"x\"}\n")
  }

  func testARecordWithoutBothDimensionsSaysWhichIsMissing() throws {
    let line = Self.pelletLine.replacingOccurrences(of: "\"thickness_um\":681,", with: "")
    let record = try XCTUnwrap(RunNotebook.decode(Data(line.utf8)).records.first)
    XCTAssertThrowsError(try record.pelletGeometry()) { error in
      XCTAssertEqual("\(error)", "notebook.jsonl: notebook 2026-11-24T23:05:00Z, cell LPSC-P3 names the data file but gives no thickness_um")
    }
  }

  /// Malformed records are errors at their line naming what is wrong; the good ones are kept.
  func testMalformedRecordsAreErrorsAtTheirLine() {
    let bad = [
      (Self.pelletLine.replacingOccurrences(of: "681", with: "-5"), "\"thickness_um\" must be a positive number, found -5.0"),
      (Self.pelletLine.replacingOccurrences(of: "\"diameter_mm\":10", with: "\"diameter_mm\":0"), "\"diameter_mm\" must be a positive number, found 0.0"),
      (Self.pelletLine.replacingOccurrences(of: "\"eis/LPSC_*C.csv\"", with: "\" \""), "\"data_files\" entry 1 is empty"),
      (Self.pelletLine.replacingOccurrences(of: "\"LPSC-P3\"", with: "\"\""), "\"cell\" is empty"),
      (Self.pelletLine.replacingOccurrences(of: "\"step\":2", with: "\"step\":0"), "\"step\" must be 1 or more, found 0"),
    ]
    for (line, message) in bad {
      let text = Self.pelletLine + "\n" + line + "\n"
      let contents = RunNotebook.decode(Data(text.utf8), fileName: "ws/notebook.jsonl")
      XCTAssertEqual(contents.records.count, 1, message)
      XCTAssertEqual(contents.errors.map(\.description), ["ws/notebook.jsonl:2: not a valid notebook record: \(message)"])
    }
    // A number of the wrong type is not a record at all.
    let text = Self.pelletLine.replacingOccurrences(of: "681", with: "\"thin\"") + "\n"
    XCTAssertEqual(RunNotebook.decode(Data(text.utf8), fileName: "n.jsonl").errors.map(\.description),
                   ["n.jsonl:1: not a notebook record (expected one JSON object per line)"])
  }

  /// A correction withdraws the latest record of its protocol, cell and step; nothing is erased
  /// from the list read, but the withdrawn record no longer names files.
  func testAWithdrawnRecordNoLongerNamesItsFiles() throws {
    let correction = """
      {"cell":"LPSC-P3","deviations":[],"protocol":"A3","step":3,"time":"2026-11-24T23:09:00Z","title":"undo step 2","withdraws_step":2}
      """
    let contents = RunNotebook.decode(Data((Self.pelletLine + "\n" + correction + "\n").utf8))
    XCTAssertEqual(contents.records.count, 2)
    XCTAssertEqual(contents.records[1].withdrawsStep, 2)
    XCTAssertEqual(RunNotebook.standing(contents.records), [])
    XCTAssertNil(RunNotebook.record(naming: "eis/LPSC_25C.csv", in: contents.records))
    // Another cell's correction leaves this cell's record standing.
    let other = correction.replacingOccurrences(of: "LPSC-P3", with: "LPSC-P4")
    let kept = RunNotebook.decode(Data((Self.pelletLine + "\n" + other + "\n").utf8))
    XCTAssertEqual(RunNotebook.standing(kept.records).map(\.cell), ["LPSC-P3"])
  }

  /// The Examples workspace's notebook names the example pellets with a geometry whose L/A is
  /// the one the synthetic spectra were built with (paper.md: 0.0867 cm⁻¹).
  func testTheExampleNotebookGivesTheStudysCellConstant() throws {
    let path = ExampleFiles.root + "/notebook.jsonl"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lab = LabWorkspace.parse(directory: ExampleFiles.root, recipes: [], protocols: [], materials: nil,
                                 notebook: SourceFile(path: path, text: text))
    XCTAssertEqual(lab.errors, [])
    for celsius in [20, 25, 30, 40, 50, 60, 70] {
      let record = try XCTUnwrap(RunNotebook.record(naming: "eis/LPSC_pellet_\(celsius)C.csv", in: lab.notebook))
      XCTAssertEqual(try record.pelletGeometry().cellConstantPerCm, 0.0867, accuracy: 0.0001)
    }
  }
}

extension NotebookCellDataTests {
  /// RunSession: the cell id goes into each record; withdrawing appends a correction and goes
  /// back to the withdrawn step; nothing is removed from `records`.
  func testARunWithdrawsItsLastStepByACorrection() throws {
    let steps = [
      RunStep(number: 1, title: "Spread", detail: nil, holdSeconds: nil),
      RunStep(number: 2, title: "Press", detail: nil, holdSeconds: 60),
    ]
    var session = RunSession(protocolID: "X", steps: steps)
    session.cell = "P7"
    let t0 = Date(timeIntervalSince1970: 0)
    XCTAssertNil(session.withdrawLast(at: t0))
    let done = try XCTUnwrap(session.complete(at: t0, measured: .init(dataFiles: ["eis/a.csv"], thicknessMicrometres: 500, diameterMillimetres: 10)))
    XCTAssertEqual(done.cell, "P7")
    XCTAssertEqual(done.dataFiles, ["eis/a.csv"])
    XCTAssertEqual(session.current?.number, 2)
    let correction = try XCTUnwrap(session.withdrawLast(at: t0.addingTimeInterval(5)))
    XCTAssertEqual(correction.withdrawsStep, 1)
    XCTAssertEqual(correction.cell, "P7")
    XCTAssertEqual(session.current?.number, 1)
    XCTAssertEqual(session.records.count, 2)
    XCTAssertNil(session.lastStandingRecord)
    XCTAssertNil(RunNotebook.record(naming: "eis/a.csv", in: session.records), "a withdrawn step names no files")
  }
}
