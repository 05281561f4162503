import XCTest

@testable import Workbench

/// List labels keep what tells file names apart (issue: five rows of `cycling/synthetic_Li-LPS`).
final class FileLabelsTests: XCTestCase {
  func testTheExampleCyclerFilesAreToldApartIn24Columns() {
    let paths = [
      "cycling/synthetic_Li-LPSC-8S2O-LPSC-LCO_1C_1200-cycles.bdf.csv",
      "cycling/synthetic_Li-LPSC-8S2O-LPSC-LCO_rate-test.bdf.csv",
      "cycling/synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_capacity-constant.bdf.csv",
      "cycling/synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_time-constant.bdf.csv",
      "cycling/synthetic_Li-LPSC-8S2O-LPSC-Li_long-cycling_0.5mA.bdf.csv",
    ]
    // Common front "cycling/synthetic_Li-LPSC-8S2O-LPSC-" and extension ".bdf.csv" dropped;
    // the capacity-constant name (26 + "…") still needs a middle cut: 7 + "…" + 16 = 24.
    XCTAssertEqual(FileLabels.distinguishing(paths, width: 24), [
      "…LCO_1C_1200-cycles",
      "…LCO_rate-test",
      "…Li_ccd…apacity-constant",
      "…Li_ccd_time-constant",
      "…Li_long-cycling_0.5mA",
    ])
    XCTAssertEqual(Set(FileLabels.distinguishing(paths, width: 24)).count, 5)
  }

  func testNamesThatFitAreKeptWholeAndTinyWidthsDoNotTrap() {
    XCTAssertEqual(FileLabels.distinguishing(["eis/a.csv", "eis/b.csv"], width: 20), ["eis/a.csv", "eis/b.csv"])
    XCTAssertEqual(FileLabels.distinguishing(["abcdef"], width: 4), ["a…ef"])
    XCTAssertEqual(FileLabels.distinguishing(["same.csv", "same.csv"], width: 3).map(\.count), [3, 3])
    for width in -1...2 { _ = FileLabels.distinguishing(["x/abc.d", "x/abd.d", ""], width: width) }
    // width 7: a third of the 6 kept characters in front (2), the other 4 from the end.
    XCTAssertEqual(FileLabels.middleEllipsis("abcdefghij", width: 7), "ab…ghij")
  }
}
