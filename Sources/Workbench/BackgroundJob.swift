import Foundation

/// A value a background job hands to the UI thread (a progress snapshot or a result). Jobs
/// build immutable Sendable snapshots; the pane casts `value` back to the type it expects.
/// Equality is identity (each payload gets a serial number), so actions carrying payloads stay
/// comparable in reducer tests without requiring every snapshot to be Equatable.
public struct JobPayload: Equatable, Sendable {
  public let value: any Sendable
  let serial: UInt64

  public init(_ value: any Sendable) {
    self.value = value
    self.serial = JobPayload.nextSerial()
  }

  public static func == (lhs: JobPayload, rhs: JobPayload) -> Bool { lhs.serial == rhs.serial }

  private static let counterLock = NSLock()
  nonisolated(unsafe) private static var counter: UInt64 = 0
  private static func nextSerial() -> UInt64 {
    counterLock.lock()
    defer { counterLock.unlock() }
    counter += 1
    return counter
  }
}

/// Thrown by a job's work when it saw `isCancelled`; the runtime reports it as a failure
/// with the message "cancelled".
public struct JobCancelled: Error, Sendable {
  public init() {}
}

/// What a running job sees: a cancellation flag it checks once per iteration, and a way to
/// post progress snapshots to its pane. Thread-safe (a lock around the flag).
public final class JobContext: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false
  private let post: @Sendable (any Sendable) -> Void

  public init(post: @escaping @Sendable (any Sendable) -> Void = { _ in }) {
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

  /// Sends a snapshot to the pane as `PaneEvent.jobProgress`.
  public func report(_ progress: any Sendable) { post(progress) }

  /// Throws `JobCancelled` once the pane asked to stop.
  public func checkCancellation() throws {
    if isCancelled { throw JobCancelled() }
  }
}

/// Work a pane wants done off the UI thread: parse a file, fit a circuit, compute a DRT. The
/// runtime runs `work` on a background queue; progress and the result come back as actions for
/// the pane `pane`. Starting a job with the id of a running one of the same pane cancels the old.
public struct BackgroundJob: Equatable, Sendable {
  public var id: String
  public var pane: String
  public let work: @Sendable (JobContext) throws -> any Sendable

  public init(id: String, pane: String, work: @escaping @Sendable (JobContext) throws -> any Sendable) {
    self.id = id
    self.pane = pane
    self.work = work
  }

  public static func == (lhs: BackgroundJob, rhs: BackgroundJob) -> Bool {
    lhs.id == rhs.id && lhs.pane == rhs.pane
  }

  /// Runs the work on the calling thread (tests, and the runtime's worker threads).
  public func run(context: JobContext) -> Result<JobPayload, EffectFailure> {
    do {
      let value = try work(context)
      if context.isCancelled { return .failure(EffectFailure("cancelled")) }
      return .success(JobPayload(value))
    } catch is JobCancelled {
      return .failure(EffectFailure("cancelled"))
    } catch {
      return .failure(EffectFailure("\(error)"))
    }
  }
}
