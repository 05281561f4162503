import CFFTW

/// An `fftwf_alloc_real` buffer of Floats (SIMD-aligned), zeroed, freed with the object.
final class FFTScratchSingle: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Float>
  let count: Int
  init(count: Int) {
    let n = max(count, 1)
    guard let p = fftwf_alloc_real(n) else { fatalError("fftwf_alloc_real(\(n)) failed: out of memory") }
    p.initialize(repeating: 0, count: n)
    pointer = p
    self.count = count
  }
  deinit { fftwf_free(pointer) }
}

/// A single-precision FFTW plan (FFTW keeps a separate planner and wisdom per precision).
final class FFTPlanSingle: @unchecked Sendable {
  let raw: OpaquePointer
  init(_ raw: OpaquePointer) { self.raw = raw }
  deinit { fftwf_destroy_plan(raw) }
}

/// `FFTBatchedPeriodicTransform` in single precision (fftwf): the same layout and convention
/// (unnormalised, inverse(forward(u)) = nx·ny·u) on Float buffers, at about 0.6 of the double
/// transform's time at 1024² (half the memory traffic, twice the SIMD width). For work whose
/// accuracy needs are far above Float's ~6e-8 relative rounding, such as a CG preconditioner
/// at a tolerance of 1e-5. Planned under the cache's lock with its flags; with measured plans
/// the choice is recorded in the single-precision wisdom that `FFTPlanning` exports.
final class FFTBatchedPeriodicTransformSingle: @unchecked Sendable {
  let nx: Int
  let ny: Int
  let count: Int
  private let input: FFTScratchSingle
  private let spectra: FFTScratchSingle
  private let output: FFTScratchSingle
  private let forwardPlan: FFTPlanSingle
  private let inversePlan: FFTPlanSingle

  /// - Precondition: `input` and `output` hold count·nx·ny Floats, `spectra`
  ///   count·2·ny·(nx/2+1).
  init(nx: Int, ny: Int, count: Int, input: FFTScratchSingle, spectra: FFTScratchSingle, output: FFTScratchSingle) {
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
      return (fftwf_plan_many_dft_r2c(2, &sizes, Int32(count), input.pointer, nil, 1, nodes, complexSpectra, nil, 1,
                                      spectrumDistance, flags),
              fftwf_plan_many_dft_c2r(2, &sizes, Int32(count), complexSpectra, nil, 1, spectrumDistance,
                                      output.pointer, nil, 1, nodes, flags))
    }
    guard let forward, let inverse else {
      fatalError("FFTW could not plan \(count) single-precision periodic \(nx) × \(ny) transforms")
    }
    forwardPlan = FFTPlanSingle(forward)
    inversePlan = FFTPlanSingle(inverse)
  }

  private static func complex(_ scratch: FFTScratchSingle) -> UnsafeMutablePointer<fftwf_complex> {
    UnsafeMutableRawPointer(scratch.pointer).assumingMemoryBound(to: fftwf_complex.self)
  }

  /// spectra ← F input (every field).
  func forward() { fftwf_execute_dft_r2c(forwardPlan.raw, input.pointer, Self.complex(spectra)) }

  /// output ← F⁻¹ spectra (every field; the spectra are overwritten).
  func inverse() { fftwf_execute_dft_c2r(inversePlan.raw, Self.complex(spectra), output.pointer) }
}
