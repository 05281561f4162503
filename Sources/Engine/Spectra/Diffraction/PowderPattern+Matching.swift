import Formats
/// How well a computed stick pattern explains a list of measured peak positions.
public struct PhaseMatchScore: Sendable, Equatable {
  /// Measured peaks with a computed peak within the tolerance.
  public var matchedObserved: Int
  public var observedCount: Int
  /// Σ I of the computed peaks (in the measured 2θ window) that have a measured peak within the
  /// tolerance, over Σ I of all computed peaks in that window: how much of the phase's pattern
  /// is seen.
  public var coverage: Double
  /// Mean |2θ_obs − 2θ_calc| of the matched measured peaks, degrees.
  public var meanOffset: Double
  /// coverage · (matched / observed) · (1 − meanOffset / tolerance), between 0 and 1.
  public var figureOfMerit: Double
}

extension PowderPattern {
  /// The computed peak nearest each observed 2θ within `tolerance` degrees (among peaks of at
  /// least `minimumIntensity`); nil where none is that close.
  public func assign(observed: [Double], tolerance: Double, minimumIntensity: Double = 0) -> [PowderPeak?] {
    let candidates = peaks.filter { $0.intensity >= minimumIntensity }
    return observed.map { x in
      candidates.filter { abs($0.twoTheta - x) <= tolerance }
        .min { abs($0.twoTheta - x) < abs($1.twoTheta - x) }
    }
  }

  /// Scores this pattern against measured peak positions (degrees 2θ): the figure of merit of
  /// `PhaseMatchScore`, a search-match score in the spirit of Hanawalt/EVA that rewards a phase
  /// whose strong lines are all seen, which explains many measured peaks, and whose positions
  /// agree. Computed peaks weaker than `minimumIntensity` (strongest = 100) are ignored: a
  /// missing weak line says little.
  public func matchScore(observed: [Double], tolerance: Double, minimumIntensity: Double = 1) throws(InputError) -> PhaseMatchScore {
    guard tolerance > 0, tolerance.isFinite else { throw InputError("a positive 2θ tolerance (got \(tolerance))") }
    guard let low = observed.min(), let high = observed.max() else { throw InputError("at least one measured peak") }
    let window = peaks.filter { $0.intensity >= minimumIntensity && $0.twoTheta >= low - tolerance && $0.twoTheta <= high + tolerance }
    let total = window.reduce(0) { $0 + $1.intensity }
    let seen = window.filter { p in observed.contains { abs($0 - p.twoTheta) <= tolerance } }.reduce(0) { $0 + $1.intensity }
    let assigned = assign(observed: observed, tolerance: tolerance, minimumIntensity: minimumIntensity)
    var matched = 0
    var offset = 0.0
    for (x, peak) in zip(observed, assigned) {
      if let peak { matched += 1; offset += abs(peak.twoTheta - x) }
    }
    let meanOffset = matched > 0 ? offset / Double(matched) : tolerance
    let coverage = total > 0 ? seen / total : 0
    let fom = coverage * Double(matched) / Double(observed.count) * (1 - meanOffset / tolerance)
    return PhaseMatchScore(matchedObserved: matched, observedCount: observed.count, coverage: coverage,
                           meanOffset: meanOffset, figureOfMerit: fom)
  }
}
