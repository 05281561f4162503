import Formats
import Foundation
import XCTest
@testable import Engine

/// EC-Lab text exports (.mpt): the table API the cycling reader builds on, the impedance view,
/// and the malformed exports of shared/data/eis.
final class BioLogicTextTests: XCTestCase {
  private func mptLines() throws -> [String] {
    try EISFixtures.text("exampleDataBioLogic.mpt").components(separatedBy: "\n")
  }

  private func read(_ lines: [String], name: String = "edited.mpt") throws -> BioLogicFile {
    try BioLogicFile(mptData: Data(lines.joined(separator: "\n").utf8), fileName: name)
  }

  func testTableColumnsUnitsAndHeaderFacts() throws {
    let file = try BioLogicFile(mptData: EISFixtures.data("exampleDataBioLogic.mpt"), fileName: "exampleDataBioLogic.mpt")
    XCTAssertEqual(file.technique, "Potentio Electrochemical Impedance Spectroscopy")
    XCTAssertEqual(file.metadata["Acquisition started on"], "02/04/2018 10:02:46")
    XCTAssertEqual(file.metadata["Device"], "SP-150 (SN 10791079)")
    let table = file.table
    // Line 61: 18 names; lines 62…104: 43 rows.
    XCTAssertEqual(table.columns.count, 18)
    XCTAssertEqual(table.rowCount, 43)
    XCTAssertEqual(table.firstDataLine, 62)
    XCTAssertEqual(Array(table.columnNames.prefix(6)), ["freq/Hz", "Re(Z)/Ohm", "-Im(Z)/Ohm", "|Z|/Ohm", "Phase(Z)/deg", "time/s"])
    XCTAssertEqual(table.column(named: "freq/Hz")?.unit, "Hz")
    XCTAssertEqual(table.column(named: "Phase(Z)/deg")?.unit, "deg")
    XCTAssertEqual(table.column(named: "Re(Y)/Ohm-1")?.unit, "Ohm-1")
    XCTAssertEqual(table.column(named: "cycle number")?.unit, "")
    XCTAssertEqual(table.column(namedAnyOf: ["Ewe/V", "<Ewe>/V"])?.name, "<Ewe>/V")
    // Line 62: time/s 7.836904905780102E-001, I Range 11; line 104: time/s 2.885022309564229E+002, I Range 12.
    XCTAssertEqual(table.column(named: "time/s")?.values.first, 7.836904905780102E-001)
    XCTAssertEqual(table.column(named: "time/s")?.values.last, 2.885022309564229E+002)
    XCTAssertEqual(table.column(named: "I Range")?.values.first, 11)
    XCTAssertEqual(table.column(named: "I Range")?.values.last, 12)
    XCTAssertEqual(ECLabColumn.unit(ofName: "ox/red"), "")
    XCTAssertEqual(ECLabColumn.unit(ofName: "(Q-Qo)/mA.h"), "mA.h")
  }

  func testColumnSelectionKeepsOnlyTheNamedColumns() throws {
    let wanted: Set<String> = ["time/s", "<Ewe>/V", "cycle number"]
    let text = try BioLogicFile(contentsOf: EISFixtures.url("exampleDataBioLogic.mpt"), columns: wanted)
    let binary = try BioLogicFile(contentsOf: EISFixtures.url("exampleDataBioLogic.mpr"), columns: wanted)
    XCTAssertEqual(text.table.columnNames, ["time/s", "<Ewe>/V", "cycle number"])
    XCTAssertEqual(binary.table.columnNames, ["time/s", "<Ewe>/V", "cycle number"])
    XCTAssertEqual(text.table.rowCount, 43)
    // The .mpt writes time/s with 16 digits of the .mpr's float64.
    let binaryTime = try XCTUnwrap(binary.table.column(named: "time/s")?.values)
    let textTime = try XCTUnwrap(text.table.column(named: "time/s")?.values)
    for (b, t) in zip(binaryTime, textTime) { XCTAssertEqual(b, t, accuracy: 1e-14 * t) }
  }

  func testImpedanceSpectrumNegatesMinusImZ() throws {
    let spectra = try EISFixtures.read("exampleDataBioLogic.mpt")
    XCTAssertEqual(spectra.count, 1)
    let spectrum = spectra[0]
    XCTAssertEqual(spectrum.count, 43)
    // Line 62: 1.0003201E+003 6.5470886E+001 3.8998979E-001 (−Im Z); line 104: 1.6895540E-002 1.1097003E+002 2.3458567E+000.
    XCTAssertEqual(spectrum.frequencies[0], 1.0003201E+003)
    XCTAssertEqual(spectrum.real[0], 6.5470886E+001)
    XCTAssertEqual(spectrum.imaginary[0], -3.8998979E-001)
    XCTAssertEqual(spectrum.frequencies[42], 1.6895540E-002)
    XCTAssertEqual(spectrum.real[42], 1.1097003E+002)
    XCTAssertEqual(spectrum.imaginary[42], -2.3458567E+000)
    XCTAssertEqual(spectrum.metadata["technique"], "Potentio Electrochemical Impedance Spectroscopy")
    XCTAssertEqual(spectrum.metadata["cycle number"], "1")
  }

  func testMalformedExportsNameTheMissingColumn() throws {
    // Both headers name 17 columns while every row keeps all 18 values.
    for (name, missing) in [("exampleDataBioLogic_MissingFreq.mpt", "'freq/Hz'"), ("exampleDataBioLogic_NoImZ.mpt", "'-Im(Z)/Ohm'")] {
      XCTAssertThrowsError(try EISFixtures.read(name)) { error in
        let error = error as? InputError
        XCTAssertEqual(error?.line, 62, name)
        XCTAssertTrue(error?.file?.hasSuffix(name) ?? false, name)
        XCTAssertTrue(error?.message.contains(missing) ?? false, "\(name): \(String(describing: error))")
        XCTAssertTrue(error?.message.contains("found 18") ?? false, "\(name): \(String(describing: error))")
      }
    }
  }

  /// Removes cell `index` from the header and every data row.
  private func dropping(column index: Int, from lines: [String]) -> [String] {
    lines.enumerated().map { number, line in
      guard number >= 60, !line.isEmpty else { return line }
      var cells = line.components(separatedBy: "\t")
      cells.remove(at: index)
      return cells.joined(separator: "\t")
    }
  }

  func testConsistentExportWithoutImZReadsFromModulusAndPhase() throws {
    let lines = try mptLines()
    let spectrum = try XCTUnwrap(try read(dropping(column: 2, from: lines)).impedanceSpectra(name: "noimz.mpt").first)
    let reference = try XCTUnwrap(EISFixtures.read("exampleDataBioLogic.mpt").first)
    XCTAssertEqual(spectrum.count, 43)
    // |Z| cos φ and |Z| sin φ from 8-digit |Z| and φ agree with the written Z' and −Im(Z) to ~1e-7.
    for index in 0..<43 {
      let modulus = (reference.real[index] * reference.real[index] + reference.imaginary[index] * reference.imaginary[index]).squareRoot()
      XCTAssertEqual(spectrum.real[index], reference.real[index], accuracy: 2e-7 * modulus)
      XCTAssertEqual(spectrum.imaginary[index], reference.imaginary[index], accuracy: 2e-7 * modulus)
    }
  }

  func testConsistentExportWithoutFrequencyFailsNamingIt() throws {
    let file = try read(dropping(column: 0, from: try mptLines()))
    XCTAssertThrowsError(try file.impedanceSpectra(name: "nofreq.mpt")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("'freq/Hz'") ?? false, "\(error)")
    }
  }

  func testSeveralCyclesGiveSeveralSpectra() throws {
    var lines = try mptLines()
    // Rows 21…43 (lines 82…104) become cycle 2: cell 11 is "cycle number".
    for number in 81..<104 {
      var cells = lines[number].components(separatedBy: "\t")
      cells[10] = "2.000000000000000E+000"
      lines[number] = cells.joined(separator: "\t")
    }
    let spectra = try read(lines).impedanceSpectra(name: "loops.mpt")
    XCTAssertEqual(spectra.map(\.count), [20, 23])
    XCTAssertEqual(spectra.map { $0.metadata["cycle number"] }, ["1", "2"])
    // Row 21 of the sweep (line 22 of the .txt twin): 5.3364062E+000 Hz.
    XCTAssertEqual(spectra[1].frequencies[0], 5.3364062E+000)
    XCTAssertNotEqual(spectra[0].name, spectra[1].name)
    // A "z cycle" column takes precedence over "cycle number".
    lines[60] = lines[60].replacingOccurrences(of: "cycle number", with: "z cycle")
    let byZCycle = try read(lines).impedanceSpectra(name: "z.mpt")
    XCTAssertEqual(byZCycle.map { $0.metadata["z cycle"] }, ["1", "2"])
  }

  func testDecimalCommaExport() throws {
    var lines = try mptLines()
    for number in 61..<104 { lines[number] = lines[number].replacingOccurrences(of: ".", with: ",") }
    let spectrum = try XCTUnwrap(try read(lines).impedanceSpectra(name: "comma.mpt").first)
    XCTAssertEqual(spectrum.frequencies[0], 1.0003201E+003)
    XCTAssertEqual(spectrum.imaginary[42], -2.3458567E+000)
  }

  // MARK: malformed

  func testNonNumericCellNamesLineColumnAndName() throws {
    var lines = try mptLines()
    // Line 71 is "9.4908844E+001\t6.3480858E+001\t…"; break its Re(Z).
    lines[70] = lines[70].replacingOccurrences(of: "6.3480858E+001", with: "6.3480858E+0x1")
    XCTAssertThrowsError(try read(lines)) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.line, 71)
      XCTAssertEqual(error?.column, 16)  // the 15-character frequency cell and a tab come first
      XCTAssertTrue(error?.message.contains("Re(Z)/Ohm") ?? false, "\(String(describing: error))")
    }
  }

  func testTruncatedHeaderAndBadHeaderCount() throws {
    let lines = try mptLines()
    XCTAssertThrowsError(try read(Array(lines[0..<30]))) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("truncated") ?? false, "\(error)")
    }
    var bad = lines
    bad[1] = "Nb header lines : many"
    XCTAssertThrowsError(try read(bad)) { error in
      XCTAssertEqual((error as? InputError)?.line, 2)
    }
    XCTAssertThrowsError(try BioLogicFile(mptData: Data(), fileName: "empty.mpt")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("empty") ?? false, "\(error)")
    }
  }

  func testHeaderWithoutRowsAndZeroFrequency() throws {
    let lines = try mptLines()
    XCTAssertThrowsError(try read(Array(lines[0..<61])).impedanceSpectra(name: "norows.mpt")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("found none") ?? false, "\(error)")
    }
    var zero = lines
    zero[63] = "0.0000000E+000" + zero[63].drop { $0 != "\t" }
    XCTAssertThrowsError(try read(zero).impedanceSpectra(name: "zero.mpt")) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.line, 64)
      XCTAssertTrue(error?.message.contains("positive frequency") ?? false, "\(String(describing: error))")
    }
  }
}
