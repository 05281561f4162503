import CFFTW

/// `count` periodic nx × ny real fields transformed by one batched FFTW plan each way: the
/// fields lie one after another in `input` (forward) and `output` (inverse), their r2c spectra
/// (ny × (nx/2+1) complex numbers each, interleaved doubles) one after another in `spectra`.
/// Unnormalised, FFTW's convention: inverse(forward(u)) = nx·ny·u. The plans are bound to the
/// three buffers given (planned under the cache's lock with its planning flags; a measured
/// plan overwrites the buffers while planning, so fill them afterwards).
final class FFTBatchedPeriodicTransform: @unchecked Sendable {
  let nx: Int
  let ny: Int
  let count: Int
  private let input: FFTScratch
  private let spectra: FFTScratch
  private let output: FFTScratch
  private let forwardPlan: FFTPlan
  private let inversePlan: FFTPlan

  /// - Precondition: `input` and `output` hold count·nx·ny doubles, `spectra`
  ///   count·2·ny·(nx/2+1); FFTW can plan the sizes (any positive sizes).
  init(nx: Int, ny: Int, count: Int, input: FFTScratch, spectra: FFTScratch, output: FFTScratch) {
    self.nx = nx
    self.ny = ny
    self.count = count
    self.input = input
    self.spectra = spectra
    self.output = output
    let nodes = Int32(nx * ny), spectrumDistance = Int32(ny * (nx / 2 + 1))
    var sizes = [Int32(ny), Int32(nx)]
    let complexSpectra = Self.complex(spectra)
    let cache = FFTPlanCache.shared
    let (forward, inverse) = cache.withPlannerLock {
      let flags = cache.planningFlags
      return (fftw_plan_many_dft_r2c(2, &sizes, Int32(count), input.pointer, nil, 1, nodes, complexSpectra, nil, 1,
                                     spectrumDistance, flags),
              fftw_plan_many_dft_c2r(2, &sizes, Int32(count), complexSpectra, nil, 1, spectrumDistance,
                                     output.pointer, nil, 1, nodes, flags))
    }
    guard let forward, let inverse else { fatalError("FFTW could not plan \(count) periodic \(nx) × \(ny) transforms") }
    forwardPlan = FFTPlan(forward)
    inversePlan = FFTPlan(inverse)
  }

  private static func complex(_ scratch: FFTScratch) -> UnsafeMutablePointer<fftw_complex> {
    UnsafeMutableRawPointer(scratch.pointer).assumingMemoryBound(to: fftw_complex.self)
  }

  /// spectra ← F input (every field).
  func forward() { fftw_execute_dft_r2c(forwardPlan.raw, input.pointer, Self.complex(spectra)) }

  /// output ← F⁻¹ spectra (every field; the spectra are overwritten).
  func inverse() { fftw_execute_dft_c2r(inversePlan.raw, Self.complex(spectra), output.pointer) }
}
