import ArgumentParser
import Engine
import Foundation

struct FailureJSON: NullPreservingEncodable {
  var kind: String
  var time_s: Double
  var half_cycle: Int
  var voltage_V: Double
  var reference_voltage_V: Double
  var short_resistance_ohm: Double?

  init(_ f: CellFailure) {
    kind = f.kind.rawValue
    time_s = f.time
    half_cycle = f.halfCycle
    voltage_V = f.voltage
    reference_voltage_V = f.referenceVoltage
    short_resistance_ohm = cycleJSONFinite(f.shortResistance)
  }
}

struct SoftShortJSON: Encodable {
  var time_s: Double
  var recovery_time_s: Double
  var half_cycle: Int
  var depth: Double

  init(_ s: SoftShort) {
    time_s = s.time
    recovery_time_s = s.recoveryTime
    half_cycle = s.halfCycle
    depth = s.depth
  }
}

struct CycleCCD: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ccd", abstract: "Critical current density of a symmetric cell under a stepwise current ramp.")

  @Argument(help: "Cycler file.") var file: String
  @Option(name: .customLong("area"), help: "Electrode area, cm².") var areaCm2: Double
  @Flag(help: "Print one JSON document.") var json = false

  struct Step: Encodable {
    var current_density_mA_cm2: Double
    var first_half_cycle: Int
    var last_half_cycle: Int
    var start_time_s: Double
    var end_time_s: Double
    var half_cycle_duration_s: Double
    var half_cycle_capacity_mAh_cm2: Double
  }

  struct Output: NullPreservingEncodable {
    var file: String
    var area_cm2: Double
    var ccd_mA_cm2: Double?
    var last_stable_mA_cm2: Double?
    var failure: FailureJSON?
    var soft_shorts: [SoftShortJSON]
    var cumulative_capacity_mAh_cm2: Double
    var time_before_failure_s: Double
    var ramp_protocol: String
    var steps: [Step]

  }

  func validate() throws {
    if !(areaCm2 > 0) { throw ValidationError("--area must be a positive number of cm²") }
  }

  func run() throws {
    try reportingInputErrors {
      let data = try CyclingFile.read(path: file)
      let r = criticalCurrentDensity(data, area: areaCm2)
      let output = Output(
        file: file, area_cm2: areaCm2, ccd_mA_cm2: r.criticalCurrentDensity,
        last_stable_mA_cm2: r.lastStableCurrentDensity, failure: r.failure.map(FailureJSON.init),
        soft_shorts: r.softShorts.map(SoftShortJSON.init), cumulative_capacity_mAh_cm2: r.cumulativeCapacity,
        time_before_failure_s: r.timeBeforeFailure, ramp_protocol: r.rampProtocol.rawValue,
        steps: r.steps.map {
          Step(
            current_density_mA_cm2: $0.currentDensity, first_half_cycle: $0.firstHalfCycle,
            last_half_cycle: $0.lastHalfCycle, start_time_s: $0.startTime, end_time_s: $0.endTime,
            half_cycle_duration_s: $0.halfCycleDuration, half_cycle_capacity_mAh_cm2: $0.halfCycleCapacity)
        })
      if json {
        try printJSON(output)
      } else {
        let ccd = r.criticalCurrentDensity.map { String(format: "%.3g mA/cm²", $0) } ?? "none (no failure)"
        print("CCD: \(ccd); last stable: \(r.lastStableCurrentDensity.map { String(format: "%.3g mA/cm²", $0) } ?? "-")")
        if let f = r.failure { print("failure: \(f.kind.rawValue) at \(String(format: "%.1f", f.time / 3600)) h") }
        print("soft shorts: \(r.softShorts.count); cumulative capacity: \(String(format: "%.3g", r.cumulativeCapacity)) mAh/cm²")
      }
    }
  }
}
