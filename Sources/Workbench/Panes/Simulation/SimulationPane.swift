import Engine
import Foundation
import TUI

/// Pane 6: the workspace's phase-field runs. The list shows every run folder, newest activity
/// first, with its state, progress and speed, re-read every couple of seconds; Enter attaches to
/// one (status strip and log, a metric against simulated time, the newest snapshot as a heat
/// map); p, s and r pause or resume, stop, and restart a run through its control file and
/// `glovebox sim resume`.
public struct SimulationPane: Pane {
  public typealias Action = SimulationPaneAction
  public static let paneID = "simulation"
  public let id = SimulationPane.paneID
  public let title = "Simulation"
  public let workspace: String

  /// Seconds between two listings of the run folders while the pane is open.
  public static let refreshInterval = 2.0
  /// The most points a decoded snapshot keeps along each axis (enough for a full-screen map
  /// zoomed twice; the job block-averages down to this).
  public static let snapshotColumns = 256
  public static let snapshotRows = 256
  /// The frame asked for when the terminal shows images: a sixel or kitty image is drawn at the
  /// pane's pixel size, which at common cell sizes exceeds 256 pixels, so a 1024² run is decoded
  /// (one field, from the checkpoint) at up to this many values a side instead of from the 256²
  /// preview. Cells (tmux, plain terminals) keep the preview's 256².
  public static let imageSnapshotSide = 1024
  /// Values a side of the frames the pane asks for: 256 in cells, `imageSnapshotSide` with images.
  public var snapshotSide = SimulationPane.snapshotColumns
  /// The metric plotted when a run is attached (µm, the dendrite's tip height).
  public static let defaultMetric = "tip_height_um"

  /// What takes the keys besides the pane itself.
  public enum Modal: Equatable, Sendable {
    case none
    /// "Stop run X? y/n".
    case confirmStop(run: String)
    /// The config picker of a new run, at an index into `configs`.
    case pickConfig(Int)
    /// The overrides of a new run of the picked config (`NewRunForm`).
    case newRunForm(NewRunForm)
  }

  /// The index's run folders.
  public internal(set) var listing = FileListing()
  /// The workspace's simulation configs (sim/*.toml and the like), outside run folders.
  public internal(set) var configs: [String] = []
  /// The list's entries, newest activity first: lone runs, and one entry per sweep folder.
  public internal(set) var runs: [SimulationRun] = []
  /// Every run folder as last listed, sweep points included.
  public internal(set) var allRuns: [SimulationRun] = []
  /// The open sweep (its folder), its points as last read, the point selected in it, and
  /// whether a read is out.
  public internal(set) var attachedSweep: String?
  public internal(set) var sweep: SimulationSweep?
  public internal(set) var sweepSelected = 0
  public internal(set) var sweepRunning = false
  public internal(set) var sweepError: String?
  /// The index's sweep.json files (each a sweep folder, started or not), their headers as last
  /// read, and whether a read is out (and another is wanted after it).
  public internal(set) var sweepIndexes = FileListing()
  public internal(set) var sweepHeaders: [String: SimulationSweepHeader] = [:]
  public internal(set) var sweepHeadersRunning = false
  public internal(set) var sweepHeadersAgain = false
  /// When (tick time) the open sweep was last read: a Slurm sweep asks squeue, so it is read
  /// less often (`slurmSweepInterval`).
  public internal(set) var lastSweepReadTime: Double?
  public internal(set) var selected = 0
  public internal(set) var modal: Modal = .none
  /// Whether a list job is out, and when (tick time) the last one started.
  public internal(set) var listRunning = false
  public internal(set) var lastListTime: Double?
  /// A listing is wanted as soon as the running one ends (a folder changed meanwhile).
  public internal(set) var listAgain = false
  public internal(set) var now: Double?

  /// The attached run (its folder's path), nil in the list view.
  public internal(set) var attached: String?
  public internal(set) var metricsReader = RunMetricsReader()
  public internal(set) var metricRows: [[Double?]] = []
  public internal(set) var metricsRunning = false
  public internal(set) var metricsError: String?
  public internal(set) var metric = SimulationPane.defaultMetric
  /// Runs marked for comparison: their metric is drawn over the attached run's.
  public internal(set) var marked: [String] = []
  /// The marked runs' metrics as read so far.
  public internal(set) var compared: [String: MetricsTrace] = [:]
  /// The marked runs' newest snapshots, drawn beside the attached run's field, and the ones
  /// being decoded.
  public internal(set) var comparedFrames: [String: SnapshotFrame] = [:]
  public internal(set) var comparedDecoding: Set<String> = []
  /// The snapshot shown; nil follows the newest.
  public internal(set) var chosenSnapshot: String?
  public internal(set) var frame: SnapshotFrame?
  /// The snapshot being decoded, and the last one that could not be.
  public internal(set) var decoding: String?
  public internal(set) var snapshotError: (snapshot: String, message: String)?
  public internal(set) var fieldName = "xi"
  public internal(set) var viewport: FieldViewport?

  public init(workspace: String) {
    self.workspace = workspace
  }

  /// Another pane has the focus (`visibilityChanged`).
  public internal(set) var isHidden = false

  public var capturesInput: Bool { modal != .none }
  /// Once opened, the pane re-lists its runs every `refreshInterval` seconds while it is shown.
  public var wantsTicks: Bool { listing.requested && !isHidden }
  public var current: SimulationRun? { runs.indices.contains(selected) ? runs[selected] : nil }
  public var attachedRun: SimulationRun? { attached.flatMap { path in allRuns.first { $0.path == path } } }
  /// The snapshot the attached view shows: the chosen one, else the run's newest.
  public var wantedSnapshot: String? { chosenSnapshot ?? attachedRun?.summary.latestSnapshot }

  public mutating func handle(_ event: PaneEvent) -> [Effect] {
    switch event {
    case .focused:
      return listing.request() ? [.requestFiles(.runFolder), .requestFiles(.simulationConfig), .requestFiles(.sweep), .render] : [.render]
    case .workspaceFiles(.sweep, let files, let complete):
      return sweepIndexesListed(files, complete: complete)
    case .workspaceFiles(.simulationConfig, let files, _):
      let folders = listing.known.keys
      configs = files.map(\.path).filter { path in !folders.contains { path.hasPrefix($0 + "/") } }.sorted()
      if case .pickConfig(let i) = modal { modal = configs.isEmpty ? .none : .pickConfig(min(i, configs.count - 1)) }
      return [.render]
    case .workspaceFiles(.runFolder, let files, let complete):
      let (read, removed) = listing.update(files, complete: complete)
      if !removed.isEmpty {
        let gone = Set(removed)
        allRuns.removeAll { gone.contains($0.path) }
        rebuildEntries()
      }
      var effects: [Effect] = [.render]
      if !read.isEmpty || !removed.isEmpty { effects += startListing() }
      return effects
    case .tick(let time):
      now = time
      guard let last = lastListTime, time - last < Self.refreshInterval else { return startListing() + refreshAttached() }
      return []
    case .fileChanged(let path):
      if let attached, let effects = attachedFileChanged(path, run: attached) { return effects }
      guard listing.known.keys.contains(where: { path == $0 || path.hasPrefix($0 + "/") || $0 == "." }) else { return [] }
      return startListing()
    case .jobFinished(.simulation(let job, let result)):
      return finished(job, result)
    case .filesWritten(let result):
      switch result {
      case .success(let paths):
        lastListTime = nil
        return [.status(StatusMessage("wrote \(paths.joined(separator: ", "))"))] + startListing()
      case .failure(let failure):
        return [.status(.error("simulation: \(failure.message)"))]
      }
    case .processFinished(let result):
      switch result {
      case .success(let output) where output.status == 0:
        let line = output.standardOutput.split(whereSeparator: \.isNewline).first.map(String.init) ?? "started"
        return [.status(StatusMessage(line))] + startListing()
      case .success(let output):
        let why = output.standardError.split(whereSeparator: \.isNewline).last.map(String.init) ?? "exit status \(output.status)"
        return [.status(.error("sim: \(why)"))]
      case .failure(let failure):
        return [.status(.error("sim: \(failure.message)"))]
      }
    case .key(let key):
      return typed(key)
    case .workspaceFiles, .jobFinished, .jobProgress, .fileLoaded, .fileAppended:
      return []
    }
  }

  /// A list job over every known run folder, unless one is out (then one follows it).
  mutating func startListing() -> [Effect] {
    guard !listRunning else {
      listAgain = true
      return []
    }
    let paths = listing.known.keys.sorted()
    guard !paths.isEmpty else { return [] }
    listRunning = true
    listAgain = false
    lastListTime = now ?? lastListTime ?? 0
    return [.startJob(.simulation(.list(paths: paths)))]
  }

  /// The attached run's new metrics rows and, when it has a snapshot not yet shown, its decode.
  mutating func refreshAttached() -> [Effect] {
    var effects: [Effect] = []
    if let path = attachedSweep, !sweepRunning, sweepReadIsDue {
      sweepRunning = true
      lastSweepReadTime = now
      effects.append(.startJob(.simulation(.sweep(path: path))))
    }
    guard let run = attached else { return effects }
    if !metricsRunning {
      metricsRunning = true
      effects.append(.startJob(.simulation(.metrics(run: run, reader: metricsReader))))
    }
    for other in marked where other != run && compared[other]?.running != true {
      var trace = compared[other] ?? MetricsTrace()
      trace.running = true
      compared[other] = trace
      effects.append(.startJob(.simulation(.metrics(run: other, reader: trace.reader))))
    }
    effects += refreshComparedFrames()
    if let wanted = wantedSnapshot, wanted != frame?.snapshot || frame?.run != run, wanted != decoding,
       snapshotError?.snapshot != wanted {
      decoding = wanted
      effects.append(.startJob(.simulation(.snapshot(run: run, snapshot: wanted, maxColumns: snapshotSide,
                                                     maxRows: snapshotSide))))
    }
    return effects
  }

  mutating func finished(_ job: SimulationJob, _ result: Result<SimulationJobResult, EffectFailure>) -> [Effect] {
    switch (job, result) {
    case (.list, .success(.listed(let listed))):
      listRunning = false
      allRuns = listed
      rebuildEntries()
      var effects: [Effect] = [.render]
      if listAgain { effects += startListing() }
      return effects + refreshAttached()
    case (.list, .failure(let failure)):
      listRunning = false
      return [.status(.error("simulation: listing runs: \(failure.message)"))]
    case (.metrics(let run, _), .success(.metrics(let reader, let update, let restarted))) where run != attached:
      guard var trace = compared[run], marked.contains(run) else { return [] }
      trace.take(reader: reader, update: update, restarted: restarted)
      compared[run] = trace
      // The run's snapshot times are known now: its snapshot nearest the attached one's.
      return [.render] + refreshComparedFrames()
    case (.metrics(let run, _), .success(.metrics(let reader, let update, let restarted))):
      metricsRunning = false
      if restarted { metricRows = [] }
      metricsReader = reader
      metricRows += update.rows.map(\.values)
      metricsError = update.error.map { "\(run)/\($0)" }
      if !reader.columns.isEmpty, !reader.columns.contains(metric) { metric = Self.defaultMetric }
      return [.render]
    case (.metrics(let run, _), .failure(let failure)) where run != attached:
      compared[run]?.running = false
      compared[run]?.error = failure.message
      return [.render]
    case (.metrics, .failure(let failure)):
      metricsRunning = false
      metricsError = failure.message
      return [.render]
    case (.snapshot(let run, _, _, _), .success(.snapshot(let decoded))) where run != attached:
      comparedDecoding.remove(run)
      guard marked.contains(run) else { return [] }
      comparedFrames[run] = decoded
      return [.render]
    case (.snapshot(let run, _, _, _), .failure(let failure)) where run != attached:
      comparedDecoding.remove(run)
      guard marked.contains(run) else { return [] }
      return [.status(.error("simulation: \(run): \(failure.message)"))]
    case (.snapshot(let run, let name, _, _), .success(.snapshot(let decoded))):
      guard run == attached else { return [] }
      comparedDecoding.remove(run)
      if decoding == name { decoding = nil }
      if viewport?.columns != decoded.columns || viewport?.rows != decoded.rows {
        viewport = FieldViewport(columns: decoded.columns, rows: decoded.rows)
      }
      frame = decoded
      snapshotError = nil
      if decoded.values(fieldName) == nil { fieldName = decoded.fields.first?.field.name ?? fieldName }
      let problem: [Effect] = decoded.previewProblem.map { [.status(.error("preview not used: \($0)"))] } ?? []
      return [.render] + problem + refreshAttached()
    case (.snapshot(let run, let name, _, _), .failure(let failure)):
      guard run == attached else { return [] }
      comparedDecoding.remove(run)
      if decoding == name { decoding = nil }
      snapshotError = (name, failure.message)
      return [.render]
    case (.sweep(let path), .success(.sweep(let read))):
      guard path == attachedSweep else { return [] }
      sweepRunning = false
      sweep = read
      sweepError = nil
      sweepSelected = min(sweepSelected, max(0, read.points.count - 1))
      return [.render]
    case (.sweep(let path), .failure(let failure)):
      guard path == attachedSweep else { return [] }
      sweepRunning = false
      sweepError = failure.message
      return [.render]
    case (.sweepHeaders, .success(.sweepHeaders(let headers))):
      return sweepHeadersRead(headers)
    case (.sweepHeaders, .failure(let failure)):
      sweepHeadersRunning = false
      return [.status(.error("simulation: reading sweep indexes: \(failure.message)"))]
    case (.list, .success), (.metrics, .success), (.snapshot, .success), (.sweep, .success), (.sweepHeaders, .success):
      return [.status(.error("simulation: a job answered with another job's result"))]
    }
  }

  /// A run's metrics for comparison, read incrementally like the attached run's.
  public struct MetricsTrace: Sendable {
    public internal(set) var reader = RunMetricsReader()
    public internal(set) var rows: [[Double?]] = []
    public internal(set) var running = false
    public internal(set) var error: String?

    mutating func take(reader: RunMetricsReader, update: RunMetricsReader.Update, restarted: Bool) {
      running = false
      if restarted { rows = [] }
      self.reader = reader
      rows += update.rows.map(\.values)
      error = update.error.map { "\($0)" }
    }

    /// The (time, column) points of a column, finite ones only.
    func points(_ column: String) -> [(Double, Double)] {
      guard let x = reader.column("time_s"), let y = reader.column(column) else { return [] }
      return rows.compactMap { row in
        guard x < row.count, y < row.count, let t = row[x], let v = row[y], t.isFinite, v.isFinite else { return nil }
        return (t, v)
      }
    }
  }

  mutating func select(_ path: String?) {
    if let path, let i = runs.firstIndex(where: { $0.path == path }) {
      selected = i
    } else {
      selected = min(selected, max(0, runs.count - 1))
    }
  }
}
