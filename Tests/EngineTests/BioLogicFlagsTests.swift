import Formats
import Foundation
import XCTest
@testable import Engine

/// Cycling-style `.mpr` records with flag columns, built byte by byte so every value is known:
/// ids 1 (mode, bits 0–1), 2 (ox/red, bit 2) and 3 (error, bit 3) share one byte placed where the
/// first of them appears; then time/s (id 4, float64), Ewe/V (id 6, float32), I/mA (id 8,
/// float32), half cycle (id 212, uint32). Record: 1 + 8 + 4 + 4 + 4 = 21 bytes.
final class BioLogicFlagsTests: XCTestCase {
  private func module(_ shortName: String, version: UInt32, content: [UInt8]) -> [UInt8] {
    var bytes = Array("MODULE".utf8)
    bytes += Array(shortName.utf8) + [UInt8](repeating: 0x20, count: 10 - shortName.utf8.count)
    bytes += [UInt8](repeating: 0x20, count: 25)
    bytes += le(UInt32(content.count)) + le(version) + Array("11/24/26".utf8)
    return bytes + content
  }

  private func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
  }

  private func file(records: [(flags: UInt8, time: Double, ewe: Float, current: Float, halfCycle: UInt32)]) -> Data {
    var data = [UInt8](repeating: 0, count: 405)
    data.replaceSubrange(0..<4, with: le(UInt32(records.count)))
    let ids: [UInt16] = [1, 2, 3, 4, 6, 8, 212]
    data[4] = UInt8(ids.count)
    for (index, id) in ids.enumerated() { data.replaceSubrange((5 + 2 * index)..<(7 + 2 * index), with: le(id)) }
    for record in records {
      data += [record.flags] + le(record.time.bitPattern) + le(record.ewe.bitPattern) + le(record.current.bitPattern) + le(record.halfCycle)
    }
    var bytes = BioLogicFile.binaryMagic
    bytes += module("VMP Set", version: 0, content: [0x06] + [UInt8](repeating: 0, count: 20))
    bytes += module("VMP data", version: 2, content: data)
    return Data(bytes)
  }

  func testFlagBitsAndTypedColumns() throws {
    let data = file(records: [
      (0b0000_0001, 0.5, 3.75, 1.5, 0),   // mode 1, reduction, no error
      (0b0000_0110, 1.0, 3.5, -1.5, 1),   // mode 2, oxidation
      (0b0000_1111, 1.5, 4.25, 0, 2),     // mode 3, oxidation, error
    ])
    let file = try BioLogicFile(mprData: data, fileName: "gcpl.mpr")
    XCTAssertEqual(file.table.columnNames, ["mode", "ox/red", "error", "time/s", "Ewe/V", "I/mA", "half cycle"])
    XCTAssertEqual(file.table.column(named: "mode")?.values, [1, 2, 3])
    XCTAssertEqual(file.table.column(named: "ox/red")?.values, [0, 1, 1])
    XCTAssertEqual(file.table.column(named: "error")?.values, [0, 0, 1])
    XCTAssertEqual(file.table.column(named: "time/s")?.values, [0.5, 1.0, 1.5])
    XCTAssertEqual(file.table.column(named: "Ewe/V")?.values, [3.75, 3.5, 4.25])
    XCTAssertEqual(file.table.column(named: "I/mA")?.values, [1.5, -1.5, 0])
    XCTAssertEqual(file.table.column(named: "I/mA")?.unit, "mA")
    XCTAssertEqual(file.table.column(named: "half cycle")?.values, [0, 1, 2])
    XCTAssertEqual(file.techniqueID, 6)
    XCTAssertNil(file.technique)
    // Not an impedance file: the spectrum view says what is missing.
    XCTAssertThrowsError(try file.impedanceSpectra(name: "gcpl.mpr")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("'freq/Hz'") ?? false, "\(error)")
    }
  }

  func testEmptyDataModuleGivesAnEmptyTable() throws {
    let file = try BioLogicFile(mprData: file(records: []), fileName: "empty.mpr")
    XCTAssertEqual(file.table.rowCount, 0)
    XCTAssertEqual(file.table.columns.count, 7)
  }
}
