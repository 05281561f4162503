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
/// others when n does. `neumann` with n−1 even and `neumannDirichlet` with n even (the Li
/// model's grids) do not use FFTW's r2r kinds but `CosineColumns` (one complex FFT per pair of
/// columns, about half the time at 1024²); the spectra are the same to round-off.
public enum SpectralBoundary: String, Sendable, Hashable, CaseIterable {
  case periodic, dirichlet, neumann, neumannCell, neumannDirichlet
}

/// A planned FFTW transform. Plans are immutable after planning and FFTW's `fftw_execute_*`
/// functions are thread-safe, so a plan may be shared; executing on new arrays requires arrays
/// with the alignment of `fftw_alloc_real` (all `FFTScratch` buffers have it) and the same
/// in-place/out-of-place arrangement as at planning.
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
  /// FFTW_ESTIMATE unless `FFTPlanning.useMeasuredPlans` switched to FFTW_MEASURE. Written and
  /// read only with the planner lock held (plans made under `withPlannerLock` read it there).
  var planningFlags = UInt32(FFTW_ESTIMATE)
  private var plans: [Key: [FFTPlan]] = [:]
  private var cosinePlans: [CosineColumnKey: CosineColumnPlans] = [:]

  struct CosineColumnKey: Hashable {
    var nx: Int
    var rows: Int
    var kind: CosineColumns.Kind
  }

  /// The plans of `CosineColumns`: batched complex FFTs along y on the padded work buffer, and
  /// r2c/c2r batches along x. DCT-I: `evenRows`/`evenRowsBack` take all N+1 rows between the
  /// field and the spectrum. DCT-II/III: work rows 0…N/2−1 ↔ spectrum rows 0, 2, 4…
  /// (`evenRows`) and work rows N−1, N−2… (a negative stride) ↔ spectrum rows 1, 3, 5…
  /// (`oddRows`), the reordering of Makhoul's algorithm done by the x transforms.
  /// Each batch is cut into `pieces(of:)` consecutive pieces (column ranges for the y batches,
  /// row ranges for the x batches), one plan each, so threads can execute the pieces at once.
  /// The cut depends only on the grid, never on the thread count: a piece's plan, hence its
  /// rounding, is the same however many threads run the pieces (`ParallelWork`).
  struct CosineColumnPlans: @unchecked Sendable {
    var columnPieces: [Range<Int>]
    var rowPieces: [Range<Int>]
    var columnsForward: [FFTPlan]
    var columnsBackward: [FFTPlan]
    var evenRows: [FFTPlan]
    var evenRowsBack: [FFTPlan]
    var oddRows: [FFTPlan]
    var oddRowsBack: [FFTPlan]
  }

  /// The pieces a batch of `count` transforms is cut into: 4 from 32 transforms up (the 1024²
  /// grid's 512 complex columns in pieces of 128), else 1.
  static func pieces(of count: Int) -> [Range<Int>] {
    let parts = count >= 32 ? 4 : 1
    return (0..<parts).map { ParallelWork.bounds($0, of: parts, count: count) }
  }

  /// Plans for `CosineColumns` (made once per key, FFTW_ESTIMATE, arrays untouched).
  func cosineColumnPlans(_ key: CosineColumnKey, field: FFTScratch, work: FFTScratch, workStride: Int,
                         spectrum: FFTScratch) -> CosineColumnPlans {
    lock.lock()
    defer { lock.unlock() }
    if let made = cosinePlans[key] { return made }
    let flags = planningFlags
    let nx = key.nx, columns = nx / 2 + 1
    var length = Int32(nx)
    func complex(_ p: UnsafeMutablePointer<Double>) -> UnsafeMutablePointer<fftw_complex> {
      UnsafeMutableRawPointer(p).assumingMemoryBound(to: fftw_complex.self)
    }
    func checked(_ raw: OpaquePointer?) -> FFTPlan {
      guard let raw else { fatalError("FFTW could not plan \(key)") }
      return FFTPlan(raw)
    }
    let n = key.kind == .dctI ? key.rows - 1 : key.rows
    var lengthY = Int32(n)
    let w = complex(work.pointer), stride = Int32(workStride / 2)
    let columnPieces = Self.pieces(of: nx / 2)
    func alongY(_ sign: Int32) -> [FFTPlan] {
      columnPieces.map { r in
        let start = w + r.lowerBound
        return checked(fftw_plan_many_dft(1, &lengthY, Int32(r.count), start, nil, stride, 1, start, nil, stride, 1,
                                          sign, flags))
      }
    }
    let made: CosineColumnPlans
    switch key.kind {
    case .dctI:
      let rowPieces = Self.pieces(of: key.rows)
      made = CosineColumnPlans(
        columnPieces: columnPieces, rowPieces: rowPieces,
        columnsForward: alongY(FFTW_FORWARD), columnsBackward: [],
        evenRows: rowPieces.map { r in
          checked(fftw_plan_many_dft_r2c(1, &length, Int32(r.count), field.pointer + r.lowerBound * nx, nil, 1,
                                         Int32(nx), complex(spectrum.pointer) + r.lowerBound * columns, nil, 1,
                                         Int32(columns), flags))
        },
        evenRowsBack: rowPieces.map { r in
          checked(fftw_plan_many_dft_c2r(1, &length, Int32(r.count), complex(spectrum.pointer) + r.lowerBound * columns,
                                         nil, 1, Int32(columns), field.pointer + r.lowerBound * nx, nil, 1, Int32(nx),
                                         flags))
        },
        oddRows: [], oddRowsBack: [])
    case .dctIIIForwardDCTIIBack:
      let rowPieces = Self.pieces(of: n / 2)
      let ws = workStride, pair = 2 * columns
      let last = work.pointer + (n - 1) * workStride
      let second = complex(spectrum.pointer + 2 * columns)
      made = CosineColumnPlans(
        columnPieces: columnPieces, rowPieces: rowPieces,
        columnsForward: alongY(FFTW_FORWARD), columnsBackward: alongY(FFTW_BACKWARD),
        evenRows: rowPieces.map { r in
          checked(fftw_plan_many_dft_r2c(1, &length, Int32(r.count), work.pointer + r.lowerBound * ws, nil, 1,
                                         Int32(ws), complex(spectrum.pointer) + r.lowerBound * pair, nil, 1,
                                         Int32(pair), flags))
        },
        evenRowsBack: rowPieces.map { r in
          checked(fftw_plan_many_dft_c2r(1, &length, Int32(r.count), complex(spectrum.pointer) + r.lowerBound * pair,
                                         nil, 1, Int32(pair), work.pointer + r.lowerBound * ws, nil, 1, Int32(ws), flags))
        },
        oddRows: rowPieces.map { r in
          checked(fftw_plan_many_dft_r2c(1, &length, Int32(r.count), last - r.lowerBound * ws, nil, 1, Int32(-ws),
                                         second + r.lowerBound * pair, nil, 1, Int32(pair), flags))
        },
        oddRowsBack: rowPieces.map { r in
          checked(fftw_plan_many_dft_c2r(1, &length, Int32(r.count), second + r.lowerBound * pair, nil, 1,
                                         Int32(pair), last - r.lowerBound * ws, nil, 1, Int32(-ws), flags))
        })
    }
    cosinePlans[key] = made
    return made
  }

  /// Runs `body` holding the planner lock: any FFTW planning outside this cache (a solver's own
  /// plans) must go through it, since FFTW's planner is not thread-safe.
  func withPlannerLock<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// The plans for a key, in execution order (boundaries that `CosineColumns` handles use
  /// `cosineColumnPlans` instead); `input`/`output` are scratch arrays of the right
  /// sizes used only for planning (ESTIMATE does not read or write them).
  /// Periodic-periodic is one 2-D r2c/c2r plan. The other boundaries are two 1-D batches, so the
  /// x direction uses FFTW's fast r2c rather than the slower half-complex r2r kind: forward, an
  /// r2r along y of every column on `input`, then r2c along x of every row into `output`;
  /// inverse, c2r along x from `input` into `output`, then the r2r along y on `output`. The y
  /// plan transforms one block of `blockColumns` adjacent columns in place, stored row by row
  /// (stride = block width; the transform copies each block out and back). Either way the spectrum has the r2c layout ny × (nx/2+1).
  func plans(_ key: Key, input: FFTScratch, output: FFTScratch) -> [FFTPlan] {
    lock.lock()
    defer { lock.unlock() }
    if let plans = plans[key] { return plans }
    let flags = planningFlags
    let nx = Int32(key.nx), ny = Int32(key.ny)
    var made: [OpaquePointer?] = []
    func complexPointer(_ scratch: FFTScratch) -> UnsafeMutablePointer<fftw_complex> {
      UnsafeMutableRawPointer(scratch.pointer).assumingMemoryBound(to: fftw_complex.self)
    }
    if key.boundary == .periodic {
      if key.forward {
        made = [fftw_plan_dft_r2c_2d(ny, nx, input.pointer, complexPointer(output), flags)]
      } else {
        made = [fftw_plan_dft_c2r_2d(ny, nx, complexPointer(input), output.pointer, flags)]
      }
    } else {
      var kind: fftw_r2r_kind
      switch (key.boundary, key.forward) {
      case (.dirichlet, _): kind = FFTW_RODFT00
      case (.neumann, _): kind = FFTW_REDFT00
      case (.neumannCell, true): kind = FFTW_REDFT10
      case (.neumannCell, false): kind = FFTW_REDFT01
      case (.neumannDirichlet, true): kind = FFTW_REDFT01
      case (.neumannDirichlet, false): kind = FFTW_REDFT10
      case (.periodic, _): kind = FFTW_R2HC
      }
      var lengthY = ny, lengthX = nx
      let columns = Int32(key.nx / 2 + 1)
      // The y transforms run on blocks of 16 columns copied into a buffer that stays in cache:
      // FFTW_ESTIMATE's plan for the strided in-place batch over all columns (stride nx) took
      // 15–22 ms at 1024², the blocked one about 10 ms with the copies; ESTIMATE keeps the
      // plan, hence the rounding, the same in every process (restarts stay bit for bit).
      let block = Self.blockColumns(nx: key.nx)
      let blockScratch = FFTScratch(count: block * key.ny)
      let along = fftw_plan_many_r2r(1, &lengthY, Int32(block), blockScratch.pointer, nil, Int32(block), 1,
                                     blockScratch.pointer, nil, Int32(block), 1, &kind, flags)
      if key.forward {
        let across = fftw_plan_many_dft_r2c(1, &lengthX, ny, input.pointer, nil, 1, nx,
                                            complexPointer(output), nil, 1, columns, flags)
        made = [along, across]
      } else {
        let across = fftw_plan_many_dft_c2r(1, &lengthX, ny, complexPointer(input), nil, 1, columns,
                                            output.pointer, nil, 1, nx, flags)
        made = [across, along]
      }
    }
    let result = made.map { raw -> FFTPlan in
      guard let raw else { fatalError("FFTW could not plan \(key)") }
      return FFTPlan(raw)
    }
    plans[key] = result
    return result
  }

  /// Columns per block of the blocked y transforms: 16, or the largest power of two below it
  /// that divides nx (nx is even).
  static func blockColumns(nx: Int) -> Int {
    var block = 16
    while nx % block != 0 { block /= 2 }
    return block
  }

  /// Number of distinct plans made so far (a transform made twice must not plan twice).
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return plans.count + cosinePlans.count
  }
}
