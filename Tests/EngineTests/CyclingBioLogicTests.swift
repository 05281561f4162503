import XCTest

@testable import Engine

/// EC-Lab files mapped to the cycling model through the BioLogic container (eis-readers branch).
final class CyclingBioLogicTests: XCTestCase {
  /// A hand-built GCPL export (synthetic): rest, two charge rows at 1 mA, two discharge rows.
  let gcpl = [
    "EC-Lab ASCII FILE", "Nb header lines : 4", "Galvanostatic Cycling with Potential Limitation",
    "mode\tox/red\terror\tNs\ttime/s\tEwe/V\tI/mA\tdq/mA.h\t(Q-Qo)/mA.h\tQ charge/discharge/mA.h\thalf cycle\tcycle number",
    "3\t0\t0\t0\t0\t3.0\t0\t0\t0\t0\t0\t0",
    "1\t1\t0\t1\t36\t3.5\t1.0\t0.01\t0.01\t0.01\t0\t0",
    "1\t1\t0\t1\t72\t3.6\t1.0\t0.01\t0.02\t0.02\t0\t0",
    "1\t0\t0\t2\t108\t3.4\t-1.0\t-0.01\t0.01\t-0.01\t1\t0",
    "1\t0\t0\t2\t144\t3.3\t-1.0\t-0.01\t0.00\t-0.02\t1\t0",
  ].joined(separator: "\n") + "\n"

  func testGCPLTextExportMapsToHalfCycles() throws {
    let data = try CyclingFile.read(bytes: Array(gcpl.utf8), name: "gcpl.mpt")
    XCTAssertEqual(data.count, 5)
    XCTAssertEqual(data.current[1], 1e-3, accuracy: 1e-15)  // mA → A
    XCTAssertEqual(data.stepIndex, [0, 1, 1, 2, 2])
    let halves = data.halfCycles()
    XCTAssertEqual(halves.map(\.kind), [.charge, .discharge])
    // `Q charge/discharge/mA.h` restarts each half-cycle: 0.02 mAh each way (= 1 mA × 72 s).
    XCTAssertEqual(halves[0].capacity, 0.02e-3, accuracy: 1e-15)
    XCTAssertEqual(halves[1].capacity, 0.02e-3, accuracy: 1e-15)
  }

  func testTextExportWithoutCurrentColumn() {
    let text = gcpl.replacingOccurrences(of: "I/mA", with: "J/mA")
    XCTAssertThrowsError(try CyclingFile.read(bytes: Array(text.utf8), name: "nocurrent.mpt")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "nocurrent.mpt")
      XCTAssertTrue(e?.message.contains("I/mA") ?? false, "\(error)")
    }
  }

  func testMPRWithUnsupportedDataModuleIsAnErrorNotACrash() throws {
    // navani's Modulo Bat example (`00_test_02_MB_C01.mpr`) has a data module of version 0, which
    // the container does not decode yet; the error names the file.
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/cycling/biologic_00_test_02_MB_C01.mpr").path
    XCTAssertThrowsError(try CyclingFile.read(path: path)) { error in
      XCTAssertEqual((error as? InputError)?.file, path)
      XCTAssertTrue((error as? InputError)?.message.contains("version 0") ?? false, "\(error)")
    }
  }
}
