import Lab
import TUI

/// The cell stack drawn to scale: one band per layer, bottom layer at the bottom, each band as
/// many rows as `ProtocolSheet.bandHeights` gives it (proportional to thickness, at least one row
/// so a 100 nm gold film stays visible), coloured by the layer's role and labelled with its
/// thickness. Never traps: a band that gets no rows is left out.
struct StackDrawing: Widget {
  var sheet: ProtocolSheet

  func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let heights = sheet.bandHeights(rows: area.height)
    var bottom = area.bottom
    for (band, height) in zip(sheet.stack, heights) where height > 0 {
      let top = bottom - height
      let rect = Rect(x: area.x, y: max(area.y, top), width: area.width, height: min(height, bottom - area.y))
      guard !rect.isEmpty else { break }
      let color = Self.color(band.role, theme: theme)
      let fill = Style(foreground: theme.background, background: color)
      buffer.fill(rect, with: Cell(" ", style: fill))
      let label = band.thicknessMicrometres == nil ? band.name : "\(band.name) \(band.label)"
      buffer.write(label, x: rect.x + (rect.width > label.count ? 1 : 0), y: rect.y + (rect.height - 1) / 2, style: fill.adding(.bold), maxWidth: rect.width)
      bottom = top
    }
  }

  /// Colours by role from the theme's series, so every theme (16 colours too) tells them apart.
  static func color(_ role: LayerRole, theme: Theme) -> Color {
    switch role {
    case .electrolyte: return theme.seriesColor(2)
    case .interlayer: return theme.seriesColor(4)
    case .cathode: return theme.seriesColor(0)
    case .anode: return theme.seriesColor(5)
    case .electrode: return theme.seriesColor(3)
    case .currentCollector: return theme.border
    }
  }
}
