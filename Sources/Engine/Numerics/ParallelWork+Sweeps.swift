import Dispatch
import Synchronization

/// Row sweeps with dependencies between neighbouring rows, and sums, split across threads so
/// that the numbers do not depend on the thread count.
extension ParallelWork {
  private static let minimumNodes = Atomic<Int>(32768)

  /// Grid nodes a thread must get before a pass is split (fewer: handing rows to another
  /// thread costs more than they take). Only the speed depends on it, never the numbers; tests
  /// lower it to split small grids.
  static var minimumNodesPerChunk: Int {
    get { minimumNodes.load(ordering: .relaxed) }
    set { minimumNodes.store(max(1, newValue), ordering: .relaxed) }
  }

  /// The fewest rows of `nx` nodes a thread is given (`minimumNodesPerChunk`).
  static func minimumRows(nx: Int) -> Int { max(1, minimumNodesPerChunk / max(nx, 1)) }

  /// Runs `first(r)` on every row, then `second(r)` on every row, where `second(r)` reads what
  /// `first` wrote on rows r − 1, r, r + 1 and `first(r)` reads what `second` has not yet
  /// changed on rows r ± 1 (a red–black or four-colour Gauss–Seidel sweep on a stencil that
  /// couples neighbouring rows only). The result equals the two whole passes one after the
  /// other for any split, because each call sees exactly the values it would see there.
  ///
  /// Each thread takes consecutive rows s..<e and runs them as a wavefront (first(r), then
  /// second(r − 1)), so a row is still in cache for its second half; the rows whose
  /// `second` needs a neighbouring thread's `first` (s and e − 1) wait for all threads.
  static func twoPhaseSweep(rows: Int, minimumChunk: Int = 1, first: (Int) -> Void, second: (Int) -> Void) {
    guard rows > 0 else { return }
    let parts = min(threads, max(1, rows / max(minimumChunk, 1)))
    func wavefront(_ range: Range<Int>) {
      for r in range {
        first(r)
        if r - 1 > range.lowerBound { second(r - 1) }
      }
    }
    func boundaries(_ range: Range<Int>) {
      second(range.lowerBound)
      if range.upperBound - 1 > range.lowerBound { second(range.upperBound - 1) }
    }
    if parts <= 1 {
      wavefront(0..<rows)
      boundaries(0..<rows)
      return
    }
    withoutActuallyEscaping(first) { first in
      withoutActuallyEscaping(second) { second in
        let shared = SharedRowPasses(first: first, second: second)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
          let range = bounds(part, of: parts, count: rows)
          for r in range {
            shared.first(r)
            if r - 1 > range.lowerBound { shared.second(r - 1) }
          }
        }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
          let range = bounds(part, of: parts, count: rows)
          shared.second(range.lowerBound)
          if range.upperBound - 1 > range.lowerBound { shared.second(range.upperBound - 1) }
        }
      }
    }
  }

  /// Σ_b `partial(b)` over blocks b = 0..<blocks, added in the order of b. The blocks are fixed
  /// by the caller (by the grid, never by the thread count), the partials computed on any
  /// thread, so the sum is the same number for any `threads`.
  static func sum(blocks: Int, minimumChunk: Int = 1, _ partial: (Int) -> Double) -> Double {
    guard blocks > 0 else { return 0 }
    let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: blocks)
    defer { partials.deallocate() }
    partials.initialize(repeating: 0)
    let out = SharedPartials(buffer: partials)
    forEachChunk(blocks, minimumChunk: minimumChunk) { range in
      for b in range { out.buffer[b] = partial(b) }
    }
    var total = 0.0
    for b in 0..<blocks { total += partials[b] }
    return total
  }
}

/// The two passes of `twoPhaseSweep`, shared by its threads (each row is written by one).
private struct SharedRowPasses: @unchecked Sendable {
  let first: (Int) -> Void
  let second: (Int) -> Void
}

/// The partial sums of `ParallelWork.sum`, each written by one thread.
private struct SharedPartials: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Double>
}
