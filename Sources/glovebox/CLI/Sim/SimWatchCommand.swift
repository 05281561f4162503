import ArgumentParser
import Engine
import Foundation

/// `glovebox sim watch DIR`: follows one run without the workbench. On a terminal one line
/// redrawn in place (\r): a progress bar, ETA and the key metrics; otherwise (a pipe, a file)
/// one line per change of state, step or metrics. Ends when the run finishes, stops, fails or
/// turns out stale, or on Ctrl-C. Reads status.json and only the rows appended to metrics.csv.
struct SimWatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch", abstract: "Follow a run's progress (in place on a terminal, line by line otherwise).")

  @Argument(help: "Run folder.") var directory: String
  @Option(help: "Seconds between looks at the folder.") var interval: Double = 0.5

  func run() throws {
    guard interval > 0, interval.isFinite else { throw ValidationError("--interval must be a positive number of seconds") }
    let folder = URL(fileURLWithPath: directory)
    guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(RunFolder.statusFile).path) else {
      throw reportFailure(ValidationErrorText("\(directory): not a run folder (no status.json)"))
    }
    SimSignals.install()
    let terminal = TerminalOutput.isTerminal(1)
    let metricsURL = folder.appendingPathComponent(RunFolder.metricsFile)
    var reader = RunMetricsReader(fileName: metricsURL.path)
    var lastRow: RunMetricsReader.Row?
    var lastFacts: String?
    var reportedErrors = Set<String>()
    func say(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    while true {
      let summary = RunSummary(listing: SimRunFolderProbe.listing(of: folder, name: directory))
      if let bytes = Self.bytes(of: metricsURL, from: &reader) {
        let update = reader.read(appended: bytes)
        lastRow = update.rows.last ?? lastRow
        if let error = update.error { reportedErrors.insert(error.description) }
      }
      let errors = summary.errors.map(\.description) + reportedErrors.sorted()
      let progress = SimProgressText(
        state: summary.state.rawValue, progress: summary.progress, step: summary.step, time: summary.time,
        stepsPerSecond: summary.stepsPerSecond, etaSeconds: summary.etaSeconds,
        metrics: SimProgressText.metrics(row: lastRow, reader: reader))
      if terminal {
        say("\r" + progress.terminalLine(width: TerminalOutput.width(1)) + "\u{1B}[K")
      } else if progress.facts != lastFacts {
        say(progress.facts + "\n")
        lastFacts = progress.facts
      }
      let ended: Bool
      switch summary.state {
      case .running, .paused: ended = false
      case .finished, .stopped, .failed, .stale, .unknown: ended = true
      }
      if ended || SimSignals.pending != nil {
        if terminal { say("\n") }
        if let reason = summary.reason { say(reason + "\n") }
        for error in errors { FileHandle.standardError.write(Data((error + "\n").utf8)) }
        if SimSignals.pending != nil { return }
        switch summary.state {
        case .failed: throw ExitCode(3)
        case .stale: throw ExitCode(4)
        case .unknown: throw ExitCode(2)
        default: return
        }
      }
      Thread.sleep(forTimeInterval: interval)
    }
  }

  /// The bytes of `url` from the reader's offset on (the whole file again, after a reset, when
  /// it shrank: it was replaced); nil when it cannot be read.
  static func bytes(of url: URL, from reader: inout RunMetricsReader) -> Data? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard let end = try? handle.seekToEnd() else { return nil }
    if end < UInt64(reader.offset) { reader.reset() }
    try? handle.seek(toOffset: UInt64(reader.offset))
    return try? handle.readToEnd() ?? Data()
  }
}
