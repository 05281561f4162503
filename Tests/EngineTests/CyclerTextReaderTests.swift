import Formats
import XCTest

@testable import Engine

final class CyclerTextReaderTests: XCTestCase {
  func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cycling/\(name)").path
  }

  func read(_ text: String, name: String = "test.csv") throws -> CyclingData {
    try CyclingFile.read(bytes: Array(text.utf8), name: name)
  }

  func assertError(_ text: String, name: String = "bad.csv", line: Int?, column: Int? = nil, contains: String,
                   file: StaticString = #filePath, lineNumber: UInt = #line) {
    XCTAssertThrowsError(try read(text, name: name), file: file, line: lineNumber) { error in
      guard let e = error as? InputError else { return XCTFail("not an InputError: \(error)", file: file, line: lineNumber) }
      XCTAssertEqual(e.file, name, file: file, line: lineNumber)
      XCTAssertEqual(e.line, line, file: file, line: lineNumber)
      if let column { XCTAssertEqual(e.column, column, file: file, line: lineNumber) }
      XCTAssertTrue(e.message.contains(contains), "\(e.message)", file: file, line: lineNumber)
    }
  }

  func testMaccorExportSideBySideWithNavani() throws {
    let data = try CyclingFile.read(path: fixture("maccor_example.txt"))
    XCTAssertEqual(data.format, "maccor")
    XCTAssertEqual(data.count, 37)
    // Unsigned current: signed by the state column (D → negative).
    XCTAssertEqual(data.current[5], 0.00061, accuracy: 1e-12)  // Rec 6, state C
    XCTAssertEqual(data.current[13], -0.00061, accuracy: 1e-12)  // Rec 14, state D
    XCTAssertEqual(data.testTime[5], 360, accuracy: 1e-9)  // Test (Min) 6.0
    let halves = data.halfCycles()
    XCTAssertEqual(halves.map(\.kind), [.charge, .discharge, .charge, .discharge])
    // navani 0.1.22 (echem_file_loader, max Capacity per half cycle): 0.0355834, 0.0355833,
    // 0.0355833, 0.0355834 mAh — measured from each half-cycle's first recorded point.
    let navani = [0.0355834, 0.0355833, 0.0355833, 0.0355834]
    for (h, reference) in zip(halves, navani) {
      XCTAssertEqual((h.capacity - h.capacityAtFirstPoint) * 1000, reference, accuracy: reference * 0.01)
      // From the step's start: 8 rows of 0.5 min at 0.61 mA = 0.61 mA × 4 min = 0.040667 mAh.
      XCTAssertEqual(h.capacity * 1000, 0.61 * 4 / 60, accuracy: 1e-6)
    }
  }

  func testBatteryDataFormat() throws {
    let text = """
      Test Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Index / 1
      0,3.0,0,0,1
      10,3.5,0.1,1,2
      20,3.6,0.1,1,2
      30,3.4,-0.1,1,3
      """
    let data = try read(text, name: "cell.bdf.csv")
    XCTAssertEqual(data.format, "bdf")
    XCTAssertEqual(data.cycle, [0, 1, 1, 1])
    XCTAssertEqual(data.stepIndex, [1, 2, 2, 3])
    XCTAssertEqual(data.halfCycles().map { $0.capacity * 3600 }, [2, 1])
  }

  func testGenericCSVUnitsFromHeader() throws {
    // h, mV, mA, mAh: 0.01 h = 36 s; 3500 mV = 3.5 V; 2 mA; the counter in mAh.
    let text = """
      Time(h);Voltage/mV;Current(mA);Capacity [mAh]
      0;3000;0;0
      0.01;3500;2;0.02
      0.02;3600;2;0.04
      """
    let data = try read(text)
    XCTAssertEqual(data.testTime, [0, 36, 72])
    XCTAssertEqual(data.voltage, [3.0, 3.5, 3.6])
    XCTAssertEqual(data.current[1], 0.002, accuracy: 1e-15)
    XCTAssertEqual(data.capacity[2], 4e-5, accuracy: 1e-15)
  }

  func testNewareStyleExportWithClockTimesAndStepTypes() throws {
    let text = """
      Record ID,Cycle ID,Step ID,Step Type,Time,Total Time,Current(mA),Voltage(V),Capacity(mAh),Spec. Cap.(mAh/g),Energy(mWh)
      1,1,1,Rest,00:00:00,00:00:00,0,3.0,0,0,0
      2,1,2,CC Chg,00:01:00,00:01:00,1.0,3.8,0.016667,1,0.06
      3,1,2,CC Chg,00:02:00,00:02:00,1.0,3.9,0.033333,2,0.12
      4,1,3,CC DChg,00:01:00,1-00:00:00,-1.0,3.7,0.016667,1,0.06
      """
    let data = try read(text)
    XCTAssertEqual(data.format, "neware")
    XCTAssertEqual(data.testTime, [0, 60, 120, 86400])
    XCTAssertEqual(data.stepTime, [0, 60, 120, 60])
    XCTAssertEqual(data.stepType, [.rest, .charge, .charge, .discharge])
    XCTAssertEqual(data.current[3], -0.001)
    XCTAssertEqual(data.halfCycles().map(\.capacity), [0.033333e-3, 0.016667e-3])
  }

  func testMalformedNumberNamesLineAndColumn() {
    assertError("Test Time / s,Voltage / V,Current / A\n0,3.0,0\n10,abc,0.1\n", line: 3, column: 2, contains: "voltage")
  }

  func testMissingHeader() {
    assertError("a,b,c\n1,2,3\n", line: 1, contains: "header")
  }

  func testShortRow() {
    assertError("Test Time / s,Voltage / V,Current / A\n0,3.0\n", line: 2, column: 3, contains: "current")
  }

  func testTimeBackwardsInFile() {
    assertError("Test Time / s,Voltage / V,Current / A\n10,3.0,0\n5,3.1,0\n", line: 3, contains: "backwards")
  }

  func testMaccorMalformedState() throws {
    // A Maccor export cut mid-row: the row has too few cells for Volts.
    let text = "Today's Date 01/15/2025\nRec#\tCyc#\tStep\tTest (Min)\tStep (Min)\tAmp-hr\tWatt-hr\tAmps\tVolts\tState\n1\t0\t1\t0.0\t0.0\t0\t0\t0.0006\n"
    assertError(text, name: "cut.txt", line: 3, column: 9, contains: "voltage")
  }

  func testEmptyFile() {
    assertError("", line: 1, contains: "header")
  }
}

final class BatteryDataFormatTests: XCTestCase {
  func testExportReadsBackWithTheSameHalfCycles() throws {
    var cell = SyntheticFullCell()
    cell.cycles = 3
    let original = try CyclingData.from(cell.records())
    var text = ""
    BatteryDataFormat.write(original) { text += $0 }
    XCTAssertTrue(text.hasPrefix("Test Time / s,Step Time / s,Voltage / V,Current / A,"))
    let back = try CyclingFile.read(bytes: Array(text.utf8), name: "export.bdf.csv")
    XCTAssertEqual(back.format, "bdf")
    XCTAssertEqual(back.count, original.count)
    let a = original.halfCycles()
    let b = back.halfCycles()
    XCTAssertEqual(a.count, b.count)
    for (x, y) in zip(a, b) {
      XCTAssertEqual(x.kind, y.kind)
      XCTAssertEqual(y.capacity, x.capacity, accuracy: x.capacity * 1e-12)
      XCTAssertEqual(y.energy, x.energy, accuracy: x.energy * 1e-12)
    }
  }
}
