import CFFTW
import Foundation

/// How a 2-D field is transformed along y (x is always periodic). Each kind fixes where the
/// samples sit and which wavenumbers the spectrum holds:
/// - `periodic`: n samples at y_j = j·h, h = L/n; complex Fourier modes k = 2πm/L.
/// - `dirichlet`: n interior samples of a field that vanishes at y = 0 and y = L, y_j = j·h,
///   j = 1…n, h = L/(n+1); DST-I (FFTW RODFT00), modes sin(πmy/L), m = 1…n.
/// - `neumann`: n node samples including both ends, h = L/(n−1); DCT-I (REDFT00),
///   modes cos(πmy/L), m = 0…n−1.
/// - `neumannCell`: n cell-centred samples y_j = (j+½)h, h = L/n; DCT-II forward, DCT-III back,
///   modes cos(πmy/L), m = 0…n−1.
/// - `neumannDirichlet`: n node samples y_j = j·h, h = L/n, no-flux at y = 0 and zero at
///   y = L (the node y = L is not stored); DCT-III (REDFT01) forward, DCT-II back, modes
///   cos(π(m+½)y/L), m = 0…n−1.
/// FFTW's DST-I of size n is fast when n+1 has small prime factors; DCT-I when n−1 does; the
/// others when n does.
public enum SpectralBoundary: String, Sendable, Hashable, CaseIterable {
  case periodic, dirichlet, neumann, neumannCell, neumannDirichlet
}

/// A planned FFTW transform. Plans are immutable after planning and FFTW's `fftw_execute_*`
/// functions are thread-safe, so a plan may be shared; executing on new arrays requires arrays
/// with the alignment of `fftw_alloc_real` (all `FFTScratch` buffers have it).
final class FFTPlan: @unchecked Sendable {
  let raw: OpaquePointer
  init(_ raw: OpaquePointer) { self.raw = raw }
  deinit { fftw_destroy_plan(raw) }
}

/// An `fftw_alloc_real` buffer (SIMD-aligned), freed with the object.
final class FFTScratch: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Double>
  let count: Int
  init(count: Int) {
    let n = max(count, 1)
    guard let p = fftw_alloc_real(n) else { fatalError("fftw_alloc_real(\(n)) failed: out of memory") }
    p.initialize(repeating: 0, count: n)
    pointer = p
    self.count = count
  }
  deinit { fftw_free(pointer) }
}

/// Plans made once per (size, boundary, direction) and reused by every transform object.
/// FFTW's planner is not thread-safe, so planning happens under a lock; plans are made with
/// `FFTW_ESTIMATE`, which never touches the arrays (FFTW_MEASURE would overwrite them).
final class FFTPlanCache: @unchecked Sendable {
  static let shared = FFTPlanCache()

  struct Key: Hashable {
    var nx: Int
    var ny: Int
    var boundary: SpectralBoundary
    var forward: Bool
  }

  private let lock = NSLock()
  private var plans: [Key: FFTPlan] = [:]
  private(set) var planCount = 0

  /// The plan for a key; `input`/`output` are scratch arrays of the right sizes used only for
  /// planning (ESTIMATE does not read or write them).
  func plan(_ key: Key, input: FFTScratch, output: FFTScratch) -> FFTPlan {
    lock.lock()
    defer { lock.unlock() }
    if let plan = plans[key] { return plan }
    let flags = UInt32(FFTW_ESTIMATE)
    let n0 = Int32(key.ny), n1 = Int32(key.nx)
    let raw: OpaquePointer?
    switch key.boundary {
    case .periodic:
      if key.forward {
        raw = input.pointer.withMemoryRebound(to: Double.self, capacity: 1) { inp in
          output.pointer.withMemoryRebound(to: fftw_complex.self, capacity: 1) { out in
            fftw_plan_dft_r2c_2d(n0, n1, inp, out, flags)
          }
        }
      } else {
        raw = input.pointer.withMemoryRebound(to: fftw_complex.self, capacity: 1) { inp in
          fftw_plan_dft_c2r_2d(n0, n1, inp, output.pointer, flags)
        }
      }
    case .dirichlet:
      raw = fftw_plan_r2r_2d(n0, n1, input.pointer, output.pointer, FFTW_RODFT00,
                             key.forward ? FFTW_R2HC : FFTW_HC2R, flags)
    case .neumann:
      raw = fftw_plan_r2r_2d(n0, n1, input.pointer, output.pointer, FFTW_REDFT00,
                             key.forward ? FFTW_R2HC : FFTW_HC2R, flags)
    case .neumannCell:
      raw = fftw_plan_r2r_2d(n0, n1, input.pointer, output.pointer,
                             key.forward ? FFTW_REDFT10 : FFTW_REDFT01,
                             key.forward ? FFTW_R2HC : FFTW_HC2R, flags)
    case .neumannDirichlet:
      raw = fftw_plan_r2r_2d(n0, n1, input.pointer, output.pointer,
                             key.forward ? FFTW_REDFT01 : FFTW_REDFT10,
                             key.forward ? FFTW_R2HC : FFTW_HC2R, flags)
    }
    guard let raw else { fatalError("FFTW could not plan \(key)") }
    let plan = FFTPlan(raw)
    plans[key] = plan
    planCount += 1
    return plan
  }

  /// Number of distinct plans made so far (a transform made twice must not plan twice).
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return plans.count
  }
}
