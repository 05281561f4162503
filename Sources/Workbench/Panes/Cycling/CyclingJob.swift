import Engine
import Lab

/// The Cycling pane's job: read and analyse cycler files at their electrode area, nil when the
/// file's area is not known (the runtime reads each file with `CyclingFile` and calls
/// `CyclingFileAnalysis.analyse`). Answered with `CyclingJobResult.analysed`, one outcome per path.
public enum CyclingJob: Equatable, Sendable {
  case analyse(paths: [String], area: Double?)
  /// Read the workspace's protocols (their `data_files` give a file's area and active mass);
  /// answered with `.lab`.
  case loadLab

  /// A read of the same files replaces the running one.
  public enum Lane: Hashable, Sendable {
    case files([String])
    case lab
  }

  public var lane: Lane {
    switch self {
    case .analyse(let paths, _): return .files(paths)
    case .loadLab: return .lab
    }
  }
}

public enum CyclingJobResult: Equatable, Sendable {
  case analysed([CyclingFileOutcome])
  case lab(LabWorkspace)
}

/// One cycler file as the job found it: its analysis, or why there is none ("removed", "an
/// impedance file", a reader's error with file and position).
public struct CyclingFileOutcome: Equatable, Sendable {
  public var path: String
  public var analysis: CyclingFileAnalysis?
  public var error: String?

  public init(path: String, analysis: CyclingFileAnalysis?, error: String?) {
    self.path = path
    self.analysis = analysis
    self.error = error
  }
}
