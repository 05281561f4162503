import Foundation

/// Thrown by a job's work when it saw `isCancelled`; the runtime reports it as a failure with
/// the message "cancelled".
public struct JobCancelled: Error, Sendable {
  public init() {}
}

/// What a running job sees: a cancellation flag it checks once per iteration, and a way to
/// post typed progress snapshots to its pane. Thread-safe (a lock around the flag).
public final class JobContext: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false
  private let post: @Sendable (PaneJobProgress) -> Void

  public init(post: @escaping @Sendable (PaneJobProgress) -> Void = { _ in }) {
    self.post = post
  }

  public var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }

  public func cancel() {
    lock.lock()
    cancelled = true
    lock.unlock()
  }

  /// Sends a snapshot to the job's pane as `PaneEvent.jobProgress`.
  public func report(_ progress: PaneJobProgress) { post(progress) }

  /// Throws `JobCancelled` once the pane asked to stop.
  public func checkCancellation() throws {
    if isCancelled { throw JobCancelled() }
  }

  /// Runs a job's work: its value, or why it failed — "cancelled" when it saw the flag or was
  /// cancelled while it ran (whatever it returned), an `EffectFailure`'s message as it is, any
  /// other error as it describes itself.
  public func outcome<Value>(_ work: () throws -> Value) -> Result<Value, EffectFailure> {
    do {
      let value = try work()
      if isCancelled { return .failure(EffectFailure("cancelled")) }
      return .success(value)
    } catch is JobCancelled {
      return .failure(EffectFailure("cancelled"))
    } catch let failure as EffectFailure {
      return .failure(failure)
    } catch {
      return .failure(EffectFailure("\(error)"))
    }
  }
}
