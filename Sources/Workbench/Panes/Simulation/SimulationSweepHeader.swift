import Engine
import Foundation

/// A sweep folder as its sweep.json alone describes it: enough for the run list's one entry
/// even before any point has started (a Slurm array still queued, a pool not yet at a point),
/// when the folder holds no run folder (status.json) at all. Read without asking the scheduler:
/// the states are those sweep.json last recorded; opening the sweep gathers the live ones.
public struct SimulationSweepHeader: Equatable, Sendable {
  /// The sweep folder, relative to the workspace ("." at its top).
  public var path: String
  public var name: String
  public var executor: String
  /// Every point's run folder name and recorded state, in point order.
  public var points: [Point]
  /// sweep.json's modification time, and seconds since (when the runtime read it).
  public var lastWrite: Date?
  public var secondsSinceWrite: Double?
  /// Why sweep.json could not be read (torn, foreign); then `points` is empty.
  public var problem: String?

  public struct Point: Equatable, Sendable {
    public var folder: String
    public var state: SweepPointState
    public init(folder: String, state: SweepPointState) {
      self.folder = folder
      self.state = state
    }
  }

  public init(path: String, name: String, executor: String, points: [Point], lastWrite: Date? = nil,
              secondsSinceWrite: Double? = nil, problem: String? = nil) {
    self.path = path
    self.name = name
    self.executor = executor
    self.points = points
    self.lastWrite = lastWrite
    self.secondsSinceWrite = secondsSinceWrite
    self.problem = problem
  }

  /// The header of an index read from `path`/sweep.json.
  public init(path: String, index: SweepIndex, lastWrite: Date?, secondsSinceWrite: Double?) {
    self.init(path: path, name: index.name, executor: index.executor.rawValue,
              points: index.points.map { Point(folder: $0.folder, state: $0.state) },
              lastWrite: lastWrite, secondsSinceWrite: secondsSinceWrite)
  }

  /// The sweep folder holding a sweep.json path ("sweeps/pot/sweep.json" → "sweeps/pot"), nil
  /// for any other file (a sweep file is also of kind `.sweep`, but is not a sweep folder).
  public static func folder(ofIndex path: String) -> String? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard name == SweepIndex.fileName else { return nil }
    let parent = (path as NSString).deletingLastPathComponent
    return parent.isEmpty ? "." : parent
  }
}

extension RunSummary.State {
  /// A started point's run state as a sweep point's.
  var sweepPointState: SweepPointState {
    switch self {
    case .running: .running
    case .paused: .paused
    case .finished: .finished
    case .stopped: .stopped
    case .failed: .failed
    case .stale: .stale
    case .unknown: .unknown
    }
  }
}
