import Foundation

/// The isotropic reference medium C⁰ (Lamé λ⁰, μ⁰) of the preconditioner, stored as the two
/// compliances its displacement operator needs.
struct MechanicsReferenceMedium {
  /// 1/μ⁰: the transverse (shear) part of K⁰⁻¹.
  var transverse: Double
  /// 1/(λ⁰ + 2μ⁰): the longitudinal part of K⁰⁻¹.
  var longitudinal: Double

  /// The medium with the geometric means of the field's bulk (λ+μ) and shear (μ) moduli. The
  /// strain energy is (λ+μ)(tr ε)² + 2μ|dev ε|², so C(x)/C⁰ has the eigenvalues (λ+μ)/(λ⁰+μ⁰)
  /// and μ/μ⁰; centring both ranges on 1 bounds the preconditioned condition number by
  /// max(bulk contrast, shear contrast). Falls back to identity-like moduli for empty ranges.
  init(bulk: (low: Double, high: Double), shear: (low: Double, high: Double)) {
    let mu = (shear.low * shear.high).squareRoot()
    let bulkMean = (bulk.low * bulk.high).squareRoot()
    let mu0 = mu > 0 && mu.isFinite ? mu : 1
    let bulk0 = bulkMean > 0 && bulkMean.isFinite ? bulkMean : mu0
    transverse = 1 / mu0
    longitudinal = 1 / (bulk0 + mu0)
  }
}

/// Everything a solve reuses: the CG vectors (two components each, x block then y block, in
/// FFTW-aligned memory), the row buffers of the stencil passes, the spectra, the batched plans
/// (one r2c and one c2r for both displacement components) and the factors of K⁰⁻¹'s symbol.
final class MechanicsWorkspace {
  let nx: Int
  let ny: Int
  let hx: Double
  let hy: Double
  let nodes: Int
  /// Doubles per component spectrum: ny × (nx/2+1) complex numbers.
  let spectrumCount: Int
  let residual: FFTScratch
  let direction: FFTScratch
  /// Kp, then (after the residual update) the preconditioned residual z.
  let product: FFTScratch
  let correction: FFTScratch
  /// Three stress rows (xx, yy, xy) of nx values each: row 0, and two alternating rows.
  let rows: FFTScratch
  /// The double-precision preconditioner's spectra and its transform (both displacement
  /// components at once: `residual` → `spectra` → `product`), made at the first solve that uses
  /// them: at the production tolerance the single-precision preconditioner serves every solve,
  /// and a workspace then holds neither (17 MB of spectra and FFTW's plans at 1024²).
  private lazy var spectra = FFTScratch(count: 2 * spectrumCount)
  private lazy var transform = FFTBatchedPeriodicTransform(nx: nx, ny: ny, count: 2, input: residual,
                                                           spectra: spectra, output: product)
  /// Factors of k̃ = (2/hx·sin aᵢ·cos b_j, 2/hy·cos aᵢ·sin b_j), aᵢ = π i/nx, b_j = π j/ny (j
  /// folded to −ny/2…ny/2): per column (sin aᵢ, cos aᵢ), per row (sin b_j, cos b_j), with the
  /// cosines of π/2 set to exactly 0 so that k̃ is exactly 0 at the mean and, on even grids, at
  /// the (π/h, π/h) hourglass mode, which D does not see. Computing the symbol from them costs
  /// one division per entry and saves streaming three mode-sized tables through every pass.
  private let columnFactors: [(sin: Double, cos: Double)]
  private let rowFactors: [(sin: Double, cos: Double)]
  /// The single-precision preconditioner's buffers and transform, made at the first solve that
  /// uses them (a tight solve never does, and a workspace then holds no Float buffers).
  lazy var single = MechanicsSinglePrecisionBuffers(nx: nx, ny: ny, spectrumCount: spectrumCount)

  init(nx: Int, ny: Int, hx: Double, hy: Double) {
    self.nx = nx
    self.ny = ny
    self.hx = hx
    self.hy = hy
    nodes = nx * ny
    let columns = nx / 2 + 1
    spectrumCount = 2 * ny * columns
    let residual = FFTScratch(count: 2 * nodes), product = FFTScratch(count: 2 * nodes)
    self.residual = residual
    self.product = product
    direction = FFTScratch(count: 2 * nodes)
    correction = FFTScratch(count: 2 * nodes)
    rows = FFTScratch(count: 9 * nx)
    columnFactors = (0..<columns).map { i in
      let a = Double.pi * Double(i) / Double(nx)
      return (sin(a), 2 * i == nx ? 0 : cos(a))
    }
    rowFactors = (0..<ny).map { j in
      let b = Double.pi * Double(j <= ny / 2 ? j : j - ny) / Double(ny)
      return (sin(b), 2 * j == ny ? 0 : cos(b))
    }
  }

  /// Makes the double-precision transform now: a measured plan overwrites `residual`,
  /// `spectra` and `product` while planning, so it must exist before a solve fills them.
  func planDoublePrecision() { _ = transform }

  /// ẑ = K⁰⁻¹ r̂ in `spectra` (r from `residual`); returns r·z. In Fourier space K⁰(k) =
  /// μ⁰|k̃|² I + (λ⁰+μ⁰) k̃k̃ᵀ, so ẑ = |k̃|⁻²[(1/μ⁰)(I − nnᵀ) + nnᵀ/(λ⁰+2μ⁰)] r̂, n = k̃/|k̃|.
  /// r·z comes from the spectra by Parseval (r2c columns 0 and nx/2 once, the others twice;
  /// the stored ẑ carries the 1/N of the round trip, which is Parseval's factor), so a caller
  /// that only needs r·z (the last convergence check) skips `finishPreconditioning`.
  func startPreconditioning(_ medium: MechanicsReferenceMedium) -> Double {
    transform.forward()
    let sx = spectra.pointer, sy = spectra.pointer + spectrumCount
    return applyInverseSymbol(medium) { re, im in
      (sx[re], sx[im], sy[re], sy[im])
    } store: { re, im, z in
      sx[re] = z.xr
      sx[im] = z.xi
      sy[re] = z.yr
      sy[im] = z.yi
    }
  }

  /// z = K⁰⁻¹ r into `product`, from the spectra of `startPreconditioning` (which it destroys).
  func finishPreconditioning() {
    transform.inverse()
  }

  /// `startPreconditioning` in single precision: r from `single.input` (the caller stores
  /// Float(r) there), ẑ in `single.spectra`; the symbol and the sum r·z are evaluated in double
  /// from the Float spectra. The result is K⁰⁻¹ to Float rounding (~1e-7 relative), a fixed
  /// linear map that is symmetric positive definite to that accuracy: CG at a tolerance of 1e-5
  /// takes the same iterations as with the double transforms (`MechanicsSolver.solveStrain`).
  func startPreconditioningSingle(_ medium: MechanicsReferenceMedium) -> Double {
    let single = self.single
    single.transform.forward()
    let sx = single.spectra.pointer, sy = single.spectra.pointer + spectrumCount
    return applyInverseSymbol(medium) { re, im in
      (Double(sx[re]), Double(sx[im]), Double(sy[re]), Double(sy[im]))
    } store: { re, im, z in
      sx[re] = Float(z.xr)
      sx[im] = Float(z.xi)
      sy[re] = Float(z.yr)
      sy[im] = Float(z.yi)
    }
  }

  /// z = K⁰⁻¹ r into `single.output` (Float), from the spectra of `startPreconditioningSingle`.
  func finishPreconditioningSingle() {
    single.transform.inverse()
  }

  /// The spectral multiplication of `startPreconditioning` over both components' spectra, read
  /// and written through `load`/`store` (interleaved re/im offsets of one mode, the x and y
  /// components' values); returns Σ r̂*·ẑ with Parseval's weights.
  @inline(__always)
  private func applyInverseSymbol(_ medium: MechanicsReferenceMedium,
                                  load: (Int, Int) -> (Double, Double, Double, Double),
                                  store: (Int, Int, (xr: Double, xi: Double, yr: Double, yi: Double)) -> Void)
    -> Double
  {
    let columns = nx / 2 + 1
    let transverse = medium.transverse, difference = medium.longitudinal - medium.transverse
    let inverseGain = 1 / Double(nodes)
    let scaleX = 2 / hx, scaleY = 2 / hy
    var sum = 0.0
    columnFactors.withUnsafeBufferPointer { columnFactors in
      for j in 0..<ny {
        let rowSin = rowFactors[j].sin * scaleY, rowCos = rowFactors[j].cos * scaleX
        var rowSum = 0.0
        for i in 0..<columns {
          let kx = columnFactors[i].sin * rowCos, ky = columnFactors[i].cos * rowSin
          let squared = kx * kx + ky * ky
          let inverse = squared > 0 ? 1 / squared : 0
          let w = inverseGain * inverse, v = difference * inverse
          let re = 2 * (j * columns + i), im = re + 1
          let (xr, xi, yr, yi) = load(re, im)
          let pr = v * (kx * xr + ky * yr), pi = v * (kx * xi + ky * yi)
          let zxr = w * (transverse * xr + kx * pr), zxi = w * (transverse * xi + kx * pi)
          let zyr = w * (transverse * yr + ky * pr), zyi = w * (transverse * yi + ky * pi)
          store(re, im, (zxr, zxi, zyr, zyi))
          let term = xr * zxr + xi * zxi + yr * zyr + yi * zyi
          rowSum += (i == 0 || 2 * i == nx) ? term : 2 * term
        }
        sum += rowSum
      }
    }
    return sum
  }

  /// z = K⁰⁻¹ r into `product`; returns r·z.
  func precondition(_ medium: MechanicsReferenceMedium) -> Double {
    let rz = startPreconditioning(medium)
    finishPreconditioning()
    return rz
  }
}

/// Float copies for the single-precision preconditioner: `input` (Float(r), x block then y
/// block), `spectra`, `output` (z), and the batched transform between them.
final class MechanicsSinglePrecisionBuffers {
  let input: FFTScratchSingle
  let spectra: FFTScratchSingle
  let output: FFTScratchSingle
  let transform: FFTBatchedPeriodicTransformSingle

  init(nx: Int, ny: Int, spectrumCount: Int) {
    let nodes = nx * ny
    let input = FFTScratchSingle(count: 2 * nodes), output = FFTScratchSingle(count: 2 * nodes)
    let spectra = FFTScratchSingle(count: 2 * spectrumCount)
    self.input = input
    self.spectra = spectra
    self.output = output
    transform = FFTBatchedPeriodicTransformSingle(nx: nx, ny: ny, count: 2, input: input, spectra: spectra,
                                                  output: output)
  }
}
