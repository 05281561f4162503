import Formats
import Foundation

/// SNIP, the Statistics-sensitive Non-linear Iterative Peak-clipping background (C. G. Ryan et al.,
/// Nucl. Instrum. Methods B 34 (1988) 396; M. Morháč et al., NIM A 401 (1997) 113, decreasing
/// window as in their eq. 9 variant): transform v = ln(ln(√(y + 1) + 1) + 1) (the LLS operator,
/// which needs y ≥ −1 and compresses peaks), then for window p = m, m−1, …, 1 clip
/// vᵢ ← min(vᵢ, (v_{i−p} + v_{i+p})/2), and invert the transform. Points nearer than p to an end
/// are left unclipped at that pass. `halfWidth` m is in points: about the widest peak's half base.
public enum SNIPBackground {
  public static func compute(_ y: [Double], halfWidth m: Int) throws -> [Double] {
    guard m >= 1 else { throw InputError("SNIP: the clipping half-width must be ≥ 1 point, got \(m)") }
    guard y.count >= 3 else { throw InputError("SNIP: need at least 3 points, got \(y.count)") }
    guard let low = y.min(), low.isFinite, y.allSatisfy(\.isFinite) else {
      throw InputError("SNIP: the intensities contain a non-finite value")
    }
    // Shift so the LLS transform is defined; the shift is undone after.
    let shift = low < 0 ? -low : 0
    var v = y.map { lls($0 + shift) }
    let n = v.count
    var p = min(m, (n - 1) / 2)
    while p >= 1 {
      var next = v
      for i in p..<(n - p) { next[i] = min(v[i], (v[i - p] + v[i + p]) / 2) }
      v = next
      p -= 1
    }
    return v.map { inverseLLS($0) - shift }
  }

  static func lls(_ y: Double) -> Double { Foundation.log(Foundation.log((y + 1).squareRoot() + 1) + 1) }
  static func inverseLLS(_ v: Double) -> Double {
    let a = Foundation.exp(Foundation.exp(v) - 1) - 1
    return a * a - 1
  }
}
