/// Splits rectangles by constraints. The rules, chosen so that panes never overlap and a layout
/// never traps on a tiny terminal:
/// 1. Spacing between segments is reduced when the area cannot hold it.
/// 2. Every segment gets its base size (`Constraint.base`).
/// 3. When the bases overflow, all segments shrink in proportion (largest remainder), so the
///    segments fill the area exactly and no size is negative.
/// 4. Leftover space goes to `fill` segments by weight; without fills, to `min` segments equally;
///    without either, it stays unused after the last segment.
public enum Layout {
  public enum Direction: Hashable, Sendable {
    /// Segments side by side, left to right.
    case horizontal
    /// Segments stacked, top to bottom.
    case vertical
  }

  public static func split(
    _ rect: Rect, direction: Direction, _ constraints: [Constraint], spacing: Int = 0
  ) -> [Rect] {
    let total = direction == .horizontal ? rect.width : rect.height
    let sizes = sizes(total: total, constraints: constraints, spacing: spacing)
    let gap = effectiveSpacing(total: total, count: constraints.count, spacing: spacing)
    var rects: [Rect] = []
    rects.reserveCapacity(sizes.count)
    var position = direction == .horizontal ? rect.x : rect.y
    for size in sizes {
      switch direction {
      case .horizontal: rects.append(Rect(x: position, y: rect.y, width: size, height: rect.height))
      case .vertical: rects.append(Rect(x: rect.x, y: position, width: rect.width, height: size))
      }
      position += size + gap
    }
    return rects
  }

  /// The sizes along the split direction, before positions are assigned.
  public static func sizes(total: Int, constraints: [Constraint], spacing: Int = 0) -> [Int] {
    let count = constraints.count
    guard count > 0 else { return [] }
    let total = Swift.max(0, total)
    let gap = effectiveSpacing(total: total, count: count, spacing: spacing)
    let available = total - gap * (count - 1)
    var sizes = constraints.map { $0.base(of: available) }
    for (i, constraint) in constraints.enumerated() {
      if case .max(let n) = constraint { sizes[i] = Swift.min(sizes[i], Swift.max(0, n)) }
    }
    let requested = sizes.reduce(0, +)
    if requested > available {
      sizes = shareOut(available, weights: sizes)
    } else if requested < available {
      let leftover = available - requested
      let fillWeights = constraints.map { $0.fillWeight ?? 0 }
      if fillWeights.contains(where: { $0 > 0 }) {
        let extra = shareOut(leftover, weights: fillWeights)
        for i in sizes.indices { sizes[i] += extra[i] }
      } else {
        let growWeights = constraints.map { $0.growsWithoutFill ? 1 : 0 }
        if growWeights.contains(1) {
          let extra = shareOut(leftover, weights: growWeights)
          for i in sizes.indices { sizes[i] += extra[i] }
        }
      }
    }
    return sizes
  }

  static func effectiveSpacing(total: Int, count: Int, spacing: Int) -> Int {
    guard count > 1 else { return 0 }
    return Swift.min(Swift.max(0, spacing), Swift.max(0, total) / (count - 1))
  }

  /// Divides `amount` into integer parts proportional to `weights` that sum exactly to `amount`
  /// (largest-remainder method; ties go to the earlier segment). All-zero weights give zeros.
  static func shareOut(_ amount: Int, weights: [Int]) -> [Int] {
    let totalWeight = weights.reduce(0) { $0 + Swift.max(0, $1) }
    guard totalWeight > 0, amount > 0 else { return Array(repeating: 0, count: weights.count) }
    var parts = weights.map { Swift.max(0, $0) * amount / totalWeight }
    var remainders = weights.enumerated().map { (index: $0.offset, rest: Swift.max(0, $0.element) * amount % totalWeight) }
    var missing = amount - parts.reduce(0, +)
    remainders.sort { $0.rest != $1.rest ? $0.rest > $1.rest : $0.index < $1.index }
    var k = 0
    while missing > 0, !remainders.isEmpty {
      parts[remainders[k % remainders.count].index] += 1
      missing -= 1
      k += 1
    }
    return parts
  }
}

extension Rect {
  /// Shorthand for `Layout.split(self, direction: .horizontal, ...)`.
  public func columns(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
    Layout.split(self, direction: .horizontal, constraints, spacing: spacing)
  }

  /// Shorthand for `Layout.split(self, direction: .vertical, ...)`.
  public func rows(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
    Layout.split(self, direction: .vertical, constraints, spacing: spacing)
  }
}
