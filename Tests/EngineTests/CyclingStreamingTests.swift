import Formats
import XCTest

@testable import Engine

/// The streaming pieces under the binary and zip readers: record runs through a bounded buffer,
/// incremental inflate and xlsx rows from a small window. (The benchmark files' tests are in
/// GloveboxTests: their writer is part of the executable.)
final class CyclingStreamingTests: XCTestCase {
  func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cycling/\(name)").path
  }

  func testRecordRunsThroughASmallBuffer() throws {
    // 10 records of 3 bytes (bytes 0…29) and 2 trailing bytes, through a 7-byte buffer: runs of
    // two whole records (6 bytes) at offsets 100, 106, …, 124; the 2 bytes are left over.
    var source = MemoryByteSource((0..<32).map { UInt8($0) })
    var offsets: [Int] = []
    var firstBytes: [UInt8] = []
    let leftover = try forEachRecordRun(&source, recordLength: 3, startOffset: 100, bufferSize: 7) { raw, offset in
      offsets.append(offset)
      XCTAssertEqual(raw.count % 3, 0)
      for k in stride(from: 0, to: raw.count, by: 3) { firstBytes.append(raw[k]) }
    }
    XCTAssertEqual(offsets, [100, 106, 112, 118, 124])
    XCTAssertEqual(firstBytes, [0, 3, 6, 9, 12, 15, 18, 21, 24, 27])
    XCTAssertEqual(leftover, 2)
  }

  func testCRC32OfTheStandardCheckString() {
    // The check value of CRC-32/ISO-HDLC for "123456789" is 0xCBF43926; split anywhere it is the same.
    let bytes = Array("123456789".utf8)
    XCTAssertEqual(CRC32.checksum(bytes), 0xCBF4_3926)
    let split = bytes.withUnsafeBytes { raw in
      CRC32.update(CRC32.update(0, UnsafeRawBufferPointer(rebasing: raw[0..<3])), UnsafeRawBufferPointer(rebasing: raw[3...]))
    }
    XCTAssertEqual(split, 0xCBF4_3926)
    let prefix = [UInt8](repeating: 0x61, count: 1000)
    let continued = bytes.withUnsafeBytes { CRC32.update(CRC32.checksum(prefix), $0) }
    XCTAssertEqual(CRC32.checksum(prefix + bytes), continued)
  }

  func testInflateInSmallPiecesMatchesTheDirectorysCRC() throws {
    // The Arbin sheet (2 691 549 bytes inflated, per the zip directory) read 1000 bytes at a time:
    // the size and CRC-32 the archive records are reproduced (the stream checks both at its end).
    let archive = try ZipArchive(source: FileRandomAccess(path: fixture("arbin_bs542_Channel_11.xlsx")))
    let entry = try XCTUnwrap(archive.entry(named: "xl/worksheets/sheet2.xml"))
    var stream = try archive.stream(of: entry)
    var total = 0
    var crc: UInt32 = 0
    var piece = [UInt8](repeating: 0, count: 1000)
    while true {
      let n = try piece.withUnsafeMutableBytes { try stream.read(into: $0) }
      if n == 0 { break }
      crc = piece.withUnsafeBytes { CRC32.update(crc, UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
      total += n
    }
    XCTAssertEqual(total, 2_691_549)
    XCTAssertEqual(crc, entry.crc32)
  }

  func testSheetRowsFromASmallWindowMatchTheWholeSheet() throws {
    let workbook = try XlsxWorkbook(source: FileRandomAccess(path: fixture("land_NJK_CC_156_rows33000-38000.xlsx")))
    let sheet = try XCTUnwrap(workbook.sheets.first)
    var wide: [[XlsxCell]] = []
    var narrow: [[XlsxCell]] = []
    var numbers: [Int] = []
    try workbook.forEachRow(sheetPath: sheet.path) { cells, _ in wide.append(cells); return true }
    try workbook.forEachRow(sheetPath: sheet.path, windowSize: 64) { cells, row in
      narrow.append(cells)
      numbers.append(row)
      return true
    }
    XCTAssertEqual(wide.count, 5002)  // header + rows 33000–38000 + the blank-free tail the trim kept
    XCTAssertEqual(narrow, wide)
    XCTAssertEqual(numbers.first, 1)
  }
}
