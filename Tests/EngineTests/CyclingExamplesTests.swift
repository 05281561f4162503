import XCTest

@testable import Engine

/// The committed Examples/cycling files are exactly what the generator writes, and the analyses
/// find in them what Examples/cycling/README.md says.
final class CyclingExamplesTests: XCTestCase {
  let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/cycling")
  let area = Double.pi * 0.25

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  func testCommittedFilesAreTheGeneratorsOutput() throws {
    for (name, records) in CyclingExamples.all() {
      var text = ""
      BatteryDataFormat.writeEssential(records) { text += $0 }
      let committed = try String(contentsOfFile: path(name), encoding: .utf8)
      XCTAssertTrue(committed == text, "\(name) differs from `glovebox cycle demo` output")
    }
  }

  func testTimeConstantCCDExample() throws {
    let data = try CyclingFile.read(path: path("synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_time-constant.bdf.csv"))
    let r = criticalCurrentDensity(data, area: area)
    XCTAssertEqual(r.criticalCurrentDensity ?? 0, 4.4, accuracy: 1e-3)  // paper.md: CCD 4.4 mA/cm²
    XCTAssertEqual(r.lastStableCurrentDensity ?? 0, 4.3, accuracy: 1e-3)
    XCTAssertEqual(r.softShorts.count, 1)
    XCTAssertEqual(r.rampProtocol, .timeConstant)
  }

  func testCapacityConstantCCDExample() throws {
    let data = try CyclingFile.read(path: path("synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_capacity-constant.bdf.csv"))
    let r = criticalCurrentDensity(data, area: area)
    XCTAssertEqual(r.criticalCurrentDensity ?? 0, 4.4, accuracy: 1e-3)
    XCTAssertEqual(r.lastStableCurrentDensity ?? 0, 4.0, accuracy: 1e-3)
    XCTAssertEqual(r.rampProtocol, .capacityConstant)
  }

  func testFullCellExample() throws {
    let data = try CyclingFile.read(path: path("synthetic_Li-LPSC-8S2O-LPSC-LCO_1C_1200-cycles.bdf.csv"))
    let cycles = summarizeCycles(data.halfCycles())
    let mass = SyntheticFullCell().activeMass
    XCTAssertEqual(cycles.count, 1200)
    // paper.md: 127.8 → 109.4 mAh/g; the file rounds current to 9 digits and time to 1 ms.
    XCTAssertEqual((cycles[0].dischargeCapacity ?? 0) * 1000 / mass, 127.8, accuracy: 0.01)
    XCTAssertEqual((cycles[1199].dischargeCapacity ?? 0) * 1000 / mass, 109.4, accuracy: 0.01)
  }

  func testLongCyclingExample() throws {
    let data = try CyclingFile.read(path: path("synthetic_Li-LPSC-8S2O-LPSC-Li_long-cycling_0.5mA.bdf.csv"))
    let report = symmetricCellOverpotential(data, area: area)
    XCTAssertEqual(report.halfCycles.count, 1600)
    XCTAssertNil(report.failure)
    // ASR 20 Ω·cm² growing 0.05 %/h: plateau (τ = 0.5, 1.075×) at 0.5 h and at 1599.5 h.
    XCTAssertEqual(report.halfCycles[0].plateau, 0.5e-3 * 20 * 1.00025 * 1.075, accuracy: 5e-4)
    XCTAssertEqual(report.halfCycles[1599].plateau, 0.5e-3 * 20 * (1 + 0.0005 * 1599.5) * 1.075, accuracy: 5e-4)
  }
}
