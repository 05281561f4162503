/// One row as a cycler file states it, before the engine derives half-cycles and capacities.
/// Missing quantities are NaN (doubles) or nil. Units are the engine's: s, V, A, Ah, Wh.
/// Capacity and energy are *counters* as instruments write them: they may reset at every step,
/// cycle or half-cycle, and may carry a sign; only their increments are used (see
/// `CyclingProcessor`).
public struct CyclingRecord: Sendable {
  public var testTime: Double
  public var stepTime: Double = .nan
  public var voltage: Double
  /// Positive charges the working electrode.
  public var current: Double
  /// Up to two capacity counters (e.g. one column, or Arbin's charge and discharge columns).
  public var capacityCounter: Double = .nan
  public var secondCapacityCounter: Double = .nan
  public var energyCounter: Double = .nan
  public var secondEnergyCounter: Double = .nan
  public var cycle: Int32? = nil
  public var stepIndex: Int32? = nil
  public var stepType: StepType? = nil

  public init(testTime: Double, voltage: Double, current: Double) {
    self.testTime = testTime
    self.voltage = voltage
    self.current = current
  }
}

/// Receives the rows a reader decodes, one at a time, so a file never has to be held whole.
public protocol CyclingRecordSink {
  mutating func consume(_ record: CyclingRecord) throws
}
