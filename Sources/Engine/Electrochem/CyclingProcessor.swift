import Formats

/// Turns instrument rows into data-model points: assigns half-cycles, step indices and step
/// times, and accumulates the half-cycle capacity and energy. One pass, constant memory.
///
/// Rules (the data model's contract):
/// - Direction: a row is *active* when its step type (from the file, or inferred) is not rest
///   and |I| > `restCurrentThreshold`; its sign is the sign of I (positive = charge of the
///   working electrode). A new half-cycle starts at every active row whose sign differs from the
///   last active row's; rests never start one.
/// - Capacity: when the file has capacity counters, the half-cycle capacity is the sum of their
///   increments: for successive magnitudes a = |c_i|, b = |c_{i−1}|, the increment is a − b when
///   a ≥ b and a when the counter fell (it was reset at a step, cycle or half-cycle boundary).
///   This works for per-step (Neware, LAND), per-cycle (Arbin charge/discharge) and running
///   (Maccor) counters alike. Without counters, Q = ∫|I| dt and E = ∫|I·V| dt, both by the
///   trapezoid on each interval [t_{i−1}, t_i], which belongs to the row that closes it (row i):
///     ΔQ = ½(|I′_{i−1}| + |I_i|)·Δt,   ΔE = ½(|I′_{i−1}·V_{i−1}| + |I_i·V_i|)·Δt,
///   where I′_{i−1} = I_{i−1} when row i−1 carries current of the same sign, and I′_{i−1} = I_i
///   when it does not (a rest, or the other direction: the instrument switched at the previous
///   sample, so the new current flows over the whole interval). At a current reversal the
///   interval therefore goes wholly to the new half-cycle with ΔQ = |I_i|·Δt and, for energy, the
///   voltage trapezoid ½(V_{i−1} + V_i) — the same interval, the same current, for both. For a
///   constant current and a voltage linear in time this is exact (Q = |I|·t, E = |I|·∫V dt).
///   Units: Ah and Wh (÷ 3600 from A·s).
/// - Step index: the file's, else a count that increments when the step type changes. Step
///   time: the file's, else the time since that step began.
/// - Cycle: the file's, else ⌈halfCycle / 2⌉.
public struct CyclingProcessor<Sink: CyclingPointSink>: CyclingRecordSink {
  public var sink: Sink
  /// |I| at or below this (A) counts as no current.
  public var restCurrentThreshold: Double
  public private(set) var pointCount = 0

  private var hasPrevious = false
  private var previousTime = 0.0
  private var previousCurrent = 0.0
  private var previousVoltage = 0.0
  private var previousActiveSign: Int8 = 0
  private var previousRowSign: Int8 = 0
  private var halfCycle: Int32 = 0
  private var capacity = 0.0
  private var energy = 0.0
  private var counters: (Double, Double, Double, Double) = (.nan, .nan, .nan, .nan)
  private var derivedStep: Int32 = 0
  private var previousStepType: StepType? = nil
  private var previousFileStep: Int32? = nil
  private var stepStartTime = 0.0

  public init(sink: Sink, restCurrentThreshold: Double = 1e-9) {
    self.sink = sink
    self.restCurrentThreshold = restCurrentThreshold
  }

  /// Throws an `InputError` without a position when a row is impossible (time running
  /// backwards, non-finite values); readers add the file and line.
  public mutating func consume(_ record: CyclingRecord) throws {
    let t = record.testTime
    guard t.isFinite else { throw InputError("expected a finite test time, got \(t)") }
    guard record.voltage.isFinite else { throw InputError("expected a finite voltage, got \(record.voltage)") }
    guard record.current.isFinite else { throw InputError("expected a finite current, got \(record.current)") }
    if hasPrevious && t < previousTime {
      throw InputError("test time runs backwards (\(t) s after \(previousTime) s)")
    }
    let current = record.current
    let magnitude = abs(current)
    var stepType = record.stepType ?? inferredType(current)
    if stepType == .other && magnitude > restCurrentThreshold {
      // Keep the file's label but let the sign decide the half-cycle.
    } else if stepType != .rest && magnitude <= restCurrentThreshold && record.stepType == nil {
      stepType = .rest
    }
    let sign: Int8 = (stepType == .rest || magnitude <= restCurrentThreshold) ? 0 : (current > 0 ? 1 : -1)
    var startsHalfCycle = false
    if sign != 0 && sign != previousActiveSign {
      halfCycle += 1
      previousActiveSign = sign
      capacity = 0
      energy = 0
      startsHalfCycle = true
    }
    let dt = hasPrevious ? t - previousTime : 0

    let hasCapacityCounter = !record.capacityCounter.isNaN || !record.secondCapacityCounter.isNaN
    let hasEnergyCounter = !record.energyCounter.isNaN || !record.secondEnergyCounter.isNaN
    let capacityStep =
      Self.increment(record.capacityCounter, counters.0) + Self.increment(record.secondCapacityCounter, counters.1)
    let energyStep =
      Self.increment(record.energyCounter, counters.2) + Self.increment(record.secondEnergyCounter, counters.3)
    counters = (record.capacityCounter, record.secondCapacityCounter, record.energyCounter, record.secondEnergyCounter)
    if sign != 0 {
      let continuing = !startsHalfCycle && previousRowSign == sign && hasPrevious
      // The current at the interval's start: the previous row's, or this row's when the
      // previous row ran no current of this sign (see the type's doc comment).
      let startCurrent = continuing ? abs(previousCurrent) : magnitude
      if hasCapacityCounter {
        capacity += capacityStep
      } else {
        capacity += 0.5 * (startCurrent + magnitude) * dt / 3600
      }
      if hasEnergyCounter {
        energy += energyStep
      } else {
        energy += 0.5 * (startCurrent * abs(previousVoltage) + magnitude * abs(record.voltage)) * dt / 3600
      }
    }

    // Finite rows can still integrate to an infinite charge (a current of 1e300 A in a corrupt
    // row): refuse the row rather than report a capacity of "inf" or a CE of 0.
    guard capacity.isFinite, energy.isFinite else {
      throw InputError(
        "the charge or energy counted up to this row is not finite (current \(current) A, voltage \(record.voltage) V): not a measured value")
    }

    var stepIndex: Int32
    if let fileStep = record.stepIndex {
      if !hasPrevious || fileStep != previousFileStep || stepType != previousStepType { stepStartTime = previousOr(t) }
      stepIndex = fileStep
      previousFileStep = fileStep
    } else {
      if !hasPrevious || stepType != previousStepType {
        derivedStep += 1
        stepStartTime = previousOr(t)
      }
      stepIndex = derivedStep
    }
    previousStepType = stepType
    let stepTime = record.stepTime.isFinite ? record.stepTime : t - stepStartTime
    let cycle = record.cycle ?? (halfCycle + 1) / 2

    hasPrevious = true
    previousTime = t
    previousCurrent = current
    previousVoltage = record.voltage
    previousRowSign = sign
    pointCount += 1
    sink.consume(
      CyclingPoint(
        testTime: t, stepTime: stepTime, voltage: record.voltage, current: current,
        capacity: capacity, energy: energy, cycle: cycle, stepIndex: stepIndex,
        stepType: stepType, halfCycle: halfCycle))
  }

  /// A step begins when its first row's interval begins: at the previous row's time.
  private func previousOr(_ t: Double) -> Double { hasPrevious ? previousTime : t }

  private func inferredType(_ current: Double) -> StepType {
    if abs(current) <= restCurrentThreshold { return .rest }
    return current > 0 ? .charge : .discharge
  }

  /// The increment of a counter that may reset: see the type's doc comment.
  @inline(__always)
  static func increment(_ value: Double, _ previous: Double) -> Double {
    if value.isNaN { return 0 }
    let a = abs(value)
    if previous.isNaN { return a }
    let b = abs(previous)
    return a >= b ? a - b : a
  }
}
