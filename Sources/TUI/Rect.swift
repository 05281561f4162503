/// A rectangle of cells: origin at the top left, x to the right, y down.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  /// Negative sizes are clamped to zero so that arithmetic on small areas never traps.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

  public var area: Int { width * height }
  public var isEmpty: Bool { width == 0 || height == 0 }
  public var left: Int { x }
  public var top: Int { y }
  /// One past the last column.
  public var right: Int { x + width }
  /// One past the last row.
  public var bottom: Int { y + height }

  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < right && py >= y && py < bottom
  }

  /// The rectangle shrunk by `margin` on every side (empty when too small).
  public func inset(by margin: Int) -> Rect {
    inset(horizontal: margin, vertical: margin)
  }

  public func inset(horizontal: Int, vertical: Int) -> Rect {
    Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
  }

  /// The overlap of two rectangles (empty, at self's origin, when they do not overlap).
  public func intersection(_ other: Rect) -> Rect {
    let nx = max(x, other.x)
    let ny = max(y, other.y)
    let nr = min(right, other.right)
    let nb = min(bottom, other.bottom)
    if nr <= nx || nb <= ny { return Rect(x: nx, y: ny, width: 0, height: 0) }
    return Rect(x: nx, y: ny, width: nr - nx, height: nb - ny)
  }

  public var description: String { "Rect(\(x),\(y) \(width)×\(height))" }
}
