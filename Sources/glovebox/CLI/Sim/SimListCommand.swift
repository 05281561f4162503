import ArgumentParser
import Engine
import Foundation

/// `glovebox sim list [DIR]`: every run folder under DIR, newest activity first, with the
/// columns of the Simulation pane. Looks only; decodes no snapshot.
struct SimListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List run folders (folders holding status.json) under a folder, newest first.")

  @Argument(help: "Folder to search (default: the current folder).") var directory: String = "."
  @Flag(help: "Print one JSON document.") var json = false

  /// One run in `--json` output (absent members are unknown).
  struct Entry: Encodable {
    var name: String
    var model: String?
    var state: String
    var step: Int?
    var time_s: Double?
    var target_steps: Int?
    var target_time_s: Double?
    var progress: Double?
    var steps_per_second: Double?
    var eta_seconds: Double?
    var seconds_since_write: Double?
    var pid: Int32?
    var reason: String?
    var snapshots: Int
    var latest_snapshot: String?
    var errors: [String]

    init(_ s: RunSummary) {
      name = s.name
      model = s.model
      state = s.state.rawValue
      step = s.step
      time_s = s.time
      target_steps = s.targetSteps
      target_time_s = s.targetTime
      progress = s.progress
      steps_per_second = s.stepsPerSecond
      eta_seconds = s.etaSeconds
      seconds_since_write = s.secondsSinceWrite
      pid = s.pid
      reason = s.reason
      snapshots = s.snapshotCount
      latest_snapshot = s.latestSnapshot
      errors = s.errors.map(\.description)
    }
  }

  static func summaries(under root: URL, now: Date = Date()) -> [RunSummary] {
    SimRunFolderProbe.runFolders(under: root).map { folder in
      RunSummary(listing: SimRunFolderProbe.listing(of: folder, name: SimRunFolderProbe.name(of: folder, under: root), now: now))
    }.sorted { ($0.lastWrite ?? .distantPast, $1.name) > ($1.lastWrite ?? .distantPast, $0.name) }
  }

  func run() throws {
    let root = URL(fileURLWithPath: directory)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw reportFailure(ValidationErrorText("\(directory): not a folder"))
    }
    let runs = Self.summaries(under: root)
    if json {
      try printJSON(["runs": runs.map(Entry.init)])
      return
    }
    guard !runs.isEmpty else {
      print("no run folders under \(directory)")
      return
    }
    let header = ["NAME", "MODEL", "STATE", "PROGRESS", "T (s)", "STEP", "STEPS/S", "ETA", "LAST WRITE"]
    let rows = runs.map { s -> [String] in
      [s.name, s.model ?? "?", s.state.rawValue, SimProgressText.number(s.progress.map { $0 * 100 }, "%.1f%%"),
       SimProgressText.number(s.time, "%.4g"), s.step.map(String.init) ?? "-",
       SimProgressText.number(s.stepsPerSecond, "%.1f"), SimProgressText.duration(s.etaSeconds),
       s.secondsSinceWrite.map { SimProgressText.duration($0) + " ago" } ?? "-"]
    }
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        .trimmingCharacters(in: .whitespaces)
    }
    print(line(header))
    for (summary, row) in zip(runs, rows) {
      print(line(row))
      if let reason = summary.reason, summary.state != .running { print("    \(reason)") }
      for error in summary.errors { print("    \(error)") }
    }
  }
}
