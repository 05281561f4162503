import Foundation

/// Row buffers for `LiPhaseFieldEquation`'s evaluation, one row of the grid each.
final class PhaseFieldRowScratch {
  let width: Int
  let laplacian: UnsafeMutablePointer<Double>
  let gx: UnsafeMutablePointer<Double>
  let gy: UnsafeMutablePointer<Double>
  let factor: UnsafeMutablePointer<Double>
  let bracket: UnsafeMutablePointer<Double>
  let norm: UnsafeMutablePointer<Double>
  let cosine: UnsafeMutablePointer<Double>
  let previous: UnsafeMutablePointer<Double>
  let current: UnsafeMutablePointer<Double>

  init(width: Int) {
    self.width = width
    func row() -> UnsafeMutablePointer<Double> {
      let p = UnsafeMutablePointer<Double>.allocate(capacity: width)
      p.initialize(repeating: 0, count: width)
      return p
    }
    laplacian = row(); gx = row(); gy = row(); factor = row(); bracket = row()
    norm = row(); cosine = row(); previous = row(); current = row()
  }

  deinit {
    for p in [laplacian, gx, gy, factor, bracket, norm, cosine, previous, current] { p.deallocate() }
  }
}

/// cos ω(θ − θ0) of the interface normal for a row of gradients, with the rules of
/// `LiPhaseFieldEquation.angularFactor` (factor 1 where |∇ξ| ≤ floor). For integer ω the
/// Chebyshev recurrence T_{m+1} = 2r·T_m − T_{m−1} runs as passes over the row, the same
/// operations per node as the scalar form, so the loops vectorise and the values are the same.
struct AngularFactor {
  let omega: Double
  let cosTheta0: Double
  let sinTheta0: Double
  let floor: Double
  /// ω when it is an integer in 0…32.
  let chebyshevDegree: Int?

  init(omega: Double, theta0: Double, floor: Double) {
    self.omega = omega
    cosTheta0 = cos(theta0)
    sinTheta0 = sin(theta0)
    self.floor = floor
    chebyshevDegree = omega == omega.rounded() && omega >= 0 && omega <= 32 ? Int(omega) : nil
  }

  /// The factor at one node for ω = 4 (the presets' value): the recurrence unrolled, the same
  /// operations as `evaluate`, so that it runs inside the stencil loop.
  @inline(__always)
  func fourfold(_ gx: Double, _ gy: Double) -> Double {
    let length = (gx * gx + gy * gy).squareRoot()
    let r = (gx * cosTheta0 + gy * sinTheta0) / length
    let t2 = 2 * r * r - 1
    let t3 = 2 * r * t2 - r
    let t4 = 2 * r * t3 - t2
    return length > floor ? t4 : 1
  }

  func evaluate(gx: UnsafeMutablePointer<Double>, gy: UnsafeMutablePointer<Double>,
                into factor: UnsafeMutablePointer<Double>, scratch: PhaseFieldRowScratch) {
    let width = scratch.width, c = cosTheta0, s = sinTheta0, floor = self.floor
    guard let degree = chebyshevDegree else {
      for i in 0..<width {
        factor[i] = LiPhaseFieldEquation.angularFactor(gx[i], gy[i], omega: omega, cosTheta0: c,
                                                       sinTheta0: s, floor: floor)
      }
      return
    }
    if degree == 0 {
      for i in 0..<width { factor[i] = 1 }
      return
    }
    let norm = scratch.norm, r = scratch.cosine, previous = scratch.previous, current = scratch.current
    for i in 0..<width {
      let length = (gx[i] * gx[i] + gy[i] * gy[i]).squareRoot()
      norm[i] = length
      r[i] = (gx[i] * c + gy[i] * s) / length
      previous[i] = 1
      current[i] = r[i]
    }
    if degree >= 2 {
      for _ in 2...degree {
        for i in 0..<width {
          let next = 2 * r[i] * current[i] - previous[i]
          previous[i] = current[i]
          current[i] = next
        }
      }
    }
    for i in 0..<width { factor[i] = norm[i] > floor ? current[i] : 1 }
  }
}
