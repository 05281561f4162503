import Workbench
import Foundation

/// The runtime's picture of a workspace folder: one walk on a background thread records every
/// visible file with its kind (`WorkspaceClassifier`: name and, where ambiguous, 512 sniffed
/// bytes; nothing parsed) and its size and modification time. Skipped: hidden names (`.git`,
/// `.build*`), and inside a run folder (a folder holding `status.json`, recorded as one entry)
/// everything, its `fields/` included. inotify keeps the picture current; where inotify is not
/// available or its watch limit is reached, the folder is re-walked every `pollInterval`.
/// Changes queue up as a batch the event loop drains without blocking.
///
/// Thread safety: queries take a lock for a moment; the walking and watching happen on the
/// index's own thread. `cachedParse` runs the parser on the caller's thread (a job's).
final class WorkspaceIndex: @unchecked Sendable {
  struct Options: Sendable {
    /// Watch with inotify; false forces the polling fallback.
    var useInotify = true
    /// Seconds between re-walks when polling.
    var pollInterval = 1.0
    /// The longest wait for inotify events before looking at `stop()` again.
    var wakeMilliseconds: Int32 = 50
    /// Test hook: behave as if the kernel allowed this many inotify watches.
    var watchLimit: Int?
  }

  struct Entry: Equatable, Sendable {
    var kind: WorkspaceFileKind
    var stamp: FileStamp
  }

  /// How the index follows changes.
  enum Mode: Equatable, Sendable {
    case notStarted, walking, inotify, polling, stopped
  }

  /// The workspace folder, absolute, without a trailing slash.
  let root: String
  let options: Options
  let parses = ParseCache()

  let lock = NSLock()
  var entries: [String: Entry] = [:]
  var pending = WorkspaceChangeBatch()
  var complete = false
  var currentMode = Mode.notStarted
  var stopRequested = false
  var walkSeconds: Double?
  var flushRequested = 0
  var flushDone = 0

  init(root: String, options: Options = Options()) {
    var path = URL(fileURLWithPath: root).standardizedFileURL.path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    self.root = path
    self.options = options
  }

  /// Starts the walk and then the watching on a thread of the index's own. Calling it again
  /// does nothing.
  func start() {
    lock.lock()
    guard currentMode == .notStarted else {
      lock.unlock()
      return
    }
    currentMode = .walking
    lock.unlock()
    let thread = Thread { [self] in IndexThread(index: self).run() }
    thread.name = "glovebox.workspace-index"
    thread.qualityOfService = .utility
    thread.start()
  }

  /// Asks the thread to end; it does within `wakeMilliseconds` (or one folder of the walk).
  /// Returns at once: quitting never waits for a walk.
  func stop() {
    withLock { stopRequested = true }
  }

  // MARK: queries

  /// The first walk has finished: a list with nothing of a kind can say "none", not "indexing…".
  var isComplete: Bool { withLock { complete } }

  var mode: Mode { withLock { currentMode } }

  /// Seconds the first walk took (nil until it finished).
  var firstWalkSeconds: Double? { withLock { walkSeconds } }

  var count: Int { withLock { entries.count } }

  /// The entries of a kind, as workspace-relative paths in byte order of their UTF-8.
  func files(of kind: WorkspaceFileKind) -> [String] {
    withLock { entries.compactMap { $0.value.kind == kind ? $0.key : nil } }.sorted(by: Self.pathOrder)
  }

  /// How many entries of each kind.
  func counts() -> [WorkspaceFileKind: Int] {
    withLock {
      var result: [WorkspaceFileKind: Int] = [:]
      for entry in entries.values { result[entry.kind, default: 0] += 1 }
      return result
    }
  }

  func entry(_ path: String) -> Entry? { withLock { entries[path] } }

  /// The changes noticed since the last call, oldest first (never blocks on the walk).
  func drainChanges() -> [WorkspaceChange] { withLock { pending.drain() } }

  /// The absolute path of a workspace-relative one.
  func absolutePath(_ relative: String) -> String {
    relative.isEmpty ? root : (root == "/" ? "/" + relative : root + "/" + relative)
  }

  /// Parses the file at `path` (workspace-relative) with `parser`, which is handed the absolute
  /// path, unless the same kind of value was already parsed from the file at its current size
  /// and modification time. Call it from a job, never the UI thread: a miss parses.
  func cachedParse<Value: Sendable>(_ path: String, parser: (String) throws -> Value) throws -> Value {
    try parses.value(at: absolutePath(path), key: path, parser: parser)
  }

  /// Blocks until the first walk finished (benchmarks and tests).
  @discardableResult
  func waitUntilComplete(timeout: Double) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if isComplete { return true }
      Thread.sleep(forTimeInterval: 0.002)
    }
    return isComplete
  }

  /// Blocks until the index has taken in every file-system change made before the call (the
  /// inotify events queued, or one re-walk when polling); returns at once when the index is
  /// not following changes. For tests and `stopWhenIdle`, never the UI's normal path.
  @discardableResult
  func flush(timeout: Double) -> Bool {
    let target: Int = withLock {
      flushRequested += 1
      return flushRequested
    }
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let (done, following) = withLock { (flushDone >= target, currentMode == .inotify || currentMode == .polling) }
      if done || !following { return done }
      Thread.sleep(forTimeInterval: 0.001)
    }
    return false
  }

  static func pathOrder(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
