import Formats
import Foundation
import XCTest
@testable import Engine

/// `.mpr` data modules of version 0 (navani's Modulo Bat example, EC-Lab ≥ 11.50 long module
/// headers), and edited copies of it for the other version-0 layout and for malformed input.
final class BioLogicDataModuleVersion0Tests: XCTestCase {
  /// The fixture split around its `VMP data` content: the long header's length field sits 20
  /// bytes before the content, the version 16 bytes before.
  private struct Split {
    var bytes: [UInt8]
    var content: Range<Int>
    var prefix: [UInt8] { Array(bytes[..<content.lowerBound]) }
    var body: [UInt8] { Array(bytes[content]) }
    var suffix: [UInt8] { Array(bytes[content.upperBound...]) }

    /// The file with `body` as the data module's content, its length field updated.
    func rebuilt(body: [UInt8], version: UInt32 = 0) -> [UInt8] {
      var head = prefix
      let count = UInt32(body.count)
      for index in 0..<4 {
        head[head.count - 20 + index] = UInt8((count >> (8 * UInt32(index))) & 0xFF)
        head[head.count - 16 + index] = UInt8((version >> (8 * UInt32(index))) & 0xFF)
      }
      return head + body + suffix
    }
  }

  private func split() throws -> Split {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/cycling/biologic_00_test_04_MB_C01.mpr").path
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let tag = Array("MODULEVMP data".utf8)
    let start = try XCTUnwrap((0...(bytes.count - tag.count)).first { Array(bytes[$0..<($0 + tag.count)]) == tag })
    let header = start + 6
    XCTAssertEqual(MPRModule.uint32(bytes, at: header + 35), 0xFFFF_FFFF, "long module header")
    let length = Int(MPRModule.uint32(bytes, at: header + 39))
    return Split(bytes: bytes, content: (header + 59)..<(header + 59 + length))
  }

  private func read(_ bytes: [UInt8]) throws -> BioLogicFile {
    try BioLogicFile(mprData: Data(bytes), fileName: "edited.mpr")
  }

  func testVersion0ColumnsAndRecords() throws {
    let s = try split()
    let file = try read(s.bytes)
    XCTAssertEqual(file.metadata["data module version"], "0")
    // Ids 1 2 3 21 31 65 (flags byte) 131 39 4 19 6 8 7 13 74 467 468, u16 from byte 6.
    XCTAssertEqual(file.table.columnNames, [
      "mode", "ox/red", "error", "control changes", "Ns changes", "counter inc.", "Ns", "I Range",
      "time/s", "control/V", "Ewe/V", "I/mA", "dq/mA.h", "(Q-Qo)/mA.h", "|Energy|/W.h",
      "Q charge/discharge/mA.h", "half cycle",
    ])
    XCTAssertEqual(file.table.rowCount, 1501)
    // 1501 records of 1+2+2+8+4+4+4+8+8+8+8+4 = 61 bytes fill the content after byte 1007.
    XCTAssertEqual(s.content.count, 1007 + 1501 * 61)
    // galvani 0.5.0 `MPRfile(...).data` row 1000: half cycle 0 (navani renumbers from 1),
    // |Energy| 1.985479593732291e-08 W.h.
    XCTAssertEqual(file.table.column(named: "half cycle")?.values[1000], 0)
    XCTAssertEqual(try XCTUnwrap(file.table.column(named: "|Energy|/W.h")?.values[1000]), 1.985479593732291e-08, accuracy: 1e-22)
  }

  func testOlderVersion0WithOneByteIdsAndRecordsFromByte100() throws {
    // Older EC-Lab wrote one byte per id from byte 5 and the records from byte 100 (the Q/half
    // cycle columns as ids 211 and 212). Rebuild the fixture that way; the table must not change.
    let s = try split()
    let body = s.body
    let count = Int(body[4])
    var oneByteIds = Array(body[0..<5])
    for index in 0..<count {
      let id = Int(body[6 + 2 * index]) | Int(body[7 + 2 * index]) << 8
      oneByteIds.append(UInt8(id == 467 ? 211 : id == 468 ? 212 : id))
    }
    oneByteIds += [UInt8](repeating: 0, count: 100 - oneByteIds.count)
    let older = try read(s.rebuilt(body: oneByteIds + Array(body[1007...])))
    XCTAssertEqual(older.table, try read(s.bytes).table)
  }

  // MARK: malformed

  func testUnknownVersionIsNamed() throws {
    let s = try split()
    XCTAssertThrowsError(try read(s.rebuilt(body: s.body, version: 1))) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.file, "edited.mpr")
      XCTAssertTrue(e?.message.contains("found version 1") ?? false, "\(error)")
    }
  }

  func testModuleShorterThanItsHeaderIsTruncated() throws {
    let s = try split()
    XCTAssertThrowsError(try read(s.rebuilt(body: Array(s.body[0..<500])))) { error in
      let message = (error as? InputError)?.message ?? ""
      XCTAssertTrue(message.contains("at least 1007 bytes, found 500 (truncated)"), message)
    }
    XCTAssertThrowsError(try read(s.rebuilt(body: Array(s.body[0..<5])))) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("truncated") ?? false, "\(error)")
    }
  }

  func testModuleWithFewerRecordsThanDeclared() throws {
    let s = try split()
    XCTAssertThrowsError(try read(s.rebuilt(body: Array(s.body[0..<(1007 + 61 * 10 + 7)])))) { error in
      let message = (error as? InputError)?.message ?? ""
      XCTAssertTrue(message.contains("1501 records of 61 bytes, the file holds 10 whole records (truncated)"), message)
    }
  }

  func testTooManyOneByteIdsForTheHeader() throws {
    var body = try split().body
    body[4] = 120  // 120 one-byte ids from byte 5 run past byte 100
    body[5] = 1
    let s = try split()
    XCTAssertThrowsError(try read(s.rebuilt(body: body))) { error in
      let message = (error as? InputError)?.message ?? ""
      XCTAssertTrue(message.contains("120 columns, more than its header"), message)
    }
  }
}
