import CFFTW
import Foundation

/// The y transforms of the `neumann` (DCT-I) and `neumannDirichlet` (DCT-III forward, DCT-II
/// back) boundaries, each computed through one batched N-point complex FFT along y instead of
/// FFTW's r2r kinds, which here cost 2–3× a complex FFT of the same columns.
/// Two adjacent real columns (2p, 2p+1) are read as one complex column a + ib: the cosine
/// transforms are real, so T(a + ib) = T(a) + i·T(b) and nx/2 complex columns carry all nx.
/// The columns sit in a work buffer whose rows are padded (stride nx/2 + 4 or 5 complex), since
/// a batch at a power-of-two stride (8 KB rows at 1024²) hits the same cache sets in every row
/// and ran 10× slower than the padded one.
/// - DCT-III (Makhoul, IEEE TASSP 28 (1980) 27): V_k = e^{iπk/2N}(X_k − iX_{N−k}) (X_N = 0),
///   v = unnormalised inverse DFT of V, then y_{2n} = v_n, y_{2n+1} = v_{N−1−n}; the reordering
///   is done by two r2c batches along x (even rows forward, odd rows backward in memory).
/// - DCT-II: the same reordering by two c2r batches, V = DFT(v), then
///   Y_k = e^{−iπk/2N}V_k + e^{iπk/2N}V_{N−k} (the complex form of 2·Re(e^{−iπk/2N}V_k)).
/// - DCT-I of N+1 samples (Numerical Recipes §12.4, cosft1, in FFTW's scaling): with
///   u_j = x_j + x_{N−j}, d_j = x_j − x_{N−j} (u_0 = x_0 + x_N, d_0 = x_0 − x_N),
///   q_j = u_j − 2 sin(πj/N) d_j has DFT Q_m with Re Q_m = Y_{2m} and Im Q_m = Y_{2m−1} − Y_{2m+1};
///   Y_1 = d_0 + 2Σ_{j=1}^{N/2−1} d_j cos(πj/N) starts the recurrence. For complex columns
///   "Re" and "Im" are the Hermitian parts (Q_m ± Q_{N−m})/2 and (Q_m − Q_{N−m})/2i.
/// Every step is a fixed sequence of operations on plans made with FFTW_ESTIMATE, so results
/// are the same in every process (restarts stay bit for bit) and for any number of threads.
final class CosineColumns: @unchecked Sendable {
  enum Kind: Sendable {
    /// REDFT00 on N+1 rows, both directions.
    case dctI
    /// REDFT01 forward, REDFT10 back, on N rows.
    case dctIIIForwardDCTIIBack
  }

  let kind: Kind
  let nx: Int
  /// N: intervals of the DCT-I (rows − 1), rows of the DCT-II/III.
  let intervals: Int
  let complexColumns: Int
  /// Row stride of the work buffer in doubles.
  let workStride: Int
  private let work: FFTScratch
  /// cos and sin of πj/N (DCT-I) or πk/2N (DCT-II/III), j, k = 0…N.
  let cosineTable: [Double]
  let sineTable: [Double]
  /// Y_1 accumulator of the DCT-I, one row.
  private let firstOdd: FFTScratch
  private let plans: FFTPlanCache.CosineColumnPlans

  /// Whether the fast path applies: both sizes even and N ≥ 4 (smaller grids use FFTW's r2r).
  static func supports(boundary: SpectralBoundary, nx: Int, ny: Int) -> Kind? {
    guard nx % 2 == 0 else { return nil }
    switch boundary {
    case .neumann where (ny - 1) % 2 == 0 && ny - 1 >= 4: return .dctI
    case .neumannDirichlet where ny % 2 == 0 && ny >= 4: return .dctIIIForwardDCTIIBack
    default: return nil
    }
  }

  /// `field` and `spectrum` are the owning transform's buffers (nx × rows doubles and the r2c
  /// spectrum), used for planning only.
  init(kind: Kind, nx: Int, rows: Int, field: FFTScratch, spectrum: FFTScratch) {
    self.kind = kind
    self.nx = nx
    let n = kind == .dctI ? rows - 1 : rows
    intervals = n
    complexColumns = nx / 2
    let paddedColumns = complexColumns + (complexColumns % 2 == 0 ? 4 : 5)
    workStride = 2 * paddedColumns
    work = FFTScratch(count: workStride * n)
    firstOdd = FFTScratch(count: nx)
    // DCT-I: cos, sin of πj/N; DCT-II/III: cos, sin of πk/2N
    let angle = kind == .dctI ? Double.pi / Double(n) : Double.pi / Double(2 * n)
    cosineTable = (0...n).map { cos(angle * Double($0)) }
    sineTable = (0...n).map { sin(angle * Double($0)) }
    plans = FFTPlanCache.shared.cosineColumnPlans(
      .init(nx: nx, rows: rows, kind: kind), field: field, work: work, workStride: workStride,
      spectrum: spectrum)
  }

  /// Forward transform: y transform of `field` (nx × rows, overwritten) and r2c along x into
  /// `spectrum`. Every stage is split over `ParallelWork`'s threads: the O(N) passes by column
  /// ranges, the FFT batches by the plans' fixed pieces (the same numbers for any thread count).
  func forward(field: UnsafeMutablePointer<Double>, spectrum: UnsafeMutablePointer<Double>) {
    switch kind {
    case .dctI:
      inColumns { dctIPrepare(from: field, columns: $0) }
      executeColumns(plans.columnsForward)
      inColumns { dctIFinish(into: field, rowStride: nx, scale: 1, columns: $0) }
      let rowPieces = plans.rowPieces, width = nx, columns = width / 2 + 1
      ParallelWork.forEachPiece(rowPieces.count) { piece in
        let start = rowPieces[piece].lowerBound
        fftw_execute_dft_r2c(plans.evenRows[piece].raw, field + start * width, complex(spectrum) + start * columns)
      }
    case .dctIIIForwardDCTIIBack:
      inColumns { dctIIIPrepare(from: field, columns: $0) }
      executeColumns(plans.columnsBackward)
      let rowPieces = plans.rowPieces, ws = workStride, pair = 2 * (nx / 2 + 1)
      let workStart = self.work.pointer, last = workLastRow, second = complex(spectrum + 2 * (nx / 2 + 1))
      ParallelWork.forEachPiece(rowPieces.count) { piece in
        let start = rowPieces[piece].lowerBound
        fftw_execute_dft_r2c(plans.evenRows[piece].raw, workStart + start * ws, complex(spectrum) + start * pair)
        fftw_execute_dft_r2c(plans.oddRows[piece].raw, last - start * ws, second + start * pair)
      }
    }
  }

  /// Inverse transform: c2r along x of `spectrum` (overwritten), the y transform, and the
  /// result times `scale` written to `destination` (nx × rows). `field` is scratch.
  func inverse(spectrum: UnsafeMutablePointer<Double>, field: UnsafeMutablePointer<Double>,
               destination: UnsafeMutablePointer<Double>, scale: Double) {
    switch kind {
    case .dctI:
      let rowPieces = plans.rowPieces, width = nx, columns = width / 2 + 1
      ParallelWork.forEachPiece(rowPieces.count) { piece in
        let start = rowPieces[piece].lowerBound
        fftw_execute_dft_c2r(plans.evenRowsBack[piece].raw, complex(spectrum) + start * columns, field + start * width)
      }
      inColumns { dctIPrepare(from: field, columns: $0) }
      executeColumns(plans.columnsForward)
      inColumns { dctIFinish(into: destination, rowStride: nx, scale: scale, columns: $0) }
    case .dctIIIForwardDCTIIBack:
      let rowPieces = plans.rowPieces, ws = workStride, pair = 2 * (nx / 2 + 1)
      let workStart = self.work.pointer, last = workLastRow, second = complex(spectrum + 2 * (nx / 2 + 1))
      ParallelWork.forEachPiece(rowPieces.count) { piece in
        let start = rowPieces[piece].lowerBound
        fftw_execute_dft_c2r(plans.evenRowsBack[piece].raw, complex(spectrum) + start * pair, workStart + start * ws)
        fftw_execute_dft_c2r(plans.oddRowsBack[piece].raw, second + start * pair, last - start * ws)
      }
      executeColumns(plans.columnsForward)
      inColumns { dctIIFinish(into: destination, scale: scale, columns: $0) }
    }
  }

  /// Runs a pass over the complex columns, split into ranges over the threads (each column is
  /// independent, so any split computes the same numbers).
  private func inColumns(_ pass: (Range<Int>) -> Void) {
    ParallelWork.forEachChunk(complexColumns, minimumChunk: 16, pass)
  }

  var workPointer: UnsafeMutablePointer<Double> { work.pointer }
  var firstOddPointer: UnsafeMutablePointer<Double> { firstOdd.pointer }
  private var workLastRow: UnsafeMutablePointer<Double> { work.pointer + (intervals - 1) * workStride }

  private func complex(_ p: UnsafeMutablePointer<Double>) -> UnsafeMutablePointer<fftw_complex> {
    UnsafeMutableRawPointer(p).assumingMemoryBound(to: fftw_complex.self)
  }

  /// The y batches of the work buffer, piece by piece (plans made on this layout, executed on
  /// this object's own work buffer).
  private func executeColumns(_ pieces: [FFTPlan]) {
    let ranges = plans.columnPieces, w = complex(work.pointer)
    ParallelWork.forEachPiece(pieces.count) { piece in
      let start = w + ranges[piece].lowerBound
      fftw_execute_dft(pieces[piece].raw, start, start)
    }
  }
}
