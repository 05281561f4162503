import Formats
import XCTest

@testable import Engine

final class CyclingSegmentationTests: XCTestCase {
  /// rest, three charge rows, rest, two discharge rows (t in s, V, I in A).
  func smallTrace() throws -> CyclingData {
    let rows: [(Double, Double, Double)] = [
      (0, 3.0, 0), (10, 3.5, 0.1), (20, 3.6, 0.1), (30, 3.7, 0.2), (40, 3.65, 0), (50, 3.4, -0.1), (70, 3.3, -0.1),
    ]
    return try CyclingData.from(rows.map { CyclingRecord(testTime: $0.0, voltage: $0.1, current: $0.2) })
  }

  func testHalfCycleColumnsByHand() throws {
    let data = try smallTrace()
    XCTAssertEqual(data.halfCycle, [0, 1, 1, 1, 1, 2, 2])
    XCTAssertEqual(data.stepIndex, [1, 2, 2, 2, 3, 4, 4])
    XCTAssertEqual(data.cycle, [0, 1, 1, 1, 1, 1, 1])
    XCTAssertEqual(data.stepType, [.rest, .charge, .charge, .charge, .rest, .discharge, .discharge])
    // Step time: from the previous row's time (the step's interval starts there).
    XCTAssertEqual(data.stepTime, [0, 10, 20, 30, 10, 10, 30])
    // Q: first row |I|Δt = 0.1·10 = 1 A·s; trapezoids 0.5(0.1+0.1)·10 = 1, 0.5(0.1+0.2)·10 = 1.5.
    XCTAssertEqual(data.capacity[3] * 3600, 3.5, accuracy: 1e-12)
    XCTAssertEqual(data.capacity[4] * 3600, 3.5, accuracy: 1e-12)  // rest keeps it
    // Discharge: 0.1·10 = 1, then 0.5(0.1+0.1)·20 = 2 → 3 A·s.
    XCTAssertEqual(data.capacity[6] * 3600, 3.0, accuracy: 1e-12)
    // E: the first interval starts at the rest's 3.0 V with the new 0.1 A: 0.5(0.1·3.0 + 0.1·3.5)·10
    // = 3.25; 0.5(0.35+0.36)·10 = 3.55; 0.5(0.36+0.74)·10 = 5.5 → 12.3 W·s.
    XCTAssertEqual(data.energy[3] * 3600, 12.3, accuracy: 1e-12)
  }

  func testHalfCycleStatisticsByHand() throws {
    let halves = try smallTrace().halfCycles()
    XCTAssertEqual(halves.count, 2)
    let charge = halves[0]
    XCTAssertEqual(charge.kind, .charge)
    XCTAssertEqual(charge.startTime, 0)
    XCTAssertEqual(charge.endTime, 30)
    // ∫V dQ = 0.5(3.0+3.5)·1 + 0.5(3.5+3.6)·1 + 0.5(3.6+3.7)·1.5 = 12.275 V·A·s over Q = 3.5 A·s.
    XCTAssertEqual(charge.averageVoltage, 12.275 / 3.5, accuracy: 1e-12)
    XCTAssertEqual(charge.meanCurrent, 3.5 / 30, accuracy: 1e-12)
    XCTAssertEqual(charge.endVoltage, 3.7)
    XCTAssertEqual(halves[1].kind, .discharge)
    XCTAssertEqual(halves[1].startTime, 40)
    let cycles = summarizeCycles(halves)
    XCTAssertEqual(cycles.count, 1)
    XCTAssertEqual(cycles[0].coulombicEfficiency ?? 0, 3.0 / 3.5, accuracy: 1e-12)
    XCTAssertEqual(cycles[0].capacityRetention ?? 0, 1, accuracy: 1e-12)
  }

  /// ±1 mA for 1 h each, sampled every 60 s, the voltage linear 3.5 → 4.2 V and back without a
  /// jump: Q = 1 mA · 1 h = 1 mAh each way; E = ∫V I dt = 1 mA × (mean of a linear V = 3.85 V) × 1 h
  /// = 3.85 mWh each way, also for the discharge, whose first interval [3600, 3660] s is the
  /// reversal: it goes wholly to the discharge with |I| = 1 mA and V from 4.2 to 4.18833 V.
  func testCapacityAndEnergyAtACurrentReversalByHand() throws {
    var rows: [CyclingRecord] = []
    for i in 0...60 { rows.append(CyclingRecord(testTime: Double(i * 60), voltage: 3.5 + 0.7 * Double(i) / 60, current: 0.001)) }
    for i in 1...60 {
      rows.append(CyclingRecord(testTime: Double(3600 + i * 60), voltage: 4.2 - 0.7 * Double(i) / 60, current: -0.001))
    }
    let halves = try CyclingData.from(rows).halfCycles()
    XCTAssertEqual(halves.map(\.kind), [.charge, .discharge])
    for h in halves {
      XCTAssertEqual(h.capacity * 1000, 1.0, accuracy: 1e-12)
      XCTAssertEqual(h.energy * 1000, 3.85, accuracy: 1e-12)
      XCTAssertEqual(h.averageVoltage, 3.85, accuracy: 1e-12)
    }
  }

  /// A reversal with a voltage jump (3.2 V on charge → 2.8 V on discharge), 10 s samples, 0.1 A:
  /// discharge interval [10, 20] s: ΔQ = 0.1·10 = 1 A·s, ΔE = ½(0.1·3.2 + 0.1·2.8)·10 = 3.0 W·s;
  /// [20, 30] s: ΔQ = 1 A·s, ΔE = ½(0.28 + 0.26)·10 = 2.7 W·s. Q = 2 A·s, E = 5.7 W·s, and the
  /// average voltage ∫V dQ / Q = (3.0 + 2.7) / 2 = 2.85 V = E / Q.
  func testReversalWithAVoltageJumpByHand() throws {
    let rows = [(0.0, 3.0, 0.1), (10, 3.2, 0.1), (20, 2.8, -0.1), (30, 2.6, -0.1)].map {
      CyclingRecord(testTime: $0.0, voltage: $0.1, current: $0.2)
    }
    let halves = try CyclingData.from(rows).halfCycles()
    XCTAssertEqual(halves.count, 2)
    XCTAssertEqual(halves[1].capacity * 3600, 2.0, accuracy: 1e-12)
    XCTAssertEqual(halves[1].energy * 3600, 5.7, accuracy: 1e-12)
    XCTAssertEqual(halves[1].averageVoltage, 2.85, accuracy: 1e-12)
    // The charge: its first row opens [−, 0] with Δt = 0; then ½(0.1 + 0.1)·10 = 1 A·s and
    // ½(0.30 + 0.32)·10 = 3.1 W·s.
    XCTAssertEqual(halves[0].capacity * 3600, 1.0, accuracy: 1e-12)
    XCTAssertEqual(halves[0].energy * 3600, 3.1, accuracy: 1e-12)
  }

  func testResettingCountersGiveIncrements() throws {
    // A per-step counter (resets at each step) and a running counter (Maccor) give the same Q.
    var perStep: [CyclingRecord] = []
    var running: [CyclingRecord] = []
    let counters: [(Double, Double, Double, Double)] = [  // t, I, per-step Q, running Q (Ah)
      (0, 0, 0, 0), (10, 0.36, 0.001, 0.001), (20, 0.36, 0.002, 0.002), (30, -0.36, 0.001, 0.003), (40, -0.36, 0.002, 0.004),
    ]
    for (t, i, stepQ, runQ) in counters {
      var a = CyclingRecord(testTime: t, voltage: 1, current: i)
      a.capacityCounter = stepQ
      perStep.append(a)
      var b = a
      b.capacityCounter = runQ
      running.append(b)
    }
    for data in [try CyclingData.from(perStep), try CyclingData.from(running)] {
      let halves = data.halfCycles()
      XCTAssertEqual(halves.map(\.capacity), [0.002, 0.002])
    }
  }

  func testTimeRunningBackwardsIsAnError() {
    let rows = [CyclingRecord(testTime: 5, voltage: 1, current: 0), CyclingRecord(testTime: 4, voltage: 1, current: 0)]
    XCTAssertThrowsError(try CyclingData.from(rows)) { error in
      XCTAssertEqual((error as? InputError)?.line, 2)
    }
  }

  func testFullCellFadeMatchesThePaper() throws {
    // paper.md: LCO full cell at 1C, 1200 cycles, 127.8 → 109.4 mAh/g.
    let cell = SyntheticFullCell()
    let data = try CyclingData.from(cell.records())
    let cycles = summarizeCycles(data.halfCycles())
    XCTAssertEqual(cycles.count, 1200)
    let massG = cell.activeMass
    XCTAssertEqual((cycles[0].dischargeCapacity ?? 0) * 1000 / massG, 127.8, accuracy: 1e-6)
    XCTAssertEqual((cycles[1199].dischargeCapacity ?? 0) * 1000 / massG, 109.4, accuracy: 1e-6)
    XCTAssertEqual(cycles[1199].capacityRetention ?? 0, 109.4 / 127.8, accuracy: 1e-9)
    XCTAssertEqual(cycles[10].coulombicEfficiency ?? 0, 0.998, accuracy: 1e-9)
  }

  func testRateBlocks() throws {
    var cell = SyntheticFullCell()
    cell.cRates = [0.1, 0.1, 0.1, 0.5, 0.5, 0.5, 1, 1, 1, 0.1, 0.1]
    cell.rateLoss = 0.1
    let data = try CyclingData.from(cell.records())
    let nominal = 0.160 * cell.activeMass  // Ah at 160 mAh/g
    let blocks = rateBlocks(summarizeCycles(data.halfCycles()), nominalCapacity: nominal)
    XCTAssertEqual(blocks.map(\.firstCycle), [1, 4, 7, 10])
    XCTAssertEqual(blocks.map(\.lastCycle), [3, 6, 9, 11])
    for (block, rate) in zip(blocks, [0.1, 0.5, 1, 0.1]) { XCTAssertEqual(block.cRate, rate, accuracy: 1e-9) }
    // Q(C) = 127.8·(1 − 0.1·ln(1 + C)) mAh/g.
    XCTAssertEqual((blocks[2].meanDischargeCapacity ?? 0) * 1000 / cell.activeMass, 127.8 * (1 - 0.1 * log(2.0)), accuracy: 1e-6)
  }
}

final class CyclingNormalisationTests: XCTestCase {
  func testAreaAndMassNormalisationByHand() throws {
    // 10 mm die: A = π·0.5² cm²; 1 mA over it is 1/0.785398 = 1.27324 mA/cm².
    let sample = SampleNormalisation(area: Double.pi * 0.25, activeMass: 0.0055)
    XCTAssertEqual(sample.currentDensity(0.001) ?? 0, 1.2732395447, accuracy: 1e-9)
    // 0.7029 mAh on 5.5 mg of LiCoO2 is 127.8 mAh/g.
    XCTAssertEqual(sample.specificCapacity(0.0007029) ?? 0, 127.8, accuracy: 1e-9)
    XCTAssertEqual(sample.arealCapacity(0.0015 * Double.pi * 0.25) ?? 0, 1.5, accuracy: 1e-12)
    XCTAssertNil(SampleNormalisation().currentDensity(1))
  }
}
