/// One key and what it does, as shown in the status line and the help overlay. Binding tables
/// (Workbench) turn into these, so hints and help always match what the keys really do.
public struct KeyHint: Hashable, Sendable {
  /// The key's canonical name ("q", "ctrl-l", "tab"); several keys may be joined ("1-6").
  public var key: String
  public var description: String

  public init(key: String, description: String) {
    self.key = key
    self.description = description
  }
}

/// The status-line list of hints: `q quit  ? help  : command`, keys in the theme's hint colour.
/// Hints that do not fit whole are left out rather than cut in the middle.
public struct KeyHints: Widget {
  public var hints: [KeyHint]
  /// Spaces between two hints.
  public var separator: Int

  public init(_ hints: [KeyHint], separator: Int = 2) {
    self.hints = hints
    self.separator = max(1, separator)
  }

  /// The columns the hints need on one line (all of them).
  public var fullWidth: Int {
    hints.enumerated().reduce(0) { total, item in
      total + (item.offset > 0 ? separator : 0) + item.element.key.count + 1 + item.element.description.count
    }
  }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let keyStyle = Style(foreground: theme.hintKey, background: theme.background, attributes: .bold)
    let textStyle = theme.textStyle
    var x = area.x
    for (index, hint) in hints.enumerated() {
      let gap = index > 0 ? separator : 0
      let needed = gap + hint.key.count + 1 + hint.description.count
      if x + needed > area.right { break }
      x += gap
      x = buffer.write(hint.key, x: x, y: area.y, style: keyStyle)
      x = buffer.write(" " + hint.description, x: x, y: area.y, style: textStyle)
    }
  }
}
