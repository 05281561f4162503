import Foundation

/// w(z) of every Voigt point from the kernel's last `total`, keyed by the parameter values: the
/// minimizer asks for the Jacobian at the point whose residuals it has just accepted, so the
/// Jacobian reuses those Faddeeva values instead of computing them again (a third of a Voigt
/// fit's Faddeeva evaluations). Guarded by a lock, since the minimizer may call from any thread;
/// a miss only costs the recomputation.
final class FaddeevaCache: @unchecked Sendable {
  private let lock = NSLock()
  private var key: [Double] = []
  private var values: [Double] = []

  /// The stored w(z) (re, im interleaved, component by component) if computed at `parameters`.
  func values(at parameters: [Double]) -> [Double]? {
    lock.lock()
    defer { lock.unlock() }
    return key == parameters ? values : nil
  }

  func store(_ newValues: [Double], at parameters: [Double]) {
    lock.lock()
    key = parameters
    values = newValues
    lock.unlock()
  }
}
