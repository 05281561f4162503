import Engine
import Foundation
import XCTest

@testable import glovebox

/// The run folder's writer with a full disk injected: /dev/full answers every write with ENOSPC,
/// reached through a symlink where the writer opens its file.
final class RunFileWritingTests: XCTestCase {
  func testAnAtomicWriteOnAFullDiskSaysWhyAndLeavesNoTemporaryFile() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let files = SimRunFiles(directory: folder)
    try files.create()
    let old = Data("old status\n".utf8)
    try old.write(to: folder.appendingPathComponent("status.json"))
    // The temporary file the writer will open for status.json is /dev/full.
    let temporary = folder.appendingPathComponent(SimRunFiles.temporaryPrefix + "\(getpid())-status.json")
    try FileManager.default.createSymbolicLink(atPath: temporary.path, withDestinationPath: "/dev/full")
    let new = Data(repeating: 0x41, count: 5000)
    do {
      try files.writeAtomically("status.json", new)
      XCTFail("a write to /dev/full succeeded")
    } catch let error as RunFileWriteError {
      XCTAssertEqual(error.description, "no space left on device while writing status.json (wrote 0 of 5000 bytes)")
    }
    XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("status.json")), old, "the old file is intact")
    XCTAssertFalse(FileManager.default.fileExists(atPath: temporary.path), "no temporary file is left")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["fields", "status.json"])
  }

  func testAMetricsRowOnAFullDiskIsAnErrorNotADroppedRow() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let files = SimRunFiles(directory: folder)
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("metrics.csv").path,
                                               withDestinationPath: "/dev/full")
    XCTAssertThrowsError(try files.appendChecked("metrics.csv", "7,0.5\n")) { error in
      XCTAssertEqual("\(error)", "no space left on device while writing metrics.csv (wrote 0 of 6 bytes)")
    }
  }

  /// What a killed run leaves of its writes goes at the next resume, in the folder and fields/.
  func testLeftoverTemporariesAreFoundInBothFolders() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let files = SimRunFiles(directory: folder)
    try files.create()
    for name in [".partial-99-status.json", "fields/.partial-99-step_000000010.vti", "fields/.dat.nosyncAB12", "fields/step_000000000.vti"] {
      try Data("x".utf8).write(to: folder.appendingPathComponent(name))
    }
    XCTAssertEqual(files.removeTemporaries(),
                   [".partial-99-status.json", "fields/.dat.nosyncAB12", "fields/.partial-99-step_000000010.vti"])
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: files.fields.path), ["step_000000000.vti"])
  }

  /// Resume keeps the header and one row per step up to the restored one; a torn row goes.
  func testMetricsAreTrimmedToTheRestoredStep() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let files = SimRunFiles(directory: folder)
    let cells = { (step: Int) in ([String(step)] + Array(repeating: "0.5", count: 13)).joined(separator: ",") }
    let text = [RunMetricsRow.header, cells(0), cells(10), cells(10), cells(20), cells(30), "40,0.5,0.5"].joined(separator: "\n")
    try Data(text.utf8).write(to: folder.appendingPathComponent("metrics.csv"))
    try files.truncateMetrics(after: 20)
    let kept = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
    XCTAssertEqual(kept, [RunMetricsRow.header, cells(0), cells(10), cells(20)].joined(separator: "\n") + "\n")
  }
}
