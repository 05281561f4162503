import CFFTW

/// Which discrete Laplacian a spectral operator represents: the exact symbol −|k|² or the
/// symbol of the 5-point (second-order) finite-difference stencil, −(4/h²)sin²(kh/2) per axis,
/// which makes the spectral solve the exact inverse of the stencil.
public enum LaplacianSymbolKind: String, Sendable, CaseIterable {
  case spectral, fivePoint
}

/// A 2-D transform on a uniform grid: periodic in x (nx samples over lengthX, the fast index)
/// and `boundary` in y (ny samples over lengthY, see `SpectralBoundary` for where they sit).
/// Fields are row-major arrays `u[j*nx + i]`. Spectra are arrays of doubles in FFTW's r2c layout
/// (ny × (nx/2+1) complex numbers, interleaved): complex Fourier modes along x, and along y the
/// Fourier or the real sine/cosine coefficients of the boundary's transform.
/// Symbols (`laplacianSymbol`) are given per double, so diagonal operators are element-wise
/// products. `inverse(forward(u)) == u` to round-off: the inverse applies FFTW's normalisation.
public final class SpectralTransform2D: @unchecked Sendable {
  public let nx: Int
  public let ny: Int
  public let lengthX: Double
  public let lengthY: Double
  public let boundary: SpectralBoundary
  /// Number of doubles in a spectrum.
  public let spectrumCount: Int
  /// FFTW's unnormalised forward-then-inverse gain.
  public let normalization: Double

  private let forwardPlans: [FFTPlan]
  private let inversePlans: [FFTPlan]
  private let fieldBuffer: FFTScratch
  private let spectrumBuffer: FFTScratch
  /// Columns per block of the y transforms and the block's buffer (non-periodic boundaries).
  private let blockColumns: Int
  private let blockBuffer: FFTScratch
  /// The complex-FFT path of the DCT-I and DCT-II/III along y (`CosineColumns`), when it applies.
  private let cosineColumns: CosineColumns?

  /// - Precondition: nx ≥ 2 (even when y is periodic); ny ≥ 2; lengths > 0. Sizes are checked by
  ///   callers that read them from input (`PhaseFieldGrid`), so a violation is a programming error.
  public convenience init(nx: Int, ny: Int, lengthX: Double, lengthY: Double, boundary: SpectralBoundary) {
    self.init(nx: nx, ny: ny, lengthX: lengthX, lengthY: lengthY, boundary: boundary, cosineColumns: true)
  }

  /// `cosineColumns: false` keeps FFTW's r2r kinds along y for every boundary (tests compare
  /// the two paths).
  init(nx: Int, ny: Int, lengthX: Double, lengthY: Double, boundary: SpectralBoundary, cosineColumns: Bool) {
    precondition(nx >= 2 && ny >= 2 && lengthX > 0 && lengthY > 0, "invalid spectral grid")
    self.nx = nx
    self.ny = ny
    self.lengthX = lengthX
    self.lengthY = lengthY
    self.boundary = boundary
    let count = 2 * ny * (nx / 2 + 1)
    spectrumCount = count
    switch boundary {
    case .periodic: normalization = Double(nx * ny)
    case .dirichlet: normalization = Double(nx) * 2 * Double(ny + 1)
    case .neumann: normalization = Double(nx) * 2 * Double(ny - 1)
    case .neumannCell, .neumannDirichlet: normalization = Double(nx) * 2 * Double(ny)
    }
    fieldBuffer = FFTScratch(count: nx * ny)
    spectrumBuffer = FFTScratch(count: count)
    blockColumns = FFTPlanCache.blockColumns(nx: nx)
    if cosineColumns, let kind = CosineColumns.supports(boundary: boundary, nx: nx, ny: ny) {
      self.cosineColumns = CosineColumns(kind: kind, nx: nx, rows: ny, field: fieldBuffer,
                                         spectrum: spectrumBuffer)
      blockBuffer = FFTScratch(count: 0)
      forwardPlans = []
      inversePlans = []
      return
    }
    self.cosineColumns = nil
    blockBuffer = FFTScratch(count: boundary == .periodic ? 0 : blockColumns * ny)
    let cache = FFTPlanCache.shared
    forwardPlans = cache.plans(.init(nx: nx, ny: ny, boundary: boundary, forward: true),
                               input: fieldBuffer, output: spectrumBuffer)
    inversePlans = cache.plans(.init(nx: nx, ny: ny, boundary: boundary, forward: false),
                               input: spectrumBuffer, output: fieldBuffer)
  }

  public var fieldCount: Int { nx * ny }
  public var spacingX: Double { lengthX / Double(nx) }
  /// Grid spacing along y for this boundary's sample placement.
  public var spacingY: Double {
    switch boundary {
    case .periodic, .neumannCell, .neumannDirichlet: return lengthY / Double(ny)
    case .dirichlet: return lengthY / Double(ny + 1)
    case .neumann: return lengthY / Double(ny - 1)
    }
  }

  /// û = F u (unnormalised, FFTW's convention).
  public func forward(_ field: [Double], into spectrum: inout [Double]) {
    precondition(field.count == fieldCount)
    if spectrum.count != spectrumCount { spectrum = Self.uninitialized(spectrumCount) }
    field.withUnsafeBufferPointer { src in
      guard let base = src.baseAddress else { return }
      fieldBuffer.pointer.update(from: base, count: fieldCount)
    }
    executeForward()
    spectrum.withUnsafeMutableBufferPointer { dst in
      guard let base = dst.baseAddress else { return }
      base.update(from: spectrumBuffer.pointer, count: spectrumCount)
    }
  }

  /// û = F u for a field that `fill` writes straight into the transform's aligned input
  /// buffer (all `fieldCount` values), which saves the copy of `forward(_:into:)`.
  public func forward(into spectrum: inout [Double],
                      filling fill: (UnsafeMutableBufferPointer<Double>) -> Void) {
    if spectrum.count != spectrumCount { spectrum = Self.uninitialized(spectrumCount) }
    fill(UnsafeMutableBufferPointer(start: fieldBuffer.pointer, count: fieldCount))
    executeForward()
    spectrum.withUnsafeMutableBufferPointer { dst in
      guard let base = dst.baseAddress else { return }
      base.update(from: spectrumBuffer.pointer, count: spectrumCount)
    }
  }

  /// û = F u into the transform's own spectrum buffer (read and changed with
  /// `withSpectrumBuffer`, brought back with `inverseOfSpectrumBuffer`): for callers that
  /// work on the spectrum in place and need no copy of it.
  public func forwardIntoSpectrumBuffer(filling fill: (UnsafeMutableBufferPointer<Double>) -> Void) {
    fill(UnsafeMutableBufferPointer(start: fieldBuffer.pointer, count: fieldCount))
    executeForward()
  }

  /// Runs `body` on the spectrum buffer (r2c layout, `spectrumCount` doubles).
  public func withSpectrumBuffer<T>(_ body: (UnsafeMutableBufferPointer<Double>) -> T) -> T {
    body(UnsafeMutableBufferPointer(start: spectrumBuffer.pointer, count: spectrumCount))
  }

  /// u = F⁻¹ û / normalization of the spectrum buffer, which the transform overwrites.
  public func inverseOfSpectrumBuffer(into field: inout [Double]) {
    if field.count != fieldCount { field = Self.uninitialized(fieldCount) }
    field.withUnsafeMutableBufferPointer { dst in
      guard let base = dst.baseAddress else { return }
      executeInverse(into: base)
    }
  }

  /// u = F⁻¹ û / normalization, so that inverse(forward(u)) == u.
  public func inverse(_ spectrum: [Double], into field: inout [Double]) {
    precondition(spectrum.count == spectrumCount)
    if field.count != fieldCount { field = Self.uninitialized(fieldCount) }
    spectrum.withUnsafeBufferPointer { src in
      guard let base = src.baseAddress else { return }
      spectrumBuffer.pointer.update(from: base, count: spectrumCount)
    }
    field.withUnsafeMutableBufferPointer { dst in
      guard let base = dst.baseAddress else { return }
      executeInverse(into: base)
    }
  }

  /// An array of `count` doubles that the caller overwrites in full before anyone reads it:
  /// a result array skips the zero fill (a pass over 8 MB at 1024²). Double is a trivial type,
  /// so its storage needs no initialisation to be valid.
  private static func uninitialized(_ count: Int) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
  }

  private var complexSpectrum: UnsafeMutablePointer<fftw_complex> {
    UnsafeMutableRawPointer(spectrumBuffer.pointer).assumingMemoryBound(to: fftw_complex.self)
  }

  private func executeForward() {
    if let cosineColumns {
      cosineColumns.forward(field: fieldBuffer.pointer, spectrum: spectrumBuffer.pointer)
    } else if boundary == .periodic {
      fftw_execute_dft_r2c(forwardPlans[0].raw, fieldBuffer.pointer, complexSpectrum)
    } else {
      // the field scratch is overwritten by the y transform; it is refilled each call
      transformColumns(forwardPlans[0])
      fftw_execute_dft_r2c(forwardPlans[1].raw, fieldBuffer.pointer, complexSpectrum)
    }
  }

  /// Inverts the spectrum buffer (overwriting it) and writes the field divided by
  /// `normalization` to `destination` (`fieldCount` doubles).
  private func executeInverse(into destination: UnsafeMutablePointer<Double>) {
    let scale = 1 / normalization
    if let cosineColumns {
      cosineColumns.inverse(spectrum: spectrumBuffer.pointer, field: fieldBuffer.pointer,
                            destination: destination, scale: scale)
      return
    }
    fftw_execute_dft_c2r(inversePlans[0].raw, complexSpectrum, fieldBuffer.pointer)
    if boundary != .periodic { transformColumns(inversePlans[1]) }
    let out = fieldBuffer.pointer
    for index in 0..<fieldCount { destination[index] = out[index] * scale }
  }

  /// Applies the y plan to every column of the field buffer, one block of columns at a time:
  /// each block (`blockColumns` adjacent columns, a short contiguous run of every row) is
  /// copied into a small buffer that stays in cache, transformed there and copied back.
  private func transformColumns(_ plan: FFTPlan) {
    let field = fieldBuffer.pointer, block = blockBuffer.pointer
    let width = blockColumns, rows = ny, columns = nx
    for first in stride(from: 0, to: columns, by: width) {
      for j in 0..<rows { (block + j * width).update(from: field + j * columns + first, count: width) }
      fftw_execute_r2r(plan.raw, block, block)
      for j in 0..<rows { (field + j * columns + first).update(from: block + j * width, count: width) }
    }
  }
}
