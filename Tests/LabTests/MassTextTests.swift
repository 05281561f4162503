import Engine
import Formats
import XCTest

@testable import Lab

final class MassTextTests: XCTestCase {
  func testUnits() throws {
    XCTAssertEqual(try MassText.grams("2g"), 2)
    XCTAssertEqual(try MassText.grams(" 2 g "), 2)
    XCTAssertEqual(try MassText.grams("500mg"), 0.5, accuracy: 1e-15)
    XCTAssertEqual(try MassText.grams("0.25kg"), 250)
    XCTAssertEqual(try MassText.grams("1.5"), 1.5)
    XCTAssertEqual(try MassText.grams("2e-3 kg"), 2, accuracy: 1e-12)
  }

  func testErrors() {
    XCTAssertThrowsError(try MassText.grams("2 lb")) { error in
      XCTAssertEqual((error as? InputError)?.column, 2)
      XCTAssertTrue("\(error)".contains("unknown mass unit"), "\(error)")
    }
    XCTAssertThrowsError(try MassText.grams("g"))
    XCTAssertThrowsError(try MassText.grams("-2g"))
    XCTAssertThrowsError(try MassText.grams("0g"))
  }
}
