/// Anything that draws itself into a rectangle of a buffer. Widgets are values: rendering is a
/// pure function of the widget, the area and the theme, and must not trap on any area (0×0 too).
public protocol Widget {
  func render(into buffer: inout Buffer, area: Rect, theme: Theme)
}
