/// Where text sits within the width it is given.
public enum HorizontalAlignment: Hashable, Sendable {
  case left, center, right

  /// The column offset of text `length` wide within `width` (never negative).
  func offset(length: Int, width: Int) -> Int {
    switch self {
    case .left: return 0
    case .center: return Swift.max(0, (width - length) / 2)
    case .right: return Swift.max(0, width - length)
    }
  }
}

/// A run of text in one style; `style == nil` takes the style of the widget drawing it.
public struct TextSpan: Hashable, Sendable {
  public var text: String
  public var style: Style?

  public init(_ text: String, style: Style? = nil) {
    self.text = text
    self.style = style
  }
}

/// One line of styled text.
public struct TextLine: Hashable, Sendable, ExpressibleByStringLiteral {
  public var spans: [TextSpan]
  /// Overrides the widget's alignment for this line.
  public var alignment: HorizontalAlignment?

  public init(_ spans: [TextSpan], alignment: HorizontalAlignment? = nil) {
    self.spans = spans
    self.alignment = alignment
  }

  public init(_ text: String, style: Style? = nil, alignment: HorizontalAlignment? = nil) {
    self.init([TextSpan(text, style: style)], alignment: alignment)
  }

  public init(stringLiteral value: String) {
    self.init(value)
  }

  /// Width in columns (every character Glovebox draws is one column wide).
  public var width: Int { spans.reduce(0) { $0 + $1.text.count } }
}

extension String {
  /// The text cut to `width` columns, ending in "…" when something was cut.
  func ellipsized(toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    guard count > width else { return self }
    if width == 1 { return "…" }
    return String(prefix(width - 1)) + "…"
  }
}

extension Buffer {
  /// Writes `text` aligned within a row segment of `width` columns, cut with "…" when too long.
  /// Returns the column after the last character written.
  @discardableResult
  public mutating func writeAligned(
    _ text: String, x: Int, y: Int, width: Int, alignment: HorizontalAlignment, style: Style
  ) -> Int {
    guard width > 0 else { return x }
    let shown = text.ellipsized(toWidth: width)
    let start = x + alignment.offset(length: shown.count, width: width)
    return write(shown, x: start, y: y, style: style, maxWidth: width - (start - x))
  }
}
