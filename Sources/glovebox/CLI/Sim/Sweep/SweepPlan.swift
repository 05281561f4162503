import ArgumentParser
import Engine
import Formats
import Foundation

/// A sweep file read and expanded: every point validated with the run overrides applied.
struct SweepPlan {
  var spec: SweepSpec
  var baseFile: String
  var points: [SweepPoint]
  var sweepText: String

  static func make(sweepFile: String, overrides: SimOverrides) throws -> SweepPlan {
    let text: String
    do { text = try String(contentsOfFile: sweepFile, encoding: .utf8) } catch {
      throw ValidationErrorText("\(sweepFile): cannot read (\(error.localizedDescription))")
    }
    let spec = try SweepSpec.parse(text, fileName: sweepFile)
    let baseURL = spec.base.hasPrefix("/") ? URL(fileURLWithPath: spec.base)
      : URL(fileURLWithPath: sweepFile).deletingLastPathComponent().appendingPathComponent(spec.base)
    let basePath = baseURL.standardizedFileURL.path
    let baseText: String
    do { baseText = try String(contentsOfFile: basePath, encoding: .utf8) } catch {
      throw InputError("the base config '\(spec.base)' cannot be read (\(basePath): \(error.localizedDescription))", file: sweepFile,
                       line: 1)
    }
    let base = try TOML.parse(baseText, fileName: basePath)
    let points = try spec.points(base: base, baseFileName: basePath) { config in
      try overrides.apply(to: &config)
      if let steps = overrides.steps { config.run.maxSteps = steps }
    }
    return SweepPlan(spec: spec, baseFile: basePath, points: points, sweepText: text)
  }
}

extension SimOverrides {
  /// The overrides as command-line words (for sweep.json's record).
  var words: [String] {
    var w: [String] = []
    if let grid { w += ["--grid", "\(grid)"] }
    if let length { w += ["--length", "\(length)"] }
    if let steps { w += ["--steps", "\(steps)"] }
    if let until { w += ["--until", "\(until)"] }
    if let dtMax { w += ["--dt-max", "\(dtMax)"] }
    if let outputInterval { w += ["--output-interval", "\(outputInterval)"] }
    return w
  }
}
