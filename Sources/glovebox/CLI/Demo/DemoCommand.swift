import ArgumentParser
import Engine
import Foundation

/// `glovebox demo …`: synthetic data for trying the workbench without hardware.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Synthetic live data for trying the workbench (labelled synthetic).",
    subcommands: [DemoInstrument.self])
}

/// `glovebox demo instrument --out DIR`: a live feed without hardware. Every `--interval`
/// seconds it writes a new in-situ impedance spectrum (`insitu_NNNN.csv`: frequency, Z', Z''
/// as impedance.py writes them) and appends the cycler points since the last one to
/// `live_Li-Li_cycling.bdf.csv` (Battery Data Format). Test time runs `--speed` times faster
/// than the clock, so resistances drift visibly within minutes.
struct DemoInstrument: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "instrument", abstract: "Write a live synthetic EIS + cycling feed into a folder until stopped.")

  @Option(help: "Output folder (created if missing).") var out: String
  @Option(help: "Seconds between spectra.") var interval = 3.0
  @Option(help: "Number of spectra to write, then stop (0: until killed).") var count = 0
  @Option(help: "Test seconds per wall-clock second.") var speed = 120.0
  @Option(help: "Random seed for the noise.") var seed: UInt64 = 42
  @Flag(help: "Print one JSON document at the end (with --count).") var json = false

  struct Output: Encodable {
    var folder: String
    var spectra: [String]
    var cycling_file: String
    var cycling_points: Int
    var test_time_s: Double
  }

  func validate() throws {
    guard interval > 0, speed > 0, count >= 0 else { throw ValidationError("--interval and --speed must be positive, --count ≥ 0") }
  }

  func run() throws {
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var model = LiveCellModel(seed: seed)
    let cyclingPath = (out as NSString).appendingPathComponent("live_Li-Li_cycling.bdf.csv")
    guard FileManager.default.createFile(atPath: cyclingPath, contents: Data("Test Time / s,Voltage / V,Current / A\n".utf8)),
      let cycler = FileHandle(forWritingAtPath: cyclingPath)
    else { try fail("\(cyclingPath): cannot create the file") }
    defer { try? cycler.close() }
    _ = try cycler.seekToEnd()
    var spectra: [String] = []
    var testTime = 0.0
    var points = 0
    let step = 10.0  // test seconds between cycler points
    var index = 0
    while count == 0 || index < count {
      index += 1
      let name = String(format: "insitu_%04d.csv", index)
      let rows = try model.spectrum(at: testTime)
      let text = rows.map { String(format: "%.6e,%.9e,%.9e", $0.f, $0.re, $0.im) }.joined(separator: "\n") + "\n"
      // Written under a hidden name and renamed, so a watcher never sees half a spectrum.
      let tmp = (out as NSString).appendingPathComponent(".\(name).part")
      try text.write(toFile: tmp, atomically: false, encoding: .utf8)
      let final = (out as NSString).appendingPathComponent(name)
      try? FileManager.default.removeItem(atPath: final)
      try FileManager.default.moveItem(atPath: tmp, toPath: final)
      spectra.append(final)
      let until = testTime + interval * speed
      var chunk = ""
      while testTime < until {
        let p = model.cyclerPoint(at: testTime)
        chunk += String(format: "%.3f,%.6f,%.8e\n", testTime, p.voltage, p.current)
        testTime += step
        points += 1
      }
      cycler.write(Data(chunk.utf8))
      if !json { print("\(name) written; cycler at \(String(format: "%.2f", testTime / 3600)) h (\(points) points)") }
      if count == 0 || index < count { Thread.sleep(forTimeInterval: interval) }
    }
    if json {
      try printJSON(Output(folder: out, spectra: spectra, cycling_file: cyclingPath, cycling_points: points, test_time_s: testTime))
    }
  }
}
