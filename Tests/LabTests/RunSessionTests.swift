import Foundation
import XCTest

@testable import Lab

final class RunSessionTests: XCTestCase {
  func testWalksA3WithCountdownAndDeviations() throws {
    let ws = try ExampleFiles.workspace()
    let a3 = try XCTUnwrap(ws.protocols.protocol(id: "A3"))
    var session = RunSession(sheet: ProtocolSheet(cellProtocol: a3, report: try ws.report(a3)))
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    XCTAssertEqual(session.current?.number, 1)
    XCTAssertNil(session.remainingSeconds(at: t0))
    let first = try XCTUnwrap(session.complete(at: t0, note: "spread with a spatula"))
    XCTAssertEqual(first.deviations, [])
    XCTAssertEqual(first.note, "spread with a spatula")
    // Step 2: press 300 MPa, hold 5 min = 300 s.
    session.startHold(at: t0.addingTimeInterval(10))
    XCTAssertEqual(session.remainingSeconds(at: t0.addingTimeInterval(70)), 240)
    XCTAssertEqual(session.remainingSeconds(at: t0.addingTimeInterval(1000)), 0)
    // Released after 4 min 10 s: recorded as a deviation with the time actually held.
    let press = try XCTUnwrap(session.complete(at: t0.addingTimeInterval(260)))
    XCTAssertEqual(press.step, 2)
    XCTAssertEqual(press.elapsedSeconds, 250)
    XCTAssertEqual(press.deviations, ["held 4 min 10 s of 5 min"])
    session.complete(at: t0.addingTimeInterval(300))
    session.complete(at: t0.addingTimeInterval(320), deviations: ["disc scratched"])
    XCTAssertTrue(session.isFinished)
    XCTAssertNil(session.complete(at: t0.addingTimeInterval(400)))
    XCTAssertEqual(session.records.map(\.step), [1, 2, 3, 4])
    XCTAssertEqual(session.records.last?.deviations, ["disc scratched"])
  }

  func testUntimedHoldIsADeviation() {
    var session = RunSession(
      protocolID: "X", steps: [RunStep(number: 1, title: "Press", detail: nil, holdSeconds: 60)])
    let record = session.complete(at: Date(timeIntervalSince1970: 0))
    XCTAssertEqual(record?.deviations, ["hold of 1 min not timed"])
  }
}
