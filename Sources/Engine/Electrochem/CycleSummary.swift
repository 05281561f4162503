/// One full cycle: half-cycles 2n−1 and 2n (the pairing navani and galvani use), whatever the
/// instrument calls a cycle, so a summary means the same for every format.
public struct CycleSummary: Sendable, Equatable {
  public var cycle: Int
  public var first: HalfCycle?
  public var second: HalfCycle?
  public var chargeCapacity: Double?   // Ah
  public var dischargeCapacity: Double?  // Ah
  public var chargeEnergy: Double?  // Wh
  public var dischargeEnergy: Double?  // Wh
  /// Capacity returned over capacity put in: Q(second half-cycle) / Q(first half-cycle). For a
  /// cathode full cell that starts with a charge this is Q_discharge / Q_charge; for an anode half
  /// cell that starts with a discharge it is Q_charge / Q_discharge. Nil for an unpaired half-cycle.
  public var coulombicEfficiency: Double?
  /// Energy out over energy in, same pairing.
  public var energyEfficiency: Double?
  public var averageChargeVoltage: Double?
  public var averageDischargeVoltage: Double?
  public var endChargeVoltage: Double?
  public var endDischargeVoltage: Double?
  /// Discharge capacity over the first cycle's discharge capacity.
  public var capacityRetention: Double?
  /// Mean |I| over the cycle's half-cycles, A.
  public var meanAbsCurrent: Double
}

/// Pairs half-cycles into cycles and computes the per-cycle figures (see `CycleSummary`).
public func summarizeCycles(_ halfCycles: [HalfCycle]) -> [CycleSummary] {
  var byCycle: [Int: (HalfCycle?, HalfCycle?)] = [:]
  for h in halfCycles {
    var entry = byCycle[h.cycleNumber] ?? (nil, nil)
    if h.index % 2 == 1 { entry.0 = h } else { entry.1 = h }
    byCycle[h.cycleNumber] = entry
  }
  var result: [CycleSummary] = []
  var referenceDischarge: Double? = nil
  for cycle in byCycle.keys.sorted() {
    guard let (first, second) = byCycle[cycle] else { continue }
    let halves = [first, second].compactMap { $0 }
    let charge = halves.first { $0.kind == .charge }
    let discharge = halves.first { $0.kind == .discharge }
    var summary = CycleSummary(
      cycle: cycle, first: first, second: second,
      chargeCapacity: charge?.capacity, dischargeCapacity: discharge?.capacity,
      chargeEnergy: charge?.energy, dischargeEnergy: discharge?.energy,
      coulombicEfficiency: nil, energyEfficiency: nil,
      averageChargeVoltage: charge?.averageVoltage, averageDischargeVoltage: discharge?.averageVoltage,
      endChargeVoltage: charge?.endVoltage, endDischargeVoltage: discharge?.endVoltage,
      capacityRetention: nil,
      meanAbsCurrent: halves.map { abs($0.meanCurrent.isNaN ? 0 : $0.meanCurrent) }.reduce(0, +)
        / Double(max(halves.count, 1)))
    if let first, let second, first.capacity > 0 {
      summary.coulombicEfficiency = second.capacity / first.capacity
      if first.energy > 0 { summary.energyEfficiency = second.energy / first.energy }
    }
    if let q = discharge?.capacity {
      if referenceDischarge == nil, q > 0 { referenceDischarge = q }
      if let reference = referenceDischarge { summary.capacityRetention = q / reference }
    }
    result.append(summary)
  }
  return result
}

/// Consecutive cycles run at one current: a step of a rate test.
public struct RateBlock: Sendable, Equatable {
  public var firstCycle: Int
  public var lastCycle: Int
  /// Mean |I| of the block's cycles, A.
  public var current: Double
  /// current / nominal capacity, 1/h.
  public var cRate: Double
  public var meanDischargeCapacity: Double?
  public var meanChargeCapacity: Double?
}

/// Groups consecutive cycles whose mean |I| stays within `relativeTolerance` of the block's first
/// cycle. C-rate = |I| / Q_nominal (A / Ah = 1/h); `nominalCapacity` (Ah) defaults to the first
/// cycle's discharge (else charge) capacity.
public func rateBlocks(
  _ cycles: [CycleSummary], nominalCapacity: Double? = nil, relativeTolerance: Double = 0.05
) -> [RateBlock] {
  guard let firstCycle = cycles.first else { return [] }
  let nominal = nominalCapacity ?? firstCycle.dischargeCapacity ?? firstCycle.chargeCapacity ?? .nan
  var blocks: [RateBlock] = []
  var members: [CycleSummary] = []
  func flush() {
    guard let head = members.first, let tail = members.last else { return }
    let current = members.map(\.meanAbsCurrent).reduce(0, +) / Double(members.count)
    let discharges = members.compactMap(\.dischargeCapacity)
    let charges = members.compactMap(\.chargeCapacity)
    blocks.append(
      RateBlock(
        firstCycle: head.cycle, lastCycle: tail.cycle, current: current, cRate: current / nominal,
        meanDischargeCapacity: discharges.isEmpty ? nil : discharges.reduce(0, +) / Double(discharges.count),
        meanChargeCapacity: charges.isEmpty ? nil : charges.reduce(0, +) / Double(charges.count)))
    members.removeAll()
  }
  for c in cycles {
    if let head = members.first,
      abs(c.meanAbsCurrent - head.meanAbsCurrent) > relativeTolerance * max(head.meanAbsCurrent, 1e-15)
    {
      flush()
    }
    members.append(c)
  }
  flush()
  return blocks
}
