import XCTest

@testable import Engine
@testable import Formats
@testable import Lab

/// Durations from recipe and protocol files: a year at most (the fuzzer's hold_min =
/// 9223372036854775807 trapped converting to seconds), and the formatter never traps.
final class HostileLabInputTests: XCTestCase {
  func testAStepLongerThanAYearIsAnErrorAtItsLine() throws {
    let table = try TOML.parse("hold_min = 9223372036854775807\nhold_h = 8784\n", fileName: "p.toml")
    XCTAssertThrowsError(try table.optionalHours("hold")) { error in
      // Both keys given: the "only one" rule speaks first; one key alone is checked for range below.
      XCTAssertTrue("\(error)".contains("give only one"), "\(error)")
    }
    let huge = try TOML.parse("x = 1\nhold_min = 9223372036854775807\n", fileName: "p.toml")
    XCTAssertThrowsError(try huge.optionalHours("hold")) { error in
      let e = error as? InputError
      XCTAssertEqual(e?.line, 2)
      XCTAssertTrue(e?.message.contains("longer than a year") ?? false, "\(error)")
    }
    // 366 days exactly is accepted: 8784 h.
    let leapYear = try TOML.parse("hold_h = 8784\n", fileName: "p.toml")
    XCTAssertEqual(try leapYear.optionalHours("hold"), 8784)
  }

  func testDurationTextNeverTraps() {
    XCTAssertEqual(LabFormat.duration(hours: 1.5), "1 h 30 min")
    XCTAssertEqual(LabFormat.duration(hours: 12.0 / 3600), "12 s")
    XCTAssertEqual(LabFormat.duration(hours: .infinity), "—")
    // 1e300 h cannot be counted in seconds as an Int: shown in hours instead.
    XCTAssertEqual(LabFormat.duration(hours: 1e300), "1.00e+300 h")
  }
}
