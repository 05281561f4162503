/// One point of the data model, with everything derived: what `CyclingData` stores per point and
/// what streaming analyses consume.
public struct CyclingPoint: Sendable, Equatable {
  /// Continuous test time, s.
  public var testTime: Double
  /// Time since the step began, s.
  public var stepTime: Double
  /// Cell voltage, V.
  public var voltage: Double
  /// Current, A; positive charges the working electrode.
  public var current: Double
  /// Charge passed since the start of the half-cycle, Ah (≥ 0; constant through rests).
  public var capacity: Double
  /// Energy since the start of the half-cycle, Wh (≥ 0).
  public var energy: Double
  /// The instrument's cycle number, or ⌈halfCycle / 2⌉ when the file has none.
  public var cycle: Int32
  /// The instrument's step index, or a count of step changes when the file has none.
  public var stepIndex: Int32
  public var stepType: StepType
  /// 1-based; increments when the sign of the current changes, rests excluded. A rest keeps the
  /// number of the half-cycle before it; points before the first current are 0.
  public var halfCycle: Int32
}

/// Receives derived points (a columnar store, a streaming summary, …).
public protocol CyclingPointSink {
  mutating func consume(_ point: CyclingPoint)
}
