/// Segments a stream of points into half-cycles and keeps only what the half-cycle statistics
/// need: memory grows with the longest half-cycle (two doubles per point of it), not with the file.
public struct HalfCycleAccumulator: CyclingPointSink {
  public private(set) var halfCycles: [HalfCycle] = []
  /// |I| at or below this (A) counts as no current (the same threshold the processor used).
  public var restCurrentThreshold: Double

  // The half-cycle being filled, mutated in place (an optional would copy it out and back for
  // every point).
  private var open = HalfCycle(
    index: 0, kind: .charge, firstPoint: 0, lastPoint: 0, startTime: 0, endTime: 0, capacity: 0, energy: 0,
    capacityAtFirstPoint: 0, averageVoltage: .nan, startVoltage: 0, endVoltage: 0, minVoltage: 0, maxVoltage: 0,
    maxAbsVoltage: 0, plateauMedianAbsVoltage: .nan, meanCurrent: .nan, pointCount: 0)
  private var isOpen = false
  private var pointIndex = 0
  private var previousTime = Double.nan
  private var previousVoltage = Double.nan
  private var lastCapacity = 0.0
  private var lastVoltage = 0.0
  private var voltageCapacityIntegral = 0.0
  private var times: [Double] = []
  private var absVoltages: [Double] = []

  public init(restCurrentThreshold: Double = 1e-9) {
    self.restCurrentThreshold = restCurrentThreshold
  }

  public mutating func consume(_ p: CyclingPoint) {
    defer {
      pointIndex += 1
      previousTime = p.testTime
      previousVoltage = p.voltage
    }
    let active = p.stepType != .rest && abs(p.current) > restCurrentThreshold && p.halfCycle > 0
    guard active else { return }
    if !isOpen || open.index != Int(p.halfCycle) {
      close()
      let start = previousTime.isNaN ? p.testTime : previousTime
      open = HalfCycle(
        index: Int(p.halfCycle), kind: p.current > 0 ? .charge : .discharge,
        firstPoint: pointIndex, lastPoint: pointIndex, startTime: start, endTime: p.testTime,
        capacity: 0, energy: 0, capacityAtFirstPoint: p.capacity, averageVoltage: .nan, startVoltage: p.voltage,
        endVoltage: p.voltage, minVoltage: p.voltage, maxVoltage: p.voltage,
        maxAbsVoltage: abs(p.voltage), plateauMedianAbsVoltage: .nan, meanCurrent: .nan,
        pointCount: 0)
      isOpen = true
      lastCapacity = 0
      // The interval the first point closes began at the previous point's voltage (the
      // processor's convention for the reversal interval).
      lastVoltage = previousVoltage.isNaN ? p.voltage : previousVoltage
      voltageCapacityIntegral = 0
    }
    // ∫V dQ by trapezoids on the capacity column, the first point's charge between the previous
    // point's voltage and its own.
    let dQ = p.capacity - lastCapacity
    voltageCapacityIntegral += 0.5 * (lastVoltage + p.voltage) * dQ
    lastCapacity = p.capacity
    lastVoltage = p.voltage
    open.lastPoint = pointIndex
    open.endTime = p.testTime
    open.capacity = p.capacity
    open.energy = p.energy
    open.endVoltage = p.voltage
    open.minVoltage = min(open.minVoltage, p.voltage)
    open.maxVoltage = max(open.maxVoltage, p.voltage)
    open.maxAbsVoltage = max(open.maxAbsVoltage, abs(p.voltage))
    open.pointCount += 1
    times.append(p.testTime)
    absVoltages.append(abs(p.voltage))
  }

  /// Closes the last half-cycle and returns them all.
  public mutating func finish() -> [HalfCycle] {
    close()
    return halfCycles
  }

  private mutating func close() {
    guard isOpen else { return }
    isOpen = false
    var h = open
    h.averageVoltage = h.capacity > 0 ? voltageCapacityIntegral / h.capacity : h.endVoltage
    let duration = h.duration
    h.meanCurrent = duration > 0 ? (h.kind == .charge ? 1 : -1) * h.capacity * 3600 / duration : .nan
    let lower = h.startTime + 0.25 * duration
    let upper = h.startTime + 0.75 * duration
    var middle: [Double] = []
    middle.reserveCapacity(absVoltages.count / 2 + 1)
    for (t, v) in zip(times, absVoltages) where t >= lower && t <= upper { middle.append(v) }
    h.plateauMedianAbsVoltage = cyclingMedian(middle.isEmpty ? absVoltages : middle)
    halfCycles.append(h)
    times.removeAll(keepingCapacity: true)
    absVoltages.removeAll(keepingCapacity: true)
  }
}

/// The median (mean of the two middle values for an even count); NaN when empty.
func cyclingMedian(_ values: [Double]) -> Double {
  if values.isEmpty { return .nan }
  let sorted = values.sorted()
  let n = sorted.count
  return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2])
}

extension CyclingData {
  /// The half-cycles of this test (see `HalfCycleAccumulator`).
  public func halfCycles(restCurrentThreshold: Double = 1e-9) -> [HalfCycle] {
    var accumulator = HalfCycleAccumulator(restCurrentThreshold: restCurrentThreshold)
    replay(into: &accumulator)
    return accumulator.finish()
  }
}
