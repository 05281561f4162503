import TUI

extension SimulationPane {
  /// The new-run form: the config and its run folder, one line per override (the focused one
  /// marked, an empty one reading "as in the config"), the error of the last Enter, and the keys.
  func renderForm(_ form: NewRunForm, into buffer: inout Buffer, area: Rect, theme: Theme) {
    let block = Block(title: "New run of \(form.config) → \(newRunFolder(for: form.config))", isFocused: true)
    block.render(into: &buffer, area: area, theme: theme)
    let labelWidth = NewRunForm.Field.allCases.map(\.label.count).max() ?? 0
    let dim = Style(foreground: theme.border, background: theme.background)
    let focused = Style(foreground: theme.text, background: theme.selection).adding(.bold)
    var lines: [TextLine] = NewRunForm.Field.allCases.map { field in
      let isFocused = field == form.focus
      let label = (isFocused ? "> " : "  ") + field.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
      let text = form.text(field)
      let value = text.isEmpty ? TextSpan("as in the config", style: isFocused ? focused : dim)
        : TextSpan(text + (isFocused ? "_" : ""), style: isFocused ? focused : theme.textStyle)
      return TextLine([TextSpan(label, style: theme.textStyle), value])
    }
    if let error = form.error {
      lines.append(TextLine(error, style: Style(foreground: theme.error, background: theme.background).adding(.bold)))
    } else {
      lines.append(TextLine(""))
    }
    lines.append(TextLine("Tab/↓ ↑ move · type to edit · Backspace deletes · Enter starts it detached · Esc cancels", style: dim))
    Paragraph(lines: lines, wrap: false).render(into: &buffer, area: block.inner(area), theme: theme)
  }
}
