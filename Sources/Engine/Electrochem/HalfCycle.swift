/// Which way the current ran during a half-cycle.
public enum HalfCycleKind: String, Sendable, Codable {
  /// Positive current: the working electrode is charged (for a Li|Li cell: Li is stripped from
  /// the working electrode and plated on the counter electrode).
  case charge
  /// Negative current: the working electrode is discharged (Li plated on it in a Li|Li cell).
  case discharge
}

/// One half-cycle: a run of points with current of one sign (rests inside it included in its
/// time span but not in its statistics).
public struct HalfCycle: Sendable, Equatable {
  /// 1-based half-cycle number (the data model's `halfCycle`).
  public var index: Int
  public var kind: HalfCycleKind
  /// Index of the first and last point with current (into the data's columns).
  public var firstPoint: Int
  public var lastPoint: Int
  /// When current began (the time of the point before the first active one), s.
  public var startTime: Double
  /// The time of the last point with current, s.
  public var endTime: Double
  /// Charge passed, Ah (≥ 0).
  public var capacity: Double
  /// Energy, Wh (≥ 0).
  public var energy: Double
  /// The capacity already counted at the first point with current, Ah: the charge of the
  /// interval that point closes. navani and galvani measure a half-cycle from its first recorded
  /// point, i.e. `capacity − capacityAtFirstPoint`; the engine counts from the step's start.
  public var capacityAtFirstPoint: Double
  /// ∫V dQ / Q over the half-cycle, V (signed): trapezoids in V on the capacity column, the first
  /// point's charge at the mean of the previous point's voltage and its own (the interval it
  /// closes, as `CyclingProcessor` counts it). At constant current it equals energy / capacity.
  public var averageVoltage: Double
  public var startVoltage: Double
  public var endVoltage: Double
  public var minVoltage: Double
  public var maxVoltage: Double
  /// Largest |V|, V.
  public var maxAbsVoltage: Double
  /// Median |V| of the points in the middle half of the half-cycle by time (from 25 % to 75 % of
  /// its duration): the plateau of a symmetric cell, away from the ohmic jump at the start and
  /// the tail at the end. Falls back to all points when the middle holds none.
  public var plateauMedianAbsVoltage: Double
  /// Signed mean current, A: ±Q / duration (sign of the kind). NaN for a zero-length half-cycle.
  public var meanCurrent: Double
  /// Points with current.
  public var pointCount: Int

  public var duration: Double { endTime - startTime }
  /// The full cycle it belongs to: ⌈index / 2⌉.
  public var cycleNumber: Int { (index + 1) / 2 }
}
