import Engine
import TUI

extension SimulationPane {
  /// The attached run's field as an image over the map's cells (which `render` leaves blank
  /// when the terminal shows images), at the domain's aspect ratio within the cells' pixels.
  /// None in the list view, before a snapshot is decoded, or when the area is too small.
  public func images(area: Rect, context: PaneRenderContext) -> [ImagePlacement] {
    guard let graphics = context.graphics, area.width >= 40, area.height >= 10, let run = attachedRun,
      let frame, frame.run == run.path, let values = frame.values(fieldName)
    else { return [] }
    let fieldArea = Self.attachedAreas(mainAndModal(area)[0]).field
    guard let map = fieldMap(frame, values: values, context: context),
      let cells = map.mapCells(in: Block(title: "").inner(fieldArea))
    else { return [] }
    let pixels = graphics.pixels(columns: cells.width, rows: cells.height)
    guard let image = map.image(maxWidth: pixels.width, maxHeight: pixels.height, theme: context.theme) else { return [] }
    return [ImagePlacement(area: cells, image: image)]
  }

  /// Hidden, the pane stops re-listing runs and re-reading the attached one; shown again, it
  /// catches up at once.
  public mutating func visibilityChanged(_ visible: Bool) -> [Effect] {
    isHidden = !visible
    guard visible, listing.requested else { return [] }
    return startListing() + refreshAttached()
  }
}
