import Foundation
import XCTest

@testable import Lab

final class NotebookTests: XCTestCase {
  private var directory: String = ""

  override func setUpWithError() throws {
    directory = NSTemporaryDirectory() + "glovebox-notebook-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private func record(_ step: Int, note: String? = nil) -> NotebookRecord {
    NotebookRecord(
      date: Date(timeIntervalSince1970: 1_795_000_000 + Double(step) * 60), protocolID: "A3",
      step: step, title: "Press 300 MPa for 5 min", note: note,
      deviations: step == 2 ? ["held 6 min\ninstead of 5"] : [], elapsedSeconds: 300)
  }

  func testEncodeIsOneLineAndRoundTrips() throws {
    let data = try RunNotebook.encode(record(2, note: "line one\nline two"))
    XCTAssertEqual(data.filter { $0 == 0x0A }.count, 1)
    XCTAssertEqual(data.last, 0x0A)
    let text = String(decoding: data, as: UTF8.self)
    XCTAssertTrue(text.hasPrefix("{\"deviations\":[\"held 6 min\\ninstead of 5\"],\"elapsed_s\":300"), text)
    XCTAssertTrue(text.contains("\"protocol\":\"A3\""), text)
    // 1 795 000 000 s + 2 min after the epoch is 2026-11-18 11:08:40 UTC.
    XCTAssertTrue(text.contains("\"time\":\"2026-11-18T11:08:40Z\""), text)
    let back = RunNotebook.decode(data)
    XCTAssertEqual(back.records, [record(2, note: "line one\nline two")])
    XCTAssertNil(back.truncatedLine)
  }

  func testWriterAppendsAndReaderToleratesATornLastLine() throws {
    let path = directory + "/notebook.jsonl"
    let writer = NotebookWriter(path: path)
    try writer.append(record(1))
    try writer.append(record(2))
    // Simulate a crash in the middle of writing record 3.
    let partial = try RunNotebook.encode(record(3)).prefix(25)
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
    try writer.append(record(4))
    contents = RunNotebook.decode(try Data(contentsOf: URL(fileURLWithPath: path)), fileName: path)
    XCTAssertEqual(contents.records.map(\.step), [1, 2, 4])
    XCTAssertNil(contents.truncatedLine)
    XCTAssertEqual(contents.errors.map(\.line), [3])
  }

  func testWriterReportsAnUnwritablePath() {
    let writer = NotebookWriter(path: directory + "/missing/dir/notebook.jsonl")
    XCTAssertThrowsError(try writer.append(record(1))) { error in
      XCTAssertTrue("\(error)".contains("cannot open"), "\(error)")
    }
  }
}
