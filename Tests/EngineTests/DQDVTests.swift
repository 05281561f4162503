import XCTest

@testable import Engine

final class DQDVTests: XCTestCase {
  func testLinearVoltageGivesConstantDifferentialCapacity() throws {
    // Q rises 0 → 1 mAh while V rises 3.0 → 4.0 V: dQ/dV = 1 mAh/V everywhere.
    var rows = [CyclingRecord(testTime: 0, voltage: 3.0, current: 0)]
    let i = 0.001  // A; 1 mAh takes 3600 s
    for k in 1...360 { rows.append(CyclingRecord(testTime: Double(k) * 10, voltage: 3.0 + Double(k) / 360, current: i)) }
    let data = try CyclingData.from(rows)
    let half = try XCTUnwrap(data.halfCycles().first)
    let curve = try XCTUnwrap(differentialCapacity(data, halfCycle: half, voltageStep: 0.01, smoothingPoints: 5))
    for k in 3..<(curve.dQdV.count - 3) { XCTAssertEqual(curve.dQdV[k] * 1000, 1.0, accuracy: 0.01) }
  }

  func testPlateauGivesPeakAtItsVoltage() throws {
    // 0.5 mAh at a plateau of 3.9 V (between two sloping parts): dQ/dV peaks at 3.9 V.
    var rows = [CyclingRecord(testTime: 0, voltage: 3.5, current: 0)]
    var t = 0.0
    for k in 1...600 {
      t += 6
      let q = Double(k) / 600  // mAh fraction
      let v = q < 0.25 ? 3.5 + 1.6 * q : (q < 0.75 ? 3.9 + 0.02 * (q - 0.25) : 3.91 + 1.2 * (q - 0.75))
      rows.append(CyclingRecord(testTime: t, voltage: v, current: 0.001))
    }
    let data = try CyclingData.from(rows)
    let half = try XCTUnwrap(data.halfCycles().first)
    let curve = try XCTUnwrap(differentialCapacity(data, halfCycle: half, voltageStep: 0.005, smoothingPoints: 3))
    let peak = try XCTUnwrap(curve.dQdV.indices.max { curve.dQdV[$0] < curve.dQdV[$1] })
    XCTAssertEqual(curve.voltage[peak], 3.9, accuracy: 0.011)
  }
}
