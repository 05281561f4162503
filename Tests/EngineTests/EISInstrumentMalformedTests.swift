import Formats
import Foundation
import XCTest
@testable import Engine

/// Broken and multi-spectrum variants of the instrument files, made by editing the fixtures' text.
final class EISInstrumentMalformedTests: XCTestCase {
  private func lines(_ name: String) throws -> [String] {
    try EISFixtures.text(name).replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
  }

  // MARK: Gamry

  func testGamryFileWithTwoZCurveTablesGivesTwoSpectra() throws {
    var text = try lines("exampleDataGamry.DTA")
    // Lines 446…520 are "ZCURVE TABLE", names, units and 72 rows; append them again as a second table.
    let table = Array(text[445..<520])
    XCTAssertEqual(table[0], "ZCURVE\tTABLE")
    text.append(contentsOf: table)
    let spectra = try ImpedanceReader.read(data: Data(text.joined(separator: "\n").utf8), fileName: "two.DTA")
    XCTAssertEqual(spectra.count, 2)
    XCTAssertEqual(spectra.map(\.count), [72, 72])
    XCTAssertEqual(spectra.map { $0.metadata["table"] }, ["1", "2"])
    XCTAssertNotEqual(spectra[0].name, spectra[1].name)
  }

  func testGamryNonNumericCellNamesLineAndColumn() throws {
    var text = try lines("exampleDataGamry.DTA")
    // Line 449 is "\t0\t1\t200015.6\t825.8584\t…": break the Zreal cell.
    text[448] = text[448].replacingOccurrences(of: "825.8584", with: "82x.8584")
    let error = try XCTUnwrap(EISFixtures.error(reading: text.joined(separator: "\n"), as: "bad.DTA"))
    XCTAssertEqual(error.line, 449)
    XCTAssertEqual(error.column, 15)  // "\t0\t1\t200015.6\t" is 14 characters
    XCTAssertTrue(error.message.contains("Zreal"), error.message)
  }

  func testGamryRaggedRowAndZeroFrequency() throws {
    var text = try lines("exampleDataGamry.DTA")
    var ragged = text
    ragged[459] = "\t10\t21\t25118.9"
    let raggedError = try XCTUnwrap(EISFixtures.error(reading: ragged.joined(separator: "\n"), as: "ragged.DTA"))
    XCTAssertEqual(raggedError.line, 460)
    XCTAssertTrue(raggedError.message.contains("ragged"), raggedError.message)
    text[448] = text[448].replacingOccurrences(of: "200015.6", with: "0")
    let zero = try XCTUnwrap(EISFixtures.error(reading: text.joined(separator: "\n"), as: "zero.DTA"))
    XCTAssertEqual(zero.line, 449)
    XCTAssertTrue(zero.message.contains("positive frequency"), zero.message)
  }

  func testGamryWithoutZCurveOrTruncatedAfterIt() throws {
    let text = try lines("exampleDataGamry.DTA")
    let noTable = try XCTUnwrap(EISFixtures.error(reading: text[0..<445].joined(separator: "\n"), as: "cv.DTA", format: .gamry))
    XCTAssertTrue(noTable.message.contains("ZCURVE"), noTable.message)
    let cut = try XCTUnwrap(EISFixtures.error(reading: text[0..<446].joined(separator: "\n"), as: "cut.DTA"))
    XCTAssertEqual(cut.line, 446)
    XCTAssertTrue(cut.message.contains("end of the file"), cut.message)
  }

  // MARK: ZPlot

  func testZPlotNonNumericAndRagged() throws {
    var text = try lines("exampleDataZPlot.z")
    text[124] = text[124].replacingOccurrences(of: "1.4893E+02", with: "--")
    let error = try XCTUnwrap(EISFixtures.error(reading: text.joined(separator: "\n"), as: "bad.z"))
    XCTAssertEqual(error.line, 125)
    XCTAssertTrue(error.message.contains("Z'(a)"), error.message)
    var ragged = try lines("exampleDataZPlot.z")
    ragged[130] = "3.000000E+04\t1.0000E-02"
    let raggedError = try XCTUnwrap(EISFixtures.error(reading: ragged.joined(separator: "\n"), as: "ragged.z"))
    XCTAssertEqual(raggedError.line, 131)
  }

  func testZPlotWithoutDataOrMarkers() throws {
    let text = try lines("exampleDataZPlot.z")
    let headerOnly = try XCTUnwrap(EISFixtures.error(reading: text[0..<123].joined(separator: "\n"), as: "header.z"))
    XCTAssertTrue(headerOnly.message.contains("found the end of the file") || headerOnly.message.contains("found none"), headerOnly.message)
    let noMarkers = try XCTUnwrap(EISFixtures.error(reading: text[0..<100].joined(separator: "\n"), as: "cut.z"))
    XCTAssertTrue(noMarkers.message.contains("End Comments"), noMarkers.message)
  }

  // MARK: VersaStudio

  func testVersaStudioTwoSegmentsGiveTwoSpectra() throws {
    var text = try lines("exampleDataVersaStudio.par")
    // Lines 113…178 are <Segment1>…</Segment1>; add a copy as Segment2 with its first 10 rows.
    var second = Array(text[112..<127])
    second[0] = "<Segment2>"
    second.append("</Segment2>")
    text.insert(contentsOf: second, at: 178)
    let spectra = try ImpedanceReader.read(data: Data(text.joined(separator: "\n").utf8), fileName: "two.par")
    XCTAssertEqual(spectra.map(\.count), [61, 11])
    XCTAssertEqual(spectra.map { $0.metadata["segment"] }, ["1", "2"])
  }

  func testVersaStudioUnclosedSegmentAndMissingColumns() throws {
    let text = try lines("exampleDataVersaStudio.par")
    let unclosed = try XCTUnwrap(EISFixtures.error(reading: text[0..<150].joined(separator: "\n"), as: "cut.par"))
    XCTAssertEqual(unclosed.line, 113)
    XCTAssertTrue(unclosed.message.contains("</Segment1>"), unclosed.message)
    var noZ = text
    noZ[115] = noZ[115].replacingOccurrences(of: "Frequency(Hz)", with: "Fx")
    let missing = try XCTUnwrap(EISFixtures.error(reading: noZ.joined(separator: "\n"), as: "nofreq.par"))
    XCTAssertTrue(missing.message.contains("Frequency(Hz)"), missing.message)
  }

  // MARK: Ivium

  func testIviumTruncatedAndBadCounts() throws {
    let bytes = try EISFixtures.data("exampleDataIvium.idf")
    let text = String(decoding: [UInt8](bytes), asLatin1: ())
    let marker = try XCTUnwrap(text.range(of: "1.80680E+01"))
    let cut = String(text[..<marker.lowerBound])
    let truncated = try XCTUnwrap(EISFixtures.error(reading: cut, as: "cut.idf"))
    XCTAssertTrue(truncated.message.contains("truncated"), truncated.message)
    let noBlock = try XCTUnwrap(EISFixtures.error(reading: "Version=12\nMethod=Impedance\n", as: "x.idf"))
    XCTAssertTrue(noBlock.message.contains("primary_data"), noBlock.message)
    let badCount = try XCTUnwrap(EISFixtures.error(reading: "primary_data\n3\nmany\n1 2 3\n", as: "y.idf"))
    XCTAssertEqual(badCount.line, 3)
  }

  // MARK: every reader

  func testEveryReaderNamesTheLineAndColumnOfABrokenCell() throws {
    // (file, a value of its first impedance row, that row's line as an editor counts LF lines)
    let cases: [(String, String, Int?)] = [
      ("exampleData.csv", "4.949989776405060160e-02", 1), ("exampleDataAutolab.txt", "0.013785863964281", 12),
      ("exampleDataParstat.txt", "-0.00049816280376104", 783), ("exampleDataVersaStudio.par", "55.31571", 117),
      ("exampleDataZPlot_noComments.z", "6.4262E+02", 11), ("exampleDataPowersuite.txt", "423929.46", 2),
      ("exampleDataCHInstruments.txt", "9.891e+1", 19), ("Circuit1_EIS_1.z", "2.9036E+01", 124),
      ("exampleDataBioLogic.mpt", "6.5470886E+001", 62), ("exampleDataGamryABORT.DTA", "825.8584", 100),
      // Ivium ends one line with a lone CR, which counts as a line end here: no editor line to compare.
      ("exampleDataIvium.idf", "1.37548E+01", nil),
    ]
    for (name, value, line) in cases {
      let bytes = [UInt8](try EISFixtures.data(name))
      let text = String(decoding: bytes, asLatin1: ())
      let range = try XCTUnwrap(text.range(of: value), name)
      let broken = text.replacingCharacters(in: range, with: "12#4")
      let data = Data(broken.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
      XCTAssertThrowsError(try ImpedanceReader.read(data: data, fileName: name), name) { error in
        let error = error as? InputError
        XCTAssertEqual(error?.file, name)
        if let line { XCTAssertEqual(error?.line, line, name) }
        XCTAssertNotNil(error?.column, name)
        XCTAssertTrue(error?.message.contains("'12#4'") ?? false, "\(name): \(String(describing: error))")
      }
    }
  }

  func testEveryFormatRejectsAnEmptyFile() {
    for format in ImpedanceFileFormat.allCases {
      XCTAssertThrowsError(try ImpedanceReader.read(data: Data(), fileName: "empty", format: format)) { error in
        XCTAssertTrue((error as? InputError)?.message.contains("empty file") ?? false, "\(format): \(error)")
      }
    }
  }

  // MARK: detection and the CLI's override

  func testFormatDetectionFromContentAndExtension() throws {
    let expected: [String: ImpedanceFileFormat] = [
      "exampleData.csv": .delimited, "exampleDataAutolab.txt": .autolab, "exampleDataGamry.DTA": .gamry,
      "exampleDataBioLogic.mpt": .bioLogicText, "exampleDataBioLogic.mpr": .bioLogicBinary,
      "exampleDataBioLogic.txt": .delimited, "exampleDataZPlot.z": .zplot, "exampleDataZPlot_noComments.z": .zplot,
      "exampleDataCHInstruments.txt": .chInstruments, "exampleDataParstat.txt": .parstat,
      "exampleDataVersaStudio.par": .versaStudio, "exampleDataIvium.idf": .ivium, "exampleDataPowersuite.txt": .powerSuite,
    ]
    for (name, format) in expected {
      XCTAssertEqual(ImpedanceFileFormat.detect(data: try EISFixtures.data(name), fileName: name), format, name)
    }
  }

  func testForcedWrongFormatFailsWithAClearMessage() throws {
    let data = try EISFixtures.data("exampleData.csv")
    XCTAssertThrowsError(try ImpedanceReader.read(data: data, fileName: "exampleData.csv", format: .gamry)) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.file, "exampleData.csv")
      XCTAssertTrue(error?.message.contains("ZCURVE") ?? false)
    }
    XCTAssertThrowsError(try ImpedanceReader.read(data: data, fileName: "exampleData.csv", format: .bioLogicBinary)) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("BIO-LOGIC MODULAR FILE") ?? false)
    }
  }
}
