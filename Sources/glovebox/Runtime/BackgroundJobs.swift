import Foundation
import Workbench

/// Runs panes' background jobs on worker threads and collects what they post into an inbox the
/// event loop drains on its next wake-up (the UI thread never waits for a job). Progress
/// snapshots of one job that pile up between two drains are coalesced to the newest: a pane
/// draws at most ten frames a second anyway, and an older snapshot is superseded.
final class BackgroundJobs: @unchecked Sendable {
  private struct Key: Hashable {
    var pane: String
    var id: String
  }

  private let lock = NSLock()
  private var running: [Key: JobContext] = [:]
  private var inbox: [AppAction] = []
  private let queue = DispatchQueue(label: "glovebox.jobs", qos: .userInitiated, attributes: .concurrent)

  /// Whether any job is still running or has unread output.
  var isBusy: Bool {
    lock.lock()
    defer { lock.unlock() }
    return !running.isEmpty || !inbox.isEmpty
  }

  func start(_ job: BackgroundJob) {
    let key = Key(pane: job.pane, id: job.id)
    let context = JobContext(post: { [weak self] progress in
      self?.deliverProgress(.jobProgress(pane: job.pane, id: job.id, payload: JobPayload(progress)), key: key)
    })
    lock.lock()
    running[key]?.cancel()
    running[key] = context
    lock.unlock()
    queue.async { [weak self] in
      let result = job.run(context: context)
      guard let self else { return }
      // One critical section: the job leaves `running` and its result enters the inbox together,
      // so `isBusy` never reads "idle" in between. A replaced job's result is dropped: its pane
      // already started the newer one.
      self.lock.lock()
      if self.running[key] === context {
        self.running[key] = nil
        self.inbox.append(.jobFinished(pane: job.pane, id: job.id, result: result))
      }
      self.lock.unlock()
    }
  }

  func cancel(pane: String, id: String) {
    lock.lock()
    running[Key(pane: pane, id: id)]?.cancel()
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

  /// Queues a progress snapshot, replacing an unread older one of the same job.
  private func deliverProgress(_ action: AppAction, key: Key) {
    lock.lock()
    defer { lock.unlock() }
    guard running[key] != nil else { return }
    inbox.removeAll { if case .jobProgress(key.pane, key.id, _) = $0 { return true } else { return false } }
    inbox.append(action)
  }
}
