import Foundation
import TUI
import Workbench

/// The event loop: reads terminal events, runs them through `reduce`, performs the effects and
/// draws. It draws only when an effect asked for a frame, at most one frame per
/// `minimumFrameInterval` (~10 frames a second), and while idle it blocks in the backend's read
/// — no busy loop, no frames, no bytes.
final class WorkbenchRuntime {
  private(set) var state: AppState
  let backend: TerminalBackend
  /// Finds a theme by name (`:theme`, `--theme`).
  let resolveTheme: (String) -> Result<Theme, EffectFailure>
  /// Monotonic seconds.
  let clock: () -> Double
  /// A pending terminating signal (0 when none); checked after every wake-up.
  let pendingSignal: () -> Int32
  var minimumFrameInterval = 0.1
  var tickInterval = 0.25
  /// The longest single wait while idle, so a signal that does not interrupt the read is still
  /// seen within this time. Waking draws nothing.
  var idleWakeMilliseconds: Int? = 1000
  /// Seconds between handing the workspace index's changes to the panes as `fileChanged`
  /// (only while panes exist); a file rewritten many times meanwhile is reported once.
  /// Infinity: never.
  var watchInterval = 0.25
  /// The workspace's files, classified, kept current on the index's own thread; started when
  /// the loop starts (only while panes exist) and stopped when it ends.
  let index: WorkspaceIndex
  /// The folders panes want to hear about promptly (`AppState.watchedFolders`).
  let folderWatch: PaneFolderWatch
  /// The longest wait while folders are watched, so a new snapshot is noticed promptly.
  var folderWatchMilliseconds = 50
  /// Panes' background jobs (file parsing, fits, DRT); their actions are drained every wake-up.
  let jobs: BackgroundJobs
  /// The file kinds panes asked for (`Effect.requestFiles`), and the list each was last sent.
  private var fileRequests: [WorkspaceFileKind: [IndexedFile]] = [:]
  /// Whether the lists were re-sent after the index's first walk completed.
  private var sentComplete = false
  /// The longest wait while a job runs, so its progress reaches the screen promptly.
  var jobPollMilliseconds = 40
  private var lastWatchTime = -Double.infinity

  private var needsFrame = true
  private var lastFrameTime = -Double.infinity
  private var lastTickTime = -Double.infinity
  private(set) var quitRequested = false
  private var openedSent = false
  private(set) var framesDrawn = 0
  /// The images on screen (sixel or kitty), updated after each frame's cells.
  private var imageLayer = ImageLayer()

  init(
    state: AppState, backend: TerminalBackend, resolveTheme: @escaping (String) -> Result<Theme, EffectFailure>,
    clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }, pendingSignal: @escaping () -> Int32 = { 0 }
  ) {
    self.state = state
    self.backend = backend
    self.resolveTheme = resolveTheme
    self.clock = clock
    self.pendingSignal = pendingSignal
    self.state.size = backend.size
    let runner = PaneJobRunner(workspace: state.workspace)
    self.jobs = BackgroundJobs(perform: { runner.perform($0, context: $1) })
    self.index = WorkspaceIndex(root: state.workspace)
    self.folderWatch = PaneFolderWatch(workspace: state.workspace)
  }

  deinit {
    // The index's thread holds the index, not the runtime: it must be told to end.
    index.stop()
  }

  /// How the loop ended.
  enum Exit: Equatable {
    case quit
    case signal(Int32)
    /// Only with `stopWhenIdle`: the backend had no more events.
    case idle
  }

  /// Runs until a quit effect or a terminating signal. `stopWhenIdle` ends the loop when the
  /// backend has nothing more to read and nothing is left to draw (tests on MemoryBackend).
  func run(stopWhenIdle: Bool = false) -> Exit {
    if !openedSent {
      openedSent = true
      // The index starts first, so a file written while a pane's first scan runs is either in
      // that scan or reported as changed — never lost in between. Its walk runs on its own
      // thread: the first frame does not wait for it.
      if !state.panes.isEmpty {
        index.start()
        lastWatchTime = clock()
      }
      dispatch(.opened)
    }
    while !quitRequested {
      let signal = pendingSignal()
      if signal != 0 {
        jobs.cancelAll()
        index.stop()
        return .signal(signal)
      }
      let now = clock()
      if needsFrame && now - lastFrameTime >= minimumFrameInterval { drawFrame(now: now) }
      let event = backend.nextEvent(timeoutMilliseconds: waitMilliseconds(now: clock()))
      if let event {
        switch event {
        case .key(let key): dispatch(.keyPressed(key))
        case .resize(let width, let height):
          // The terminal may have dropped or moved the pixels: draw the images again.
          imageLayer.reset()
          dispatch(.resized(width: width, height: height))
        }
      }
      for action in jobs.drain() { dispatch(action) }
      folderWatch.update(state.watchedFolders)
      if folderWatch.isWatching {
        for path in folderWatch.changes(now: clock()) { dispatch(.fileChanged(path: path)) }
      }
      if !state.panes.isEmpty {
        let time = clock()
        if time - lastWatchTime >= watchInterval {
          lastWatchTime = time
          reportChanges(index.drainChanges())
        } else if !sentComplete && index.isComplete {
          reportChanges([])
        }
      }
      if state.wantsTicks {
        let time = clock()
        if time - lastTickTime >= tickInterval {
          lastTickTime = time
          dispatch(.tick(time))
        }
      }
      if event == nil && stopWhenIdle && !needsFrame && !jobs.isBusy && !settleIndex() { return .idle }
    }
    jobs.cancelAll()
    index.stop()
    return .quit
  }

  /// Hands the panes the changed files. A run folder is one entry whose inner files (status,
  /// metrics, fields) are no pane's file to load, so its changes are not reported as files.
  /// Returns whether anything reached the panes.
  @discardableResult
  private func reportChanges(_ changes: [WorkspaceChange]) -> Bool {
    var reported = false
    for change in changes where change.kind != .runFolder {
      dispatch(.fileChanged(path: change.path))
      reported = true
    }
    let completed = index.isComplete && !sentComplete
    if completed { sentComplete = true }
    let kinds = completed ? Set(fileRequests.keys) : Set(changes.map(\.kind))
    return sendChangedFileLists(kinds: kinds, completed: completed) || reported
  }

  /// For `stopWhenIdle` (tests): lets the index finish its walk and take in every file-system
  /// event that happened so far, and reports what changed; true when something was reported
  /// (the loop is not idle yet).
  private func settleIndex() -> Bool {
    guard !state.panes.isEmpty else { return false }
    index.waitUntilComplete(timeout: 10)
    // Changes are reported only when watching; the end of the first walk always is (the panes'
    // lists become complete).
    guard watchInterval.isFinite else { return reportChanges([]) }
    index.flush(timeout: 10)
    let changes = index.drainChanges()
    lastWatchTime = clock()
    return reportChanges(changes)
  }

  /// How long the next read may block: until the next frame is due when one is pending, until
  /// the next tick while a pane wants ticks, otherwise the idle wake-up.
  private func waitMilliseconds(now: Double) -> Int? {
    var wait = idleWakeMilliseconds
    func limit(_ seconds: Double) {
      let ms = max(0, Int((seconds * 1000).rounded(.up)))
      wait = wait.map { min($0, ms) } ?? ms
    }
    if needsFrame { limit(lastFrameTime + minimumFrameInterval - now) }
    if state.wantsTicks { limit(lastTickTime + tickInterval - now) }
    if jobs.isBusy { limit(Double(jobPollMilliseconds) / 1000) }
    if folderWatch.isWatching { limit(Double(folderWatchMilliseconds) / 1000) }
    return wait
  }

  /// Draws the pending frame now, if any (tests that compare consecutive frames).
  func drawPendingFrame() {
    if needsFrame { drawFrame(now: clock()) }
  }

  private func drawFrame(now: Double) {
    backend.present(AppView.render(state))
    if let output = backend as? TerminalImageOutput {
      output.perform(imageLayer.update(AppView.images(state), graphics: state.graphics))
    }
    needsFrame = false
    lastFrameTime = now
    framesDrawn += 1
  }

  /// Reduces an action and performs its effects; effects that produce results feed them back.
  func dispatch(_ action: AppAction) {
    var queue = [action]
    while !queue.isEmpty {
      let next = queue.removeFirst()
      for effect in reduce(state: &state, action: next) {
        switch effect {
        case .quit:
          quitRequested = true
        case .render, .status:
          needsFrame = true
        case .repaint:
          backend.invalidate()
          imageLayer.reset()
          needsFrame = true
          lastFrameTime = -Double.infinity
        case .loadTheme(let name):
          switch resolveTheme(name) {
          case .success(let theme): queue.append(.themeLoaded(theme))
          case .failure(let failure): queue.append(.themeFailed(failure.message))
          }
        case .loadFile(let path, let pane):
          queue.append(.fileLoaded(pane: pane, path: path, result: EffectFileIO.read(path, workspace: state.workspace)))
        case .appendToFile(let path, let text, let pane):
          queue.append(.fileAppended(pane: pane, path: path, failure: EffectFileIO.append(text, to: path, workspace: state.workspace)))
        case .writeFiles(let files, let pane):
          queue.append(.filesWritten(pane: pane, result: EffectFileIO.write(files, workspace: state.workspace)))
        case .requestFiles(let kind):
          queue.append(fileList(kind))
        case .runProcess(let executable, let arguments, let pane):
          queue.append(.processFinished(pane: pane, result: WorkspaceProcesses.run(executable, arguments, workspace: state.workspace)))
        case .startJob(let job):
          jobs.start(job)
        case .cancelJob(let lane):
          jobs.cancel(lane)
        }
      }
    }
  }

  /// The files of `kind` in the workspace index, remembered as sent; complete once the index's
  /// first walk has finished (until then a pane says "indexing…", never "no files"). Exported
  /// fits (`fits/`) and files over `dataSizeLimit` are no pane's data.
  private func fileList(_ kind: WorkspaceFileKind) -> AppAction {
    let complete = index.isComplete
    let files = indexedFiles(kind)
    fileRequests[kind] = files
    return .workspaceFiles(kind: kind, files: files, complete: complete)
  }

  /// Files larger than this are not offered to the data panes (a stray disk image stays cheap).
  static let dataSizeLimit: Int64 = 512 * 1024 * 1024

  private func indexedFiles(_ kind: WorkspaceFileKind) -> [IndexedFile] {
    index.files(of: kind).compactMap { path -> IndexedFile? in
      guard let entry = index.entry(path), entry.stamp.size <= Self.dataSizeLimit, !path.hasPrefix("fits/") else { return nil }
      return IndexedFile(path: path, size: Int(entry.stamp.size), modified: Double(entry.stamp.modified) / 1e9)
    }
  }

  /// After changes (or the end of the first walk): the lists of `kinds` that differ from what
  /// their panes last got, or that just became complete.
  private func sendChangedFileLists(kinds: Set<WorkspaceFileKind>, completed: Bool) -> Bool {
    var sentAny = false
    for (kind, sent) in fileRequests.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where kinds.contains(kind) {
      let files = indexedFiles(kind)
      guard files != sent || completed else { continue }
      fileRequests[kind] = files
      dispatch(.workspaceFiles(kind: kind, files: files, complete: index.isComplete))
      sentAny = true
    }
    return sentAny
  }
}
