import Engine
import Foundation

/// The file-system edge of `RunSummary`: finds run folders and gathers a `RunFolderListing`
/// (small files, names in fields/, modification times, whether the pid is this folder's run).
/// Reads only; never writes into a folder it looks at.
enum SimRunFolderProbe {
  /// Folders under `root` (itself included) holding status.json, at any depth; fields/, .git
  /// and .build are not entered.
  static func runFolders(under root: URL) -> [URL] {
    let manager = FileManager.default
    var found: [URL] = []
    if manager.fileExists(atPath: root.appendingPathComponent(RunFolder.statusFile).path) { found.append(root) }
    guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [],
                                          errorHandler: { _, _ in true })
    else { return found }
    let skipped: Set<String> = [RunFolder.fieldsDirectory, ".git", ".build"]
    for case let url as URL in walker {
      guard (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true else { continue }
      if skipped.contains(url.lastPathComponent) {
        walker.skipDescendants()
        continue
      }
      if manager.fileExists(atPath: url.appendingPathComponent(RunFolder.statusFile).path) { found.append(url) }
    }
    return found
  }

  static func modificationTime(_ url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
  }

  /// The last `limit` bytes of a file (the log's tail), nil when it cannot be read.
  static func tail(of url: URL, limit: Int = 4096) -> String? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard let end = try? handle.seekToEnd() else { return nil }
    try? handle.seek(toOffset: end > UInt64(limit) ? end - UInt64(limit) : 0)
    return (try? handle.readToEnd()).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Whether `pid` is alive and its command line is a glovebox run of `folder`
  /// (/proc/PID/cmdline and /proc/PID/cwd); nil when /proc cannot tell (another user's process).
  static func processIsRun(pid: Int32, folder: URL) -> Bool? {
    guard processIsAlive(pid) else { return false }
    guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
    let arguments = raw.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let cwd = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) ?? "/"
    return RunProcessCheck.isRun(commandLine: Array(arguments.prefix { !$0.isEmpty }), workingDirectory: cwd,
                                 of: folder.standardizedFileURL.path)
  }

  static func listing(of folder: URL, name: String, now: Date = Date()) -> RunFolderListing {
    let manager = FileManager.default
    let status = manager.contents(atPath: folder.appendingPathComponent(RunFolder.statusFile).path)
    let config = manager.contents(atPath: folder.appendingPathComponent(RunFolder.configFile).path)
      .map { String(decoding: $0, as: UTF8.self) }
    let names = (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(RunFolder.fieldsDirectory).path)) ?? []
    var times: [String: Date] = [:]
    for file in [RunFolder.statusFile, RunFolder.metricsFile, RunFolder.logFile] {
      times[file] = modificationTime(folder.appendingPathComponent(file))
    }
    if let latest = RunFolder.latestSnapshot(in: names) {
      times[RunFolder.fieldsDirectory + "/" + latest] =
        modificationTime(folder.appendingPathComponent(RunFolder.fieldsDirectory).appendingPathComponent(latest))
    }
    var isRun: Bool?
    if let status, let decoded = try? RunStatus.decode(status), decoded.state == .running || decoded.state == .paused {
      isRun = processIsRun(pid: decoded.pid, folder: folder)
    }
    return RunFolderListing(name: name, status: status, config: config, snapshotNames: names,
                            logTail: tail(of: folder.appendingPathComponent(RunFolder.logFile)),
                            modificationTimes: times, now: now, processIsRun: isRun)
  }

  /// The name of `folder` relative to `root` ("." for the root itself).
  static func name(of folder: URL, under root: URL) -> String {
    let base = root.standardizedFileURL.path, path = folder.standardizedFileURL.path
    if path == base { return root.path == "." ? "." : root.relativePath }
    let prefix = base.hasSuffix("/") ? base : base + "/"
    let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    return root.relativePath == "." ? relative : (root.relativePath as NSString).appendingPathComponent(relative)
  }
}
