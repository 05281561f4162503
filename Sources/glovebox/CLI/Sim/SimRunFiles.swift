import Engine
import Foundation

/// Thin file I/O around `RunFolder`: atomic replacement (write a temporary file in the same
/// directory, then rename), appends, and reading the latest checkpoint.
struct SimRunFiles {
  let directory: URL

  func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
  var fields: URL { url(RunFolder.fieldsDirectory) }

  func create() throws {
    try FileManager.default.createDirectory(at: fields, withIntermediateDirectories: true)
  }

  /// Writes `data` so that readers see either the old or the new file, never a partial one
  /// (`writeAtomically`: a failure names the file and the reason in words).
  func replace(_ name: String, with data: Data) throws {
    try writeAtomically(name, data)
  }

  func append(_ name: String, _ text: String) {
    let target = url(name)
    if !FileManager.default.fileExists(atPath: target.path) {
      _ = FileManager.default.createFile(atPath: target.path, contents: nil)
    }
    guard let handle = try? FileHandle(forWritingTo: target) else { return }
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    try? handle.write(contentsOf: Data(text.utf8))
  }

  func log(_ message: String) {
    let stamp = ISO8601DateFormatter().string(from: Date())
    append(RunFolder.logFile, "\(stamp) \(message)\n")
  }

  func read(_ name: String) -> Data? { FileManager.default.contents(atPath: url(name).path) }

  func readStatus() throws -> RunStatus {
    guard let data = read(RunFolder.statusFile) else {
      throw ValidationErrorText("\(url(RunFolder.statusFile).path): no status file (is this a run folder?)")
    }
    return try RunStatus.decode(data, fileName: url(RunFolder.statusFile).path)
  }

  func latestSnapshotName() -> String? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fields.path)) ?? []
    return RunFolder.latestSnapshot(in: names)
  }

  /// Snapshot names, newest first.
  func snapshotNamesNewestFirst() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fields.path)) ?? []
    return names.compactMap { name in RunFolder.step(ofSnapshot: name).map { (name, $0) } }
      .sorted { $0.1 > $1.1 }.map(\.0)
  }

  /// Removes what a killed process left of an atomic write (`writeAtomically`'s hidden
  /// `.partial-PID-NAME` files, and Foundation's `.dat.nosync…` of older versions), in the run
  /// folder and in fields/; returns the names removed (fields/ ones as `fields/NAME`).
  func removeTemporaries() -> [String] {
    var removed: [String] = []
    for (folder, prefix) in [(directory, ""), (fields, RunFolder.fieldsDirectory + "/")] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names where name.hasPrefix(".dat.nosync") || name.hasPrefix(Self.temporaryPrefix) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        removed.append(prefix + name)
      }
    }
    return removed.sorted()
  }

  /// Keeps a torn snapshot for inspection under `NAME.torn` (no longer a snapshot name, so
  /// nothing restarts from it).
  func setAsideTorn(_ name: String) {
    try? FileManager.default.moveItem(at: fields.appendingPathComponent(name), to: fields.appendingPathComponent(name + ".torn"))
  }

  /// Makes metrics.csv hold what the run resumed from `step` will continue: the header, then
  /// the rows up to `step`, one per step. Dropped: rows after `step` (a run resumed from an
  /// older snapshot writes them again, identically, as restarts are bit for bit), a row torn by
  /// a kill (fewer cells than the header) and a repeated step. Rewritten only when it changes.
  func truncateMetrics(after step: Int) throws {
    guard let data = read(RunFolder.metricsFile) else { return }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
    let columns = RunMetricsRow.header.split(separator: ",").count
    var kept = [RunMetricsRow.header]
    var seen = Set<Int>()
    for line in lines.dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      guard cells.count == columns, let rowStep = Int(cells[0]), rowStep <= step, seen.insert(rowStep).inserted else { continue }
      kept.append(String(line))
    }
    let text = kept.joined(separator: "\n") + "\n"
    if text.utf8.count != data.count || Data(text.utf8) != data {
      try replace(RunFolder.metricsFile, with: Data(text.utf8))
    }
  }

  /// Writes the step's checkpoint and, first, its preview (`SnapshotPreview`), so a viewer that
  /// sees the `.vti` appear finds the preview already in place. Each is renamed into place whole.
  func writeSnapshot(_ model: LiModel) throws -> String {
    let name = RunFolder.snapshotName(step: model.state.step)
    let image = model.checkpoint()
    if let preview = SnapshotPreview.make(from: image) {
      try replace(RunFolder.fieldsDirectory + "/" + SnapshotPreview.fileName(forSnapshot: name), with: Data(preview.encoded()))
    }
    try replace(RunFolder.fieldsDirectory + "/" + name, with: Data(image.document()))
    return name
  }
}

/// An error message for the CLI's stderr (already in `file: message` form).
struct ValidationErrorText: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Whether a process id is alive: it answers signal 0 and is not a zombie (a killed detached
/// run stays a zombie until its reaper collects it; /proc/PID/stat's third field is then Z).
func processIsAlive(_ pid: Int32) -> Bool {
  guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
  guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
    let close = stat.lastIndex(of: ")")
  else { return true }
  let state = stat[stat.index(after: close)...].split(separator: " ").first
  return state != "Z"
}
