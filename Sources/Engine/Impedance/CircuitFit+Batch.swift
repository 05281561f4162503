import Foundation

extension CircuitFit {
  /// Fits every request of a batch (the files of `eis fit`, a series), on up to `threads` cores
  /// at once (default: every active core). Each fit depends only on its own request (the
  /// automatic start is deterministic) and lands in its own slot, so the results are the same,
  /// in the same order, for any thread count; only the wall time changes.
  public static func runAll(_ requests: [CircuitFitRequest], threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [FitResult] {
    guard !requests.isEmpty else { return [] }
    let slots = BatchSlots(count: requests.count)
    let workers = max(1, min(threads, requests.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let k = slots.nextIndex() {
        slots.store(run(requests[k]), at: k)
      }
    }
    return slots.results()
  }
}

/// The shared state of a batch: the next request to take and the finished results, behind a lock.
private final class BatchSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private var slots: [FitResult?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func nextIndex() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ result: FitResult, at index: Int) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  /// Every slot is filled once `concurrentPerform` has returned.
  func results() -> [FitResult] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
