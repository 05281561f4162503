import Formats
import Foundation

/// Which end of the window a step background rises towards. XPS on a binding-energy axis rises
/// towards higher binding energy (inelastic losses of a line appear at higher BE); on a
/// kinetic-energy axis towards lower kinetic energy.
public enum BackgroundStep: String, Sendable, Codable {
  case towardHigherX, towardLowerX
}

/// The Shirley background (D. A. Shirley, Phys. Rev. B 5 (1972) 4709), iterated to convergence
/// as Proctor & Sherwood (Anal. Chem. 54 (1982) 13) describe:
/// B(x) = I_low + (I_high − I_low)·∫_{x_low}^{x}(y − B) / ∫_{x_low}^{x_high}(y − B) along the rising
/// direction, where I_low and I_high are the intensities at the ends of the window (mean of
/// `endPoints` points there) and the integrals are trapezoidal over the actual x spacing.
/// Stops when max|B_n − B_{n−1}| ≤ 1e-10·|I_high − I_low| or after `maxIterations` (then throws:
/// an unconverged background is not silently returned). Units: those of y.
public enum ShirleyBackground {
  public static func compute(x: [Double], y: [Double], rising: BackgroundStep = .towardHigherX,
                             endPoints: Int = 1, maxIterations: Int = 200) throws -> [Double] {
    let n = x.count
    guard n >= 3, y.count == n else { throw InputError("Shirley: need ≥ 3 points with x and y of equal length") }
    guard endPoints >= 1, endPoints * 2 <= n else { throw InputError("Shirley: end-point averaging of \(endPoints) does not fit \(n) points") }
    // Work in increasing x; the step end is the high-x end after reflecting when it rises to lower x.
    let order = x.indices.sorted { x[$0] < x[$1] }
    var xs = order.map { x[$0] }, ys = order.map { y[$0] }
    if rising == .towardLowerX { xs.reverse(); ys.reverse() }
    let low = ys[0..<endPoints].reduce(0, +) / Double(endPoints)
    let high = ys[(n - endPoints)...].reduce(0, +) / Double(endPoints)
    let step = high - low
    var b = [Double](repeating: low, count: n)
    var converged = step == 0
    var iteration = 0
    while !converged && iteration < maxIterations {
      iteration += 1
      var cumulative = [Double](repeating: 0, count: n)
      for i in 1..<n {
        let h = abs(xs[i] - xs[i - 1])
        cumulative[i] = cumulative[i - 1] + h * ((ys[i] - b[i]) + (ys[i - 1] - b[i - 1])) / 2
      }
      let total = cumulative[n - 1]
      guard total != 0, total.isFinite else {
        throw InputError("Shirley: the signal above the background integrates to zero; no step can be scaled")
      }
      var change = 0.0
      for i in 0..<n {
        let next = low + step * cumulative[i] / total
        change = max(change, abs(next - b[i]))
        b[i] = next
      }
      converged = change <= 1e-10 * abs(step)
    }
    guard converged else { throw InputError("Shirley: no convergence in \(maxIterations) iterations") }
    if rising == .towardLowerX { b.reverse() }
    var out = [Double](repeating: 0, count: n)
    for (k, i) in order.enumerated() { out[i] = b[k] }
    return out
  }
}
