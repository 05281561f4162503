/// dQ/dV of one half-cycle on a uniform voltage grid.
public struct DifferentialCapacityCurve: Sendable, Equatable {
  public var halfCycle: Int
  /// Grid voltages, V (increasing).
  public var voltage: [Double]
  /// dQ/dV, Ah/V (≥ 0: charge passed per volt of travel, whichever way the voltage moves).
  public var dQdV: [Double]
}

/// Differential capacity of one half-cycle.
///
/// Method: the capacity Q(V) is sampled on a uniform grid of spacing `voltageStep` (V) between
/// the half-cycle's voltage extremes by linear interpolation along the trace (the voltage is made
/// monotone first by a running maximum for a rising trace or minimum for a falling one, so noise
/// cannot make it turn back); dQ/dV is the central difference of Q on that grid
/// (forward/backward at the ends), then smoothed by a moving average over `smoothingPoints`
/// grid points (odd; 1 = none), which preserves the area ∫dQ/dV dV = Q away from the edges.
/// Units: Ah/V. Returns nil when the half-cycle moves less than two grid steps.
public func differentialCapacity(
  _ data: CyclingData, halfCycle: HalfCycle, voltageStep: Double = 0.005, smoothingPoints: Int = 5
) -> DifferentialCapacityCurve? {
  guard voltageStep > 0, halfCycle.lastPoint > halfCycle.firstPoint else { return nil }
  let range = halfCycle.firstPoint...halfCycle.lastPoint
  let rising = data.voltage[halfCycle.lastPoint] >= data.voltage[halfCycle.firstPoint]
  var v: [Double] = []
  var q: [Double] = []
  v.reserveCapacity(range.count)
  q.reserveCapacity(range.count)
  var extreme = rising ? -Double.infinity : Double.infinity
  for i in range where data.stepType[i] != .rest {
    extreme = rising ? max(extreme, data.voltage[i]) : min(extreme, data.voltage[i])
    v.append(extreme)
    q.append(data.capacity[i])
  }
  guard let v0 = v.first, let v1 = v.last else { return nil }
  let low = min(v0, v1)
  let high = max(v0, v1)
  let n = Int(((high - low) / voltageStep).rounded(.down)) + 1
  guard n >= 3 else { return nil }
  let grid = (0..<n).map { low + Double($0) * voltageStep }
  // Walk the monotone trace once, interpolating Q at each grid voltage.
  var qGrid = [Double](repeating: 0, count: n)
  let ordered = rising ? Array(0..<v.count) : Array((0..<v.count).reversed())
  var k = 0
  for (g, target) in grid.enumerated() {
    while k + 1 < ordered.count && v[ordered[k + 1]] < target { k += 1 }
    let a = ordered[k]
    let b = ordered[min(k + 1, ordered.count - 1)]
    let span = v[b] - v[a]
    let w = span > 0 ? min(max((target - v[a]) / span, 0), 1) : 0
    qGrid[g] = q[a] + w * (q[b] - q[a])
  }
  var derivative = [Double](repeating: 0, count: n)
  for i in 0..<n {
    let lo = max(i - 1, 0)
    let hi = min(i + 1, n - 1)
    derivative[i] = abs(qGrid[hi] - qGrid[lo]) / (grid[hi] - grid[lo])
  }
  let smoothed = cyclingMovingAverage(derivative, window: max(1, smoothingPoints | 1))
  return DifferentialCapacityCurve(halfCycle: halfCycle.index, voltage: grid, dQdV: smoothed)
}

/// Centred moving average with a window shrunk symmetrically at the ends.
func cyclingMovingAverage(_ x: [Double], window: Int) -> [Double] {
  let half = window / 2
  guard half > 0, !x.isEmpty else { return x }
  var prefix = [Double](repeating: 0, count: x.count + 1)
  for i in 0..<x.count { prefix[i + 1] = prefix[i] + x[i] }
  return (0..<x.count).map { i in
    let r = min(half, i, x.count - 1 - i)
    return (prefix[i + r + 1] - prefix[i - r]) / Double(2 * r + 1)
  }
}
