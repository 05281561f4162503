import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox bench-spectra write DIR | xps FILE | als FILE`: the spectra side-by-side benchmarks
/// of `make bench` (issue 15 §7). `write` makes the shared inputs; `xps` and `als` time our side on
/// them in-process (start-up excluded), as the peer scripts in scripts/bench.sh time theirs.
struct BenchSpectra: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-spectra",
    abstract: "Spectra benchmarks: write the shared inputs, time a 6-Voigt + Shirley XPS fit or an ALS baseline.",
    shouldDisplay: false
  )

  @Argument(help: "write | xps | als") var task: String
  @Argument(help: "Folder (write) or input file (xps, als).") var path: String
  @Option(name: .customLong("repeat"), help: "Repetitions to average.") var repetitions: Int = 20

  static let xpsModel = "shirley + voigt(281.1, 1.0) + voigt(282.6, 1.0) + voigt(284.1, 1.0) + voigt(285.6, 1.0) + voigt(287.1, 1.0) + voigt(288.6, 1.0)"

  mutating func run() throws {
    guard repetitions >= 1, repetitions <= 100_000 else { throw ValidationError("--repeat must be 1…100000") }
    switch task {
    case "write": try write(URL(fileURLWithPath: path))
    case "xps": try timeXPS()
    case "als": try timeALS()
    default: throw ValidationError("task must be write, xps or als, found '\(task)'")
    }
  }

  /// xps6.csv: 500 points, BE 292 → 277 eV, six 70/30 Gaussian–Lorentzian peaks 1.5 eV apart
  /// (heights 300…1300) on a Shirley-like step and 200 counts, with a fixed ±2 % ripple as noise;
  /// raman1000.csv: 1000 points of two Lorentzian bands on a curved fluorescence background;
  /// big.xy: 200 000 rows of 2θ and counts for the file-reading figure.
  func write(_ folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let centres = [281.0, 282.5, 284.0, 285.5, 287.0, 288.5]
    var xps = "BE/eV,Counts\n"
    let xs = (0..<500).map { 292 - 15 * Double($0) / 499 }
    func peaks(_ x: Double) -> Double {
      centres.enumerated().reduce(0) { sum, item in
        let (i, c) = item
        let h = 300 + 200 * Double(i), w = 1.1, u = (x - c) / w
        return sum + h * (0.7 * exp(-4 * log(2.0) * u * u) + 0.3 / (1 + 4 * u * u))
      }
    }
    // Step ∝ the peak area at lower BE (Shirley's idea), integrated on the grid.
    var cumulative = [Double](repeating: 0, count: xs.count)
    for i in stride(from: xs.count - 2, through: 0, by: -1) { cumulative[i] = cumulative[i + 1] + peaks(xs[i]) * 15 / 499 }
    let total = cumulative.first ?? 1
    for (i, x) in xs.enumerated() {
      let y = (200 + 150 * cumulative[i] / total + peaks(x)) * (1 + 0.02 * sin(Double(i) * 2.7))
      xps += "\(x),\(y)\n"
    }
    try xps.write(to: folder.appendingPathComponent("xps6.csv"), atomically: true, encoding: .utf8)
    var raman = "Raman shift (cm-1),Intensity\n"
    for i in 0..<1000 {
      let x = 200 + 1.5 * Double(i), t = (x - 950) / 750
      let y = 3000 + 1500 * t + 800 * t * t + 900 / (1 + 4 * (x - 425) * (x - 425) / 100) + 400 / (1 + 4 * (x - 1000) * (x - 1000) / 400)
        + 20 * sin(Double(i) * 1.9)
      raman += "\(x),\(y)\n"
    }
    try raman.write(to: folder.appendingPathComponent("raman1000.csv"), atomically: true, encoding: .utf8)
    var big = ""
    big.reserveCapacity(200_000 * 24)
    for i in 0..<200_000 {
      let x = 5 + Double(i) * 0.0005
      big += "\(x) \(Int(100 + 50 * sin(Double(i) * 0.01) + Double(i % 97)))\n"
    }
    try big.write(to: folder.appendingPathComponent("big.xy"), atomically: true, encoding: .utf8)
    // The starting point our model builder picks, for the peer to start from the same values.
    let s = try readOne(folder.appendingPathComponent("xps6.csv").path)
    let model = try PeakModelStart.build(try PeakModelSpec.parse(Self.xpsModel), x: s.x, y: s.y, axis: s.axis)
    let start = model.parameters.map { "\($0.name) \($0.value)" }.joined(separator: "\n") + "\n"
    try start.write(to: folder.appendingPathComponent("xps6-start.txt"), atomically: true, encoding: .utf8)
  }

  func readOne(_ file: String) throws -> Spectrum {
    guard let s = try SpectrumFileReader.read(path: file).first else { throw ValidationError("\(file): no spectrum") }
    return s
  }

  func timeXPS() throws {
    let s = try readOne(path)
    let model = try PeakModelStart.build(try PeakModelSpec.parse(Self.xpsModel), x: s.x, y: s.y, axis: s.axis)
    var result = fitPeaks(PeakFitRequest(x: s.x, y: s.y, model: model))
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<repetitions { result = fitPeaks(PeakFitRequest(x: s.x, y: s.y, model: model)) }
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(repetitions)
    print(String(format: "%.3f ms per fit (success %@, chi2 %.9g, %d evaluations)", ms, result.success ? "true" : "false",
                 result.chiSquare, result.fit.evaluations))
  }

  func timeALS() throws {
    let s = try readOne(path)
    var baseline = try WhittakerBaseline.asymmetricLeastSquares(s.y, lambda: 1e5, p: 0.01)
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<repetitions { baseline = try WhittakerBaseline.asymmetricLeastSquares(s.y, lambda: 1e5, p: 0.01) }
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(repetitions)
    print(String(format: "%.4f ms per baseline (mean %.6g)", ms, baseline.reduce(0, +) / Double(baseline.count)))
  }
}
