import XCTest

@testable import Engine

final class OverpotentialTests: XCTestCase {
  func testFlatPlateauGivesTheCellsASR() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = [0.5, 1.0]
    cell.riseFraction = 0  // |V| = j·ASR exactly
    cell.areaSpecificResistance = 25
    let data = try CyclingData.from(cell.records())
    let report = symmetricCellOverpotential(data, area: cell.area)
    XCTAssertEqual(report.halfCycles.count, 4)
    XCTAssertEqual(report.halfCycles.map(\.process), [.stripping, .plating, .stripping, .plating])
    for row in report.halfCycles {
      XCTAssertEqual(row.areaSpecificResistance, 25, accuracy: 1e-9)
      XCTAssertEqual(row.plateau, row.currentDensity / 1000 * 25, accuracy: 1e-12)
    }
    XCTAssertEqual(report.meanStripping ?? 0, (0.5e-3 * 25 + 1e-3 * 25) / 2, accuracy: 1e-12)
    XCTAssertNil(report.failure)
  }

  func testRisingOverpotentialAndEndMaxPlateau() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = Array(repeating: 0.5, count: 50)
    cell.halfCyclesPerStep = 2
    cell.halfCycleHours = 1
    cell.resistanceGrowthPerHour = 0.01  // ASR(t) = 20·(1 + 0.01 t/h)
    cell.sampleInterval = 60
    let data = try CyclingData.from(cell.records())
    let report = symmetricCellOverpotential(data, area: cell.area)
    XCTAssertEqual(report.halfCycles.count, 100)
    let first = report.halfCycles[0]
    // End: τ = 1 at t = 1 h: 0.5e-3·20·1.01·1.15.
    XCTAssertEqual(first.end, 0.5e-3 * 20 * 1.01 * 1.15, accuracy: 1e-12)
    XCTAssertEqual(first.maximum, first.end, accuracy: 1e-15)
    // Plateau median: τ = 0.5 at t = 0.5 h: 0.5e-3·20·1.005·1.075.
    XCTAssertEqual(first.plateau, 0.5e-3 * 20 * 1.005 * 1.075, accuracy: 1e-12)
    let last = report.halfCycles[99]
    XCTAssertEqual(last.plateau / first.plateau, (1 + 0.01 * 99.5) / 1.005, accuracy: 1e-9)
    XCTAssertEqual(report.envelope.count, 200)
  }

  func testTimeOfFailureInLongCycling() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = [0.5, 0.5, 0.5, 1.0]
    cell.shortAtCurrentDensity = 1.0
    cell.shortAtFraction = 0.5
    let data = try CyclingData.from(cell.records())
    let report = symmetricCellOverpotential(data, area: cell.area)
    XCTAssertEqual(report.failure?.kind, .hardShort)
    XCTAssertEqual(report.failure?.time ?? 0, 3 * 3600 + 900, accuracy: 1e-6)
  }
}
