import Formats
import XCTest

@testable import Engine

/// xlsx exports (LAND, Arbin) read by the engine's own zip + inflate + sheet scanner, side by side
/// with navani 0.1.22 on the same files.
final class XlsxCyclerTests: XCTestCase {
  func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cycling/\(name)").path
  }

  func testArbinExportSideBySideWithNavani() throws {
    let data = try CyclingFile.read(path: fixture("arbin_bs542_Channel_11.xlsx"))
    XCTAssertEqual(data.format, "arbin")
    XCTAssertEqual(data.count, 4526)  // navani: 4526 rows
    let halves = data.halfCycles()
    XCTAssertEqual(halves.prefix(4).map(\.kind), [.discharge, .charge, .discharge, .charge])
    // navani 0.1.22 (max Capacity per half cycle, mAh; from each half-cycle's first point):
    // 5.798033156585895, 5.698107593094273, 5.256825592368852.
    let navani = [5.798033156585895, 5.698107593094273, 5.256825592368852]
    for (h, reference) in zip(halves, navani) {
      XCTAssertEqual((h.capacity - h.capacityAtFirstPoint) * 1000, reference, accuracy: reference * 0.01)
      XCTAssertEqual(h.capacity * 1000, reference, accuracy: reference * 0.01)
    }
  }

  func testLandExportSideBySideWithNavani() throws {
    // Rows 33000–38000 of navani's LAND example (header kept): half-cycles 2… are complete.
    let data = try CyclingFile.read(path: fixture("land_NJK_CC_156_rows33000-38000.xlsx"))
    XCTAssertEqual(data.format, "land")
    XCTAssertEqual(data.count, 5001)
    let halves = data.halfCycles()
    // navani 0.1.22, half cycles 2–9 (mAh): 0.0174 0.0165 0.0168 0.0166 0.0168 0.0166 0.0169 0.0167.
    let navani = [0.0174, 0.0165, 0.0168, 0.0166, 0.0168, 0.0166, 0.0169, 0.0167]
    XCTAssertGreaterThanOrEqual(halves.count, 9)
    for (h, reference) in zip(halves.dropFirst(), navani) {
      XCTAssertEqual((h.capacity - h.capacityAtFirstPoint) * 1000, reference, accuracy: reference * 0.01, "half-cycle \(h.index)")
    }
    XCTAssertEqual(halves[1].kind, .discharge)  // D_CC with negative current
  }

  func testInflatedPartsMatchTheirCRC() throws {
    // Every part of a real xlsx inflates to the size and CRC-32 its zip directory records.
    let bytes = try FileByteSource.contents(of: fixture("arbin_bs542_Channel_11.xlsx"))
    let archive = try ZipArchive(bytes)
    XCTAssertEqual(archive.entries.count, 17)
    for entry in archive.entries { XCTAssertEqual(try archive.contents(of: entry).count, entry.uncompressedSize) }
    XCTAssertEqual(archive.entry(named: "xl/worksheets/sheet2.xml")?.uncompressedSize, 2_691_549)
  }

  func testSheetNamesAndSharedStrings() throws {
    let workbook = try XlsxWorkbook(FileByteSource.contents(of: fixture("arbin_bs542_Channel_11.xlsx")))
    XCTAssertEqual(workbook.sheets.map(\.name), ["Global_Info", "Channel_11_1"])
    XCTAssertEqual(workbook.sharedStrings.count, 33)
    XCTAssertEqual(workbook.sharedStrings[21], "Test_Time(s)")
  }

  // MARK: malformed workbooks

  func testTruncatedWorkbook() throws {
    let bytes = try FileByteSource.contents(of: fixture("arbin_bs542_Channel_11.xlsx"))
    XCTAssertThrowsError(try CyclingFile.read(bytes: Array(bytes.prefix(100_000)), name: "cut.xlsx")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "cut.xlsx")
      XCTAssertTrue(e?.message.contains("zip") ?? false, "\(error)")
    }
  }

  func testCorruptDeflateData() throws {
    var bytes = try FileByteSource.contents(of: fixture("arbin_bs542_Channel_11.xlsx"))
    let archive = try ZipArchive(bytes)
    let sheet = try XCTUnwrap(archive.entry(named: "xl/worksheets/sheet2.xml"))
    let dataStart = sheet.localHeaderOffset + 30 + 19 + 0  // name "xl/worksheets/sheet2.xml" is 24 bytes; any flip inside works
    for k in 0..<64 { bytes[dataStart + 200 + k] ^= 0xA5 }
    XCTAssertThrowsError(try CyclingFile.read(bytes: bytes, name: "flipped.xlsx")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "flipped.xlsx")
      XCTAssertTrue(e?.message.contains("sheet2.xml") ?? false, "\(error)")
    }
  }

  func testBadCellNamesSheetRowAndColumn() throws {
    let xlsx = makeXlsx(sheets: [
      ("Record", [["Index", "TestTime/h", "Voltage/V", "Current/mA", "State"], ["1", "0", "3.1", "0", "R"], ["2", "0.01", "oops", "-1", "D_CC"]])
    ])
    XCTAssertThrowsError(try CyclingFile.read(bytes: xlsx, name: "bad.xlsx")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "bad.xlsx")
      XCTAssertEqual(e?.line, 3)
      XCTAssertEqual(e?.column, 3)
      XCTAssertTrue(e?.message.contains("sheet `Record`") ?? false, "\(error)")
    }
  }

  func testWorkbookWithoutCyclingColumns() {
    let xlsx = makeXlsx(sheets: [("Sheet1", [["a", "b"], ["1", "2"]])])
    XCTAssertThrowsError(try CyclingFile.read(bytes: xlsx, name: "plain.xlsx")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("Sheet1") ?? false, "\(error)")
    }
  }

  func testLandStyleWorkbookWithContinuationSheet() throws {
    // Units in the names (h, mA, mAh); the second Record sheet continues without a header.
    let xlsx = makeXlsx(sheets: [
      ("Record", [["Index", "TestTime/h", "StepTime/h", "Voltage/V", "Current/mA", "Capacity/mAh", "State"],
                  ["1", "0", "0", "3.0", "0", "0", "R"], ["2", "0.5", "0.5", "3.6", "1", "0.5", "C_CC"]]),
      ("Record1", [["3", "1.0", "1.0", "3.7", "1", "1.0", "C_CC"], ["4", "1.5", "0.5", "3.5", "-1", "0.5", "D_CC"]]),
      ("Cycle", [["Cycle", "Charge-Cap/mAh"], ["1", "1.0"]]),
    ])
    let data = try CyclingFile.read(bytes: xlsx, name: "land.xlsx")
    XCTAssertEqual(data.format, "land")
    XCTAssertEqual(data.testTime, [0, 1800, 3600, 5400])
    XCTAssertEqual(data.halfCycles().map(\.capacity), [1.0e-3, 0.5e-3])
  }
}

/// A minimal xlsx (stored zip entries, inline strings, numbers where the text parses) for tests.
func makeXlsx(sheets: [(String, [[String]])]) -> [UInt8] {
  var files: [(String, [UInt8])] = []
  var workbook = "<?xml version=\"1.0\"?><workbook xmlns:r=\"r\"><sheets>"
  var rels = "<?xml version=\"1.0\"?><Relationships>"
  for (k, (name, rows)) in sheets.enumerated() {
    workbook += "<sheet name=\"\(name)\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
    rels += "<Relationship Id=\"rId\(k + 1)\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
    var xml = "<?xml version=\"1.0\"?><worksheet><sheetData>"
    for (r, row) in rows.enumerated() {
      xml += "<row r=\"\(r + 1)\">"
      for (c, cell) in row.enumerated() {
        let ref = String(UnicodeScalar(UInt8(65 + c))) + String(r + 1)
        if Double(cell) != nil { xml += "<c r=\"\(ref)\"><v>\(cell)</v></c>" } else {
          xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(cell)</t></is></c>"
        }
      }
      xml += "</row>"
    }
    xml += "</sheetData></worksheet>"
    files.append(("xl/worksheets/sheet\(k + 1).xml", Array(xml.utf8)))
  }
  files.insert(("xl/workbook.xml", Array((workbook + "</sheets></workbook>").utf8)), at: 0)
  files.insert(("xl/_rels/workbook.xml.rels", Array((rels + "</Relationships>").utf8)), at: 1)
  var out: [UInt8] = []
  var central: [UInt8] = []
  func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
  func le32(_ v: UInt32) -> [UInt8] { le16(Int(v & 0xFFFF)) + le16(Int(v >> 16)) }
  for (name, data) in files {
    let offset = out.count
    let crc = CRC32.checksum(data)
    let nameBytes = Array(name.utf8)
    out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
    out += le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(nameBytes.count) + le16(0) + nameBytes + data
    central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
    central += le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(nameBytes.count) + le16(0) + le16(0)
    central += le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + nameBytes
  }
  let directoryOffset = out.count
  out += central
  out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(files.count) + le16(files.count)
  out += le32(UInt32(central.count)) + le32(UInt32(directoryOffset)) + le16(0)
  return out
}
