import Engine
import TUI

extension SnapshotPreview {
  /// The preview of a snapshot image: each viewable point field block-averaged
  /// (`FieldDownsample.blockAverage`, non-finite points left out of a block's mean) to
  /// `SnapshotPreview.reducedSize` of at most `maximumSide` points per axis, the domain's extent
  /// kept (reduced spacing = spacing · n / reduced n), the time from the field data `time`.
  /// Nil when the image has no time or no viewable field (nothing to preview honestly).
  public static func make(from image: VTKImageData, maxSide: Int = maximumSide) -> SnapshotPreview? {
    guard image.nx > 0, image.ny > 0, let time = image.field("time"), time.isFinite else { return nil }
    let (columns, rows) = reducedSize(nx: image.nx, ny: image.ny, maxColumns: maxSide, maxRows: maxSide)
    let region = GridRegion(x: 0, y: 0, width: image.nx, height: image.ny)
    let viewable = SnapshotField.viewable(among: image.pointFields.map(\.name))
    let fields = viewable.compactMap { field -> (name: String, values: [Float])? in
      guard let values = image.pointField(field.name), values.count == image.nx * image.ny else { return nil }
      let reduced = FieldDownsample.blockAverage(values, columns: image.nx, rows: image.ny, region: region,
                                                 outputColumns: columns, outputRows: rows)
      return (field.name, reduced.map { Float($0) })
    }
    guard !fields.isEmpty else { return nil }
    return SnapshotPreview(sourceColumns: image.nx, sourceRows: image.ny, columns: columns, rows: rows, time: time,
                           originX: image.origin.x, originY: image.origin.y,
                           spacingX: image.spacing.x * Double(image.nx) / Double(columns),
                           spacingY: image.spacing.y * Double(image.ny) / Double(rows), fields: fields)
  }
}
