import Formats
import Foundation

/// The linear Kramers–Kronig test (Lin-KK) of Schönleber, Klotz & Ivers-Tiffée, Electrochim. Acta
/// 131 (2014) 20: a spectrum obeys causality, linearity and stability exactly when a chain of
/// Voigt RC elements can reproduce it. The model
///   Ẑ(ω) = R₀ + jωL [+ 1/(jωC)] + Σₖ Rₖ/(1 + jωτₖ),
/// with τ₁ = 1/ω_max … τ_M = 1/ω_min spaced logarithmically, is linear in (R₀, L, C⁻¹, Rₖ) and is
/// fitted to real and imaginary parts together with weights 1/|Zᵢ| (their eq. 14). The number of
/// elements M is the first for which μ = 1 − Σ_{Rₖ<0}|Rₖ| / Σ_{Rₖ≥0}|Rₖ| ≤ c (c = 0.85): below
/// that, further elements start fitting noise with alternating signs (their eq. 21) — counted
/// only among the M whose pseudo χ² is within a factor 4 of the best (see `plateauFactor`).
/// Why the deviation: on Circuit1_EIS_1.z the plain rule stops at M = 4 with 35 % residuals, in
/// pyimpspec 5.1.3 as here; the plateau rule gives M = 18, χ² = 3.8e-6, the M pyimpspec's own
/// repair (Yrjänä & Bobacka 2024, method 1) chooses. Known difference: when χ² keeps falling up to
/// M = N (exampleData.csv: CPE tails beyond the window) the plateau rule takes M ≈ 46 where
/// pyimpspec takes 16; `plateauFactor = .infinity` restores Schönleber's rule (M = 14 vs 13).
///
/// Residuals are Δ'ᵢ = (Z'ᵢ − Ẑ'ᵢ)/|Zᵢ| and Δ''ᵢ = (Z''ᵢ − Ẑ''ᵢ)/|Zᵢ|; the pseudo χ² is
/// Σ(Δ'² + Δ''²), and σ̂ = √(χ²_ps · 5000/N) % estimates the noise (Yrjänä & Bobacka, Electrochim.
/// Acta 504 (2024) 144951). The verdict: valid when σ̂ ≤ `threshold` (1 % by default), i.e. the
/// residuals are at a plausible noise level; drift, non-linearity or a changing system shows as
/// larger, systematic residuals. Limitation: processes whose distribution extends far beyond the
/// measured window (a CPE tail) leave residuals at the window's edges.
public struct KramersKronigTest: Equatable, Sendable {
  public struct Options: Sendable {
    public var c = 0.85
    /// Upper limit of M; nil means min(N, 100).
    public var maxElements: Int?
    /// Use exactly this M instead of the μ criterion.
    public var fixedElements: Int?
    /// Series capacitance column (blocking electrodes): automatic includes it when the
    /// low-frequency phase tends to −90° (`SeriesElementChoice.capacitance`). Without it a
    /// blocking cell's capacitive tail leaves systematic residuals that read as "noise".
    public var capacitance = SeriesElementChoice.Mode.automatic
    /// Series inductance column: automatic includes it when Z'' > 0 at the highest frequency.
    /// An unneeded L column absorbs the high-frequency tail with a negative, unphysical
    /// inductance and triggers the μ criterion too early.
    public var inductance = SeriesElementChoice.Mode.automatic
    /// Widen the τ range by this many decades beyond [1/ω_max, 1/ω_min] on each side, so
    /// distributed (CPE-like) processes whose tails leave the window can be represented.
    public var extensionDecades = 0.0
    /// The verdict's limit on the estimated noise σ̂ (as a fraction: 0.01 = 1 %).
    public var threshold = 0.01
    /// M is taken among those whose pseudo χ² is within this factor of the lowest any M reaches.
    public var plateauFactor = 4.0
    public init() {}
  }

  public var elementCount: Int
  public var mu: Double
  public var timeConstants: [Double]
  public var resistances: [Double]
  public var ohmicResistance: Double
  public var inductance: Double
  /// Series capacitance (F) when included.
  public var capacitance: Double?
  /// Whether each series element was included, and why.
  public var inductanceChoice: SeriesElementChoice
  public var capacitanceChoice: SeriesElementChoice
  public var fitted: [ComplexNumber]
  public var residualsReal: [Double]
  public var residualsImaginary: [Double]
  public var pseudoChiSquare: Double
  public var noiseEstimatePercent: Double
  public var maxAbsoluteResidual: Double
  public var valid: Bool
  public var verdict: String

  public init(_ spectrum: ImpedanceSpectrum, options: Options = Options()) throws {
    let n = spectrum.count
    guard n >= 3 else { throw InputError("expected at least 3 points for a Kramers–Kronig test, got \(n)") }
    for (i, f) in spectrum.frequencies.enumerated() where !(f > 0 && f.isFinite) {
      throw InputError("expected positive frequencies; point \(i + 1) has \(f) Hz")
    }
    let w = spectrum.frequencies.map { 2 * Double.pi * $0 }
    let z = (0..<n).map { ComplexNumber(spectrum.real[$0], spectrum.imaginary[$0]) }
    let mag = z.map { max($0.magnitude, .leastNormalMagnitude) }
    let wMax = w.max() ?? 1, wMin = w.min() ?? 1
    let upper = min(options.maxElements ?? min(n, 100), 2 * n - 3)
    let inductanceChoice = SeriesElementChoice.inductance(for: spectrum, mode: options.inductance)
    let capacitanceChoice = SeriesElementChoice.capacitance(for: spectrum, mode: options.capacitance)
    self.inductanceChoice = inductanceChoice
    self.capacitanceChoice = capacitanceChoice
    let useL = inductanceChoice.included, useC = capacitanceChoice.included
    let tauLow = 1 / wMax / pow(10, options.extensionDecades), tauHigh = 1 / wMin * pow(10, options.extensionDecades)

    func fit(_ m: Int) -> (coef: [Double], taus: [Double]) {
      let taus: [Double] = m == 1 ? [tauLow] : (0..<m).map {
        pow(10, log10(tauLow) + Double($0) / Double(m - 1) * log10(tauHigh / tauLow))
      }
      let cols = m + 2 + (useC ? 1 : 0)
      var a = Matrix(rows: 2 * n, columns: cols)
      var b = [Double](repeating: 0, count: 2 * n)
      for i in 0..<n {
        a[i, 0] = 1 / mag[i]
        a[n + i, 1] = useL ? w[i] / mag[i] : 0
        if useC { a[n + i, 2] = -1 / (w[i] * mag[i]) }
        let o = useC ? 3 : 2
        for k in 0..<m {
          let d = 1 + w[i] * w[i] * taus[k] * taus[k]
          a[i, o + k] = 1 / d / mag[i]
          a[n + i, o + k] = -w[i] * taus[k] / d / mag[i]
        }
        b[i] = z[i].re / mag[i]
        b[n + i] = z[i].im / mag[i]
      }
      // Equilibrate the columns so the SVD's rank cut-off is scale-free.
      var norms = [Double](repeating: 1, count: cols)
      for k in 0..<cols {
        let c = Vector.norm(a.column(k))
        norms[k] = c > 0 ? c : 1
        for r in 0..<(2 * n) { a[r, k] /= norms[k] }
      }
      let qr = QRDecomposition(a, b)
      let x = SingularValueDecomposition(qr.r).solve(qr.qTransposeB, relativeTolerance: 1e-14)
      return ((0..<cols).map { x[$0] / norms[$0] }, taus)
    }
    func residualSum(_ coef: [Double], _ taus: [Double]) -> Double {
      let o = useC ? 3 : 2
      var total = 0.0
      for i in 0..<n {
        var zi = ComplexNumber(coef[0], w[i] * coef[1])
        if useC { zi.im -= coef[2] / w[i] }
        for k in 0..<taus.count { zi += coef[o + k] / ComplexNumber(1, w[i] * taus[k]) }
        let dr = (z[i].re - zi.re) / mag[i], di = (z[i].im - zi.im) / mag[i]
        total += dr * dr + di * di
      }
      return total
    }
    func muOf(_ coef: [Double], _ m: Int) -> Double {
      let rk = coef.suffix(m)
      let pos = rk.filter { $0 >= 0 }.reduce(0, +)
      let neg = rk.filter { $0 < 0 }.reduce(0) { $0 + abs($1) }
      return pos > 0 ? 1 - neg / pos : 0
    }

    var m = 0
    var result: (coef: [Double], taus: [Double]) = ([], [])
    var mu = 1.0
    if let fixed = options.fixedElements {
      m = max(1, min(fixed, upper))
      result = fit(m)
      mu = muOf(result.coef, m)
    } else {
      // Every M up to the limit: μ(M) and the pseudo χ²(M) (of the weighted residuals).
      var fits: [(coef: [Double], taus: [Double])] = []
      var mus: [Double] = []
      var chi: [Double] = []
      for trial in 1...max(upper, 1) {
        let f = fit(trial)
        fits.append(f)
        mus.append(muOf(f.coef, trial))
        chi.append(residualSum(f.coef, f.taus))
      }
      // Schönleber's rule takes the first M with μ ≤ c. On a sparse τ grid μ also dips while
      // the chain is still far from the data (a sharp relaxation between two grid points needs
      // alternating signs), so the first M is taken among those whose χ² has come down to
      // within `plateauFactor` of the best any M reaches: there, negative Rₖ mean noise.
      let floor = chi.min() ?? 0
      let plateau = chi.indices.filter { chi[$0] <= options.plateauFactor * floor }
      let chosen = plateau.first { mus[$0] <= options.c } ?? plateau.first ?? (mus.firstIndex { $0 <= options.c } ?? fits.count - 1)
      m = chosen + 1
      result = fits[chosen]
      mu = mus[chosen]
    }
    let o = useC ? 3 : 2
    elementCount = m
    self.mu = mu
    timeConstants = result.taus
    resistances = Array(result.coef.suffix(m))
    ohmicResistance = result.coef[0]
    inductance = result.coef[1]
    capacitance = useC && result.coef[2] != 0 ? 1 / result.coef[2] : nil
    var fittedZ: [ComplexNumber] = []
    var dre: [Double] = [], dim: [Double] = []
    for i in 0..<n {
      var zi = ComplexNumber(result.coef[0], w[i] * result.coef[1])
      if useC { zi.im -= result.coef[2] / w[i] }
      for k in 0..<m { zi += result.coef[o + k] / ComplexNumber(1, w[i] * result.taus[k]) }
      fittedZ.append(zi)
      dre.append((z[i].re - zi.re) / mag[i])
      dim.append((z[i].im - zi.im) / mag[i])
    }
    fitted = fittedZ
    residualsReal = dre
    residualsImaginary = dim
    pseudoChiSquare = zip(dre, dim).reduce(0) { $0 + $1.0 * $1.0 + $1.1 * $1.1 }
    noiseEstimatePercent = (pseudoChiSquare * 5000 / Double(n)).squareRoot()
    maxAbsoluteResidual = (dre + dim).map { abs($0) }.max() ?? 0
    valid = noiseEstimatePercent <= options.threshold * 100
    verdict = valid
      ? String(format: "valid: residuals at a noise level of %.3g %% (limit %.2g %%; largest %.3g %%, M = %d, μ = %.3f)", noiseEstimatePercent, options.threshold * 100, maxAbsoluteResidual * 100, m, mu)
      : String(format: "not valid: residuals at %.3g %% exceed the %.2g %% limit (largest %.3g %%) — drift, non-linearity or an unstable system (M = %d, μ = %.3f)", noiseEstimatePercent, options.threshold * 100, maxAbsoluteResidual * 100, m, mu)
  }
}
