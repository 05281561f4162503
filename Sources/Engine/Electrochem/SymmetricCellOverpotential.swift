/// Overpotential of one half-cycle of a symmetric (Li|Li) cell.
public struct HalfCycleOverpotential: Sendable, Equatable {
  public var halfCycle: Int
  /// Positive current strips lithium from the working electrode, negative plates it there.
  public var process: LithiumProcess
  public var startTime: Double
  public var endTime: Double
  /// |j|, mA/cm².
  public var currentDensity: Double
  /// |V| at the end, the largest |V|, and the plateau median |V| (see `HalfCycle`), V.
  public var end: Double
  public var maximum: Double
  public var plateau: Double
  /// Area-specific resistance η_plateau / |j|, Ω·cm² (j in A/cm²).
  public var areaSpecificResistance: Double
}

public enum LithiumProcess: String, Sendable, Codable {
  case stripping, plating
}

public struct OverpotentialReport: Sendable, Equatable {
  public var halfCycles: [HalfCycleOverpotential]
  /// Mean plateau overpotential of stripping and of plating half-cycles, V.
  public var meanStripping: Double?
  public var meanPlating: Double?
  public var failure: CellFailure?
  public var softShorts: [SoftShort]
  /// Largest |V| in each of `bins` equal time bins: the envelope to plot η against time for a
  /// long test without every point. (time at bin centre s, |V| V)
  public var envelope: [(time: Double, voltage: Double)]

  public static func == (a: Self, b: Self) -> Bool {
    a.halfCycles == b.halfCycles && a.meanStripping == b.meanStripping && a.meanPlating == b.meanPlating
      && a.failure == b.failure && a.softShorts == b.softShorts && a.envelope.map(\.time) == b.envelope.map(\.time)
      && a.envelope.map(\.voltage) == b.envelope.map(\.voltage)
  }
}

/// Overpotential analysis of a symmetric cell: per half-cycle end/maximum/plateau |V| and the
/// ASR η/j (Ohm's law for the whole cell, both interfaces and the electrolyte: a symmetric cell's
/// |V| is the sum of the two interfacial overpotentials and the ohmic drop), split into stripping
/// and plating of the working electrode; the time of failure by `detectCellFailure`; and an
/// envelope of |V| against time. `area` in cm².
public func symmetricCellOverpotential(
  _ data: CyclingData, area: Double, envelopeBins: Int = 200, rules: CellFailureRules = CellFailureRules(),
  restCurrentThreshold: Double = 1e-9
) -> OverpotentialReport {
  let halfCycles = data.halfCycles(restCurrentThreshold: restCurrentThreshold)
  let rows = halfCycles.map { h -> HalfCycleOverpotential in
    let j = abs(h.meanCurrent) / area  // A/cm²
    return HalfCycleOverpotential(
      halfCycle: h.index, process: h.kind == .charge ? .stripping : .plating, startTime: h.startTime,
      endTime: h.endTime, currentDensity: j * 1000, end: abs(h.endVoltage), maximum: h.maxAbsVoltage,
      plateau: h.plateauMedianAbsVoltage, areaSpecificResistance: j > 0 ? h.plateauMedianAbsVoltage / j : .nan)
  }
  func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
  let (failure, softShorts) = detectCellFailure(data, halfCycles: halfCycles, rules: rules)
  return OverpotentialReport(
    halfCycles: rows, meanStripping: mean(rows.filter { $0.process == .stripping }.map(\.plateau)),
    meanPlating: mean(rows.filter { $0.process == .plating }.map(\.plateau)), failure: failure,
    softShorts: softShorts, envelope: voltageEnvelope(data, bins: envelopeBins))
}

/// max |V| per equal time bin (bins without points are left out).
public func voltageEnvelope(_ data: CyclingData, bins: Int) -> [(time: Double, voltage: Double)] {
  guard let t0 = data.testTime.first, let t1 = data.testTime.last, t1 > t0, bins > 0 else { return [] }
  var peak = [Double](repeating: -1, count: bins)
  let width = (t1 - t0) / Double(bins)
  for i in 0..<data.count {
    let b = min(Int((data.testTime[i] - t0) / width), bins - 1)
    peak[b] = max(peak[b], abs(data.voltage[i]))
  }
  return (0..<bins).compactMap { b in peak[b] < 0 ? nil : (t0 + (Double(b) + 0.5) * width, peak[b]) }
}
