import Formats

/// Cosmic-ray spike removal after Whitaker & Hayes, "A simple algorithm for despiking Raman
/// spectra", Chemometr. Intell. Lab. Syst. 179 (2018) 82–84.
///
/// The first differences Δᵢ = yᵢ − yᵢ₋₁ (i = 1…n−1) of a Raman spectrum are small and smooth except
/// across a spike, which is one to a few detector pixels wide. Each Δᵢ gets the modified z-score of
/// Iglewicz & Hoaglin (1993)
///   zᵢ = 0.6745 (Δᵢ − median Δ) / MAD,  MAD = median |Δ − median Δ|,
/// (when MAD = 0, as on noise-free data, the mean absolute deviation scaled by 1.253314 stands in
/// for it, as Iglewicz & Hoaglin prescribe). Both points joined by a difference with |zᵢ| > threshold
/// are flagged (a spike at k raises Δₖ and Δₖ₊₁, so k−1, k and k+1 are flagged), so are all points
/// between two such differences of opposite sign at most `maxWidth` points apart (a spike several
/// pixels wide, whose flat top has small differences), and every flagged
/// point is replaced by the mean of the unflagged points within ±window points of it. A point with
/// no unflagged neighbour in its window is an error (the window is too small for that spike).
/// Whitaker & Hayes use threshold 6 and a window of a few points; the threshold must be > 0.
/// Limit: the score is relative to the typical step, so a band whose flank rises by more than
/// ≈ threshold·MAD/0.6745 per point (a band only a few points wide on a nearly noise-free
/// baseline) is flagged too; raise the threshold for such data and check `replaced`.
public enum RamanSpikeRemoval {
  public struct Result: Sendable, Equatable {
    /// The intensities with the spikes replaced.
    public var y: [Double]
    /// Indices of the replaced points, ascending.
    public var replaced: [Int]
  }

  public static func despike(_ y: [Double], threshold: Double = 6, window: Int = 3, maxWidth: Int = 5) throws -> Result {
    guard threshold > 0, threshold.isFinite else { throw InputError("the spike threshold must be positive, got \(threshold)") }
    guard window >= 1 else { throw InputError("the spike window must be at least 1 point, got \(window)") }
    guard y.count >= 4 else { throw InputError("spike removal needs at least 4 points, got \(y.count)") }
    guard y.allSatisfy(\.isFinite) else { throw InputError("spike removal needs finite intensities") }
    let diffs = (1..<y.count).map { y[$0] - y[$0 - 1] }
    let z = modifiedZScores(diffs)
    var flagged = [Bool](repeating: false, count: y.count)
    var lastEdge: (index: Int, sign: Double)?
    for (k, score) in z.enumerated() where abs(score) > threshold {
      flagged[k] = true
      flagged[k + 1] = true
      // A spike several pixels wide: everything between its rising and falling edge.
      if let last = lastEdge, last.sign != (score < 0 ? -1 : 1), k - last.index <= maxWidth {
        for i in last.index...k { flagged[i] = true }
      }
      lastEdge = (k, score.sign == .minus ? -1 : 1)
    }
    var out = y
    var replaced: [Int] = []
    for i in y.indices where flagged[i] {
      let lo = max(0, i - window), hi = min(y.count - 1, i + window)
      let neighbours = (lo...hi).filter { !flagged[$0] }
      guard !neighbours.isEmpty else {
        throw InputError("point \(i) is inside a spike wider than the ±\(window)-point window; widen the window")
      }
      out[i] = neighbours.reduce(0) { $0 + y[$1] } / Double(neighbours.count)
      replaced.append(i)
    }
    return Result(y: out, replaced: replaced)
  }

  /// Iglewicz–Hoaglin modified z-scores (see the type's comment); all zero for constant input.
  static func modifiedZScores(_ values: [Double]) -> [Double] {
    let m = median(values)
    let deviations = values.map { abs($0 - m) }
    let mad = median(deviations)
    if mad > 0 { return values.map { 0.6745 * ($0 - m) / mad } }
    let meanAD = deviations.reduce(0, +) / Double(max(deviations.count, 1))
    guard meanAD > 0 else { return values.map { _ in 0 } }
    return values.map { ($0 - m) / (1.253314 * meanAD) }
  }

  static func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
  }
}
