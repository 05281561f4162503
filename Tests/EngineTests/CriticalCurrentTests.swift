import XCTest

@testable import Engine

/// CCD on synthetic Li|Li traces whose answers are known by construction (SyntheticSymmetricCell:
/// |V| = j·ASR·(1 + 0.15τ), a hard short drops |V| to |I|·0.5 Ω).
final class CriticalCurrentTests: XCTestCase {
  let steps02to44 = (1...22).map { Double($0) * 0.2 }

  func testTimeConstantRampShortsAtTheStudysCCD() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = steps02to44
    cell.halfCycleHours = 0.5
    cell.shortAtCurrentDensity = 4.4  // paper.md: CCD 4.4 mA/cm² for Li/LPSC/8S-2O/LPSC/Li
    let data = try CyclingData.from(cell.records())
    let result = criticalCurrentDensity(data, area: cell.area)
    XCTAssertEqual(result.steps.count, 22)
    XCTAssertEqual(result.rampProtocol, .timeConstant)
    XCTAssertEqual(result.failure?.kind, .hardShort)
    XCTAssertEqual(result.criticalCurrentDensity ?? 0, 4.4, accuracy: 1e-9)
    XCTAssertEqual(result.lastStableCurrentDensity ?? 0, 4.2, accuracy: 1e-9)
    // Short at τ = 0.4 of the first 4.4 half-cycle: 21 steps × 2 × 1800 s + 0.4 · 1800 s.
    XCTAssertEqual(result.failure?.time ?? 0, 21 * 3600 + 720, accuracy: 1e-6)
    // Σ j·0.5 h over two half-cycles per step below 4.4 = Σ j = 0.2·(1+…+21) = 46.2, + 4.4·0.5·0.4.
    XCTAssertEqual(result.cumulativeCapacity, 46.2 + 0.88, accuracy: 1e-6)
    XCTAssertEqual(result.failure?.shortResistance ?? 0, 0.5, accuracy: 1e-9)
    XCTAssertTrue(result.softShorts.isEmpty)
  }

  func testCapacityConstantRamp() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
    cell.halfCycleCapacity = 1.5  // mAh/cm², the study's capacity-constant mode
    cell.shortAtCurrentDensity = 2.5
    let data = try CyclingData.from(cell.records())
    let result = criticalCurrentDensity(data, area: cell.area)
    XCTAssertEqual(result.rampProtocol, .capacityConstant)
    XCTAssertEqual(result.criticalCurrentDensity ?? 0, 2.5, accuracy: 1e-9)
    XCTAssertEqual(result.lastStableCurrentDensity ?? 0, 2.0, accuracy: 1e-9)
    // At 2.5 mA/cm² a half-cycle lasts 0.6 h = 2160 s in 72 samples; τ ≥ 0.4 first at k = 29.
    let hoursPerHalfCycle: [Double] = [1.5 / 0.5, 1.5 / 1.0, 1.5 / 1.5, 1.5 / 2.0]
    let start: Double = 2 * 3600 * hoursPerHalfCycle.reduce(0, +)
    XCTAssertEqual(result.failure?.time ?? 0, start + 29.0 / 72 * 2160, accuracy: 1e-6)
    let expected: Double = 4 * 2 * 1.5 + 2.5 * 870 / 3600
    XCTAssertEqual(result.cumulativeCapacity, expected, accuracy: 1e-6)
  }

  func testSoftShortIsReportedButNotTheFailure() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
    cell.softShortAtCurrentDensity = 1.5
    cell.shortAtCurrentDensity = 2.5
    let data = try CyclingData.from(cell.records())
    let result = criticalCurrentDensity(data, area: cell.area)
    XCTAssertEqual(result.softShorts.count, 1)
    XCTAssertEqual(result.softShorts.first?.halfCycle, 5)  // first half-cycle at 1.5 mA/cm²
    XCTAssertEqual(result.softShorts.first?.depth ?? 1, 0.15 / 1.045, accuracy: 0.05)
    XCTAssertEqual(result.criticalCurrentDensity ?? 0, 2.5, accuracy: 1e-9)
  }

  func testNoisyTraceGivesTheSameAnswer() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = steps02to44
    cell.shortAtCurrentDensity = 4.4
    cell.noise = 0.0005  // 0.5 mV σ, an eighth of the |V| at 0.2 mA/cm²
    cell.seed = 42
    let data = try CyclingData.from(cell.records())
    let result = criticalCurrentDensity(data, area: cell.area)
    XCTAssertEqual(result.criticalCurrentDensity ?? 0, 4.4, accuracy: 1e-9)
    XCTAssertEqual(result.failure?.time ?? 0, 21 * 3600 + 720, accuracy: 61)  // within two samples
    XCTAssertTrue(result.softShorts.isEmpty)
  }

  func testCellThatNeverFailsHasNoCCD() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = [0.5, 1.0, 1.5, 2.0]
    cell.noise = 0.0005
    let data = try CyclingData.from(cell.records())
    let result = criticalCurrentDensity(data, area: cell.area)
    XCTAssertNil(result.failure)
    XCTAssertNil(result.criticalCurrentDensity)
    XCTAssertEqual(result.lastStableCurrentDensity ?? 0, 2.0, accuracy: 1e-9)
    XCTAssertEqual(result.cumulativeCapacity, 2 * 0.5 * (0.5 + 1.0 + 1.5 + 2.0), accuracy: 1e-6)
  }

  func testLossOfContactIsAFailure() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = [0.5, 1.0, 1.5]
    cell.contactLossAtCurrentDensity = 1.5
    let data = try CyclingData.from(cell.records())
    let result = criticalCurrentDensity(data, area: cell.area)
    XCTAssertEqual(result.failure?.kind, .lossOfContact)
    XCTAssertEqual(result.criticalCurrentDensity ?? 0, 1.5, accuracy: 1e-9)
    // |V| passes 5× the expected level when e^(12(τ−0.5))·(1+0.15τ)/(1.15) > 5 → τ ≈ 0.63.
    let onset = 4 * 1800.0
    XCTAssertEqual(result.failure?.time ?? 0, onset + 0.64 * 1800, accuracy: 60)
  }
}

final class CriticalCurrentEdgeTests: XCTestCase {
  func testShortFromTheFirstPointOfAStep() throws {
    var cell = SyntheticSymmetricCell()
    cell.currentDensities = [0.5, 1.0, 1.5, 2.0]
    cell.shortAtCurrentDensity = 1.5
    cell.shortAtFraction = 0  // shorted from the first sample of the 1.5 mA/cm² step
    let data = try CyclingData.from(cell.records())
    let result = criticalCurrentDensity(data, area: cell.area)
    XCTAssertEqual(result.failure?.kind, .hardShort)
    XCTAssertEqual(result.criticalCurrentDensity ?? 0, 1.5, accuracy: 1e-9)
    XCTAssertEqual(result.lastStableCurrentDensity ?? 0, 1.0, accuracy: 1e-9)
    // Dated at 10 % of the half-cycle (the settling window): 4 × 1800 s + 180 s.
    XCTAssertEqual(result.failure?.time ?? 0, 4 * 1800 + 180, accuracy: 1e-6)
  }
}
