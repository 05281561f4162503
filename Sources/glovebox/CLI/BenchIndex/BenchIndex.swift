import ArgumentParser
import Foundation
import Glibc
import Workbench

/// `glovebox bench-index [DIR]` (hidden, for `make bench`): the workspace index on a folder of
/// many files — by default a synthetic workspace of `--files` small files written to a
/// temporary folder. Reports the first walk's time (beside Foundation's enumerator over the
/// same tree), the index's memory, how soon a created, modified and deleted file is noticed
/// (inotify, and the polling fallback), and the workbench itself on that folder: the first
/// frame, a key answered while the index walks, and `q`.
struct BenchIndex: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-index", abstract: "Benchmark the workspace index on a large folder.", shouldDisplay: false)

  @Argument(help: "An existing folder to index (default: a synthetic workspace in a temporary folder).")
  var directory: String?

  @Option(help: "Files in the synthetic workspace.")
  var files = 100_000

  @Option(help: "Changes timed per kind (create, modify, delete).")
  var changes = 20

  @Flag(help: "Skip timing the workbench on the folder.")
  var noWorkbench = false

  @Flag(help: "Keep the synthetic workspace (its path is printed).")
  var keep = false

  @Flag(help: "Print one JSON document.")
  var json = false

  func validate() throws {
    guard files >= 10_000 else { throw ValidationError("--files \(files): expected at least 10000") }
    guard changes >= 1 else { throw ValidationError("--changes \(changes): expected at least 1") }
  }

  func run() throws {
    var report = BenchIndexReport()
    let root: String
    var synthetic: SyntheticWorkspace?
    if let directory {
      root = directory
    } else {
      root = NSTemporaryDirectory() + "glovebox-bench-index-\(getpid())"
      var workspace = SyntheticWorkspace(root: root)
      let started = Self.now()
      try workspace.build(total: files)
      report.files_written = workspace.filesWritten
      report.write_seconds = Self.now() - started
      synthetic = workspace
    }
    defer {
      if synthetic != nil && !keep { try? FileManager.default.removeItem(atPath: root) }
    }
    report.foundation_walk_ms = Self.foundationWalk(root) * 1000

    let before = ResidentMemory.bytes() ?? 0
    let index = WorkspaceIndex(root: root)
    let started = Self.now()
    index.start()
    guard index.waitUntilComplete(timeout: 300) else { throw ValidationError("the index did not finish within 300 s") }
    report.first_walk_ms = (Self.now() - started) * 1000
    report.entries = index.count
    report.resident_growth_mb = Double((ResidentMemory.bytes() ?? 0) - before) / 1_048_576
    report.bytes_per_entry = Double((ResidentMemory.bytes() ?? 0) - before) / Double(max(1, report.entries))
    report.mode = "\(index.mode)"
    if let synthetic { try Self.check(index, against: synthetic) }

    // Changes are timed only in the synthetic workspace: the benchmark writes no file into a
    // user's folder.
    if synthetic != nil {
      report.inotify_notice_ms = try ChangeTiming.measure(index: index, root: root, folder: "data/g0/s0", count: changes)
    }
    index.stop()
    if synthetic != nil {
      let polling = WorkspaceIndex(root: root, options: .init(useInotify: false, pollInterval: 1.0))
      polling.start()
      polling.waitUntilComplete(timeout: 300)
      report.polling_notice_ms = try ChangeTiming.measure(index: polling, root: root, folder: "data/g0/s1", count: 2)
      polling.stop()
    }

    if !noWorkbench { report.workbench = try WorkbenchTiming.measure(workspace: root) }
    if keep && synthetic != nil { report.kept = root }
    if json {
      try printJSON(report)
    } else {
      report.printLines(files: files)
    }
  }

  static func now() -> Double { ProcessInfo.processInfo.systemUptime }

  /// The walk the panes' scans and the old watcher made: Foundation's enumerator, hidden files
  /// skipped, the regular-file check per file.
  static func foundationWalk(_ root: String) -> Double {
    let started = now()
    let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
    var count = 0
    if let walker = FileManager.default.enumerator(
      at: URL(fileURLWithPath: root), includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
    {
      for case let url as URL in walker where (try? url.resourceValues(forKeys: Set(keys)))?.isRegularFile == true { count += 1 }
    }
    return count > 0 ? now() - started : 0
  }

  /// The synthetic workspace's kinds must come out of the index as written, or the timing
  /// measured the wrong work.
  static func check(_ index: WorkspaceIndex, against workspace: SyntheticWorkspace) throws {
    let counts = index.counts()
    for (kind, expected) in workspace.expectedByKind where counts[kind, default: 0] != expected {
      throw ValidationError("index holds \(counts[kind, default: 0]) \(kind.rawValue) entries, the benchmark wrote \(expected)")
    }
    guard index.count == workspace.expectedEntries else {
      throw ValidationError("index holds \(index.count) entries, expected \(workspace.expectedEntries)")
    }
  }
}
