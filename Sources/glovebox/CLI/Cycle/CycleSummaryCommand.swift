import ArgumentParser
import Engine
import Foundation

struct CycleSummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Half-cycle and cycle capacities, energies, voltages, coulombic efficiency, retention, rate blocks.")

  @Argument(help: "Cycler file.") var file: String
  @OptionGroup var sample: Normalisation
  @Option(name: .customLong("nominal-mAh"), help: "Capacity that defines 1C for rate blocks, mAh (default: first cycle).")
  var nominalMAh: Double?
  @Flag(help: "Print one JSON document.") var json = false

  struct Half: NullPreservingEncodable {
    var index: Int
    var kind: String
    var cycle: Int
    var start_time_s: Double
    var end_time_s: Double
    var duration_s: Double
    var capacity_mAh: Double
    var energy_mWh: Double
    var average_voltage_V: Double?
    var end_voltage_V: Double
    var mean_current_mA: Double?
    var points: Int
    var current_density_mA_cm2: Double?
    var capacity_mAh_cm2: Double?
    var specific_capacity_mAh_g: Double?
  }

  struct Cycle: NullPreservingEncodable {
    var cycle: Int
    var charge_capacity_mAh: Double?
    var discharge_capacity_mAh: Double?
    var charge_energy_mWh: Double?
    var discharge_energy_mWh: Double?
    var coulombic_efficiency: Double?
    var energy_efficiency: Double?
    var average_charge_voltage_V: Double?
    var average_discharge_voltage_V: Double?
    var end_charge_voltage_V: Double?
    var end_discharge_voltage_V: Double?
    var capacity_retention: Double?
    var specific_charge_capacity_mAh_g: Double?
    var specific_discharge_capacity_mAh_g: Double?
    var charge_capacity_mAh_cm2: Double?
    var discharge_capacity_mAh_cm2: Double?
  }

  struct Block: NullPreservingEncodable {
    var first_cycle: Int
    var last_cycle: Int
    var current_mA: Double
    var c_rate: Double?
    var mean_discharge_capacity_mAh: Double?
    var mean_charge_capacity_mAh: Double?
  }

  struct Output: NullPreservingEncodable {
    var file: String
    var format: String
    var points: Int
    var area_cm2: Double?
    var mass_mg: Double?
    var half_cycles: [Half]
    var cycles: [Cycle]
    var rate_blocks: [Block]
  }

  func run() throws {
    try reportingInputErrors {
      // Streams: the points are never stored, only the half-cycles.
      var accumulator = HalfCycleAccumulator()
      var counter = PointCounter(inner: accumulator)
      let format = try CyclingFile.stream(path: file, into: &counter)
      accumulator = counter.inner
      let halves = accumulator.finish()
      let cycles = summarizeCycles(halves)
      let area = sample.areaCm2
      let massG = sample.massMg.map { $0 / 1000 }
      func perArea(_ ah: Double?) -> Double? { area.flatMap { a in ah.map { $0 * 1000 / a } } }
      func perMass(_ ah: Double?) -> Double? { massG.flatMap { m in ah.map { $0 * 1000 / m } } }
      let output = Output(
        file: file, format: format, points: counter.count, area_cm2: area, mass_mg: sample.massMg,
        half_cycles: halves.map { h in
          Half(
            index: h.index, kind: h.kind.rawValue, cycle: h.cycleNumber, start_time_s: h.startTime,
            end_time_s: h.endTime, duration_s: h.duration, capacity_mAh: h.capacity * 1000,
            energy_mWh: h.energy * 1000, average_voltage_V: cycleJSONFinite(h.averageVoltage), end_voltage_V: h.endVoltage,
            mean_current_mA: cycleJSONFinite(h.meanCurrent * 1000), points: h.pointCount,
            current_density_mA_cm2: area.flatMap { cycleJSONFinite(abs(h.meanCurrent) * 1000 / $0) },
            capacity_mAh_cm2: perArea(h.capacity), specific_capacity_mAh_g: perMass(h.capacity))
        },
        cycles: cycles.map { c in
          Cycle(
            cycle: c.cycle, charge_capacity_mAh: c.chargeCapacity.map { $0 * 1000 },
            discharge_capacity_mAh: c.dischargeCapacity.map { $0 * 1000 },
            charge_energy_mWh: c.chargeEnergy.map { $0 * 1000 }, discharge_energy_mWh: c.dischargeEnergy.map { $0 * 1000 },
            coulombic_efficiency: cycleJSONFinite(c.coulombicEfficiency), energy_efficiency: cycleJSONFinite(c.energyEfficiency),
            average_charge_voltage_V: cycleJSONFinite(c.averageChargeVoltage),
            average_discharge_voltage_V: cycleJSONFinite(c.averageDischargeVoltage), end_charge_voltage_V: c.endChargeVoltage,
            end_discharge_voltage_V: c.endDischargeVoltage, capacity_retention: cycleJSONFinite(c.capacityRetention),
            specific_charge_capacity_mAh_g: perMass(c.chargeCapacity),
            specific_discharge_capacity_mAh_g: perMass(c.dischargeCapacity),
            charge_capacity_mAh_cm2: perArea(c.chargeCapacity), discharge_capacity_mAh_cm2: perArea(c.dischargeCapacity))
        },
        rate_blocks: rateBlocks(cycles, nominalCapacity: nominalMAh.map { $0 / 1000 }).map { b in
          Block(
            first_cycle: b.firstCycle, last_cycle: b.lastCycle, current_mA: b.current * 1000, c_rate: cycleJSONFinite(b.cRate),
            mean_discharge_capacity_mAh: b.meanDischargeCapacity.map { $0 * 1000 },
            mean_charge_capacity_mAh: b.meanChargeCapacity.map { $0 * 1000 })
        })
      if json {
        try printJSON(output)
      } else {
        for line in CycleSummaryText.lines(output, halfCycleCount: halves.count) { print(line) }
      }
    }
  }
}

/// Counts points on their way to another sink.
struct PointCounter<Inner: CyclingPointSink>: CyclingPointSink {
  var inner: Inner
  var count = 0
  mutating func consume(_ point: CyclingPoint) {
    count += 1
    inner.consume(point)
  }
}
