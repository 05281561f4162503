import Engine
import Foundation
import TUI
import Workbench

/// `SimulationJob`: the run folders' files read for the Simulation pane, through the same probe
/// `glovebox sim list` uses (`SimRunFolderProbe`).
enum SimulationRunReading {
  /// Lines of log.txt the pane's status strip shows.
  static let logLines = 4

  static func perform(_ job: SimulationJob, workspace: String, context: JobContext) throws -> SimulationJobResult {
    switch job {
    case .list(let paths):
      return .listed(try paths.map { path in
        try context.checkCancellation()
        return run(path, workspace: workspace)
      })
    case .metrics(let run, let reader):
      return try metrics(run: run, reader: reader, workspace: workspace)
    case .snapshot(let run, let snapshot, let maxColumns, let maxRows):
      return .snapshot(try frame(run: run, snapshot: snapshot, maxColumns: maxColumns, maxRows: maxRows,
                                 workspace: workspace, context: context))
    case .sweep(let path):
      return .sweep(try sweep(path, workspace: workspace))
    case .sweepHeaders(let paths):
      return .sweepHeaders(try paths.map { path in
        try context.checkCancellation()
        return sweepHeader(path, workspace: workspace)
      })
    }
  }

  /// A sweep folder's sweep.json as the list's entry needs it; a file that cannot be read or
  /// decoded gives a header whose problem says so (file and what was expected).
  static func sweepHeader(_ path: String, workspace: String, now: Date = Date()) -> SimulationSweepHeader {
    let url = WorkspaceFileWalk.url(SimulationPane.filePath(SweepIndex.fileName, in: path), workspace: workspace)
    let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    let since = modified.map { max(0, now.timeIntervalSince($0)) }
    let name = SimulationPane.filePath(SweepIndex.fileName, in: path)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return SimulationSweepHeader(path: path, name: path, executor: "—", points: [], lastWrite: modified, secondsSinceWrite: since,
                                   problem: "\(name): cannot be read")
    }
    do {
      let index = try SweepIndex.decode(data, fileName: name)
      return SimulationSweepHeader(path: path, index: index, lastWrite: modified, secondsSinceWrite: since)
    } catch {
      return SimulationSweepHeader(path: path, name: path, executor: "—", points: [], lastWrite: modified, secondsSinceWrite: since,
                                   problem: "\(error)")
    }
  }

  /// One folder's summary, wall time, log tail and snapshot names (a folder that is gone gives
  /// a summary whose errors say status.json is missing).
  static func run(_ path: String, workspace: String) -> SimulationRun {
    let folder = WorkspaceFileWalk.url(path, workspace: workspace)
    let listing = SimRunFolderProbe.listing(of: folder, name: path)
    let summary = RunSummary(listing: listing)
    let wall = listing.status.flatMap { try? RunStatus.decode($0) }?.wallSeconds
    var lines = (listing.logTail ?? "").split(whereSeparator: \.isNewline).map(String.init)
    // A tail cut mid-file starts mid-line: that first piece is not a line of the log.
    if let tail = listing.logTail, tail.utf8.count >= 4096, !lines.isEmpty { lines.removeFirst() }
    let snapshots = listing.snapshotNames.filter { RunFolder.step(ofSnapshot: $0) != nil }
      .sorted { (RunFolder.step(ofSnapshot: $0) ?? 0) < (RunFolder.step(ofSnapshot: $1) ?? 0) }
    return SimulationRun(summary: summary, wallSeconds: wall, logLines: Array(lines.suffix(logLines)), snapshots: snapshots,
                         sweepFolder: sweepFolder(of: path, workspace: workspace))
  }

  /// The sweep folder a run folder is a point of: its parent, when that holds sweep.json.
  static func sweepFolder(of path: String, workspace: String) -> String? {
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    let index = WorkspaceFileWalk.url(SimulationPane.filePath(SweepIndex.fileName, in: folder), workspace: workspace)
    return FileManager.default.fileExists(atPath: index.path) ? folder : nil
  }

  /// A sweep's points as `sim sweep status` gathers them, without rewriting sweep.json
  /// (looking changes nothing in the folder).
  static func sweep(_ path: String, workspace: String) throws -> SimulationSweep {
    let folder = WorkspaceFileWalk.url(path, workspace: workspace)
    let gathered: SweepState.Gathered
    do { gathered = try SweepState.gather(folder, rewrite: false) } catch { throw EffectFailure("\(error)") }
    return SimulationSweep(path: path, name: gathered.index.name, executor: gathered.index.executor.rawValue,
                           keys: gathered.index.keys, points: gathered.points, warnings: gathered.warnings)
  }

  /// metrics.csv from the reader's offset to its end; a file now shorter than the offset was
  /// replaced, and is read again from its start.
  static func metrics(run: String, reader: RunMetricsReader, workspace: String) throws -> SimulationJobResult {
    let path = SimulationPane.filePath(RunFolder.metricsFile, in: run)
    let url = WorkspaceFileWalk.url(path, workspace: workspace)
    guard let handle = try? FileHandle(forReadingFrom: url) else {
      // No metrics yet (a run that has not written its first row): nothing new.
      var unchanged = reader
      return .metrics(reader: reader, update: unchanged.read(appended: Data()), restarted: false)
    }
    defer { try? handle.close() }
    var reader = reader
    let end = try handle.seekToEnd()
    var restarted = false
    if end < UInt64(reader.offset) {
      reader.reset()
      restarted = true
    }
    try handle.seek(toOffset: UInt64(reader.offset))
    let bytes = try handle.readToEnd() ?? Data()
    let update = reader.read(appended: bytes)
    return .metrics(reader: reader, update: update, restarted: restarted)
  }

  /// A snapshot decoded and each viewable field block-averaged to at most maxColumns × maxRows
  /// points, keeping the points square (one reduction factor for both axes) and the domain's
  /// extent (the reduced spacing is the original times the factor actually applied per axis).
  static func frame(run: String, snapshot: String, maxColumns: Int, maxRows: Int, workspace: String,
                    context: JobContext) throws -> SnapshotFrame {
    let path = SimulationPane.filePath(RunFolder.fieldsDirectory + "/" + snapshot, in: run)
    var previewProblem: String?
    switch SnapshotPreviewReading.frame(run: run, snapshot: snapshot, maxColumns: maxColumns, maxRows: maxRows,
                                        workspace: workspace) {
    case .frame(let frame): return frame
    case .absent: break
    case .unusable(let why): previewProblem = why
    }
    try context.checkCancellation()
    var full = try fullFrame(run: run, snapshot: snapshot, path: path, maxColumns: maxColumns, maxRows: maxRows,
                             workspace: workspace, context: context)
    full.previewProblem = previewProblem
    return full
  }

  /// The frame from the checkpoint itself: every viewable array inflated and block-averaged.
  static func fullFrame(run: String, snapshot: String, path: String, maxColumns: Int, maxRows: Int, workspace: String,
                        context: JobContext) throws -> SnapshotFrame {
    let url = WorkspaceFileWalk.url(path, workspace: workspace)
    let data: Data
    do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch {
      throw EffectFailure("\(path): cannot be read (\(error.localizedDescription))")
    }
    try context.checkCancellation()
    let image: VTKImageData
    // Only the viewable arrays are decoded: a checkpoint's restart-only state is half its size.
    do {
      image = try data.withUnsafeBytes {
        try VTKImageData.parse(bytes: $0, fileName: path, including: { SnapshotField.named($0).isViewable })
      }
    } catch { throw EffectFailure("\(error)") }
    try context.checkCancellation()
    guard image.nx > 0, image.ny > 0 else { throw EffectFailure("\(path): an empty grid (\(image.nx)×\(image.ny))") }
    let (columns, rows) = SnapshotPreview.reducedSize(nx: image.nx, ny: image.ny, maxColumns: maxColumns, maxRows: maxRows)
    let region = GridRegion(x: 0, y: 0, width: image.nx, height: image.ny)
    let viewable = SnapshotField.viewable(among: image.pointFields.map(\.name))
    let fields = viewable.compactMap { field -> SnapshotFrameField? in
      guard let values = image.pointField(field.name), values.count == image.nx * image.ny else { return nil }
      return SnapshotFrameField(field: field, values: FieldDownsample.blockAverage(
        values, columns: image.nx, rows: image.ny, region: region, outputColumns: columns, outputRows: rows))
    }
    guard !fields.isEmpty else { throw EffectFailure("\(path): no viewable point field") }
    return SnapshotFrame(run: run, snapshot: snapshot, sourceColumns: image.nx, sourceRows: image.ny, columns: columns,
                         rows: rows, spacingX: image.spacing.x * Double(image.nx) / Double(columns),
                         spacingY: image.spacing.y * Double(image.ny) / Double(rows),
                         originX: image.origin.x, originY: image.origin.y, fields: fields, time: image.field("time"))
  }
}
