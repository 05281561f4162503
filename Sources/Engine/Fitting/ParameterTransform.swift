import Foundation

/// The change of variables that turns a bounded parameter x into an unbounded internal one u, so
/// Levenberg–Marquardt can step freely while x stays inside [min, max]:
/// - logarithmic (min finite): x = min + eᵘ (relative steps; the scaling of 1e-11…1e7 values);
/// - both bounds finite: x = u, kept inside [min, max] by projecting each step onto the box
///   (projected Levenberg–Marquardt, Kanzow, Yamashita & Fukushima, J. Comput. Appl. Math. 172
///   (2004) 375). MINUIT's sin transform was tried first: near a bound its derivative vanishes and
///   the fit crawls for hundreds of iterations; projection stops on the bound at once;
/// - lower bound only: x = min − 1 + √(u² + 1); upper bound only: x = max + 1 − √(u² + 1);
/// - no bounds: x = u.
enum ParameterTransform: Sendable {
  case identity
  case logarithmic(min: Double)
  case logarithmicBelow(max: Double)
  case box(min: Double, max: Double)
  case lower(Double)
  case upper(Double)

  init(_ p: Parameter) {
    let hasMin = p.min.isFinite, hasMax = p.max.isFinite
    if p.logarithmic && hasMin && !hasMax {
      self = .logarithmic(min: p.min)
    } else if p.logarithmic && !hasMin && p.min == -.infinity && !hasMax && p.value > 0 {
      self = .logarithmic(min: 0)
    } else if p.logarithmic && hasMax && !hasMin {
      self = .logarithmicBelow(max: p.max)
    } else if hasMin && hasMax {
      self = .box(min: p.min, max: p.max)
    } else if hasMin {
      self = .lower(p.min)
    } else if hasMax {
      self = .upper(p.max)
    } else {
      self = .identity
    }
  }

  /// Internal value for an external one; values on or outside a bound are nudged inside.
  func internalValue(_ x: Double) -> Double {
    switch self {
    case .identity: return x
    case let .logarithmic(lo):
      let d = x - lo
      return Foundation.log(d > 0 ? d : max(Swift.abs(lo), 1e-300) * 1e-10 + 1e-300)
    case let .logarithmicBelow(hi):
      let d = hi - x
      return Foundation.log(d > 0 ? d : max(Swift.abs(hi), 1e-300) * 1e-10 + 1e-300)
    case let .box(lo, hi): return Swift.min(hi, Swift.max(lo, x))
    case let .lower(lo): let t = Swift.max(x, lo) - lo + 1; return (t * t - 1).squareRoot()
    case let .upper(hi): let t = hi - Swift.min(x, hi) + 1; return (t * t - 1).squareRoot()
    }
  }

  func externalValue(_ u: Double) -> Double {
    switch self {
    case .identity: return u
    case let .logarithmic(lo): return lo + Foundation.exp(u)
    case let .logarithmicBelow(hi): return hi - Foundation.exp(u)
    case let .box(lo, hi): return Swift.min(hi, Swift.max(lo, u))
    case let .lower(lo): return lo - 1 + (u * u + 1).squareRoot()
    case let .upper(hi): return hi + 1 - (u * u + 1).squareRoot()
    }
  }

  /// dx/du, for the chain rule J_u = J_x · dx/du.
  func derivative(_ u: Double) -> Double {
    switch self {
    case .identity: return 1
    case .logarithmic: return Foundation.exp(u)
    case .logarithmicBelow: return -Foundation.exp(u)
    case .box: return 1
    case .lower: return u / (u * u + 1).squareRoot()
    case .upper: return -u / (u * u + 1).squareRoot()
    }
  }
}

extension ParameterTransform {
  /// The interval an internal value must stay in (only box parameters have one).
  var box: (min: Double, max: Double)? {
    if case let .box(lo, hi) = self { return (lo, hi) }
    return nil
  }
}
