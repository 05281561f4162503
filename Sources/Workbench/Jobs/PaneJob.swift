import Lab

/// Work a pane wants done off the UI thread, as a value: what to read, fit or compute, never a
/// closure. Reducer tests compare jobs whole; the runtime performs them (`PaneJobRunner` in
/// glovebox: file jobs it reads and parses itself, compute jobs through the pure functions
/// named by each pane's job type) and answers with `AppAction.jobProgress` / `.jobFinished`
/// carrying the job and its typed result.
///
/// A new pane adds a case here wrapping its own job enum, one in `PaneJobResult` (and in
/// `PaneJobProgress` when it reports progress) and one in `JobLane`.
public enum PaneJob: Equatable, Sendable {
  case materials(LabJob)
  case assembly(LabJob)
  case impedance(ImpedanceJob)
  case cycling(CyclingJob)

  /// The id of the pane that started the job and receives its progress and result.
  public var paneID: String {
    switch self {
    case .materials: return MaterialsPane.paneID
    case .assembly: return AssemblyPane.paneID
    case .impedance: return ImpedancePane.paneID
    case .cycling: return CyclingPane.paneID
    }
  }

  /// Jobs of one lane replace each other: starting one cancels the running one of its lane
  /// (a new fit supersedes the old, reading a file again supersedes the first read).
  public var lane: JobLane {
    switch self {
    case .materials: return .materials
    case .assembly: return .assembly
    case .impedance(let job): return .impedance(job.lane)
    case .cycling(let job): return .cycling(job.lane)
    }
  }
}

/// Which running job a new one replaces, and what `Effect.cancelJob` stops.
public enum JobLane: Hashable, Sendable {
  case materials
  case assembly
  case impedance(ImpedanceJob.Lane)
  case cycling(CyclingJob.Lane)
}

/// What a job hands back, one case per pane job type.
public enum PaneJobResult: Equatable, Sendable {
  case lab(LabWorkspace)
  case impedance(ImpedanceJobResult)
  case cycling(CyclingJobResult)
}

/// A snapshot a running job posts (the newest one wins when the UI is busy).
public enum PaneJobProgress: Equatable, Sendable {
  case impedanceFit(ImpedanceFitProgress)
}
