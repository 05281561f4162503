import Formats
import XCTest

@testable import Engine

/// Neware binaries side by side with navani 0.1.22 (which reads them through NewareNDA).
final class NewareBinaryTests: XCTestCase {
  func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cycling/\(name)").path
  }

  func testNDAVersion29SideBySideWithNavani() throws {
    let data = try CyclingFile.read(path: fixture("neware_test.nda"))
    XCTAssertEqual(data.format, "neware-nda")
    XCTAssertEqual(data.count, 439)  // NewareNDA: 439 records
    // First records (NewareNDA): step time 0.0, 0.1, 0.2 s; −0.0911 V; third row −0.0294 mA.
    XCTAssertEqual(data.stepTime[2], 0.2, accuracy: 1e-12)
    XCTAssertEqual(data.voltage[0], -0.0911, accuracy: 1e-12)
    XCTAssertEqual(data.current[2], -0.0294e-3, accuracy: 1e-12)
    XCTAssertEqual(data.stepType[0], .discharge)
    let halves = data.halfCycles()
    XCTAssertEqual(halves.map(\.kind), [.discharge, .charge, .discharge])
    // navani: 6.5305554e-05, 0.0006965278, 0.007009194 mAh.
    for (h, reference) in zip(halves, [6.5305554e-05, 0.0006965278, 0.007009194]) {
      XCTAssertEqual(h.capacity * 1000, reference, accuracy: reference * 0.01)
    }
    // Test time rebuilt from step times: the third half-cycle ends at 680 s.
    XCTAssertEqual(halves[2].endTime, 680, accuracy: 1e-9)
  }

  func testNDAXSideBySideWithNavani() throws {
    let data = try CyclingFile.read(path: fixture("neware_test.ndax"))
    XCTAssertEqual(data.format, "neware-ndax")
    XCTAssertEqual(data.count, 1464)
    XCTAssertEqual(data.voltage[0], 3.4666, accuracy: 1e-12)
    XCTAssertEqual(data.testTime[1], 30, accuracy: 1e-12)
    let halves = data.halfCycles()
    XCTAssertEqual(halves.map(\.kind), [.charge, .discharge])
    // navani: 0.59303916, 0.6254508 mAh.
    for (h, reference) in zip(halves, [0.59303916, 0.6254508]) {
      XCTAssertEqual(h.capacity * 1000, reference, accuracy: reference * 0.01)
    }
  }

  func testNotANewareFile() {
    XCTAssertThrowsError(try CyclingFile.read(bytes: Array("hello world, not a neware file".utf8), name: "x.nda")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "x.nda")
      XCTAssertTrue(e?.message.contains("NEWARE") ?? false, "\(error)")
    }
  }

  func testUnsupportedNDAVersionIsNamed() throws {
    var bytes = try FileByteSource.contents(of: fixture("neware_test.nda"))
    bytes[14] = 130
    XCTAssertThrowsError(try CyclingFile.read(bytes: bytes, name: "v130.nda")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("version 130") ?? false, "\(error)")
    }
  }

  func testNDAWithoutRecords() throws {
    let bytes = try FileByteSource.contents(of: fixture("neware_test.nda"))
    XCTAssertThrowsError(try CyclingFile.read(bytes: Array(bytes.prefix(2000)), name: "header-only.nda")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("no") ?? false, "\(error)")
    }
  }

  func testTruncatedNDAX() throws {
    let bytes = try FileByteSource.contents(of: fixture("neware_test.ndax"))
    XCTAssertThrowsError(try CyclingFile.read(bytes: Array(bytes.prefix(20_000)), name: "cut.ndax")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "cut.ndax")
      XCTAssertTrue(e?.message.contains("zip") ?? false, "\(error)")
    }
  }
}
