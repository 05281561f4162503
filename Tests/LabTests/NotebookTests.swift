import Foundation
import XCTest

@testable import Lab

final class NotebookTests: XCTestCase {
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
}
