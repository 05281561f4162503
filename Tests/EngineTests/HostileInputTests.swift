import XCTest

@testable import Engine
@testable import Formats

/// The bugs of the first fuzzing campaign (issue 12), each at the level of the function that
/// had it: a clear error (or a sane value) where the program trapped or overflowed its stack.
final class HostileInputTests: XCTestCase {
  func nested(_ depth: Int, open: String, close: String) -> String {
    "x = " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth) + "\n"
  }

  func testNestingUpToTheLimitParsesAndBeyondItIsAnErrorWithPosition() throws {
    // 100 enclosing arrays is the documented limit.
    let deepest = try TOML.parse(nested(TOMLParser.maximumNesting, open: "[", close: "]"))
    var value = deepest["x"]
    var depth = 0
    while case .array(let items)? = value { depth += 1; value = items.first }
    XCTAssertEqual(depth, 100)
    XCTAssertEqual(value, .integer(1))
    // One more: an error at line 1, at the 101st bracket (column 5 + 100).
    XCTAssertThrowsError(try TOML.parse(nested(101, open: "[", close: "]"), fileName: "deep.toml")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.line, 1)
      XCTAssertEqual(e?.column, 105)
      XCTAssertTrue(e?.message.contains("nested more than 100 deep") ?? false, "\(error)")
    }
    // The fuzzer's depths (10 000 and 100 000 crashed with SIGSEGV): the same clean error.
    for depth in [10_000, 100_000] {
      XCTAssertThrowsError(try TOML.parse(nested(depth, open: "{a = ", close: "}"), fileName: "deep.toml")) { error in
        XCTAssertTrue("\(error)".contains("deep.toml:1:"), "\(error)")
      }
    }
  }

  func testNonFiniteNumbersAreRefusedWhereANumberIsExpected() throws {
    let table = try TOML.parse("a = nan\nb = -inf\nc = 2.5\n", fileName: "r.toml")
    XCTAssertEqual(try table.double("c"), 2.5)
    for key in ["a", "b"] {
      XCTAssertThrowsError(try table.double(key)) { error in
        let e = error as? InputError
        XCTAssertEqual(e?.line, key == "a" ? 1 : 2)
        XCTAssertTrue(e?.message.contains("must be a finite number") ?? false, "\(error)")
      }
    }
  }

  func testEmptyOrNamelessSimulationConfigIsAnError() {
    XCTAssertThrowsError(try SimulationConfig.parse("", fileName: "empty.toml")) { error in
      XCTAssertTrue("\(error)".hasPrefix("empty.toml:1: empty simulation config"), "\(error)")
    }
    XCTAssertThrowsError(try SimulationConfig.parse("[run]\nuntil = 5\n", fileName: "m.toml")) { error in
      XCTAssertTrue("\(error)".contains("lacks `name = \"…\"` and a [physics] table"), "\(error)")
    }
    XCTAssertNoThrow(try SimulationConfig.parse("name = \"m\"\n[physics]\n", fileName: "m.toml"))
  }

  func testSpreadsheetColumnLettersBeyondExcelsRangeAreNotANumber() {
    XCTAssertEqual(XMLScan.columnIndex("A1"), 0)
    XCTAssertEqual(XMLScan.columnIndex("AB12"), 27)  // 1·26 + 2 − 1
    XCTAssertEqual(XMLScan.columnIndex("XFD1"), 16_383)  // Excel's last column
    // 20 letters would be 26^20 ≈ 2e28, beyond Int: refused instead of trapping.
    XCTAssertNil(XMLScan.columnIndex(String(repeating: "Z", count: 20) + "1"))
  }

  func testVTKDataArrayWithAnAbsurdByteCountIsAnError() {
    // A base64 payload whose 8-byte header says 2^64 − 8 bytes (beyond Int.max).
    var header = [UInt8](repeating: 0xFF, count: 8)
    header[0] = 0xF8
    let payload = Data(header + [UInt8](repeating: 0, count: 8)).base64EncodedString()
    let text = """
      <?xml version="1.0"?>
      <VTKFile type="ImageData" version="1.0" byte_order="LittleEndian" header_type="UInt64">
      <ImageData WholeExtent="0 0 0 0 0 0" Origin="0 0 0" Spacing="1 1 1">
      <Piece Extent="0 0 0 0 0 0"><PointData>
      <DataArray type="Float64" Name="xi" format="binary">\(payload)</DataArray>
      </PointData></Piece></ImageData></VTKFile>
      """
    XCTAssertThrowsError(try VTKImageData.parse(text, fileName: "bad.vti")) { error in
      XCTAssertTrue("\(error)".contains("bad.vti"), "\(error)")
    }
  }

  func testAChargeThatIntegratesToInfinityIsRefusedAtItsRow() throws {
    struct Collect: CyclingPointSink { var points: [CyclingPoint] = []; mutating func consume(_ p: CyclingPoint) { points.append(p) } }
    var processor = CyclingProcessor(sink: Collect())
    try processor.consume(CyclingRecord(testTime: 0, voltage: 3.9, current: 1e-3))
    try processor.consume(CyclingRecord(testTime: 10, voltage: 3.9, current: 1e-3))
    // Trapezoid ½(1e-3 + 1e308) A × 990 s = 5e307 × 990 A·s: beyond the largest double, +inf.
    XCTAssertThrowsError(try processor.consume(CyclingRecord(testTime: 1000, voltage: 3.9, current: 1e308))) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("not finite") ?? false, "\(error)")
    }
  }
}
