import Foundation

/// Starting values for any circuit from the spectrum alone.
///
/// The circuit's top-level series terms are sorted into roles: a lone R takes the high-frequency
/// intercept, a lone L (or La) the high-frequency inductance, a lone C, CPE or W the low-frequency
/// tail, and everything else (parallel groups, Zarc, K, G, Wo, Ws, nested series) is a relaxation
/// "block". Each block gets a resistance R and an angular frequency ω, and every element inside it
/// is set so its impedance is about R at ω: in series the branches share R, in parallel each
/// branch gets R (R∥C has its apex where |Z_C| = R). Candidates differ in how blocks are placed:
/// on the detected arcs, spread evenly over the measured decades, and with the last block opened
/// up for an unclosed low-frequency arc, and with the first block above the highest frequency (a
/// pellet's bulk arc); random starts draw ω and R log-uniformly.
public struct CircuitInitialGuess: Sendable {
  public let circuit: Circuit
  public let features: SpectrumFeatures

  public init(circuit: Circuit, spectrum: ImpedanceSpectrum) {
    self.circuit = circuit
    self.features = SpectrumFeatures(spectrum)
  }

  enum Role { case ohmic, inductive, lowFrequency, block }

  var terms: [CircuitNode] {
    if case let .series(children, _) = circuit.root { return children }
    return [circuit.root]
  }

  func role(_ node: CircuitNode) -> Role {
    guard case let .element(e) = node else { return .block }
    switch e.kind {
    case .resistor: return .ohmic
    case .inductor, .inductiveConstantPhase: return .inductive
    case .capacitor, .constantPhase, .warburg: return .lowFrequency
    default: return .block
    }
  }

  /// Deterministic candidates, most plausible first.
  public func candidates() -> [[Double]] {
    let blocks = terms.filter { role($0) == .block }.count
    let wMin = 2 * Double.pi * features.minimumFrequency
    let wMax = 2 * Double.pi * features.maximumFrequency
    let span = max(features.lowFrequencyReal - features.highFrequencyIntercept, features.scale * 1e-3)
    var placements: [[(r: Double, w: Double)]] = []
    if blocks > 0 {
      // Detected arcs, the largest ones, in frequency order; missing ones filled from the even spread.
      let even = (0..<blocks).map { k -> (r: Double, w: Double) in
        let t = (Double(k) + 0.5) / Double(blocks)
        return (span / Double(blocks), exp(log(wMax) + t * (log(wMin) - log(wMax))))
      }
      let arcs = features.arcs.sorted { $0.height > $1.height }.prefix(blocks)
        .sorted { $0.apexFrequency > $1.apexFrequency }
      if !arcs.isEmpty {
        var fromArcs = arcs.map { (r: $0.diameter, w: 2 * Double.pi * $0.apexFrequency) }
        while fromArcs.count < blocks { fromArcs.append((span, wMin)) }
        placements.append(fromArcs)
      }
      placements.append(even)
      var open = even
      open[blocks - 1] = (10 * span, wMin)
      placements.append(open)
      var shifted = even
      for k in 0..<blocks { shifted[k].w = exp(log(wMax) + (Double(k) + 1) / Double(blocks + 1) * (log(wMin) - log(wMax))) }
      placements.append(shifted)
    } else {
      placements.append([])
    }
    var out: [[Double]] = []
    for placement in placements {
      for exponent in [0.8, 0.6, 0.95] { out.append(values(placement: placement, exponent: exponent)) }
    }
    // A ceramic pellet's bulk arc often peaks above the highest measured frequency: then the
    // "high-frequency intercept" is really part of that arc. Candidates with the first block
    // beyond ω_max carrying that resistance, and an ohmic term near zero.
    if blocks > 0 && features.highFrequencyIntercept > 0 {
      var beyond = placements.last ?? []
      beyond[0] = (features.highFrequencyIntercept, 10 * wMax)
      if blocks > 1 {
        for k in 1..<blocks {
          let t = Double(k) / Double(blocks)
          beyond[k] = (span / Double(blocks - 1 == 0 ? 1 : blocks - 1), exp(log(wMax) + t * (log(wMin) - log(wMax))))
        }
      }
      for exponent in [0.9, 0.7] {
        out.append(values(placement: beyond, exponent: exponent, ohmic: 1e-3 * features.highFrequencyIntercept))
      }
    }
    return out
  }

  /// A random start: block frequencies log-uniform over the measured range widened by a decade,
  /// resistances log-uniform from 1/30 to 30× the spread of Z', exponents uniform in [0.5, 1].
  public func randomCandidate(using rng: inout SplitMix64) -> [Double] {
    let blocks = terms.filter { role($0) == .block }.count
    let lwMin = log(2 * Double.pi * features.minimumFrequency) - log(10.0)
    let lwMax = log(2 * Double.pi * features.maximumFrequency) + log(10.0)
    let span = max(features.lowFrequencyReal - features.highFrequencyIntercept, features.scale * 1e-3)
    let placement = (0..<blocks).map { _ -> (r: Double, w: Double) in
      (span * exp(log(30.0) * (2 * rng.uniform() - 1)), exp(lwMin + rng.uniform() * (lwMax - lwMin)))
    }.sorted { $0.w > $1.w }
    return values(placement: placement, exponent: 0.5 + 0.5 * rng.uniform())
  }

  func values(placement: [(r: Double, w: Double)], exponent: Double, ohmic ohmicOverride: Double? = nil) -> [Double] {
    var v = [Double](repeating: 0, count: circuit.parameterCount)
    let wMin = 2 * Double.pi * features.minimumFrequency
    let wMax = 2 * Double.pi * features.maximumFrequency
    let ohmicCount = max(terms.filter { role($0) == .ohmic }.count, 1)
    let ohmic = (ohmicOverride ?? max(features.highFrequencyIntercept, features.scale * 1e-4)) / Double(ohmicCount)
    var blockIndex = 0
    for term in terms {
      switch role(term) {
      case .ohmic:
        assign(term, r: ohmic, w: wMax, exponent: exponent, into: &v)
      case .inductive:
        let l = features.highFrequencyInductance > 0 ? features.highFrequencyInductance : 1e-3 * features.scale / wMax
        assign(term, r: l * wMax, w: wMax, exponent: 0.9, into: &v)
      case .lowFrequency:
        let lf = max(features.lowFrequencyMinusImaginary, features.scale * 1e-3)
        assign(term, r: lf, w: wMin, exponent: exponent, into: &v)
      case .block:
        let b = blockIndex < placement.count ? placement[blockIndex] : (r: features.scale, w: sqrt(wMin * wMax))
        blockIndex += 1
        assign(term, r: b.r, w: b.w, exponent: exponent, into: &v)
      }
    }
    return v
  }

  /// Sets every element under `node` so its impedance magnitude is about r at ω = w.
  func assign(_ node: CircuitNode, r: Double, w: Double, exponent: Double, into v: inout [Double]) {
    switch node {
    case let .series(children, _):
      for c in children { assign(c, r: r / Double(children.count), w: w, exponent: exponent, into: &v) }
    case let .parallel(children, _):
      for c in children { assign(c, r: r, w: w, exponent: exponent, into: &v) }
    case let .element(e):
      let o = e.parameterOffset
      switch e.kind {
      case .resistor: v[o] = r
      case .capacitor: v[o] = 1 / (r * w)
      case .inductor: v[o] = r / w
      case .constantPhase:
        v[o] = 1 / (r * pow(w, exponent))
        v[o + 1] = exponent
      case .inductiveConstantPhase:
        v[o] = r / pow(w, exponent)
        v[o + 1] = exponent
      case .warburg: v[o] = r * w.squareRoot()
      case .warburgOpen, .warburgShort, .gerischer, .voigtRC:
        v[o] = r
        v[o + 1] = 1 / w
      case .zarc:
        v[o] = r
        v[o + 1] = 1 / w
        v[o + 2] = exponent
      }
    }
  }
}
