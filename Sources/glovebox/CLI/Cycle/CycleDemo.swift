import ArgumentParser
import Engine
import Formats
import Foundation

/// Writes the synthetic example traces of Examples/cycling/ (or one large benchmark file).
struct CycleDemo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Write synthetic cycling examples (labelled synthetic) into a folder, or a large benchmark file.")

  @Option(help: "Output folder for the examples.") var out: String?
  @Option(name: .customLong("bench-points"), help: "Write one benchmark BDF file of this many points to --bench-file.")
  var benchPoints: Int?
  @Option(name: .customLong("bench-file"), help: "Path of the benchmark file.") var benchFile: String?
  @Option(name: .customLong("bench-half-cycle-points"), help: "Points per half-cycle in the benchmark file.")
  var halfCyclePoints = 100_000
  @Option(
    name: .customLong("bench-format"),
    help: "Format of the benchmark file: \(CyclingBenchmarkFile.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var benchFormat = "bdf"
  @Flag(help: "Print one JSON document.") var json = false

  struct Output: Encodable { var files: [String]; var points: [Int] }

  func validate() throws {
    if out == nil && benchPoints == nil { throw ValidationError("give --out DIR, or --bench-points N --bench-file PATH") }
    if benchPoints != nil && benchFile == nil { throw ValidationError("--bench-points needs --bench-file") }
    if CyclingBenchmarkFile.Format(rawValue: benchFormat) == nil {
      throw ValidationError("--bench-format must be one of \(CyclingBenchmarkFile.Format.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    try reportingInputErrors {
      var files: [String] = []
      var counts: [Int] = []
      if let n = benchPoints, let path = benchFile {
        let handle = try create(path)
        let format = CyclingBenchmarkFile.Format(rawValue: benchFormat) ?? .bdf
        try CyclingBenchmarkFile.write(format, points: n, pointsPerHalfCycle: halfCyclePoints) { handle.write(Data($0)) }
        try? handle.close()
        files.append(path)
        counts.append(n)
      }
      if let out {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for (name, records) in CyclingExamples.all() {
          let path = (out as NSString).appendingPathComponent(name)
          let handle = try create(path)
          BatteryDataFormat.writeEssential(records) { handle.write(Data($0.utf8)) }
          try? handle.close()
          files.append(path)
          counts.append(records.count)
        }
      }
      if json { try printJSON(Output(files: files, points: counts)) } else {
        for (f, n) in zip(files, counts) { print("\(f): \(n) points") }
      }
    }
  }

  private func create(_ path: String) throws -> FileHandle {
    guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
      throw InputError("cannot create the file", file: path)
    }
    return h
  }
}
