import Formats
import Foundation

extension DistributionOfRelaxationTimes {
  /// Columns before the basis coefficients: R∞, L, 1/C.
  static let seriesColumns = 3

  init(_ spectrum: ImpedanceSpectrum, options: Options, grid centres: [Double]) throws {
    let n = spectrum.count
    guard n >= 3 else { throw InputError("expected at least 3 points for a DRT, got \(n)") }
    for (i, f) in spectrum.frequencies.enumerated() where !(f > 0 && f.isFinite) {
      throw InputError("expected positive frequencies; point \(i + 1) has \(f) Hz")
    }
    let w = spectrum.frequencies.map { 2 * Double.pi * $0 }
    let scale = (0..<n).map { hypot(spectrum.real[$0], spectrum.imaginary[$0]) }.max() ?? 1
    guard scale > 0 else { throw InputError("expected a non-zero impedance for a DRT") }
    inductanceChoice = SeriesElementChoice.inductance(for: spectrum, mode: options.inductance)
    capacitanceChoice = SeriesElementChoice.capacitance(for: spectrum, mode: options.capacitance)
    let useL = inductanceChoice.included, useC = capacitanceChoice.included
    // The 1/C column is −ω_min/ω (order one at the lowest frequency): its coefficient is
    // 1/(C·ω_min·s), so the column is as well scaled as the others.
    let wMin = w.min() ?? 1
    let m = centres.count
    let y = centres.map { log($0) }
    let dy = (y[m - 1] - y[0]) / Double(m - 1)
    let epsilon = options.shapeFactor * 2 * log(2.0).squareRoot() / dy
    // Columns: 0 = R∞, 1 = L, 2 = 1/C (each zero when unused), 3… = basis coefficients.
    let o = Self.seriesColumns
    let p = m + o
    var a = Matrix(rows: 2 * n, columns: p)
    let half = options.basis == .gaussian ? 6 / epsilon : dy
    let nodes = 241
    let h = 2 * half / Double(nodes - 1)
    func basis(_ u: Double) -> Double {
      options.basis == .gaussian ? exp(-(epsilon * u) * (epsilon * u)) : max(0, 1 - abs(u) / dy)
    }
    let weightsSimpson = (0..<nodes).map { k -> Double in (k == 0 || k == nodes - 1) ? 1 : (k % 2 == 1 ? 4 : 2) }
    let phi = (0..<nodes).map { basis(-half + Double($0) * h) }
    for i in 0..<n {
      a[i, 0] = 1 / scale
      if useL { a[n + i, 1] = w[i] / scale }
      if useC { a[n + i, 2] = -wMin / w[i] }
      for k in 0..<m {
        var re = 0.0, im = 0.0
        for q in 0..<nodes {
          let wt = weightsSimpson[q] * phi[q]
          if wt == 0 { continue }
          let x = w[i] * exp(y[k] - half + Double(q) * h)
          let d = 1 + x * x
          re += wt / d
          im -= wt * x / d
        }
        a[i, o + k] = re * h / 3
        a[n + i, o + k] = im * h / 3
      }
    }
    // Work in normalised units: coefficients of R∞ and L are divided by s already; the basis
    // columns act on γ/s.
    var b = [Double](repeating: 0, count: 2 * n)
    for i in 0..<n {
      b[i] = spectrum.real[i] / scale
      b[n + i] = spectrum.imaginary[i] / scale
    }
    var penalty = Matrix(rows: p, columns: p)
    for i in 0..<m {
      for j in 0..<m {
        let d = y[i] - y[j]
        switch options.basis {
        case .gaussian:
          let e2: Double = epsilon * epsilon * d * d
          let front: Double = (Double.pi / 2).squareRoot() * epsilon
          penalty[o + i, o + j] = front * (1 - e2) * exp(-e2 / 2)
        case .piecewiseLinear:
          // (D₁ᵀD₁)/Δy for the first-difference operator D₁.
          var v = 0.0
          if i == j { v = (i == 0 || i == m - 1) ? 1 : 2 } else if abs(i - j) == 1 { v = -1 }
          penalty[o + i, o + j] = v / dy
        }
      }
    }
    let magnitudes = (0..<n).map { hypot(spectrum.real[$0], spectrum.imaginary[$0]) }
    weighting = Self.weighting(magnitudes: magnitudes, requested: options.weighting)
    // Modulus weighting divides row i (and n + i) by |Zᵢ|/s: every frequency then counts by
    // its relative misfit, as in Lin-KK and pyimpspec's default.
    var weightedA = a, weightedB = b
    if weighting.mode == .modulus {
      for i in 0..<n {
        let rowWeight = scale / max(magnitudes[i], .leastNormalMagnitude)
        weightedB[i] *= rowWeight
        weightedB[n + i] *= rowWeight
        for k in 0..<p {
          weightedA[i, k] *= rowWeight
          weightedA[n + i, k] *= rowWeight
        }
      }
    }
    let gram = weightedA.gram()
    let rhs = weightedA.transposeTimes(weightedB)
    let choice = options.lambda.map { (lambda: $0, selection: LambdaSelection.given) }
      ?? Self.chooseLambda(gram: gram, rhs: rhs, penalty: penalty, a: weightedA, b: weightedB, p: p, useL: useL, useC: useC)
    let lambda = choice.lambda
    lambdaSelection = choice.selection
    var system = gram
    for i in 0..<p { for j in 0..<p { system[i, j] += lambda * penalty[i, j] } }
    if !useL { system[1, 1] = 1 }
    if !useC { system[2, 2] = 1 }
    let x = NonNegativeLeastSquares.solve(gram: system, rhs: rhs)
    seriesResistance = x[0]
    inductance = useL ? x[1] : 0
    capacitance = useC && x[2] > 0 ? 1 / (x[2] * wMin * scale) : nil
    self.lambda = lambda
    // γ on a grid 10× finer than... ten points per decade over the basis span.
    let fineCount = Int((log10(centres[m - 1]) - log10(centres[0])) * 20) + 1
    let fineY = (0..<fineCount).map { y[0] + (y[m - 1] - y[0]) * Double($0) / Double(fineCount - 1) }
    tau = fineY.map { exp($0) }
    gamma = fineY.map { yy -> Double in
      var g = 0.0
      for k in 0..<m { g += x[o + k] * basis(yy - y[k]) }
      return g * scale
    }
    let fit = a * x
    fitted = (0..<n).map { ComplexNumber(fit[$0] * scale, fit[n + $0] * scale) }
    var sumSquares = 0.0
    for i in 0..<(2 * n) { sumSquares += (fit[i] - b[i]) * (fit[i] - b[i]) }
    relativeResidual = (sumSquares / Double(2 * n)).squareRoot()
    peaks = Self.findPeaks(y: fineY, gamma: gamma, threshold: options.peakThreshold)
  }

  /// Peaks of γ with the resistance each one carries. The τ axis is split at the minima between
  /// consecutive local maxima and γ is integrated over each part (trapezoid rule in ln τ), so the
  /// areas add up to ∫γ d ln τ. A maximum lower than `mergeFraction` of its taller neighbour, or
  /// than `threshold` of the highest peak, is a side lobe of the regularised solution (a
  /// distributed process's tail, or NNLS ringing), and its area joins that neighbour — unless it
  /// is distinct: it rises above the higher of its flanking minima by at least
  /// `distinctProminence` of its height and lies `distinctDecades` or more from that neighbour.
  static func findPeaks(
    y: [Double], gamma: [Double], threshold: Double, mergeFraction: Double = 0.1, distinctProminence: Double = 0.5,
    distinctDecades: Double = 2
  ) -> [Peak] {
    let top = gamma.max() ?? 0
    guard top > 0, gamma.count >= 3 else { return [] }
    var maxima: [Int] = []
    for i in 1..<(gamma.count - 1) where gamma[i] > gamma[i - 1] && gamma[i] >= gamma[i + 1] && gamma[i] > 0 {
      maxima.append(i)
    }
    guard !maxima.isEmpty else { return [] }
    // Segment boundaries: the lowest point between consecutive maxima.
    var bounds = [0]
    for k in 0..<(maxima.count - 1) {
      let range = maxima[k]...maxima[k + 1]
      bounds.append(range.min { gamma[$0] < gamma[$1] } ?? maxima[k])
    }
    bounds.append(gamma.count - 1)
    var peaks: [Peak] = []
    // Prominence: how far a maximum rises above the higher of its two flanking minima, as a
    // fraction of its height.
    var prominence: [Double] = []
    for (k, i) in maxima.enumerated() {
      var area = 0.0
      for j in bounds[k]..<bounds[k + 1] { area += (gamma[j] + gamma[j + 1]) / 2 * (y[j + 1] - y[j]) }
      peaks.append(Peak(tau: exp(y[i]), gamma: gamma[i], resistance: area))
      let flank = max(gamma[bounds[k]], gamma[bounds[k + 1]])
      prominence.append(gamma[i] > 0 ? (gamma[i] - flank) / gamma[i] : 0)
    }
    // How far (decades of τ) peak k lies from its larger neighbour.
    func decadesToLargerNeighbour(_ k: Int) -> Double {
      let left = k > 0 ? peaks[k - 1] : nil
      let right = k + 1 < peaks.count ? peaks[k + 1] : nil
      let larger = (left?.gamma ?? -1) >= (right?.gamma ?? -1) ? left : right
      guard let larger else { return .infinity }
      return abs(log10(larger.tau / peaks[k].tau))
    }
    while peaks.count > 1 {
      var weakest: Int?
      for k in peaks.indices {
        let left = k > 0 ? peaks[k - 1].gamma : 0
        let right = k + 1 < peaks.count ? peaks[k + 1].gamma : 0
        // A small but distinct peak (a pellet's grain-boundary arc, a few Ω beside a blocking
        // tail of 10⁵ Ω, decades away) is kept: it rises at least `distinctProminence` above
        // its flanks and lies `distinctDecades` or more from the larger neighbour whose side
        // lobe it would otherwise be taken for.
        let small = peaks[k].gamma < mergeFraction * max(left, right) || peaks[k].gamma < threshold * top
        let isLobe = small && !(prominence[k] >= distinctProminence && decadesToLargerNeighbour(k) >= distinctDecades)
        if isLobe && (weakest == nil || peaks[k].gamma < peaks[weakest ?? 0].gamma) { weakest = k }
      }
      guard let k = weakest else { break }
      let left = k > 0 ? peaks[k - 1].gamma : -1
      let right = k + 1 < peaks.count ? peaks[k + 1].gamma : -1
      let target = left >= right ? k - 1 : k + 1
      peaks[target].resistance += peaks[k].resistance
      peaks.remove(at: k)
      prominence.remove(at: k)
    }
    return peaks
  }
}
