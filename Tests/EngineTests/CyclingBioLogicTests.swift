import Formats
import XCTest

@testable import Engine

/// EC-Lab files mapped to the cycling model through the BioLogic container, side by side with
/// navani on its published Modulo Bat examples.
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

  func testTextExportWithoutCurrentTakesItFromDqOverDt() throws {
    // No I/mA: each charge row passed 0.01 mA.h in 36 s = 0.01 h⁻¹ … = 0.01 / (36/3600) = 1 mA.
    let text = gcpl.replacingOccurrences(of: "I/mA", with: "J/mA")
    let data = try CyclingFile.read(bytes: Array(text.utf8), name: "nocurrent.mpt")
    XCTAssertEqual(data.current[0], 0, accuracy: 1e-15)
    XCTAssertEqual(data.current[1], 1e-3, accuracy: 1e-12)
    XCTAssertEqual(data.current[4], -1e-3, accuracy: 1e-12)
    XCTAssertEqual(data.halfCycles().map(\.kind), [.charge, .discharge])
  }

  func testTextExportWithoutCurrentOrChargeColumn() {
    let text = gcpl.replacingOccurrences(of: "I/mA", with: "J/mA").replacingOccurrences(of: "dq/mA.h", with: "dx/mA.h")
    XCTAssertThrowsError(try CyclingFile.read(bytes: Array(text.utf8), name: "nocurrent.mpt")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "nocurrent.mpt")
      XCTAssertTrue(e?.message.contains("I/mA") ?? false, "\(error)")
      XCTAssertTrue(e?.message.contains("dQ/mA.h") ?? false, "\(error)")
    }
  }

  // MARK: malformed text exports (streamed line by line)

  private func readError(_ text: String, name: String = "bad.mpt") -> InputError? {
    do {
      _ = try CyclingFile.read(bytes: Array(text.utf8), name: name)
      return nil
    } catch { return error as? InputError }
  }

  func testTextExportNonNumberNamesLineAndColumn() throws {
    // Line 7 (the third data row): Ewe/V, the sixth field, starts at character 12 of "1\t1\t0\t1\t72\t3.x…".
    let text = gcpl.replacingOccurrences(of: "1\t1\t0\t1\t72\t3.6", with: "1\t1\t0\t1\t72\t3.x")
    let e = try XCTUnwrap(readError(text))
    XCTAssertEqual(e.file, "bad.mpt")
    XCTAssertEqual(e.line, 7)
    XCTAssertEqual(e.column, 12)
    XCTAssertTrue(e.message.contains("Ewe/V") && e.message.contains("'3.x'"), e.message)
  }

  func testTextExportRaggedRowAndInnerBlankLine() throws {
    let extra = gcpl.replacingOccurrences(of: "\t0\t0\n1\t1\t0\t1\t72", with: "\t0\t0\t9\n1\t1\t0\t1\t72")
    let ragged = try XCTUnwrap(readError(extra))
    XCTAssertEqual(ragged.line, 6)
    XCTAssertTrue(ragged.message.contains("expected 12 values as the header (line 4) names, found 13"), ragged.message)
    let blank = gcpl.replacingOccurrences(of: "\n1\t0\t0\t2\t108", with: "\n\n1\t0\t0\t2\t108")
    let inner = try XCTUnwrap(readError(blank))
    XCTAssertEqual(inner.line, 8)
    XCTAssertTrue(inner.message.contains("empty line"), inner.message)
    // Trailing blank lines and a final tab on a row are fine.
    let tidy = gcpl.replacingOccurrences(of: "-0.02\t1\t0\n", with: "-0.02\t1\t0\t\n\n\n")
    XCTAssertEqual(try CyclingFile.read(bytes: Array(tidy.utf8), name: "ok.mpt").count, 5)
  }

  func testTextExportHeaderProblems() throws {
    let badCount = gcpl.replacingOccurrences(of: "Nb header lines : 4", with: "Nb header lines : two")
    let count = try XCTUnwrap(readError(badCount))
    XCTAssertEqual(count.line, 2)
    XCTAssertTrue(count.message.contains("Nb header lines"), count.message)
    let cut = "EC-Lab ASCII FILE\nNb header lines : 40\nGalvanostatic Cycling\n"
    XCTAssertTrue(try XCTUnwrap(readError(cut)).message.contains("truncated"))
    XCTAssertTrue(try XCTUnwrap(readError("")).message.contains("empty"))
  }

  private func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cycling/\(name)").path
  }

  /// The path `glovebox cycle summary` takes: stream the file into the half-cycle accumulator.
  private func summaryHalfCycles(_ name: String) throws -> (format: String, halves: [HalfCycle]) {
    var accumulator = HalfCycleAccumulator()
    let format = try CyclingFile.stream(path: fixture(name), into: &accumulator)
    return (format, accumulator.finish())
  }

  func testModuloBatVersion0SideBySideWithNavani() throws {
    // navani 0.1.22 (galvani 0.5.0 underneath), `echem_file_loader("00_test_04_MB_C01.mpr")`:
    // 1501 rows, one half cycle (current −0.040 … −0.045 mA throughout), `Capacity` max
    // 1.7953012467258507e-05 mAh. Row 1000: time/s 17.167399566314998, I/mA −0.043003634,
    // Ewe −1.6501416 V, Q charge/discharge −1.2032216412739631e-05 mA.h.
    let data = try CyclingFile.read(path: fixture("biologic_00_test_04_MB_C01.mpr"))
    XCTAssertEqual(data.format, "biologic-mpr")
    XCTAssertEqual(data.count, 1501)
    XCTAssertEqual(data.testTime[1000], 17.167399566314998, accuracy: 1e-12)
    XCTAssertEqual(data.current[1000], -0.043003634e-3, accuracy: 1e-12)
    XCTAssertEqual(data.voltage[1000], -1.6501416, accuracy: 1e-6)
    let (format, halves) = try summaryHalfCycles("biologic_00_test_04_MB_C01.mpr")
    XCTAssertEqual(format, "biologic-mpr")
    XCTAssertEqual(halves.map(\.kind), [.discharge])
    let navani = 1.7953012467258507e-05
    XCTAssertEqual(halves[0].capacity * 1000, navani, accuracy: navani * 0.01)
  }

  func testShortModuloBatVersion0SideBySideWithNavani() throws {
    // navani 0.1.22 / galvani 0.5.0 on `00_test_02_MB_C01.mpr`: 11 rows, one discharge half
    // cycle of 1.3461929955188597e-4 mAh.
    let data = try CyclingFile.read(path: fixture("biologic_00_test_02_MB_C01.mpr"))
    XCTAssertEqual(data.count, 11)
    let (_, halves) = try summaryHalfCycles("biologic_00_test_02_MB_C01.mpr")
    XCTAssertEqual(halves.map(\.kind), [.discharge])
    let navani = 1.3461929955188597e-4
    XCTAssertEqual(halves[0].capacity * 1000, navani, accuracy: navani * 0.01)
  }

  func testGCPLVersion3WithoutCurrentColumnSideBySideWithNavani() throws {
    // navani 0.1.22 (galvani 0.5.0) `echem_file_loader` on the trimmed GCPL file: 16152 rows; a
    // rest, then half cycles 1–5 with `Capacity` max (mAh) below; mean current −0.0888, +0.0888,
    // −0.0888, +0.0888, −0.0888 mA (navani's current is dQ/dt: the file has no I/mA column).
    let navani = [0.20652871427545638, 0.9867813600429652, 0.8528549910909516, 0.9370903700322882, 0.8763298205900488]
    let (format, halves) = try summaryHalfCycles("biologic_jdb11_gcpl_rows0-16151.mpr")
    XCTAssertEqual(format, "biologic-mpr")
    XCTAssertEqual(halves.map(\.kind), [.discharge, .charge, .discharge, .charge, .discharge])
    XCTAssertEqual(halves.count, navani.count)
    for (half, reference) in zip(halves, navani) {
      XCTAssertEqual(half.capacity * 1000, reference, accuracy: reference * 0.01, "half cycle \(half.index)")
    }
  }
}
