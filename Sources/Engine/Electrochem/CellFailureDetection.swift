/// Thresholds for telling a shorted or disconnected symmetric cell from a working one. All are
/// fractions of a *reference* |V|: the larger of (a) the running maximum of the smoothed |V| in
/// the current half-cycle and (b) the *expected* level, the plateau median of the last stable
/// half-cycle scaled by the ratio of currents (ohmic scaling), used once 10 % of the half-cycle
/// has passed so the initial IR jump is not mistaken for a collapse. (So a short already present at
/// the first point of a half-cycle is dated at 10 % of that half-cycle.)
public struct CellFailureRules: Sendable, Equatable {
  /// Points in the running median that smooths |V| within a half-cycle (odd). A dip or a collapse
  /// must span more than half of them (3 of 5 samples) to be seen; single-sample spikes are noise.
  public var smoothingPoints = 5
  /// A collapse: smoothed |V| below this fraction of the reference.
  public var collapseFraction = 0.3
  /// …reached suddenly: within this fraction of the half-cycle's duration since |V| was last at or
  /// above `highFraction` of the reference (or at the start of a half-cycle that never rose).
  public var suddenFraction = 0.1
  public var highFraction = 0.7
  /// A collapse that climbs back above this fraction of the (current-scaled) reference before
  /// the end of the next half-cycle is a soft short; one that does not is a hard short.
  public var recoveryFraction = 0.6
  /// Loss of contact: smoothed |V| above this multiple of the expected level…
  public var runawayFactor = 5.0
  /// …or at or above this absolute |V| (V), a typical cycler safety limit for a Li|Li cell.
  public var voltageLimit = 5.0
  /// References never fall below this |V| (V), so a cell at 0 V to begin with raises nothing.
  public var minimumReference = 1e-3

  public init() {}
}

public enum CellFailureKind: String, Sendable, Codable {
  /// |V| collapsed to an ohmic level and stayed there: lithium bridged the electrolyte.
  case hardShort = "hard_short"
  /// |V| ran away: the electrode lost contact (voids at the stripping interface).
  case lossOfContact = "loss_of_contact"
}

public struct CellFailure: Sendable, Equatable {
  public var kind: CellFailureKind
  /// Test time of the first point past the threshold, s.
  public var time: Double
  public var halfCycle: Int
  public var pointIndex: Int
  /// The reference |V| before the event, V.
  public var referenceVoltage: Double
  /// Smoothed |V| at the event, V.
  public var voltage: Double
  /// For a hard short: median |V|/|I| after the collapse in that half-cycle, Ω.
  public var shortResistance: Double?
}

/// A dip that recovered: reported, not a failure.
public struct SoftShort: Sendable, Equatable {
  public var time: Double
  public var recoveryTime: Double
  public var halfCycle: Int
  /// Lowest smoothed |V| in the dip over the reference.
  public var depth: Double
}

/// Scans half-cycles in order for soft shorts and the first failure (hard short or loss of
/// contact), by the rules of `CellFailureRules`. Works on any symmetric-cell test; the CCD and
/// overpotential analyses both use it.
public func detectCellFailure(
  _ data: CyclingData, halfCycles: [HalfCycle], rules: CellFailureRules = CellFailureRules()
) -> (failure: CellFailure?, softShorts: [SoftShort]) {
  var softShorts: [SoftShort] = []
  var lastStable: (plateau: Double, current: Double)? = nil
  // Smoothed |V| per half-cycle, computed on demand and kept for the look-ahead.
  var smoothedCache: [Int: [Double]] = [:]
  func smoothed(_ h: Int) -> [Double] {
    if let s = smoothedCache[h] { return s }
    let hc = halfCycles[h]
    let values = (hc.firstPoint...hc.lastPoint).map { abs(data.voltage[$0]) }
    let s = cyclingRunningMedian(values, window: rules.smoothingPoints)
    smoothedCache[h] = s
    return s
  }
  var h = 0
  var resume = 0  // offset within half-cycle h to resume scanning after a soft short
  while h < halfCycles.count {
    let hc = halfCycles[h]
    let s = smoothed(h)
    let current = abs(hc.meanCurrent.isFinite ? hc.meanCurrent : data.current[hc.lastPoint])
    let expected = lastStable.map { $0.plateau * current / max($0.current, 1e-30) } ?? 0
    let duration = max(hc.duration, 1e-12)
    var runningMax = 0.0
    var lastHigh: Double? = nil
    var hadSoftShort = false
    var advancedTo: (Int, Int)? = nil
    for k in 0..<s.count {
      let i = hc.firstPoint + k
      let t = data.testTime[i]
      runningMax = max(runningMax, s[k])
      if k < resume { continue }
      let settled = t - hc.startTime >= 0.1 * duration
      let reference = max(runningMax, settled ? expected : 0, rules.minimumReference)
      if s[k] >= rules.highFraction * reference { lastHigh = t }
      if s[k] >= rules.voltageLimit || (expected > 0 && s[k] > rules.runawayFactor * max(expected, rules.minimumReference)) {
        return (
          CellFailure(
            kind: .lossOfContact, time: t, halfCycle: hc.index, pointIndex: i,
            referenceVoltage: max(expected, runningMax), voltage: s[k], shortResistance: nil), softShorts
        )
      }
      guard s[k] < rules.collapseFraction * reference else { continue }
      let sudden = lastHigh.map { t - $0 <= rules.suddenFraction * duration } ?? (expected > 0)
      guard sudden else { continue }
      // Collapse: look for recovery to the end of the next half-cycle.
      var lowest = s[k] / reference
      var recovery: (h: Int, k: Int, t: Double)? = nil
      search: for g in h..<min(h + 2, halfCycles.count) {
        let sg = smoothed(g)
        let gc = halfCycles[g]
        let scale = abs(gc.meanCurrent.isFinite ? gc.meanCurrent : current) / max(current, 1e-30)
        for m in (g == h ? k : 0)..<sg.count {
          let ratio = sg[m] / max(reference * scale, 1e-30)
          lowest = min(lowest, ratio)
          if ratio >= rules.recoveryFraction {
            recovery = (g, m, data.testTime[gc.firstPoint + m])
            break search
          }
        }
      }
      if let recovery {
        softShorts.append(SoftShort(time: t, recoveryTime: recovery.t, halfCycle: hc.index, depth: lowest))
        hadSoftShort = true
        advancedTo = (recovery.h, recovery.k)
        break
      }
      let after = (i...hc.lastPoint).compactMap { j -> Double? in
        abs(data.current[j]) > 0 ? abs(data.voltage[j]) / abs(data.current[j]) : nil
      }
      return (
        CellFailure(
          kind: .hardShort, time: t, halfCycle: hc.index, pointIndex: i, referenceVoltage: reference,
          voltage: s[k], shortResistance: after.isEmpty ? nil : cyclingMedian(after)), softShorts
      )
    }
    if let (nextH, nextK) = advancedTo {
      if nextH == h {
        resume = nextK + 1
        continue
      }
      h = nextH
      resume = nextK + 1
      continue
    }
    if !hadSoftShort, hc.plateauMedianAbsVoltage.isFinite, current > 0 {
      lastStable = (hc.plateauMedianAbsVoltage, current)
    }
    h += 1
    resume = 0
  }
  return (nil, softShorts)
}

/// Running median with the window shrunk symmetrically at the ends (robust to single spikes).
func cyclingRunningMedian(_ x: [Double], window: Int) -> [Double] {
  let half = max(window, 1) / 2
  guard half > 0 else { return x }
  var out = [Double](repeating: 0, count: x.count)
  var buffer: [Double] = []
  buffer.reserveCapacity(2 * half + 1)
  for i in 0..<x.count {
    let r = min(half, i, x.count - 1 - i)
    buffer.removeAll(keepingCapacity: true)
    for j in (i - r)...(i + r) { buffer.append(x[j]) }
    buffer.sort()
    out[i] = buffer[buffer.count / 2]
  }
  return out
}
