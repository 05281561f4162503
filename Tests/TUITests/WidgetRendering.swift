@testable import TUI

/// Draws a widget into a fresh buffer of the given size and returns the buffer, for comparing
/// lines (and cell styles) with what a person would see.
func renderForTest(_ widget: some Widget, width: Int, height: Int, theme: Theme = .dark) -> Buffer {
  var buffer = Buffer(width: width, height: height)
  widget.render(into: &buffer, area: buffer.area, theme: theme)
  return buffer
}
