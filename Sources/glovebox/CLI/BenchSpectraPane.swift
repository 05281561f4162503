import ArgumentParser
import Engine
import Foundation
import TUI
import Workbench

/// `glovebox bench-spectra-pane` (hidden, for `make bench`): the Spectra pane's cost per frame
/// while a 4 000-point XRD pattern is zoomed and panned by keys — the key's reducer work, the
/// pane's render into a 120×40 buffer and the diff against the previous frame, averaged.
struct BenchSpectraPane: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-spectra-pane", abstract: "Benchmark Spectra pane frames while panning and zooming.", shouldDisplay: false)

  @Option(help: "Frames to average over.")
  var iterations = 400

  @Option(help: "Points in the synthetic pattern.")
  var points = 4000

  @Flag(help: "Print one JSON document.")
  var json = false

  struct Report: Encodable {
    var points: Int
    var iterations: Int
    var frame_ms: Double
    var width: Int
    var height: Int
  }

  /// 2θ 10…90° with 24 Gaussian reflections of falling height on a sloping background.
  static func pattern(points: Int) -> Spectrum {
    let n = max(10, points)
    let x = (0..<n).map { 10 + 80 * Double($0) / Double(n - 1) }
    let y = x.map { t -> Double in
      var v = 50 + 0.5 * t
      for k in 0..<24 {
        let c = 14 + 3.2 * Double(k), h = 1000 / Double(1 + k % 5)
        v += h * exp(-4 * log(2) * pow((t - c) / 0.15, 2))
      }
      return v
    }
    return Spectrum(name: "bench", axis: .twoTheta(wavelength: 1.540562), x: x, y: y)
  }

  func run() throws {
    var pane = SpectraPane(workspace: "bench")
    let file = SpectraFileContents(path: "bench.xy", spectra: [Self.pattern(points: points)], error: nil)
    _ = pane.handle(.focused)
    _ = pane.handle(.workspaceFiles(kind: .spectrum, files: [IndexedFile(path: file.path, size: 1, modified: 1)], complete: true))
    _ = pane.handle(.jobFinished(.spectra(.readFiles(paths: [file.path]), .success(.files([file])))))
    guard pane.current != nil else { throw ValidationError("the pattern did not load") }
    let keys: [SpectraPaneAction] = [.zoomIn, .zoomIn, .zoomIn] + Array(repeating: .panRight, count: 6)
      + Array(repeating: .panLeft, count: 6) + [.zoomOut, .zoomOut, .zoomOut]
    let context = PaneRenderContext(theme: .dark, graphSymbols: .braille)
    let (width, height) = (120, 40)
    var previous = Buffer(width: width, height: height)
    var changed = 0
    let start = ProcessInfo.processInfo.systemUptime
    for n in 0..<max(1, iterations) {
      _ = pane.perform(keys[n % keys.count])
      var buffer = Buffer(width: width, height: height)
      pane.render(into: &buffer, area: buffer.area, context: context)
      changed &+= buffer.diff(from: previous).count
      previous = buffer
    }
    let perFrame = (ProcessInfo.processInfo.systemUptime - start) / Double(max(1, iterations)) * 1000
    guard changed > 0 else { throw ValidationError("benchmark frames did not change") }
    let report = Report(points: points, iterations: iterations, frame_ms: perFrame, width: width, height: height)
    if json {
      let data = try JSONEncoder().encode(report)
      print(String(decoding: data, as: UTF8.self))
    } else {
      print(String(format: "spectra pane, %d-point XRD pattern, pan/zoom by keys at %dx%d: %.2f ms per frame (key + render + diff, %d frames)",
                   points, width, height, perFrame, iterations))
    }
  }
}
