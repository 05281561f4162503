import Workbench
import Foundation
import Glibc

/// The work of a `WorkspaceIndex`'s thread: the first walk, then following changes by inotify
/// or, failing that, by re-walking. Only this thread changes `entries`; it owns the watches.
final class IndexThread {
  struct Watched {
    var path: String
    var isRunFolder: Bool
  }

  let index: WorkspaceIndex
  var inotify: Inotify?
  var watches: [Int32: Watched] = [:]
  var watchOfPath: [String: Int32] = [:]
  /// Set when the watch limit was reached: the rest of the life of the index is polling.
  var pollingFallback = false
  var lastRescanSeconds = 0.0
  /// The last `flush()` request handled.
  var flushed = 0

  init(index: WorkspaceIndex) {
    self.index = index
  }

  var stopRequested: Bool { index.withLock { index.stopRequested } }

  func run() {
    if index.options.useInotify {
      inotify = Inotify()
      if let limit = index.options.watchLimit { inotify?.watchLimit = limit }
    }
    if inotify == nil { pollingFallback = true }
    let started = ProcessInfo.processInfo.systemUptime
    let finished = walk("", previous: [:]) { batch in
      index.withLock { for (path, entry) in batch { index.entries[path] = entry } }
    }
    if finished {
      let seconds = ProcessInfo.processInfo.systemUptime - started
      index.withLock {
        index.complete = true
        index.walkSeconds = seconds
        index.currentMode = pollingFallback ? .polling : .inotify
      }
      follow()
    }
    inotify = nil
    index.withLock { index.currentMode = .stopped }
  }

  /// Waits for changes until `stop()`: inotify events as they come, or a re-walk every poll
  /// interval (stretched to four times the last re-walk, so a huge folder costs at most a
  /// fifth of a core).
  private func follow() {
    while !stopRequested {
      let wanted = index.withLock { index.flushRequested }
      if !pollingFallback, let inotify {
        if inotify.wait(milliseconds: index.options.wakeMilliseconds) || wanted > flushed { apply(inotify.read()) }
      } else {
        let pause = max(index.options.pollInterval, 4 * lastRescanSeconds)
        let wake = ProcessInfo.processInfo.systemUptime + pause
        while !stopRequested && ProcessInfo.processInfo.systemUptime < wake
          && index.withLock({ index.flushRequested }) == flushed
        {
          usleep(UInt32(max(1, min(Double(index.options.wakeMilliseconds), pause * 1000))) * 1000)
        }
        if stopRequested { break }
        rescan()
      }
      flushed = wanted
      index.withLock { index.flushDone = max(index.flushDone, wanted) }
    }
  }

  /// Walks the tree under `top` (workspace-relative) depth first, watching each folder before
  /// listing it (so an entry created after the listing is reported by an event), and hands
  /// each folder's entries to `sink`. `previous` lends the kinds of files whose stamps did not
  /// change, so a re-walk sniffs only new or changed files. False when stopped midway.
  func walk(_ top: String, previous: [String: WorkspaceIndex.Entry], sink: ([(String, WorkspaceIndex.Entry)]) -> Void) -> Bool {
    var folders = [top]
    while let folder = folders.popLast() {
      if stopRequested { return false }
      let watch = watchFolder(folder)
      let listing = DirectoryReader.list(index.absolutePath(folder), headLength: WorkspaceClassifier.sniffLength) { name, stamp in
        let path = Self.join(folder, name)
        if let old = previous[path], old.stamp == stamp, old.kind != .runFolder { return false }
        return WorkspaceClassifier.classify(path: path) == .needsHead
      }
      guard let listing else { continue }
      if !folder.isEmpty, let status = listing.files.first(where: { $0.name == "status.json" }) {
        if let watch { watches[watch]?.isRunFolder = true }
        sink([(folder, WorkspaceIndex.Entry(kind: .runFolder, stamp: status.stamp))])
        continue
      }
      // A workspace opened on a run folder itself: indexed, but not its snapshots.
      let skipsFields = folder.isEmpty && listing.files.contains { $0.name == "status.json" }
      var batch: [(String, WorkspaceIndex.Entry)] = []
      batch.reserveCapacity(listing.files.count)
      for file in listing.files {
        let path = Self.join(folder, file.name)
        let kind = file.head.map { WorkspaceClassifier.classify(path: path, head: $0) }
          ?? kind(of: path, stamp: file.stamp, previous: previous[path])
        batch.append((path, WorkspaceIndex.Entry(kind: kind, stamp: file.stamp)))
      }
      sink(batch)
      for name in listing.directories.reversed() where !(skipsFields && name == "fields") {
        folders.append(Self.join(folder, name))
      }
    }
    return true
  }

  /// The kind of a file: the previous one when the stamp is unchanged, else by name and, when
  /// the name is ambiguous, the first bytes.
  func kind(of path: String, stamp: FileStamp, previous: WorkspaceIndex.Entry?) -> WorkspaceFileKind {
    if let previous, previous.stamp == stamp, previous.kind != .runFolder { return previous.kind }
    switch WorkspaceClassifier.classify(path: path) {
    case .kind(let kind): return kind
    case .needsHead:
      let head = DirectoryReader.head(index.absolutePath(path), count: WorkspaceClassifier.sniffLength)
      return WorkspaceClassifier.classify(path: path, head: head)
    }
  }

  /// Adds an inotify watch on a folder; on the watch limit, switches the index to polling.
  private func watchFolder(_ folder: String) -> Int32? {
    guard !pollingFallback, let inotify else { return nil }
    switch inotify.watch(index.absolutePath(folder)) {
    case .watching(let watch):
      if let old = watchOfPath[folder], old != watch { watches[old] = nil }
      watches[watch] = Watched(path: folder, isRunFolder: false)
      watchOfPath[folder] = watch
      return watch
    case .limitReached:
      pollingFallback = true
      self.inotify = nil
      watches.removeAll()
      watchOfPath.removeAll()
      index.withLock { if index.complete { index.currentMode = .polling } }
      return nil
    case .unavailable:
      return nil
    }
  }

  static func join(_ folder: String, _ name: String) -> String {
    folder.isEmpty ? name : folder + "/" + name
  }
}
