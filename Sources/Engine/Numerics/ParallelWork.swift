import Dispatch
import Synchronization

/// How many threads the grid passes of a phase-field step use (`--threads`), and how a pass is
/// split among them.
///
/// Contract: a pass given to `forEachChunk` computes, for every index, exactly what its
/// single-thread loop computes and writes only that index's outputs, so the chunks are
/// independent and the result is the same bit for bit for any number of threads (no sums are
/// split; a maximum, exact in any order, may be). Work that must be cut into pieces whose
/// arithmetic depends on the cut (FFTW batches) uses a fixed number of pieces that does not
/// depend on the thread count (`forEachPiece`). The default is one thread, today's sequential
/// run; the CLI sets the count for the process.
public enum ParallelWork {
  private static let configured = Atomic<Int>(1)

  /// Threads the passes use (≥ 1).
  public static var threads: Int {
    get { configured.load(ordering: .relaxed) }
    set { configured.store(max(1, newValue), ordering: .relaxed) }
  }

  /// Runs `body` on consecutive index ranges covering 0..<count, one per thread (fewer when a
  /// range would be shorter than `minimumChunk`), concurrently; returns when all are done.
  public static func forEachChunk(_ count: Int, minimumChunk: Int = 1, _ body: (Range<Int>) -> Void) {
    let parts = min(threads, max(1, count / max(minimumChunk, 1)))
    if parts <= 1 {
      if count > 0 { body(0..<count) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let shared = SharedAcrossThreads(body)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        shared.value(bounds(part, of: parts, count: count))
      }
    }
  }

  /// The largest of `body`'s results over consecutive ranges covering 0..<count (as
  /// `forEachChunk`), combined with `Swift.max`: a maximum is exact in any order, so it is the
  /// single-thread number for any split.
  public static func maximum(_ count: Int, minimumChunk: Int = 1, _ body: (Range<Int>) -> Double) -> Double {
    let parts = min(threads, max(1, count / max(minimumChunk, 1)))
    if parts <= 1 { return body(0..<count) }
    let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: parts)
    defer { results.deallocate() }
    results.initialize(repeating: 0)
    withoutActuallyEscaping(body) { body in
      let shared = SharedAcrossThreads((body, results))
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        shared.value.1[part] = shared.value.0(bounds(part, of: parts, count: count))
      }
    }
    var largest = results[0]
    for part in 1..<parts { largest = max(largest, results[part]) }
    return largest
  }

  /// Runs `body(piece)` for piece = 0..<pieces, spread over the threads (piece p on thread
  /// p mod threads, in increasing order on each); the pieces are fixed by the caller, so the
  /// work done is the same for any thread count.
  public static func forEachPiece(_ pieces: Int, _ body: (Int) -> Void) {
    let lanes = min(threads, pieces)
    if lanes <= 1 {
      for piece in 0..<pieces { body(piece) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let shared = SharedAcrossThreads(body)
      DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        for piece in stride(from: lane, to: pieces, by: lanes) { shared.value(piece) }
      }
    }
  }

  /// The part-th of `parts` near-equal consecutive ranges of 0..<count (the first count % parts
  /// ranges one longer).
  public static func bounds(_ part: Int, of parts: Int, count: Int) -> Range<Int> {
    let base = count / parts, extra = count % parts
    let start = part * base + min(part, extra)
    return start..<(start + base + (part < extra ? 1 : 0))
  }
}

/// A value handed to the threads of `ParallelWork`. The compiler cannot see that the passes
/// write disjoint memory (the contract of `ParallelWork`), so the closure and buffers are
/// marked as shareable here, in one place, and only for the duration of the parallel region.
private struct SharedAcrossThreads<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
