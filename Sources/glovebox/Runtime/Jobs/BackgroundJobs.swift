import Foundation
import Workbench

/// Runs panes' jobs on worker threads and collects what they post into an inbox the event loop
/// drains on its next wake-up (the UI thread never waits for a job). A job replaces the running
/// one of its lane. Progress snapshots of one job that pile up between two drains are coalesced
/// to the newest: a pane draws at most ten frames a second anyway, and an older snapshot is
/// superseded.
final class BackgroundJobs: @unchecked Sendable {
  /// What performs a job: `PaneJobRunner.perform` in the workbench; tests pass their own.
  typealias Perform = @Sendable (PaneJob, JobContext) -> PaneJobResult

  private let perform: Perform
  private let lock = NSLock()
  private var running: [JobLane: JobContext] = [:]
  private var inbox: [AppAction] = []
  private let queue = DispatchQueue(label: "glovebox.jobs", qos: .userInitiated, attributes: .concurrent)

  init(perform: @escaping Perform) {
    self.perform = perform
  }

  /// Whether any job is still running or has unread output.
  var isBusy: Bool {
    lock.lock()
    defer { lock.unlock() }
    return !running.isEmpty || !inbox.isEmpty
  }

  func start(_ job: PaneJob) {
    let lane = job.lane
    // The context is created before the closure that posts through it can run; a weak box
    // lets the closure name its own context (a replaced job's snapshots are dropped).
    final class ContextBox: @unchecked Sendable { weak var context: JobContext? }
    let box = ContextBox()
    let context = JobContext(post: { [weak self] progress in
      guard let own = box.context else { return }
      self?.deliverProgress(.jobProgress(job, progress), lane: lane, from: own)
    })
    box.context = context
    lock.lock()
    running[lane]?.cancel()
    running[lane] = context
    lock.unlock()
    let perform = self.perform
    queue.async { [weak self] in
      let result = perform(job, context)
      guard let self else { return }
      // One critical section: the job leaves `running` and its result enters the inbox together,
      // so `isBusy` never reads "idle" in between. A replaced job's result is dropped: its pane
      // already started the newer one.
      self.lock.lock()
      if self.running[lane] === context {
        self.running[lane] = nil
        self.inbox.append(.jobFinished(result))
      }
      self.lock.unlock()
    }
  }

  func cancel(_ lane: JobLane) {
    lock.lock()
    running[lane]?.cancel()
    lock.unlock()
  }

  func cancelAll() {
    lock.lock()
    for context in running.values { context.cancel() }
    lock.unlock()
  }

  /// Everything posted since the last call, oldest first.
  func drain() -> [AppAction] {
    lock.lock()
    defer { lock.unlock() }
    let actions = inbox
    inbox.removeAll()
    return actions
  }

  /// Blocks until every job has finished (tests only).
  func waitUntilIdle(timeout: Double = 30) {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      lock.lock()
      let idle = running.isEmpty
      lock.unlock()
      if idle { return }
      Thread.sleep(forTimeInterval: 0.005)
    }
  }

  /// Queues a progress snapshot of the lane's current job, replacing an unread older one.
  private func deliverProgress(_ action: AppAction, lane: JobLane, from context: JobContext) {
    lock.lock()
    defer { lock.unlock() }
    guard running[lane] === context else { return }
    inbox.removeAll { if case .jobProgress(let job, _) = $0 { return job.lane == lane } else { return false } }
    inbox.append(action)
  }
}
