import Engine
import TUI

extension SimulationPane {
  /// The attached run's field (and the compared runs' beside it) as images over the maps'
  /// cells (which `render` leaves blank when the terminal shows images), at the domain's
  /// aspect ratio within the cells' pixels. None in the list view, before a snapshot is
  /// decoded, or when the area is too small.
  public func images(area: Rect, context: PaneRenderContext) -> [ImagePlacement] {
    guard let graphics = context.graphics, area.width >= 40, area.height >= 10, let run = attachedRun,
      let frame, frame.run == run.path, let values = frame.values(fieldName)
    else { return [] }
    let fieldArea = Self.attachedAreas(mainAndModal(area)[0]).field
    var drawn: [(area: Rect, map: FieldMap)] = []
    let maps = comparedMaps(run, context: context)
    if maps.count > 1 {
      let scaleWidth = maps.compactMap { $0.map?.scaleWidth }.max() ?? 0
      let columns = Self.comparedAreas(fieldArea, count: maps.count, scaleWidth: scaleWidth + 1).maps
      drawn = zip(columns, maps).compactMap { column, entry in entry.map.map { (Block(title: "").inner(column), $0) } }
    } else if let map = fieldMap(frame, values: values, context: context) {
      drawn = [(Block(title: "").inner(fieldArea), map)]
    }
    return drawn.compactMap { area, map in
      guard let cells = map.mapCells(in: area) else { return nil }
      let pixels = graphics.pixels(columns: cells.width, rows: cells.height)
      return map.image(maxWidth: pixels.width, maxHeight: pixels.height, theme: context.theme)
        .map { ImagePlacement(area: cells, image: $0) }
    }
  }

  /// Hidden, the pane stops re-listing runs and re-reading the attached one; shown again, it
  /// catches up at once.
  public mutating func visibilityChanged(_ visible: Bool) -> [Effect] {
    isHidden = !visible
    guard visible, listing.requested else { return [] }
    return startListing() + refreshAttached()
  }
}
