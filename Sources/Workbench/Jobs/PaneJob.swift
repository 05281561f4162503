import Lab

/// Work a pane wants done off the UI thread, as a value: what to read, fit or compute, never a
/// closure. Reducer tests compare jobs whole; the runtime performs them (`PaneJobRunner` in
/// glovebox: file jobs it reads and parses itself, compute jobs through the pure functions
/// named by each pane's job type) and answers with `AppAction.jobProgress` (typed snapshots)
/// and `.jobFinished` (the job paired with its pane's result type).
///
/// A new pane adds a case here wrapping its own job enum, and one each in `JobLane`,
/// `PaneJobResult` (and `PaneJobProgress` when it reports progress); no other pane changes.
public enum PaneJob: Equatable, Sendable {
  case materials(LabJob)
  case assembly(LabJob)
  case impedance(ImpedanceJob)
  case cycling(CyclingJob)
  case spectra(SpectraJob)
  case simulation(SimulationJob)

  /// The id of the pane that started the job and receives its progress and result.
  public var paneID: String {
    switch self {
    case .materials: return MaterialsPane.paneID
    case .assembly: return AssemblyPane.paneID
    case .impedance: return ImpedancePane.paneID
    case .cycling: return CyclingPane.paneID
    case .spectra: return SpectraPane.paneID
    case .simulation: return SimulationPane.paneID
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
    case .spectra(let job): return .spectra(job.lane)
    case .simulation(let job): return .simulation(job.lane)
    }
  }
}

/// Which running job a new one replaces, and what `Effect.cancelJob` stops.
public enum JobLane: Hashable, Sendable {
  case materials
  case assembly
  case impedance(ImpedanceJob.Lane)
  case cycling(CyclingJob.Lane)
  case spectra(SpectraJob.Lane)
  case simulation(SimulationJob.Lane)
}

/// A finished job and what it gave, per pane: the job beside a result of the type that pane's
/// jobs give (or why it failed; "cancelled" when it was stopped). A pane matches its own case
/// and switches over its own result type only.
public enum PaneJobResult: Equatable, Sendable {
  case materials(LabJob, Result<LabWorkspace, EffectFailure>)
  case assembly(LabJob, Result<LabWorkspace, EffectFailure>)
  case impedance(ImpedanceJob, Result<ImpedanceJobResult, EffectFailure>)
  case cycling(CyclingJob, Result<CyclingJobResult, EffectFailure>)
  case spectra(SpectraJob, Result<SpectraJobResult, EffectFailure>)
  case simulation(SimulationJob, Result<SimulationJobResult, EffectFailure>)

  /// The job that finished.
  public var job: PaneJob {
    switch self {
    case .materials(let job, _): return .materials(job)
    case .assembly(let job, _): return .assembly(job)
    case .impedance(let job, _): return .impedance(job)
    case .cycling(let job, _): return .cycling(job)
    case .spectra(let job, _): return .spectra(job)
    case .simulation(let job, _): return .simulation(job)
    }
  }
}

/// A snapshot a running job posts (the newest one wins when the UI is busy).
public enum PaneJobProgress: Equatable, Sendable {
  case impedanceFit(ImpedanceFitProgress)
  case spectraFit(SpectraFitProgress)
}
