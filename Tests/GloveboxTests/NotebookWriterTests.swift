import Foundation
import Lab
import XCTest

@testable import glovebox

/// The runtime's one append-only writer (moved here from Lab, which is pure now): records
/// survive a torn line, an unwritable path is an error naming it, and writers that share a
/// notebook never interleave.
final class NotebookWriterTests: XCTestCase {
  private var directory: String = ""

  override func setUpWithError() throws {
    directory = NSTemporaryDirectory() + "glovebox-notebook-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private static func record(_ step: Int, protocolID: String = "A3") -> NotebookRecord {
    NotebookRecord(
      date: Date(timeIntervalSince1970: 1_795_000_000 + Double(step) * 60), protocolID: protocolID,
      step: step, title: "Press 300 MPa for 5 min", deviations: step == 2 ? ["held 6 min\ninstead of 5"] : [],
      elapsedSeconds: 300)
  }

  func testWriterAppendsAndReaderToleratesATornLastLine() throws {
    let path = directory + "/notebook.jsonl"
    let writer = NotebookWriter(path: path)
    try writer.append(Self.record(1))
    try writer.append(Self.record(2))
    // Simulate a crash in the middle of writing record 3.
    let partial = try RunNotebook.encode(Self.record(3)).prefix(25)
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: partial)
    try handle.close()
    var contents = RunNotebook.decode(try Data(contentsOf: URL(fileURLWithPath: path)), fileName: path)
    XCTAssertEqual(contents.records.map(\.step), [1, 2])
    XCTAssertEqual(contents.truncatedLine, 3)
    XCTAssertEqual(contents.errors, [])
    // The next append starts on a fresh line: the torn one becomes an error in the middle,
    // reported with its line, and every completed step is still there.
    try writer.append(Self.record(4))
    contents = RunNotebook.decode(try Data(contentsOf: URL(fileURLWithPath: path)), fileName: path)
    XCTAssertEqual(contents.records.map(\.step), [1, 2, 4])
    XCTAssertNil(contents.truncatedLine)
    XCTAssertEqual(contents.errors.map(\.line), [3])
  }

  func testWriterReportsAnUnwritablePath() {
    let writer = NotebookWriter(path: directory + "/missing/dir/notebook.jsonl")
    XCTAssertThrowsError(try writer.append(Self.record(1))) { error in
      XCTAssertTrue("\(error)".contains("cannot open"), "\(error)")
      XCTAssertTrue("\(error)".contains("missing/dir/notebook.jsonl"), "\(error)")
    }
  }

  /// The Assembly pane's records go through `Effect.appendToFile`: after a notebook left by a
  /// crash (a torn second line), the pane's next record lands on a line of its own.
  func testTheAppendEffectPutsARecordAfterATornLineOnItsOwnLine() throws {
    let old = "{\"deviations\":[],\"protocol\":\"A1\",\"step\":1,\"time\":\"2026-11-23T09:00:00Z\",\"title\":\"x\"}\n{\"devia"
    try old.write(toFile: directory + "/notebook.jsonl", atomically: true, encoding: .utf8)
    let line = String(decoding: try RunNotebook.encode(Self.record(1)), as: UTF8.self)
    XCTAssertNil(EffectFileIO.append(line, to: "notebook.jsonl", workspace: directory))
    let contents = RunNotebook.decode(try Data(contentsOf: URL(fileURLWithPath: directory + "/notebook.jsonl")))
    XCTAssertEqual(contents.records.map(\.protocolID), ["A1", "A3"])
    XCTAssertEqual(contents.errors.map(\.line), [2])
  }

  /// Two workbenches on one workspace: 4 threads × 150 records, each writer with its own
  /// descriptor (as separate processes have), and a torn line planted first. Every record reads
  /// back whole, none lost or merged: 600 records and only the planted line as an error.
  func testConcurrentWritersNeverInterleave() throws {
    let path = directory + "/notebook.jsonl"
    try "{\"torn".write(toFile: path, atomically: true, encoding: .utf8)
    let writers = 4, perWriter = 150
    let failures = NSLock()
    nonisolated(unsafe) var errors: [String] = []
    DispatchQueue.concurrentPerform(iterations: writers) { w in
      let writer = NotebookWriter(path: path)
      for step in 1...perWriter {
        do {
          try writer.append(Self.record(step, protocolID: "W\(w)"))
        } catch {
          failures.lock()
          errors.append("\(error)")
          failures.unlock()
        }
      }
    }
    XCTAssertEqual(errors, [])
    let contents = RunNotebook.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
    XCTAssertEqual(contents.records.count, writers * perWriter)
    XCTAssertEqual(contents.errors.map(\.line), [1], "only the planted torn line")
    for w in 0..<writers {
      XCTAssertEqual(contents.records.filter { $0.protocolID == "W\(w)" }.map(\.step), Array(1...perWriter))
    }
  }
}
