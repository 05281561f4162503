import Engine

/// The Simulation pane's jobs. The runtime does the file work (`SimulationRunReading` in
/// glovebox): it gathers each run folder's small files, reads metrics.csv from where the
/// pane's reader stopped, and decodes a snapshot and reduces its fields to the size drawn.
public enum SimulationJob: Equatable, Sendable {
  /// Summaries of the run folders (paths relative to the workspace), the attached one's log tail
  /// included. Answered with `.listed`.
  case list(paths: [String])
  /// The rows of `run`/metrics.csv after `reader.offset` (a file shorter than that is read
  /// again from its start). Answered with `.metrics`.
  case metrics(run: String, reader: RunMetricsReader)
  /// `run`/fields/`snapshot` decoded, its viewable fields block-averaged to at most
  /// `maxColumns` × `maxRows` points. Answered with `.snapshot`.
  case snapshot(run: String, snapshot: String, maxColumns: Int, maxRows: Int)
  /// A sweep folder's points (sweep.json, each point's run folder and metrics), read without
  /// writing anything. Answered with `.sweep`.
  case sweep(path: String)
  /// The sweep folders' sweep.json files (paths of the folders), read without asking the
  /// scheduler: the list's entries for sweeps, started or not. Answered with `.sweepHeaders`.
  case sweepHeaders(paths: [String])

  /// A new listing supersedes the running one; metrics and snapshots per run.
  public enum Lane: Hashable, Sendable {
    case list
    case metrics(String)
    case snapshot(String)
    case sweep(String)
    case sweepHeaders
  }

  public var lane: Lane {
    switch self {
    case .list: return .list
    case .metrics(let run, _): return .metrics(run)
    case .snapshot(let run, _, _, _): return .snapshot(run)
    case .sweep(let path): return .sweep(path)
    case .sweepHeaders: return .sweepHeaders
    }
  }
}

public enum SimulationJobResult: Equatable, Sendable {
  case listed([SimulationRun])
  /// The reader advanced past the rows read (or reset, when the file was replaced), and what
  /// it found.
  case metrics(reader: RunMetricsReader, update: RunMetricsReader.Update, restarted: Bool)
  case snapshot(SnapshotFrame)
  case sweep(SimulationSweep)
  case sweepHeaders([SimulationSweepHeader])
}

/// One run folder as the pane lists it: its summary and what the status strip needs besides.
public struct SimulationRun: Equatable, Sendable {
  public var summary: RunSummary
  /// Wall-clock seconds of the run's current (or last) process, from status.json.
  public var wallSeconds: Double?
  /// The last complete lines of log.txt (at most a few).
  public var logLines: [String]
  /// The snapshot names of fields/, in step order.
  public var snapshots: [String]
  /// The sweep folder this run is a point of (its parent holds sweep.json), nil for a lone run.
  public var sweepFolder: String?
  /// For the list's one entry standing for a whole sweep: its points' runs (the entry's
  /// `summary.name` is the sweep folder); nil for a run.
  public var sweepPoints: [SimulationRun]?
  /// For a sweep's entry: its sweep.json as last read (every point, started or not), when read.
  public var sweepHeader: SimulationSweepHeader?

  public init(summary: RunSummary, wallSeconds: Double?, logLines: [String], snapshots: [String], sweepFolder: String? = nil,
              sweepPoints: [SimulationRun]? = nil, sweepHeader: SimulationSweepHeader? = nil) {
    self.sweepHeader = sweepHeader
    self.summary = summary
    self.wallSeconds = wallSeconds
    self.logLines = logLines
    self.snapshots = snapshots
    self.sweepFolder = sweepFolder
    self.sweepPoints = sweepPoints
  }

  public var path: String { summary.name }
}

/// A snapshot reduced to what a field map draws: each viewable field on a grid of at most the
/// job's size, with the spacing of the reduced grid (the domain's extent is kept exactly).
public struct SnapshotFrame: Equatable, Sendable {
  public var run: String
  public var snapshot: String
  /// The full grid of the file.
  public var sourceColumns: Int
  public var sourceRows: Int
  /// The reduced grid.
  public var columns: Int
  public var rows: Int
  /// Metres per reduced point.
  public var spacingX: Double
  public var spacingY: Double
  public var originX: Double
  public var originY: Double
  /// Viewable fields in `SnapshotField.viewable` order, each `columns × rows` values.
  public var fields: [SnapshotFrameField]
  /// Simulated seconds of the snapshot (its field data `time`, or its preview's); nil when the
  /// file does not say.
  public var time: Double?
  /// Whether the values came from the snapshot's preview (Float32) rather than the checkpoint.
  public var fromPreview: Bool
  /// Why the preview beside the snapshot was not used (malformed, another grid), when it was
  /// there; the frame then comes from the checkpoint itself.
  public var previewProblem: String?

  public init(run: String, snapshot: String, sourceColumns: Int, sourceRows: Int, columns: Int, rows: Int,
              spacingX: Double, spacingY: Double, originX: Double, originY: Double, fields: [SnapshotFrameField],
              time: Double? = nil, fromPreview: Bool = false, previewProblem: String? = nil) {
    self.time = time
    self.fromPreview = fromPreview
    self.previewProblem = previewProblem
    self.run = run
    self.snapshot = snapshot
    self.sourceColumns = sourceColumns
    self.sourceRows = sourceRows
    self.columns = columns
    self.rows = rows
    self.spacingX = spacingX
    self.spacingY = spacingY
    self.originX = originX
    self.originY = originY
    self.fields = fields
  }

  public func values(_ name: String) -> [Double]? { fields.first { $0.field.name == name }?.values }
}

public struct SnapshotFrameField: Equatable, Sendable {
  public var field: SnapshotField
  public var values: [Double]
  public init(field: SnapshotField, values: [Double]) {
    self.field = field
    self.values = values
  }
}
