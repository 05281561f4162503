import Formats
import Foundation
import XCTest
@testable import Engine

/// EC-Lab binary files (.mpr), checked against their text twins and against edited copies.
final class BioLogicBinaryTests: XCTestCase {
  /// Where things sit in exampleDataBioLogic.mpr, found from the format rather than assumed:
  /// the `MODULE` tag of `VMP data`, its 51-byte short header, then content: u32 point count,
  /// u8 column count, u16 ids from byte 5, records from byte 405 (data module version 2).
  private struct Layout {
    var bytes: [UInt8]
    var content: Int
    var ids: Int { content + 5 }
    var records: Int { content + 405 }
    var version: Int { content - 12 }
  }

  private func layout() throws -> Layout {
    let bytes = [UInt8](try EISFixtures.data("exampleDataBioLogic.mpr"))
    let tag = Array("MODULEVMP data".utf8)
    let start = try XCTUnwrap((0...(bytes.count - tag.count)).first { Array(bytes[$0..<($0 + tag.count)]) == tag })
    return Layout(bytes: bytes, content: start + 6 + 51)
  }

  private func read(_ bytes: [UInt8], name: String = "edited.mpr") throws -> BioLogicFile {
    try BioLogicFile(mprData: Data(bytes), fileName: name)
  }

  private func patchUInt16(_ bytes: inout [UInt8], at offset: Int, _ value: UInt16) {
    bytes[offset] = UInt8(value & 0xFF)
    bytes[offset + 1] = UInt8(value >> 8)
  }

  func testColumnsTechniqueAndModules() throws {
    let file = try BioLogicFile(mprData: EISFixtures.data("exampleDataBioLogic.mpr"), fileName: "exampleDataBioLogic.mpr")
    XCTAssertEqual(file.table.columnNames, [
      "freq/Hz", "Re(Z)/Ohm", "-Im(Z)/Ohm", "|Z|/Ohm", "Phase(Z)/deg", "time/s", "<Ewe>/V", "<I>/mA",
      "Cs/µF", "Cp/µF", "cycle number", "I Range", "|Ewe|/V", "|I|/A",
    ])
    XCTAssertEqual(file.table.rowCount, 43)
    XCTAssertNil(file.table.firstDataLine)
    XCTAssertEqual(file.techniqueID, 0x1D)
    XCTAssertEqual(file.technique, "Potentio Electrochemical Impedance Spectroscopy")
    XCTAssertEqual(file.metadata["data module version"], "2")
    XCTAssertEqual(file.metadata["settings date"], "02/04/18")
    XCTAssertEqual(file.table.column(named: "Cs/µF")?.unit, "µF")
  }

  func testEveryColumnAgreesWithTheMPTExport() throws {
    // The .mpt (same measurement) writes the float32 values with 8 digits, time with 16.
    let binary = try BioLogicFile(mprData: EISFixtures.data("exampleDataBioLogic.mpr"), fileName: "a.mpr").table
    let text = try BioLogicFile(mptData: EISFixtures.data("exampleDataBioLogic.mpt"), fileName: "a.mpt").table
    for column in binary.columns {
      let twin = try XCTUnwrap(text.column(named: column.name), column.name)
      XCTAssertEqual(column.values.count, twin.values.count, column.name)
      for (binaryValue, textValue) in zip(column.values, twin.values) {
        XCTAssertEqual(binaryValue, textValue, accuracy: 1e-7 * max(abs(textValue), 1e-30), column.name)
      }
    }
  }

  func testImpedanceAgreesWithTheTXTTwin() throws {
    let binary = try XCTUnwrap(EISFixtures.read("exampleDataBioLogic.mpr").first)
    let text = try XCTUnwrap(EISFixtures.read("exampleDataBioLogic.txt").first)
    XCTAssertEqual(binary.count, 43)
    XCTAssertEqual(binary.count, text.count)
    for index in 0..<43 {
      XCTAssertEqual(binary.frequencies[index], text.frequencies[index], accuracy: 1e-7 * text.frequencies[index])
      XCTAssertEqual(binary.real[index], text.real[index], accuracy: 1e-7 * abs(text.real[index]))
      XCTAssertEqual(binary.imaginary[index], text.imaginary[index], accuracy: 1e-7 * abs(text.imaginary[index]))
    }
    XCTAssertEqual(binary.metadata["format"], "biologic-mpr")
  }

  func testSeveralCyclesGiveSeveralSpectra() throws {
    var layout = try layout()
    // Record = 62 bytes; "cycle number" (id 24, float64) sits at byte 44 of it (5×4 + 8 + 4×4).
    let two = Array(withUnsafeBytes(of: (2.0).bitPattern.littleEndian) { Array($0) })
    for record in 20..<43 {
      let at = layout.records + record * 62 + 44
      layout.bytes.replaceSubrange(at..<(at + 8), with: two)
    }
    let spectra = try read(layout.bytes).impedanceSpectra(name: "loops.mpr")
    XCTAssertEqual(spectra.map(\.count), [20, 23])
    XCTAssertEqual(spectra.map { $0.metadata["cycle number"] }, ["1", "2"])
  }

  func testDataModuleVersion3HasOneMoreHeaderByte() throws {
    // Version 3 starts its records at byte 406 instead of 405; rebuild the file that way.
    var layout = try layout()
    let lengthField = layout.content - 16
    let length = Int(MPRModule.uint32(layout.bytes, at: lengthField)) + 1
    layout.bytes.insert(0x01, at: layout.records)
    for index in 0..<4 { layout.bytes[lengthField + index] = UInt8((length >> (8 * index)) & 0xFF) }
    layout.bytes[layout.version] = 3
    let version3 = try read(layout.bytes)
    let version2 = try BioLogicFile(mprData: EISFixtures.data("exampleDataBioLogic.mpr"), fileName: "a.mpr")
    XCTAssertEqual(version3.metadata["data module version"], "3")
    XCTAssertEqual(version3.table, version2.table)
  }

  func testLongModuleHeadersOfNewerECLab() throws {
    // EC-Lab ≥ 11.50 writes FF FF FF FF, then length, version, an unknown u32 before the date.
    let original = try layout().bytes
    var rebuilt = Array(original[0..<52])
    var offset = 52
    while offset < original.count {
      let header = offset + 6
      let length = Int(MPRModule.uint32(original, at: header + 35))
      rebuilt += original[offset..<(header + 35)]
      rebuilt += [0xFF, 0xFF, 0xFF, 0xFF]
      rebuilt += original[(header + 35)..<(header + 43)]  // length, version
      rebuilt += [10, 0, 0, 0]
      rebuilt += original[(header + 43)..<(header + 51 + length)]  // date and content
      offset = header + 51 + length
    }
    let newer = try read(rebuilt)
    let older = try read(original)
    XCTAssertEqual(newer.table, older.table)
    XCTAssertEqual(newer.metadata["settings date"], "02/04/18")
  }

  // MARK: unknown column ids

  func testOneUnknownColumnIdIsSkippedWhenTheRecordSizeShowsItsWidth() throws {
    var layout = try layout()
    // Column 9 is id 169 (Cs/µF, float32): call it 999.
    XCTAssertEqual(Int(layout.bytes[layout.ids + 16]) | Int(layout.bytes[layout.ids + 17]) << 8, 169)
    patchUInt16(&layout.bytes, at: layout.ids + 16, 999)
    let file = try read(layout.bytes)
    XCTAssertNil(file.table.column(named: "Cs/µF"))
    XCTAssertEqual(file.table.columns.count, 13)
    XCTAssertTrue(file.metadata["skipped columns"]?.contains("999") ?? false)
    let reference = try BioLogicFile(mprData: EISFixtures.data("exampleDataBioLogic.mpr"), fileName: "a.mpr")
    XCTAssertEqual(file.table.column(named: "Cp/µF"), reference.table.column(named: "Cp/µF"))
    let spectrum = try XCTUnwrap(file.impedanceSpectra(name: "x").first)
    let expected = try XCTUnwrap(reference.impedanceSpectra(name: "x").first)
    XCTAssertEqual(spectrum.frequencies, expected.frequencies)
    XCTAssertEqual(spectrum.real, expected.real)
    XCTAssertEqual(spectrum.imaginary, expected.imaginary)
  }

  func testTwoUnknownColumnIdsFailNamingThem() throws {
    var layout = try layout()
    patchUInt16(&layout.bytes, at: layout.ids + 16, 998)
    patchUInt16(&layout.bytes, at: layout.ids + 18, 999)
    XCTAssertThrowsError(try read(layout.bytes)) { error in
      let message = (error as? InputError)?.message ?? ""
      XCTAssertTrue(message.contains("998") && message.contains("999"), message)
      XCTAssertTrue(message.contains("after '<I>/mA'"), message)
    }
  }

  // MARK: malformed

  func testTruncatedFilesSayTruncated() throws {
    let bytes = try layout().bytes
    for length in [30, 60, 1000, 2100, 3000, 8000] {
      XCTAssertThrowsError(try read(Array(bytes[0..<length])), "length \(length)") { error in
        let error = error as? InputError
        XCTAssertEqual(error?.file, "edited.mpr")
        XCTAssertTrue(error?.message.contains("truncated") ?? false, "\(length): \(String(describing: error))")
      }
    }
  }

  func testMorePointsDeclaredThanRecordsPresent() throws {
    var layout = try layout()
    layout.bytes[layout.content] = 44
    XCTAssertThrowsError(try read(layout.bytes)) { error in
      let message = (error as? InputError)?.message ?? ""
      XCTAssertTrue(message.contains("44 records") && message.contains("truncated"), message)
    }
  }

  func testWrongMagicAndUnknownDataVersion() throws {
    var layout = try layout()
    var wrong = layout.bytes
    wrong.replaceSubrange(0..<9, with: Array("BIO-LOGIX".utf8))
    XCTAssertThrowsError(try read(wrong)) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("BIO-LOGIC MODULAR FILE") ?? false, "\(error)")
    }
    layout.bytes[layout.version] = 7
    XCTAssertThrowsError(try read(layout.bytes)) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("version 7") ?? false, "\(error)")
    }
    XCTAssertThrowsError(try ImpedanceReader.read(data: Data(), fileName: "empty.mpr")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("empty") ?? false, "\(error)")
    }
  }

  func testCorruptModuleTag() throws {
    var layout = try layout()
    layout.bytes[layout.content - 57] = UInt8(ascii: "X")
    XCTAssertThrowsError(try read(layout.bytes)) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("expected 'MODULE'") ?? false, "\(error)")
    }
  }
}
