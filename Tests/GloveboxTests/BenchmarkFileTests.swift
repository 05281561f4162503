import Engine
import Formats
import XCTest

@testable import glovebox

/// The benchmark files `cycle demo --bench-format` writes (the executable's own zip and zlib
/// deflate writer), read back by the engine's readers with the half-cycle capacities the
/// generator's contract states, and the malformed-stream errors those readers give on them.
final class BenchmarkFileTests: XCTestCase {
  func testDeflateRoundTripThroughTheStreamingInflater() throws {
    // Text with long repeats (matches up to 258 bytes, distances up to 32 KiB) and a random tail.
    var input: [UInt8] = []
    for k in 0..<5000 { input += Array("<row r=\"\(k)\"><c><v>\(k % 97)</v></c></row>".utf8) }
    var seed: UInt64 = 12345
    for _ in 0..<70_000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      input.append(UInt8(truncatingIfNeeded: seed >> 33))
    }
    let encoder = try DeflateEncoder()
    var compressed = try input.withUnsafeBufferPointer { try encoder.compress($0) }
    compressed += try encoder.finish()
    XCTAssertLessThan(compressed.count, input.count)
    let stream = try InflateStream(MemoryByteSource(compressed))
    var output: [UInt8] = []
    var piece = [UInt8](repeating: 0, count: 333)
    while true {
      let n = try piece.withUnsafeMutableBytes { try stream.read(into: $0) }
      if n == 0 { break }
      output += piece[0..<n]
    }
    XCTAssertEqual(output, input)
  }

  // MARK: benchmark files

  /// The generator's contract: 2500 points, 1000 a half-cycle, 1 mA·s a point → half-cycles of
  /// 1000/3600, 1000/3600 and 500/3600 mAh (charge, discharge, charge); navani 0.1.22 reads the
  /// same generator's 5000-point files of each format as 0.277778 mAh per full half-cycle.
  func testBenchmarkFilesOfEveryFormatReadBack() throws {
    for format in CyclingBenchmarkFile.Format.allCases where format != .bdf {
      var bytes: [UInt8] = []
      try CyclingBenchmarkFile.write(format, points: 2500, pointsPerHalfCycle: 1000) { bytes += $0 }
      let data = try CyclingFile.read(bytes: bytes, name: "bench.\(format.fileExtension)")
      XCTAssertEqual(data.count, 2500, "\(format)")
      let halves = data.halfCycles()
      XCTAssertEqual(halves.map(\.kind), [.charge, .discharge, .charge], "\(format)")
      for (h, seconds) in zip(halves, [1000.0, 1000, 500]) {
        XCTAssertEqual(h.capacity * 1000, seconds / 3600, accuracy: 1e-9, "\(format) half-cycle \(h.index)")
      }
      // Test time: the point closing second k + 1 (1 … 2500 s); xlsx states hours to 10⁻⁹ h (3.6 µs).
      XCTAssertEqual(data.testTime.last ?? 0, 2500, accuracy: 1e-5, "\(format)")
      // Point 999: 3.6 + 0.6·0.999 V plus (999·7919 mod 97) µV of jitter; Neware keeps 0.1 mV.
      XCTAssertEqual(data.voltage[999], 3.6 + 0.6 * 0.999 + Double((999 * 7919) % 97) * 1e-6, accuracy: 1e-4, "\(format)")
    }
  }

  // MARK: malformed streams

  func testTruncatedMPRRecordsAreNamed() throws {
    var bytes: [UInt8] = []
    try CyclingBenchmarkFile.write(.mpr, points: 100, pointsPerHalfCycle: 50) { bytes += $0 }
    XCTAssertThrowsError(try CyclingFile.read(bytes: Array(bytes.dropLast(30)), name: "cut.mpr")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "cut.mpr")
      XCTAssertTrue(e?.message.contains("truncated") ?? false, "\(error)")
    }
  }

  func testUnknownNewareRangeNamesTheRecordsByte() throws {
    var bytes: [UInt8] = []
    try CyclingBenchmarkFile.write(.nda, points: 20, pointsPerHalfCycle: 10) { bytes += $0 }
    // Record 5 starts at 1024 + 4·86; its range (i32 at byte 78) becomes 7, which no range has.
    let at = 1024 + 4 * 86 + 78
    bytes[at] = 7
    bytes[at + 1] = 0
    XCTAssertThrowsError(try CyclingFile.read(bytes: bytes, name: "range.nda")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "range.nda")
      XCTAssertTrue(e?.message.contains("range 7") ?? false, "\(error)")
      XCTAssertTrue(e?.message.contains("byte \(1024 + 4 * 86)") ?? false, "\(error)")
    }
  }

  func testCorruptNDAXStreamIsNamed() throws {
    var bytes: [UInt8] = []
    try CyclingBenchmarkFile.write(.ndax, points: 2000, pointsPerHalfCycle: 500) { bytes += $0 }
    let archive = try ZipArchive(bytes)
    let entry = try XCTUnwrap(archive.entry(named: "data.ndc"))
    // Flip bytes in the middle of the compressed data.ndc: the inflater or the CRC check fails.
    let middle = entry.localHeaderOffset + 30 + "data.ndc".utf8.count + entry.compressedSize / 2
    for k in 0..<16 { bytes[middle + k] ^= 0x5A }
    XCTAssertThrowsError(try CyclingFile.read(bytes: bytes, name: "flipped.ndax")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "flipped.ndax")
      XCTAssertTrue(e?.message.contains("data.ndc") ?? false, "\(error)")
    }
  }

  /// A one-sheet workbook (`Record`) whose sheet XML is given, written by the project's zip writer.
  private func workbook(sheetXML: String) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var zip = ZipWriter { bytes += $0 }
    try zip.beginEntry("xl/workbook.xml")
    try zip.write(Array("<workbook xmlns:r=\"r\"><sheets><sheet name=\"Record\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8))
    try zip.beginEntry("xl/_rels/workbook.xml.rels")
    try zip.write(Array("<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8))
    try zip.beginEntry("xl/worksheets/sheet1.xml")
    try zip.write(Array(sheetXML.utf8))
    try zip.finish()
    return bytes
  }

  func testSheetCutInsideARowIsNamed() throws {
    let header = "<row r=\"1\"><c t=\"inlineStr\"><is><t>TestTime/h</t></is></c><c t=\"inlineStr\"><is><t>Voltage/V</t></is></c>"
      + "<c t=\"inlineStr\"><is><t>Current/mA</t></is></c></row>"
    let good = "<row r=\"2\"><c><v>0</v></c><c><v>3.1</v></c><c><v>1</v></c></row>"
    // Row 3 never closes: the sheet XML (byte 226 = where `<row r="3">` starts) ends inside it.
    let xml = "<worksheet><sheetData>" + header + good + "<row r=\"3\"><c><v>0.01</v></c>"
    let start = xml.utf8.count - "<row r=\"3\"><c><v>0.01</v></c>".utf8.count
    XCTAssertThrowsError(try CyclingFile.read(bytes: workbook(sheetXML: xml), name: "cut.xlsx")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "cut.xlsx")
      XCTAssertTrue(e?.message.contains("sheet `Record`") ?? false, "\(error)")
      XCTAssertTrue(e?.message.contains("row 3 has no </row>") ?? false, "\(error)")
      XCTAssertTrue(e?.message.contains("byte \(start) of the sheet") ?? false, "\(error)")
    }
  }

  func testHugeSharedStringIndexIsAnErrorNotATrap() throws {
    // The fuzzer's crash_cycle_w0_010406: a shared-string cell whose index is 10²⁶ (beyond Int)
    // trapped converting it; it is an index out of range like any other, named at the byte where
    // the cell's `<v>` text starts in the sheet XML (the length of `prefix`).
    let header = "<row r=\"1\"><c t=\"inlineStr\"><is><t>TestTime/h</t></is></c><c t=\"inlineStr\"><is><t>Voltage/V</t></is></c>"
      + "<c t=\"inlineStr\"><is><t>Current/mA</t></is></c></row>"
    let prefix = "<worksheet><sheetData>" + header + "<row r=\"2\"><c t=\"s\"><v>"
    let xml = prefix + "99999999999999999999999999</v></c><c><v>3.1</v></c><c><v>1</v></c></row></sheetData></worksheet>"
    XCTAssertThrowsError(try CyclingFile.read(bytes: workbook(sheetXML: xml), name: "huge.xlsx")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "huge.xlsx")
      XCTAssertTrue(e?.message.contains("shared-string index out of range in row 2 (byte \(prefix.utf8.count) of the sheet)") ?? false, "\(error)")
    }
  }

  func testWorkbookWrittenByTheZipWriterReadsBack() throws {
    // The writer's deflated entries, data descriptors and directory, read by the reader.
    let xml = "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Test Time / s</t></is></c>"
      + "<c t=\"inlineStr\"><is><t>Voltage / V</t></is></c><c t=\"inlineStr\"><is><t>Current / A</t></is></c></row>"
      + "<row r=\"2\"><c><v>0</v></c><c><v>3.5</v></c><c><v>0.001</v></c></row>"
      + "<row r=\"3\"><c><v>3600</v></c><c><v>3.7</v></c><c><v>0.001</v></c></row></sheetData></worksheet>"
    let data = try CyclingFile.read(bytes: workbook(sheetXML: xml), name: "ok.xlsx")
    XCTAssertEqual(data.testTime, [0, 3600])
    // 1 mA for 1 h after the first row: 1 mAh.
    XCTAssertEqual((data.halfCycles().first?.capacity ?? 0) * 1000, 1.0, accuracy: 1e-12)
  }
}
