/// How much of a split one segment asks for. Fixed requests (`length`, `percentage`, `ratio`,
/// `min`, `max`) are granted first; `fill` segments then share what is left by weight.
public enum Constraint: Hashable, Sendable {
  /// Exactly `n` cells (less only when the area is too small).
  case length(Int)
  /// `p` percent of the space left after spacing, rounded down.
  case percentage(Int)
  /// The fraction `a/b` of the space left after spacing, rounded down.
  case ratio(Int, Int)
  /// At least `n` cells; grows into leftover space when no `fill` segment claims it.
  case min(Int)
  /// At most `n` cells; takes `n` when there is room.
  case max(Int)
  /// A share of the leftover space proportional to `weight` (weights below 1 count as 1).
  case fill(Int)

  /// The size the constraint asks for before leftover space is shared out.
  func base(of available: Int) -> Int {
    switch self {
    case .length(let n): return Swift.max(0, n)
    case .percentage(let p): return available * Swift.min(Swift.max(0, p), 100) / 100
    case .ratio(let a, let b):
      guard b > 0, a > 0 else { return 0 }
      return Swift.min(available, available * a / b)
    case .min(let n): return Swift.max(0, n)
    case .max(let n): return Swift.max(0, n)
    case .fill: return 0
    }
  }

  var fillWeight: Int? {
    if case .fill(let w) = self { return Swift.max(1, w) }
    return nil
  }

  var growsWithoutFill: Bool {
    if case .min = self { return true }
    return false
  }
}
