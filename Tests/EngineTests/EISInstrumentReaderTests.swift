import Formats
import Foundation
import XCTest
@testable import Engine

/// Every instrument file of shared/data/eis: point counts and the first and last rows, copied by
/// eye from the files' text (the ZCURVE/segment/data lines quoted in each comment). The same
/// numbers were compared side by side with impedance.py 1.7.1's readers (identical to the last
/// digit, see the report).
final class EISInstrumentReaderTests: XCTestCase {
  typealias Row = (frequency: Double, real: Double, imaginary: Double)

  private func check(_ name: String, format: String, count: Int, first: Row, last: Row, file: StaticString = #filePath, line: UInt = #line) throws -> ImpedanceSpectrum {
    let spectra = try EISFixtures.read(name)
    XCTAssertEqual(spectra.count, 1, name, file: file, line: line)
    let spectrum = try XCTUnwrap(spectra.first, file: file, line: line)
    XCTAssertEqual(spectrum.metadata["format"], format, name, file: file, line: line)
    XCTAssertEqual(spectrum.count, count, name, file: file, line: line)
    for (index, row) in [(0, first), (count - 1, last)] where index < spectrum.count {
      XCTAssertEqual(spectrum.frequencies[index], row.frequency, "\(name) f[\(index)]", file: file, line: line)
      XCTAssertEqual(spectrum.real[index], row.real, "\(name) Z'[\(index)]", file: file, line: line)
      XCTAssertEqual(spectrum.imaginary[index], row.imaginary, "\(name) Z''[\(index)]", file: file, line: line)
    }
    return spectrum
  }

  func testAutolabZViewExport() throws {
    // "41" points; 10000,0,0,0,0.013785863964281,0.007191946305823,… and 0.1,…,0.0345697771923854,-0.00390292888845954
    _ = try check("exampleDataAutolab.txt", format: "autolab", count: 41,
                  first: (10000, 0.013785863964281, 0.007191946305823), last: (0.1, 0.0345697771923854, -0.00390292888845954))
  }

  func testGamryZCurve() throws {
    // Pt 0: 200015.6 Hz, Zreal 825.8584, Zimag -1367.239; Pt 71: 0.0158898 Hz, 17007.49, -6635.557.
    let spectrum = try check("exampleDataGamry.DTA", format: "gamry", count: 72,
                             first: (200015.6, 825.8584, -1367.239), last: (0.0158898, 17007.49, -6635.557))
    XCTAssertEqual(spectrum.metadata["date"], "4/23/2018")
    XCTAssertNil(spectrum.metadata["aborted"])
  }

  func testGamryWithCRLFLineEndings() throws {
    _ = try check("Chalco-in-buffer-50mV.DTA", format: "gamry", count: 72,
                  first: (200015.6, 825.8584, -1367.239), last: (0.0158898, 17007.49, -6635.557))
  }

  func testGamryAbortedSweepKeepsWhatWasMeasured() throws {
    // ZCURVE rows Pt 0…71 precede EXPERIMENTABORTED T; the FRACURVE table after it is not impedance.
    let spectrum = try check("exampleDataGamryABORT.DTA", format: "gamry", count: 72,
                             first: (200015.6, 825.8584, -1367.239), last: (0.0158898, 17007.49, -6635.557))
    XCTAssertEqual(spectrum.metadata["aborted"], "true")
  }

  func testBioLogicTextExportOfTheMPRTwin() throws {
    // exampleDataBioLogic.txt: freq/Hz Re(Z)/Ohm Im(Z)/Ohm (Z'' as is), 43 rows.
    _ = try check("exampleDataBioLogic.txt", format: "csv", count: 43,
                  first: (1.0003201E+003, 6.5470886E+001, -3.8998979E-001), last: (1.6895540E-002, 1.1097003E+002, -2.3458567E+000))
  }

  func testParstatKeepsOnlyTheImpedanceRecords() throws {
    // Lines 2…782 are DC records (frequency 0, Zre 0, Zim 0); lines 783…813 are the sweep.
    _ = try check("exampleDataParstat.txt", format: "parstat", count: 31,
                  first: (10000, -0.00049816280376104, 0.0175143479976367), last: (10, 0.0270946491457229, -0.00399791080333837))
  }

  func testVersaStudioSegment() throws {
    // Segment1: 0,0,…,100000,…,55.31571,4.575431,… to 0,60,…,0.02154435,…,1516.313,-122.8279,…
    _ = try check("exampleDataVersaStudio.par", format: "versastudio", count: 61,
                  first: (100000, 55.31571, 4.575431), last: (0.02154435, 1516.313, -122.8279))
  }

  func testZPlotWithHeader() throws {
    // The header declares 56 points, the file holds the first 21 (it is Circuit2_EIS_1.z cut short).
    let spectrum = try check("exampleDataZPlot.z", format: "zplot", count: 21,
                             first: (3.000000E+05, 1.4777E+02, -1.1335E+01), last: (3.000000E+03, 6.1368E+02, -1.3713E+02))
    XCTAssertEqual(spectrum.metadata["declared_points"], "56")
    XCTAssertNotNil(spectrum.metadata["note"])
  }

  func testZPlotWindowsDataFileWithoutComments() throws {
    _ = try check("exampleDataZPlot_noComments.z", format: "zplot", count: 31,
                  first: (3.000000E+05, 6.4262E+02, -8.5821E+01), last: (3.000000E+02, 1.3053E+03, -1.9501E+02))
  }

  func testZPlotCircuitFiles() throws {
    _ = try check("Circuit1_EIS_1.z", format: "zplot", count: 48, first: (5e4, 2.9036E+01, 6.3662E-01), last: (1, 7.5803E+01, -1.6244E-01))
    _ = try check("Circuit1_EIS_2.z", format: "zplot", count: 48, first: (5e4, 2.9001E+01, 5.9920E-01), last: (1, 7.5820E+01, -1.7374E-01))
    _ = try check("Circuit2_EIS_1.z", format: "zplot", count: 56, first: (3e5, 1.4777E+02, -1.1335E+01), last: (1, 6.5419E+02, 6.4271E-01))
    _ = try check("Circuit2_EIS_2.z", format: "zplot", count: 56, first: (3e5, 1.4768E+02, -1.1662E+01), last: (1, 6.5244E+02, -2.1180E+00))
    _ = try check("Circuit3_EIS_1.z", format: "zplot", count: 53, first: (1.5e5, 1.4937E+03, 1.0377E+01), last: (1, 6.1375E+03, 1.7890E+01))
    _ = try check("Circuit3_EIS_2.z", format: "zplot", count: 53, first: (1.5e5, 1.4920E+03, 1.1789E+01), last: (1, 6.1382E+03, -1.0151E+01))
  }

  func testPowerSuiteWithCRCRLFLineEnds() throws {
    _ = try check("exampleDataPowersuite.txt", format: "powersuite", count: 30,
                  first: (0.1, 423929.46, -49014.063), last: (2000000, -470.54113, -1397.7358))
  }

  func testCHInstruments() throws {
    // "Freq/Hz, Z'/ohm, Z"/ohm, Z/ohm, Phase/deg", a blank line, then 73 rows.
    _ = try check("exampleDataCHInstruments.txt", format: "chi", count: 73,
                  first: (9.961e+4, 9.891e+1, -2.748e+0), last: (1.000e-1, 5.685e+3, -1.586e+4))
  }

  func testIviumPrimaryData() throws {
    // primary_data: 3 columns, 26 rows of Z' Z'' f: "1.37548E+01  -1.87976E+00 1.00000E+05" … "9.28463E+01  -1.67393E+01 1.00000E+00".
    let spectrum = try check("exampleDataIvium.idf", format: "ivium", count: 26,
                             first: (1.00000E+05, 1.37548E+01, -1.87976E+00), last: (1.00000E+00, 9.28463E+01, -1.67393E+01))
    XCTAssertEqual(spectrum.metadata["method"], "Impedance")
  }

  func testEveryFixtureReadsOrFailsWithTheMissingColumnNamed() throws {
    let folder = try EISFixtures.url("")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }.sorted()
    XCTAssertEqual(names.count, 23)
    for name in names {
      do {
        let spectra = try EISFixtures.read(name)
        XCTAssertFalse(spectra.isEmpty, name)
        for spectrum in spectra {
          XCTAssertGreaterThan(spectrum.count, 20, name)
          XCTAssertTrue(spectrum.frequencies.allSatisfy { $0 > 0 }, name)
        }
      } catch let error as InputError {
        XCTAssertTrue(name.hasSuffix("_MissingFreq.mpt") || name.hasSuffix("_NoImZ.mpt"), "\(name): \(error)")
      }
    }
  }
}
