import ArgumentParser
import Engine
import Formats
import Foundation

struct CycleOverpotential: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "overpotential", abstract: "Overpotential, ASR and failure time of a symmetric (Li|Li) cell.")

  @Argument(help: "Cycler file.") var file: String
  @Option(name: .customLong("area"), help: "Electrode area, cm².") var areaCm2: Double
  @Option(help: "Time bins of the |V| envelope.") var bins = 200
  @Flag(help: "Print one JSON document.") var json = false

  struct Row: NullPreservingEncodable {
    var index: Int
    var process: String
    var start_time_s: Double
    var end_time_s: Double
    var current_density_mA_cm2: Double
    var end_mV: Double
    var max_mV: Double
    var plateau_mV: Double?
    var asr_ohm_cm2: Double?
  }
  struct Point: Encodable { var time_s: Double; var voltage_mV: Double }
  struct Output: NullPreservingEncodable {
    var file: String
    var area_cm2: Double
    var half_cycles: [Row]
    var mean_stripping_mV: Double?
    var mean_plating_mV: Double?
    var failure: FailureJSON?
    var soft_shorts: [SoftShortJSON]
    var envelope: [Point]

  }

  func validate() throws {
    if !(areaCm2 > 0) { throw ValidationError("--area must be a positive number of cm²") }
    if bins < 1 { throw ValidationError("--bins must be at least 1") }
  }

  func run() throws {
    try reportingInputErrors {
      let data = try CyclingFile.read(path: file)
      let r = symmetricCellOverpotential(data, area: areaCm2, envelopeBins: bins)
      let output = Output(
        file: file, area_cm2: areaCm2,
        half_cycles: r.halfCycles.map {
          Row(
            index: $0.halfCycle, process: $0.process.rawValue, start_time_s: $0.startTime, end_time_s: $0.endTime,
            current_density_mA_cm2: $0.currentDensity, end_mV: $0.end * 1000, max_mV: $0.maximum * 1000,
            plateau_mV: cycleJSONFinite($0.plateau * 1000), asr_ohm_cm2: cycleJSONFinite($0.areaSpecificResistance))
        },
        mean_stripping_mV: r.meanStripping.map { $0 * 1000 }, mean_plating_mV: r.meanPlating.map { $0 * 1000 },
        failure: r.failure.map(FailureJSON.init), soft_shorts: r.softShorts.map(SoftShortJSON.init),
        envelope: r.envelope.map { Point(time_s: $0.time, voltage_mV: $0.voltage * 1000) })
      if json {
        try printJSON(output)
      } else {
        print("\(r.halfCycles.count) half-cycles; mean plateau: stripping \(output.mean_stripping_mV.map { String(format: "%.2f mV", $0) } ?? "-"), plating \(output.mean_plating_mV.map { String(format: "%.2f mV", $0) } ?? "-")")
        if let f = r.failure { print("failure: \(f.kind.rawValue) at \(String(format: "%.1f", f.time / 3600)) h") }
      }
    }
  }
}

struct CycleDQDV: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dqdv", abstract: "Differential capacity dQ/dV of one half-cycle.")

  @Argument(help: "Cycler file.") var file: String
  @Option(name: .customLong("half-cycle"), help: "Half-cycle number (1-based).") var halfCycle = 1
  @Option(help: "Voltage grid step, V.") var step = 0.005
  @Option(help: "Moving-average window, grid points (odd).") var smooth = 5
  @Flag(help: "Print one JSON document.") var json = false

  struct Output: NullPreservingEncodable { var file: String; var half_cycle: Int; var voltage_V: [Double]; var dQdV_mAh_V: [Double] }

  func run() throws {
    try reportingInputErrors {
      let data = try CyclingFile.read(path: file)
      guard let h = data.halfCycles().first(where: { $0.index == halfCycle }) else {
        throw InputError("the file has no half-cycle \(halfCycle)", file: file)
      }
      guard let curve = differentialCapacity(data, halfCycle: h, voltageStep: step, smoothingPoints: smooth) else {
        throw InputError("half-cycle \(halfCycle) spans less than three voltage steps of \(step) V", file: file)
      }
      let output = Output(file: file, half_cycle: halfCycle, voltage_V: curve.voltage, dQdV_mAh_V: curve.dQdV.map { $0 * 1000 })
      if json { try printJSON(output) } else {
        for (v, d) in zip(output.voltage_V, output.dQdV_mAh_V) { print(String(format: "%.4f\t%.6g", v, d)) }
      }
    }
  }
}
