import Engine
import Foundation

/// A sweep folder as the Simulation pane shows it: its index and every point's merged state
/// and observables (`SweepPointSummary`), as the runtime gathered them.
public struct SimulationSweep: Equatable, Sendable {
  public var path: String
  public var name: String
  public var executor: String
  public var keys: [String]
  public var points: [SweepPointSummary]
  /// What could not be read or asked (a scheduler command missing, a torn sweep.json).
  public var warnings: [String]

  public init(path: String, name: String, executor: String, keys: [String], points: [SweepPointSummary], warnings: [String]) {
    self.path = path
    self.name = name
    self.executor = executor
    self.keys = keys
    self.points = points
    self.warnings = warnings
  }

  /// The run folder of a point, relative to the workspace.
  public func runPath(_ point: SweepPointSummary) -> String { SimulationPane.filePath(point.folder, in: path) }

  /// (swept value, final tip height in µm) of every point with both, in the swept value's order:
  /// what the sweep view plots against its first numeric key.
  public func tipHeightAgainst(keyIndex: Int) -> [(Double, Double)] {
    points.compactMap { point -> (Double, Double)? in
      guard keyIndex < point.parameters.count, let x = point.parameters[keyIndex].number, let y = point.observables.finalTipHeight,
        x.isFinite, y.isFinite
      else { return nil }
      return (x, y)
    }.sorted { $0.0 < $1.0 }
  }

  /// The first key whose values are numbers (the plot's x axis), nil when none is.
  public var plottedKey: Int? {
    keys.indices.first { k in points.contains { k < $0.parameters.count && $0.parameters[k].number != nil } }
  }
}
