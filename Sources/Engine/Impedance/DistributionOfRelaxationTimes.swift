import Formats
import Foundation

/// Distribution of relaxation times by Tikhonov regularisation with a non-negativity constraint.
///
/// Model (ω = 2πf): Z(ω) = R∞ + jωL + 1/(jωC) + ∫ γ(ln τ)/(1 + jωτ) d ln τ, γ ≥ 0 in Ω per unit
/// ln τ, so the area of a peak is the resistance of its process. L and the series C (blocking
/// electrodes, as pyDRTtools and pyimpspec offer) are included by `SeriesElementChoice`. γ is expanded in basis functions φₘ centred on
/// a log-uniform τ grid (one decade beyond the measured 1/ω range on each side, the data's point
/// density): Gaussian RBFs φ(y) = exp(−(ε(y − yₘ))²) with FWHM = 2Δy/… set by `shapeFactor`
/// (ε = shapeFactor·2√ln2/Δy, Wan et al., Electrochim. Acta 184 (2015) 483), or piecewise-linear
/// hats. The matrix Aₙₘ = ∫ φₘ(y)/(1 + jωₙeʸ) dy is integrated numerically (Simpson, 241 nodes).
///
/// Solved: min ‖A x − Z/s‖² + λ xᵀ R x with x ≥ 0 (R∞, L, 1/C ≥ 0 unpenalised), R the first-derivative
/// penalty ∫ γ′² d ln τ (closed form for Gaussians: √(π/2) ε (1 − ε²Δ²) e^(−ε²Δ²/2)), by NNLS on
/// the stacked system [A; √λ Rᶜʰᵒˡ]. Data are divided by s = max|Z|, so λ does not depend on the
/// units of Z. λ is given, or chosen by GCV on the non-negative solutions over λ = 10⁻⁶ … 10⁰,
/// falling back to the L-curve corner when GCV sits on a bound (see `chooseLambda`).
public struct DistributionOfRelaxationTimes: Equatable, Sendable {
  public enum Basis: String, Sendable { case gaussian, piecewiseLinear = "linear" }

  public struct Options: Sendable {
    public var basis: Basis = .gaussian
    /// λ for data normalised by max|Z|; nil chooses it by GCV.
    public var lambda: Double?
    public var shapeFactor = 0.5
    /// Series inductance: automatic includes it when Z'' > 0 at the highest frequency.
    public var inductance = SeriesElementChoice.Mode.automatic
    /// Series capacitance (blocking electrodes): automatic includes it when the low-frequency
    /// phase tends to −90° (`SeriesElementChoice.capacitance`). Without it the capacitive tail
    /// is forced into γ as a huge peak at long τ and R∞ collapses.
    public var capacitance = SeriesElementChoice.Mode.automatic
    /// Residual weighting; nil decides from the spectrum (`DistributionOfRelaxationTimes.weighting`).
    public var weighting: Weighting?
    /// Maxima lower than this fraction of the highest are merged into a neighbour.
    public var peakThreshold = 0.01
    public init() {}
  }

  /// How the residuals of the frequencies are weighted against each other.
  public enum Weighting: String, Sendable, CaseIterable {
    /// Every point by its misfit relative to max|Z| (the textbook Tikhonov DRT).
    case unit
    /// Every point by its misfit relative to its own |Z| (Lin-KK's weighting).
    case modulus
  }

  /// The weighting used and why.
  public struct WeightingChoice: Sendable, Equatable {
    public var mode: Weighting
    public var given: Bool
    public var reason: String
  }

  public struct Peak: Sendable, Equatable {
    public var tau: Double
    /// γ at the peak (Ω).
    public var gamma: Double
    /// ∫ γ d ln τ between the neighbouring minima (Ω).
    public var resistance: Double
  }

  /// τ (s) of the evaluation grid (ten points per decade of the basis grid, finer than the basis).
  public var tau: [Double]
  /// γ(τ) on that grid, Ω.
  public var gamma: [Double]
  public var peaks: [Peak]
  public var seriesResistance: Double
  public var inductance: Double
  /// Series capacitance (F) when included (nil otherwise, or when the fit put no capacitive
  /// tail in it: 1/C = 0).
  public var capacitance: Double?
  /// Whether each series element was included, and why (shown beside the result).
  public var inductanceChoice: SeriesElementChoice
  public var capacitanceChoice: SeriesElementChoice
  public var weighting: WeightingChoice
  public var lambda: Double
  /// Whether λ was given, found by GCV, or (GCV at a bound of 10⁻⁶…1) at the L-curve corner.
  public var lambdaSelection: LambdaSelection
  /// The DRT model's impedance at the measured frequencies.
  public var fitted: [ComplexNumber]
  /// RMS of (Z − Z_fit)/max|Z|.
  public var relativeResidual: Double

  /// DRT of one spectrum, on a τ grid derived from its own frequencies.
  public init(_ spectrum: ImpedanceSpectrum, options: Options = Options()) throws {
    try self.init(spectrum, options: options, grid: try Self.grid(for: [spectrum]))
  }

  /// DRTs of a series (e.g. in-situ spectra through a charge) on one common τ grid, so they can
  /// be compared point by point or drawn as a map.
  public static func series(_ spectra: [ImpedanceSpectrum], options: Options = Options()) throws -> [DistributionOfRelaxationTimes] {
    let grid = try grid(for: spectra)
    return try spectra.map { try DistributionOfRelaxationTimes($0, options: options, grid: grid) }
  }

  /// Basis centres: log-uniform over [1/ω_max/10, 10/ω_min] at the data's density (≥ 5/decade).
  static func grid(for spectra: [ImpedanceSpectrum]) throws -> [Double] {
    let all = spectra.flatMap(\.frequencies)
    guard let fMax = all.max(), let fMin = all.min(), fMin > 0, fMax > fMin else {
      throw InputError("expected positive frequencies spanning a range for a DRT")
    }
    let decades = log10(fMax / fMin)
    let perDecade = max(5, Double(spectra.map(\.count).max() ?? 10) / max(decades, 1))
    let lo = log10(1 / (2 * Double.pi * fMax)) - 1, hi = log10(1 / (2 * Double.pi * fMin)) + 1
    let count = Int(((hi - lo) * perDecade).rounded()) + 1
    return (0..<count).map { pow(10, lo + (hi - lo) * Double($0) / Double(count - 1)) }
  }

  /// Unit weighting unless |Z| spans more than two decades: then the points at the small end
  /// (a blocking pellet's bulk and grain-boundary arcs, tens of Ω beside a capacitive tail of
  /// hundreds of kΩ) would weigh less than 1 % of the tail's and their processes would vanish
  /// from γ, so each point is weighted by 1/|Z| instead.
  static func weighting(magnitudes: [Double], requested: Weighting?) -> WeightingChoice {
    if let requested { return WeightingChoice(mode: requested, given: true, reason: "set by the user") }
    let high = magnitudes.max() ?? 1, low = max(magnitudes.min() ?? 1, .leastNormalMagnitude)
    let span = high / low
    let text = String(format: "|Z| spans %.1f decades", log10(span))
    return span > 100
      ? WeightingChoice(mode: .modulus, given: false, reason: text + " (> 2): weighted by 1/|Z|")
      : WeightingChoice(mode: .unit, given: false, reason: text + " (≤ 2): unit weights")
  }
}
