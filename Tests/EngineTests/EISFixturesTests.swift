import Formats
import Foundation
import XCTest
@testable import Engine

/// The instrument files copied from shared/data/eis (see Fixtures/eis/README.md).
enum EISFixtures {
  static func url(_ name: String) throws -> URL {
    let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "test bundle lacks Fixtures")
    return folder.appendingPathComponent("eis").appendingPathComponent(name)
  }

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: url(name))
  }

  static func text(_ name: String) throws -> String {
    let bytes = try data(name)
    return String(data: bytes, encoding: .utf8) ?? String(decoding: [UInt8](bytes), asLatin1: ())
  }

  static func read(_ name: String) throws -> [ImpedanceSpectrum] {
    try ImpedanceReader.read(contentsOf: url(name))
  }

  /// The InputError a reader throws for `text` saved as `name`.
  static func error(reading text: String, as name: String, format: ImpedanceFileFormat? = nil, file: StaticString = #filePath, line: UInt = #line) -> InputError? {
    do {
      let spectra = try ImpedanceReader.read(data: Data(text.utf8), fileName: name, format: format)
      XCTFail("expected an error, read \(spectra.count) spectra", file: file, line: line)
      return nil
    } catch let error as InputError {
      return error
    } catch {
      XCTFail("expected an InputError, got \(error)", file: file, line: line)
      return nil
    }
  }
}

final class EISFixturesTests: XCTestCase {
  func testEveryFixtureIsPresentWithItsAttribution() throws {
    let names = [
      "Chalco-in-buffer-50mV.DTA", "Circuit1_EIS_1.z", "exampleData.csv", "exampleDataAutolab.txt",
      "exampleDataBioLogic.mpr", "exampleDataBioLogic.mpt", "exampleDataIvium.idf", "exampleDataVersaStudio.par",
    ]
    for name in names {
      XCTAssertGreaterThan(try EISFixtures.data(name).count, 1000, name)
    }
    let readme = try String(contentsOf: EISFixtures.url("README.md"), encoding: .utf8)
    XCTAssertTrue(readme.contains("ECSHackWeek/impedance.py"))
    XCTAssertTrue(readme.contains("MIT"))
  }
}
