/// One level of a stepwise current ramp.
public struct CurrentStep: Sendable, Equatable {
  /// |j|, mA/cm².
  public var currentDensity: Double
  public var firstHalfCycle: Int
  public var lastHalfCycle: Int
  public var startTime: Double
  public var endTime: Double
  /// Median half-cycle duration, s, and areal capacity, mAh/cm².
  public var halfCycleDuration: Double
  public var halfCycleCapacity: Double
}

public enum CurrentRampProtocol: String, Sendable, Codable {
  /// Every step holds each half-cycle for the same time (capacity grows with current).
  case timeConstant = "time_constant"
  /// Every step passes the same areal capacity per half-cycle (e.g. 1.5 mAh/cm²).
  case capacityConstant = "capacity_constant"
  case mixed
  /// Fewer than two steps: nothing to compare.
  case singleStep = "single_step"
}

public struct CriticalCurrentResult: Sendable, Equatable {
  public var steps: [CurrentStep]
  public var rampProtocol: CurrentRampProtocol
  public var failure: CellFailure?
  public var softShorts: [SoftShort]
  /// The current density of the step in which the cell failed, mA/cm²; nil if it never failed.
  public var criticalCurrentDensity: Double?
  /// The highest step completed without failure, mA/cm² (the step before the failing one).
  public var lastStableCurrentDensity: Double?
  /// Σ|I|dt / area up to the failure (or the end of the test), mAh/cm².
  public var cumulativeCapacity: Double
  /// Test time of the failure, or of the last point, s.
  public var timeBeforeFailure: Double
}

/// Groups half-cycles into current steps: consecutive half-cycles whose |mean current| stays
/// within `relativeTolerance` (1 %: cyclers hold a set current to ~0.1 %, and ramps step by more
/// than 2 %, e.g. 4.3 → 4.4 mA/cm²) of the step's first. `area` in cm².
public func currentSteps(_ halfCycles: [HalfCycle], area: Double, relativeTolerance: Double = 0.01) -> [CurrentStep] {
  var steps: [CurrentStep] = []
  var members: [HalfCycle] = []
  func flush() {
    guard let head = members.first, let tail = members.last else { return }
    let currents = members.map { abs($0.meanCurrent) }.filter(\.isFinite)
    steps.append(
      CurrentStep(
        currentDensity: cyclingMedian(currents) * 1000 / area, firstHalfCycle: head.index, lastHalfCycle: tail.index,
        startTime: head.startTime, endTime: tail.endTime, halfCycleDuration: cyclingMedian(members.map(\.duration)),
        halfCycleCapacity: cyclingMedian(members.map(\.capacity)) * 1000 / area))
    members.removeAll()
  }
  for h in halfCycles {
    let i = abs(h.meanCurrent)
    guard i.isFinite else { continue }
    if let head = members.first, abs(i - abs(head.meanCurrent)) > relativeTolerance * abs(head.meanCurrent) { flush() }
    members.append(h)
  }
  flush()
  return steps
}

/// Classifies a ramp from its completed steps: time-constant when the median half-cycle
/// durations agree within `tolerance` (max/min − 1), capacity-constant when the areal capacities
/// do, mixed otherwise.
public func rampProtocol(_ steps: [CurrentStep], tolerance: Double = 0.1) -> CurrentRampProtocol {
  guard steps.count >= 2 else { return .singleStep }
  func agree(_ values: [Double]) -> Bool {
    guard let lo = values.min(), let hi = values.max(), lo > 0 else { return false }
    return hi / lo - 1 <= tolerance
  }
  if agree(steps.map(\.halfCycleDuration)) { return .timeConstant }
  if agree(steps.map(\.halfCycleCapacity)) { return .capacityConstant }
  return .mixed
}

/// Critical current density of a symmetric cell under a stepwise current ramp.
///
/// The steps come from `currentSteps`; the failure (hard short or loss of contact) and the soft
/// shorts from `detectCellFailure` with `rules`. CCD = the current density of the step holding the
/// failure; the last stable current density is the step before it (nil if the first step failed);
/// with no failure, CCD is nil and the last stable density is the highest step. The ramp protocol
/// is judged from the steps before the failing one (its last half-cycle is cut short). `area` in
/// cm²; capacities in mAh/cm².
public func criticalCurrentDensity(
  _ data: CyclingData, area: Double, rules: CellFailureRules = CellFailureRules(), restCurrentThreshold: Double = 1e-9
) -> CriticalCurrentResult {
  let halfCycles = data.halfCycles(restCurrentThreshold: restCurrentThreshold)
  let steps = currentSteps(halfCycles, area: area)
  let (failure, softShorts) = detectCellFailure(data, halfCycles: halfCycles, rules: rules)
  var ccd: Double? = nil
  var lastStable: Double? = steps.map(\.currentDensity).max()
  var completed = steps
  var cumulative = 0.0
  var time = data.testTime.last ?? 0
  if let failure, let stepIndex = steps.firstIndex(where: { failure.halfCycle >= $0.firstHalfCycle && failure.halfCycle <= $0.lastHalfCycle }) {
    ccd = steps[stepIndex].currentDensity
    lastStable = stepIndex > 0 ? steps[stepIndex - 1].currentDensity : nil
    completed = Array(steps[..<stepIndex])
    time = failure.time
    for h in halfCycles where h.index < failure.halfCycle { cumulative += h.capacity }
    cumulative += data.capacity[failure.pointIndex]
  } else {
    cumulative = halfCycles.map(\.capacity).reduce(0, +)
  }
  return CriticalCurrentResult(
    steps: steps, rampProtocol: rampProtocol(completed.count >= 2 ? completed : steps), failure: failure,
    softShorts: softShorts, criticalCurrentDensity: ccd, lastStableCurrentDensity: lastStable,
    cumulativeCapacity: cumulative * 1000 / area, timeBeforeFailure: time)
}
