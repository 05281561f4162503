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
  /// Seconds between workspace scans for changed files (only while panes exist).
  var watchInterval = 1.0
  private var watcher: WorkspaceWatcher
  /// Panes' background jobs (file parsing, fits, DRT); their actions are drained every wake-up.
  let jobs: BackgroundJobs
  /// The file kinds panes asked for (`Effect.requestFiles`), and the list each was last sent.
  private var fileRequests: [WorkspaceFileKind: [IndexedFile]] = [:]
  /// The longest wait while a job runs, so its progress reaches the screen promptly.
  var jobPollMilliseconds = 40
  private var lastWatchTime = -Double.infinity

  private var needsFrame = true
  private var lastFrameTime = -Double.infinity
  private var lastTickTime = -Double.infinity
  private(set) var quitRequested = false
  private var openedSent = false
  private(set) var framesDrawn = 0

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
    self.watcher = WorkspaceWatcher(root: state.workspace)
    let runner = PaneJobRunner(workspace: state.workspace)
    self.jobs = BackgroundJobs(perform: { runner.perform($0, context: $1) })
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
      // The watcher's baseline comes first, so a file written while a pane's first scan runs
      // is either in that scan or reported as changed — never lost in between.
      if !state.panes.isEmpty {
        _ = watcher.changedPaths()
        lastWatchTime = clock()
      }
      dispatch(.opened)
    }
    while !quitRequested {
      let signal = pendingSignal()
      if signal != 0 { jobs.cancelAll(); return .signal(signal) }
      let now = clock()
      if needsFrame && now - lastFrameTime >= minimumFrameInterval { drawFrame(now: now) }
      let event = backend.nextEvent(timeoutMilliseconds: waitMilliseconds(now: clock()))
      if let event {
        switch event {
        case .key(let key): dispatch(.keyPressed(key))
        case .resize(let width, let height): dispatch(.resized(width: width, height: height))
        }
      }
      for action in jobs.drain() { dispatch(action) }
      if !state.panes.isEmpty {
        let time = clock()
        if time - lastWatchTime >= watchInterval {
          lastWatchTime = time
          let changed = watcher.changedPaths()
          for path in changed { dispatch(.fileChanged(path: path)) }
          if !changed.isEmpty { sendChangedFileLists() }
        }
      }
      if state.wantsTicks {
        let time = clock()
        if time - lastTickTime >= tickInterval {
          lastTickTime = time
          dispatch(.tick(time))
        }
      }
      if event == nil && stopWhenIdle && !needsFrame && !jobs.isBusy { return .idle }
    }
    jobs.cancelAll()
    return .quit
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
    return wait
  }

  /// Draws the pending frame now, if any (tests that compare consecutive frames).
  func drawPendingFrame() {
    if needsFrame { drawFrame(now: clock()) }
  }

  private func drawFrame(now: Double) {
    backend.present(AppView.render(state))
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

  /// The files of `kind` from the latest walk, remembered as sent. The walk is finished when it
  /// returns, so a list is complete when names classify its kind; the workspace index will send
  /// partial lists first.
  private func fileList(_ kind: WorkspaceFileKind) -> AppAction {
    if !watcher.hasWalked { _ = watcher.changedPaths() }
    let files = WorkspaceFileKinds.files(of: kind, in: watcher.files)
    fileRequests[kind] = files
    return .workspaceFiles(kind: kind, files: files, complete: WorkspaceFileKinds.classifiedByName(kind))
  }

  /// After a walk that found changes: the lists that differ from what their panes last got.
  private func sendChangedFileLists() {
    for (kind, sent) in fileRequests.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      let files = WorkspaceFileKinds.files(of: kind, in: watcher.files)
      guard files != sent else { continue }
      fileRequests[kind] = files
      dispatch(.workspaceFiles(kind: kind, files: files, complete: WorkspaceFileKinds.classifiedByName(kind)))
    }
  }
}
