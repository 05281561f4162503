import Foundation

/// A reproducible pseudo-random source (CyclingNoiseSource) for the noise of synthetic traces.
struct CyclingNoiseSource {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Standard normal deviate (Box–Muller).
  mutating func gaussian() -> Double {
    let u1 = (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
    let u2 = Double(next() >> 11) / 9_007_199_254_740_992
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}

/// A galvanostatic protocol for a synthetic Li|Li cell, and how the synthetic cell responds.
/// The cell: |V| = j·ASR(t)·(1 + riseFraction·τ) with τ ∈ [0, 1] the fraction of the half-cycle
/// elapsed (a growing concentration/interface term), sign of the current; after a hard short
/// |V| = |I|·shortResistance for the rest of the test; a soft short pulls |V| to 15 % of its
/// value for `softShortFraction` of a half-cycle, then it recovers. Labelled synthetic wherever
/// written out.
public struct SyntheticSymmetricCell: Sendable {
  /// cm² (10 mm die: π·0.5² = 0.785 cm²).
  public var area = Double.pi * 0.25
  /// mA/cm², one per step.
  public var currentDensities: [Double] = [0.1, 0.2, 0.3]
  /// Time-constant steps: hours per half-cycle. Ignored when `halfCycleCapacity` is set.
  public var halfCycleHours = 0.5
  /// Capacity-constant steps: mAh/cm² per half-cycle.
  public var halfCycleCapacity: Double? = nil
  public var halfCyclesPerStep = 2
  /// Ω·cm², and its growth per hour of test (for long-cycling traces).
  public var areaSpecificResistance = 20.0
  public var resistanceGrowthPerHour = 0.0
  public var riseFraction = 0.15
  public var sampleInterval = 30.0
  public var restSeconds = 0.0
  /// Hard short: first half-cycle at this current density, at this fraction of it.
  public var shortAtCurrentDensity: Double? = nil
  public var shortAtFraction = 0.4
  public var shortResistance = 0.5
  /// Soft short: first half-cycle at this current density, at this fraction, lasting this long.
  public var softShortAtCurrentDensity: Double? = nil
  public var softShortAtFraction = 0.3
  public var softShortFraction = 0.05
  /// Loss of contact: from this fraction of the first half-cycle at this current density, |V|
  /// grows as e^(12·(τ − onset)) (voids open at the stripping interface).
  public var contactLossAtCurrentDensity: Double? = nil
  public var contactLossAtFraction = 0.5
  /// Gaussian voltage noise, V (σ).
  public var noise = 0.0
  public var seed: UInt64 = 1

  public init() {}

  public func records() -> [CyclingRecord] {
    var rng = CyclingNoiseSource(state: seed)
    var out: [CyclingRecord] = [CyclingRecord(testTime: 0, voltage: 0, current: 0)]
    var t = 0.0
    var shorted = false
    var sign = 1.0
    for j in currentDensities {
      let current = j * area / 1000  // A
      let hours = halfCycleCapacity.map { $0 / j } ?? halfCycleHours
      let duration = hours * 3600
      let n = max(Int((duration / sampleInterval).rounded()), 1)
      for h in 0..<halfCyclesPerStep {
        let start = t
        for k in 1...n {
          let tau = Double(k) / Double(n)
          let time = start + tau * duration
          let asr = areaSpecificResistance * (1 + resistanceGrowthPerHour * time / 3600)
          var magnitude = j / 1000 * asr * (1 + riseFraction * tau)
          if !shorted, h == 0, let js = shortAtCurrentDensity, abs(js - j) < 1e-9, tau >= shortAtFraction { shorted = true }
          if let jc = contactLossAtCurrentDensity, j >= jc - 1e-9 {
            let onset = abs(jc - j) < 1e-9 && h == 0 ? contactLossAtFraction : 0
            if tau >= onset { magnitude *= exp(12 * (tau - onset)) }
          }
          if shorted {
            magnitude = current * shortResistance
          } else if h == 0, let js = softShortAtCurrentDensity, abs(js - j) < 1e-9,
            tau >= softShortAtFraction, tau < softShortAtFraction + softShortFraction
          {
            magnitude *= 0.15
          }
          let v = sign * magnitude + noise * rng.gaussian()
          out.append(CyclingRecord(testTime: time, voltage: v, current: sign * current))
        }
        t = start + duration
        if restSeconds > 0 {
          t += restSeconds
          out.append(CyclingRecord(testTime: t, voltage: noise * rng.gaussian(), current: 0))
        }
        sign = -sign
      }
    }
    return out
  }
}

/// A synthetic Li/LPSC/LCO full cell: galvanostatic charge to a capacity, then discharge, with a
/// capacity that fades linearly cycle by cycle. Voltage: V = 3.7 + 0.45·x − 0.25·e^(−15x) ± IR
/// over the state of charge x ∈ [0, 1] (a LiCoO2-like curve; shape illustrative, not fitted).
public struct SyntheticFullCell: Sendable {
  /// Active LiCoO2 mass, g (10 mg/cm² composite × 0.785 cm² × 70 % LCO).
  public var activeMass = 0.010 * Double.pi * 0.25 * 0.70
  /// 1C, mA/g of LiCoO2 (paper.md: 1C = 160 mA/g).
  public var oneC = 160.0
  /// Discharge capacity of the first and last cycle, mAh/g (paper.md: 127.8 → 109.4 at 1C).
  public var firstCapacity = 127.8
  public var lastCapacity = 109.4
  public var cycles = 1200
  /// C-rate per cycle (rate tests); default 1C for all.
  public var cRates: [Double]? = nil
  /// Capacity loss factor per unit of ln(1 + C) (rate tests): Q(C) = Q·(1 − rateLoss·ln(1 + C)).
  public var rateLoss = 0.0
  public var coulombicEfficiency = 0.998
  public var internalResistance = 40.0  // Ω
  public var pointsPerHalfCycle = 10

  public init() {}

  public func records() -> [CyclingRecord] {
    var out: [CyclingRecord] = [CyclingRecord(testTime: 0, voltage: 3.0, current: 0)]
    var t = 0.0
    let count = cRates?.count ?? cycles
    for c in 0..<count {
      let rate = cRates?[c] ?? 1
      let fade = count > 1 ? Double(c) / Double(count - 1) : 0
      let base = firstCapacity + (lastCapacity - firstCapacity) * (cRates == nil ? fade : 0)
      let discharge = base * (1 - rateLoss * log(1 + rate))  // mAh/g
      let charge = discharge / coulombicEfficiency
      let current = oneC * rate * activeMass / 1000  // A
      for (capacity, sign) in [(charge, 1.0), (discharge, -1.0)] {
        let duration = capacity / (oneC * rate) * 3600
        let n = pointsPerHalfCycle
        for k in 1...n {
          let f = Double(k) / Double(n)
          let x = sign > 0 ? f * capacity / firstCapacity : (charge - f * capacity) / firstCapacity
          let v = 3.7 + 0.45 * x - 0.25 * exp(-15 * x) + sign * current * internalResistance
          out.append(CyclingRecord(testTime: t + f * duration, voltage: v, current: sign * current))
        }
        t += duration
      }
    }
    return out
  }
}
