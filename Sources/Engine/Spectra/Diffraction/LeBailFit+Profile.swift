import Foundation

extension LeBailFit {
  /// The pattern model of `LeBailFit` for fixed reflection intensities (see its comment).
  struct Profile: Sendable {
    let x: [Double]
    let hkl: [(Int, Int, Int)]
    let system: LatticeRefinement.CrystalSystem
    let lambda: Double
    let v: Double
    let degree: Int
    let mid: Double
    let half: Double

    var cellCount: Int {
      switch system {
      case .cubic: return 1
      case .tetragonal, .hexagonal: return 2
      case .orthorhombic: return 3
      }
    }

    /// Peak positions 2θ_k + Z, degrees (NaN for a reflection beyond 180°).
    func positions(_ p: [Double]) -> [Double] {
      let a = p[0]
      let b = system == .orthorhombic ? p[1] : a
      let c = system == .cubic ? a : p[cellCount - 1]
      let zero = p[cellCount]
      return hkl.map { (h, k, l) in
        let hd = Double(h), kd = Double(k), ld = Double(l)
        let inverseD2: Double
        switch system {
        case .hexagonal: inverseD2 = 4.0 / 3.0 * (hd * hd + hd * kd + kd * kd) / (a * a) + ld * ld / (c * c)
        default: inverseD2 = hd * hd / (a * a) + kd * kd / (b * b) + ld * ld / (c * c)
        }
        let s = lambda * inverseD2.squareRoot() / 2
        return s < 1 ? 2 * asin(s) * 180 / .pi + zero : .nan
      }
    }

    /// For each reflection: the index range it touches and φ_k there (unit area in degrees); x ascending.
    func shapes(_ p: [Double]) -> [(start: Int, values: [Double])] {
      let u = p[cellCount + 1], w = p[cellCount + 2], eta = p[cellCount + 3]
      return positions(p).map { centre in
        guard centre.isFinite else { return (0, []) }
        let t = tan((centre - p[cellCount]) * .pi / 360)
        let h2 = u * t * t + v * t + w
        guard h2 > 0 else { return (0, []) }
        let fwhm = h2.squareRoot()
        let g0 = 2 / fwhm * (log(2.0) / .pi).squareRoot(), l0 = 2 / (.pi * fwhm)
        let lo = centre - 12 * fwhm, hi = centre + 12 * fwhm
        var start = -1
        var values: [Double] = []
        for index in x.indices {
          let xi = x[index]
          if xi < lo { continue }
          if xi > hi { break }
          let q = (xi - centre) / fwhm
          let g = g0 * exp(-4 * log(2.0) * q * q)
          let l = l0 / (1 + 4 * q * q)
          if start < 0 { start = index }
          values.append(eta * l + (1 - eta) * g)
        }
        return (max(start, 0), values)
      }
    }

    func background(_ p: [Double]) -> [Double] {
      let first = cellCount + 4
      return x.map { xi in
        let s = (xi - mid) / half
        var sum = 0.0, power = 1.0
        for j in 0...degree { sum += p[first + j] * power; power *= s }
        return sum
      }
    }

    func evaluate(_ p: [Double], intensities: [Double]) -> (total: [Double], background: [Double]) {
      let bg = background(p)
      var total = bg
      for (k, shape) in shapes(p).enumerated() {
        for (j, value) in shape.values.enumerated() { total[shape.start + j] += intensities[k] * value }
      }
      return (total, bg)
    }

    /// One Le Bail partition of the net observed counts (see `LeBailFit`).
    func extract(_ p: [Double], intensities: [Double], y: [Double]) -> [Double] {
      let bg = background(p)
      let profiles = shapes(p)
      var peaks = [Double](repeating: 0, count: x.count)
      for (k, shape) in profiles.enumerated() {
        for (j, value) in shape.values.enumerated() { peaks[shape.start + j] += intensities[k] * value }
      }
      return profiles.enumerated().map { k, shape in
        var sum = 0.0
        for (j, value) in shape.values.enumerated() {
          let i = shape.start + j
          guard peaks[i] > 0 else { continue }
          let step = i + 1 < x.count ? abs(x[i + 1] - x[i]) : abs(x[i] - x[max(i - 1, 0)])
          sum += step * intensities[k] * value * (y[i] - bg[i]) / peaks[i]
        }
        return max(sum, 0)
      }
    }
  }
}
