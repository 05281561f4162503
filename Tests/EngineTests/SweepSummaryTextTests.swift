import Foundation
import XCTest

@testable import Engine

/// `sweep status`'s text table rounds numbers for reading; the CSV keeps every digit.
final class SweepSummaryTextTests: XCTestCase {
  /// Three points: a finished one with long numbers, a pending one swept at a value a log
  /// range leaves with a rounding tail, a cancelled one with a problem.
  static func points() -> [SweepPointSummary] {
    let columns = ["time_s", "tip_height_um", "li_area_fraction"]
    return [
      SweepPointSummary(index: 0, folder: "p000", parameters: [.number(-0.1)], state: .finished, reason: nil, step: 20,
                        observables: SweepObservables(columns: columns, rows: [[0, 0.5, 0.1], [0.5002968086899424, 0.99943217, 0.123456789]]),
                        problems: []),
      SweepPointSummary(index: 1, folder: "p001", parameters: [.number(1.0000000000000001e-11)], state: .pending, reason: nil, step: nil,
                        observables: SweepObservables(columns: [], rows: []), problems: []),
      SweepPointSummary(index: 2, folder: "p002", parameters: [.number(-0.2)], state: .cancelled, reason: "the Slurm task was cancelled",
                        step: 7, observables: SweepObservables(columns: columns, rows: [[0.25, 123.456789, 0.5]]),
                        problems: ["p002/metrics.csv:3: expected 3 columns"]),
    ]
  }

  func testTheTextTableRoundsAndAligns() {
    // By hand: 0.5002968086899424 s → 6 significant digits 0.500297; 0.123456789 → 0.123457;
    // tip heights (µm) likewise: 0.99943217 → 0.999432, 123.456789 → 123.457;
    // 1.0000000000000001e-11 → 1e-11. Columns two spaces apart, each as wide as its widest cell.
    let expected = [
      "folder  physics.electrode_potential  state      step  final_time_s  final_tip_height_um  final_li_area_fraction",
      "p000    -0.1                         finished   20    0.500297      0.999432             0.123457",
      "p001    1e-11                        pending",
      "p002    -0.2                         cancelled  7     0.25          123.457              0.5  (the Slurm task was cancelled)",
      "    ! p002/metrics.csv:3: expected 3 columns",
    ]
    XCTAssertEqual(SweepSummaryTable.text(Self.points(), keys: ["physics.electrode_potential"], at: nil, crossing: nil), expected)
  }

  func testTheCSVKeepsEveryDigit() {
    let csv = SweepSummaryTable.csv(Self.points(), keys: ["physics.electrode_potential"], at: nil, crossing: nil)
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    XCTAssertEqual(lines[1], "0,p000,-0.1,finished,20,0.5002968086899424,0.99943217,0.123456789")
    XCTAssertEqual(lines[2], "1,p001,1.0000000000000001e-11,pending,,,,")
  }

  func testRoundingEdges() {
    XCTAssertEqual(SweepSummaryTable.rounded(1234567.0), "1.23457e+06")
    XCTAssertEqual(SweepSummaryTable.rounded(0.00012345678), "0.000123457")
    XCTAssertEqual(SweepSummaryTable.rounded(.nan), "")
    XCTAssertEqual(SweepSummaryTable.rounded(nil), "")
    XCTAssertEqual(SweepSummaryTable.rounded(.infinity), "")
    XCTAssertEqual(SweepSummaryTable.rounded(-1.2345649), "-1.23456")
    // tip heights of a real sweep that differ only past 0.1 nm stay apart
    XCTAssertEqual([0.999661495695255, 0.9996668537118114, 0.9996815009748654, 0.9997188954284356].map(SweepSummaryTable.rounded),
                   ["0.999661", "0.999667", "0.999682", "0.999719"])
  }
}
