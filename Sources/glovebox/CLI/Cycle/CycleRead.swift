import ArgumentParser
import Engine
import Formats
import Foundation

struct CycleRead: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read", abstract: "Read a cycler file into the data model's columns.")

  @Argument(help: "Cycler file (.csv, .txt, .xlsx, .nda, .ndax, .mpr, .mpt).") var file: String
  @Flag(help: "Print one JSON document.") var json = false
  @Option(help: "At most this many points in the output (0 = all).") var maxPoints = 0
  @OptionGroup var sample: Normalisation

  struct Output: Encodable {
    var file: String
    var format: String
    var points: Int
    var test_time_s: [Double]
    var step_time_s: [Double]
    var voltage_V: [Double]
    var current_A: [Double]
    var capacity_Ah: [Double]
    var energy_Wh: [Double]
    var cycle: [Int32]
    var step_index: [Int32]
    var step_type: [String]
    var half_cycle: [Int32]
    var current_density_mA_cm2: [Double]?
    var capacity_mAh_cm2: [Double]?
    var specific_capacity_mAh_g: [Double]?
  }

  func run() throws {
    try reportingInputErrors {
      let data = try CyclingFile.read(path: file)
      let n = maxPoints > 0 ? min(maxPoints, data.count) : data.count
      let norm = data.normalised(by: SampleNormalisation(area: sample.areaCm2, activeMass: sample.massMg.map { $0 / 1000 }))
      func head(_ x: [Double]) -> [Double]? { x.isEmpty ? nil : Array(x.prefix(n)) }
      if json {
        try printJSON(
          Output(
            file: file, format: data.format, points: data.count, test_time_s: Array(data.testTime[..<n]),
            step_time_s: Array(data.stepTime[..<n]), voltage_V: Array(data.voltage[..<n]),
            current_A: Array(data.current[..<n]), capacity_Ah: Array(data.capacity[..<n]),
            energy_Wh: Array(data.energy[..<n]), cycle: Array(data.cycle[..<n]),
            step_index: Array(data.stepIndex[..<n]), step_type: data.stepType[..<n].map(\.name),
            half_cycle: Array(data.halfCycle[..<n]), current_density_mA_cm2: head(norm.currentDensity),
            capacity_mAh_cm2: head(norm.arealCapacity), specific_capacity_mAh_g: head(norm.specificCapacity)))
      } else {
        print("\(file): \(data.format), \(data.count) points, \(data.halfCycle.last ?? 0) half-cycles")
      }
    }
  }
}

struct CycleExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write a cycler file as Battery Data Format CSV.")

  @Argument(help: "Cycler file.") var file: String
  @Option(help: "Output .csv path.") var to: String
  @Flag(help: "Print one JSON document.") var json = false

  func run() throws {
    try reportingInputErrors {
      let data = try CyclingFile.read(path: file)
      guard FileManager.default.createFile(atPath: to, contents: nil),
        let handle = FileHandle(forWritingAtPath: to)
      else { throw InputError("cannot create the output file", file: to) }
      defer { try? handle.close() }
      BatteryDataFormat.write(data) { handle.write(Data($0.utf8)) }
      struct Output: Encodable { var file: String; var written: String; var points: Int; var format: String }
      if json {
        try printJSON(Output(file: file, written: to, points: data.count, format: "bdf"))
      } else {
        print("wrote \(data.count) points to \(to)")
      }
    }
  }
}
