import Formats
import Foundation
import XCTest
@testable import Engine

/// The generic table reader. Expected values are copied from the files' own text.
final class EISDelimitedReaderTests: XCTestCase {
  func testHeaderlessCSVReadsFrequencyRealImaginary() throws {
    let spectra = try EISFixtures.read("exampleData.csv")
    XCTAssertEqual(spectra.count, 1)
    let spectrum = spectra[0]
    // 66 lines, 66 points (shared/data/README.md says 66 too).
    XCTAssertEqual(spectrum.count, 66)
    // First line: 3.162299999999999833e-03,4.949989776405060160e-02,-2.043869854441892481e-02
    XCTAssertEqual(spectrum.frequencies[0], 3.162299999999999833e-03)
    XCTAssertEqual(spectrum.real[0], 4.949989776405060160e-02)
    XCTAssertEqual(spectrum.imaginary[0], -2.043869854441892481e-02)
    // Last line: 1.000000000000000000e+04,1.577148266048593317e-02,1.015747456493823649e-02
    XCTAssertEqual(spectrum.frequencies[65], 1e4)
    XCTAssertEqual(spectrum.real[65], 1.577148266048593317e-02)
    XCTAssertEqual(spectrum.imaginary[65], 1.015747456493823649e-02)
    XCTAssertEqual(spectrum.metadata["format"], "csv")
  }

  func testHeaderWithMinusZImagAndUnitsConvertsSignAndUnits() throws {
    let text = """
    Index;Frequency (kHz);Z' (kΩ);-Z'' (kΩ)
    1;1,5;2,0;0,25
    2;0,1;3,0;1,5
    """
    let spectra = try ImpedanceReader.read(data: Data(text.utf8), fileName: "nova.txt")
    XCTAssertEqual(spectra[0].frequencies, [1500, 100])
    XCTAssertEqual(spectra[0].real, [2000, 3000])
    XCTAssertEqual(spectra[0].imaginary, [-250, -1500])
  }

  func testSnakeCaseNamesWithUnitWordsAreRecognised() throws {
    // The column names of `glovebox eis read --json` and of the example workspace's CSV files.
    let text = """
    frequency_hz,z_real_ohm,z_imag_ohm
    1e+06,18.345964,-1.3913717
    0.1,40.5,-900.25
    """
    let spectra = try ImpedanceReader.read(data: Data(text.utf8), fileName: "pellet.csv")
    XCTAssertEqual(spectra.count, 1)
    XCTAssertEqual(spectra[0].frequencies, [1e6, 0.1])
    XCTAssertEqual(spectra[0].real, [18.345964, 40.5])
    XCTAssertEqual(spectra[0].imaginary, [-1.3913717, -900.25])
    // A unit word that is not a unit stays part of the name: `z_real_x` is not a known column.
    XCTAssertNil(ImpedanceColumnNames.recognise("z_real_x"))
    XCTAssertEqual(ImpedanceColumnNames.recognise("freq_khz")?.scale, 1e3)
  }

  func testNOVAAsciiExportIsRecognised() throws {
    // NOVA's ASCII export: semicolons, −Z'' and −phase; Z'' = −(−Z''), φ = −(−φ).
    let text = "Index;Frequency (Hz);Z' (Ω);-Z'' (Ω);Z (Ω);-Phase (°);Time (s)\n"
      + "1;100000;10;2;10.198039;11.309932;0.5\n2;0,1;50;20;53.851648;21.801409;30\n"
    let data = Data(text.utf8)
    XCTAssertEqual(ImpedanceFileFormat.detect(data: data, fileName: "nova.txt"), .autolab)
    let spectrum = try XCTUnwrap(ImpedanceReader.read(data: data, fileName: "nova.txt").first)
    XCTAssertEqual(spectrum.metadata["format"], "autolab")
    XCTAssertEqual(spectrum.frequencies, [100000, 0.1])
    XCTAssertEqual(spectrum.real, [10, 50])
    XCTAssertEqual(spectrum.imaginary, [-2, -20])
  }

  func testModulusAndPhaseConvertToRealAndImaginary() throws {
    // |Z| = 2 Ω at −30°: Z' = 2 cos 30° = √3, Z'' = −2 sin 30° = −1. |Z| = 5 at −90°: Z' = 0, Z'' = −5.
    let text = "freq/Hz\t|Z|/Ohm\tPhase(Z)/deg\n100\t2\t-30\n10\t5\t-90\n"
    let spectrum = try XCTUnwrap(ImpedanceReader.read(data: Data(text.utf8), fileName: "polar.tsv").first)
    XCTAssertEqual(spectrum.real[0], 3.0.squareRoot(), accuracy: 1e-12)
    XCTAssertEqual(spectrum.imaginary[0], -1, accuracy: 1e-12)
    XCTAssertEqual(spectrum.real[1], 0, accuracy: 1e-12)
    XCTAssertEqual(spectrum.imaginary[1], -5, accuracy: 1e-12)
  }

  func testGivenColumnsOverrideTheDefault() throws {
    let text = "1 10 -99 2\n2 20 -98 3\n"
    let layout = try ImpedanceColumnLayout.parse("f,re,_,-im")
    let spectrum = try XCTUnwrap(ImpedanceReader.read(data: Data(text.utf8), fileName: "given.dat", columns: layout).first)
    XCTAssertEqual(spectrum.frequencies, [1, 2])
    XCTAssertEqual(spectrum.real, [10, 20])
    XCTAssertEqual(spectrum.imaginary, [-2, -3])
  }

  func testColumnListRejectsUnknownNamesWithTheirPosition() {
    XCTAssertThrowsError(try ImpedanceColumnLayout.parse("f,re,imag2")) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.column, 3)
      XCTAssertTrue(error?.message.contains("imag2") ?? false)
    }
    XCTAssertThrowsError(try ImpedanceColumnLayout.parse("re,im")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("no frequency column") ?? false)
    }
  }

  // MARK: malformed input

  func testNonNumericCellNamesFileLineAndColumn() throws {
    let error = try XCTUnwrap(EISFixtures.error(reading: "1,2,-3\n2,x1,-4\n", as: "bad.csv"))
    XCTAssertEqual(error.file, "bad.csv")
    XCTAssertEqual(error.line, 2)
    XCTAssertEqual(error.column, 3)
    XCTAssertTrue(error.message.contains("'x1'"), error.message)
    XCTAssertEqual(error.description, "bad.csv:2:3: " + error.message)
  }

  func testBrokenCellInTheFirstRowIsNotTakenForAHeader() throws {
    let headerless = try XCTUnwrap(EISFixtures.error(reading: "1,abc,-2\n3,4,-5\n", as: "first.csv"))
    XCTAssertEqual(headerless.line, 1)
    XCTAssertEqual(headerless.column, 3)
    XCTAssertTrue(headerless.message.contains("'abc'"), headerless.message)
    let withHeader = try XCTUnwrap(EISFixtures.error(reading: "freq,Zre,Zim\n1,,-2\n3,4,-5\n", as: "second.csv"))
    XCTAssertEqual(withHeader.line, 2)
    XCTAssertEqual(withHeader.column, 3)
    XCTAssertTrue(withHeader.message.contains("empty cell"), withHeader.message)
  }

  func testMissingFrequencyColumnIsNamed() throws {
    let error = try XCTUnwrap(EISFixtures.error(reading: "Zre,Zim\n1,-2\n3,-4\n", as: "nofreq.csv"))
    XCTAssertEqual(error.line, 1)
    XCTAssertTrue(error.message.contains("no frequency column"), error.message)
  }

  func testMissingImaginaryColumnIsNamed() throws {
    let error = try XCTUnwrap(EISFixtures.error(reading: "freq,Zre,Ewe\n1,1,-2\n3,3,-4\n", as: "noim.csv"))
    XCTAssertTrue(error.message.contains("imaginary"), error.message)
  }

  func testRaggedRowIsRejected() throws {
    let error = try XCTUnwrap(EISFixtures.error(reading: "f,Zre,Zim\n1,2,-3\n2,3\n", as: "ragged.csv"))
    XCTAssertEqual(error.line, 3)
    XCTAssertTrue(error.message.contains("ragged"), error.message)
  }

  func testEmptyFileIsRejected() throws {
    let error = try XCTUnwrap(EISFixtures.error(reading: "", as: "empty.csv"))
    XCTAssertTrue(error.message.contains("empty"), error.message)
    let blank = try XCTUnwrap(EISFixtures.error(reading: "\n  \n", as: "blank.csv"))
    XCTAssertTrue(blank.message.contains("empty"), blank.message)
  }

  func testZeroAndNegativeFrequenciesAreFlagged() throws {
    let zero = try XCTUnwrap(EISFixtures.error(reading: "10,1,-1\n0,2,-2\n", as: "zero.csv"))
    XCTAssertEqual(zero.line, 2)
    XCTAssertEqual(zero.column, 1)
    XCTAssertTrue(zero.message.contains("positive frequency"), zero.message)
    let negative = try XCTUnwrap(EISFixtures.error(reading: "10,1,-1\n-5,2,-2\n", as: "negative.csv"))
    XCTAssertEqual(negative.line, 2)
  }

  func testHeaderOnlyFileHasNoData() throws {
    let error = try XCTUnwrap(EISFixtures.error(reading: "freq,Zre,Zim\n", as: "header.csv"))
    XCTAssertTrue(error.message.contains("found none"), error.message)
  }
}

/// Header dialects and decimal commas of other instruments' exports (issue 11 §3).
final class EISHeaderDialectTests: XCTestCase {
  func testZahnerStyleHeadersAndTabSeparatedDecimalCommas() throws {
    // Zs'/Zs'' with bracketed units, tab-separated, decimal commas (a German-locale export).
    let text = "Frequency[Hz]\tZs'[ohm]\tZs''[ohm]\n1000,5\t12,25\t-3,5\n10\t20\t-30,75\n"
    let spectra = try ImpedanceReader.read(data: Data(text.utf8), fileName: "zahner.txt")
    XCTAssertEqual(spectra[0].frequencies, [1000.5, 10])
    XCTAssertEqual(spectra[0].real, [12.25, 20])
    XCTAssertEqual(spectra[0].imaginary, [-3.5, -30.75])
  }

  func testRealAndImagFunctionNames() throws {
    XCTAssertEqual(ImpedanceColumnNames.recognise("Real(Z) (Ohm)")?.quantity, .real)
    XCTAssertEqual(ImpedanceColumnNames.recognise("-Imag(Z) (Ohm)")?.quantity, .negativeImaginary)
    XCTAssertEqual(ImpedanceColumnNames.recognise("Z' (Ω)")?.quantity, .real)
    XCTAssertEqual(ImpedanceColumnNames.recognise("Zs''[kohm]")?.scale, 1e3)
  }
}
