/// A small picture of a snapshot's viewable fields, written beside it as
/// `fields/step_NNNNNNNNN.preview`, so a viewer that shows at most a few hundred points per
/// axis reads about a megabyte instead of inflating a 1024² checkpoint (45 MB, ~0.25 s).
/// ParaView ignores the file (it opens `.vti`); the checkpoint itself is untouched and stays
/// the bit-exact restart state.
///
/// Layout (all little-endian, no padding):
/// - magic `GBPREVW1` (8 bytes);
/// - UInt32 sourceColumns, sourceRows (the snapshot's grid), columns, rows (this grid);
/// - Float64 time (s), originX, originY (m), spacingX, spacingY (m per point of this grid);
/// - UInt32 field count, then per field: UInt16 name length, the UTF-8 name, and
///   `columns · rows` Float32 values, row-major, row 0 the grid's first row.
///
/// Values are Float32: a preview is for drawing (7 significant digits), never for restart.
public struct SnapshotPreview: Equatable, Sendable {
  public static let magic: [UInt8] = Array("GBPREVW1".utf8)
  /// The file extension beside `.vti`.
  public static let fileExtension = "preview"
  /// The most points per axis a preview holds (what the Simulation pane draws at most).
  public static let maximumSide = 256
  /// Refuse grids beyond this many points per axis or fields beyond this count (a
  /// corrupt header must not ask for gigabytes).
  public static let largestSide = 1 << 16
  public static let largestFieldCount = 64

  public var sourceColumns: Int
  public var sourceRows: Int
  public var columns: Int
  public var rows: Int
  public var time: Double
  public var originX: Double
  public var originY: Double
  public var spacingX: Double
  public var spacingY: Double
  /// (DataArray name, `columns · rows` values) in the snapshot's viewable order.
  public var fields: [(name: String, values: [Float])]

  public init(sourceColumns: Int, sourceRows: Int, columns: Int, rows: Int, time: Double, originX: Double, originY: Double,
              spacingX: Double, spacingY: Double, fields: [(name: String, values: [Float])]) {
    self.sourceColumns = sourceColumns
    self.sourceRows = sourceRows
    self.columns = columns
    self.rows = rows
    self.time = time
    self.originX = originX
    self.originY = originY
    self.spacingX = spacingX
    self.spacingY = spacingY
    self.fields = fields
  }

  public static func == (a: SnapshotPreview, b: SnapshotPreview) -> Bool {
    a.sourceColumns == b.sourceColumns && a.sourceRows == b.sourceRows && a.columns == b.columns && a.rows == b.rows
      && a.time.bitPattern == b.time.bitPattern && a.originX.bitPattern == b.originX.bitPattern
      && a.originY.bitPattern == b.originY.bitPattern && a.spacingX.bitPattern == b.spacingX.bitPattern
      && a.spacingY.bitPattern == b.spacingY.bitPattern && a.fields.map(\.name) == b.fields.map(\.name)
      && a.fields.map { $0.values.map(\.bitPattern) } == b.fields.map { $0.values.map(\.bitPattern) }
  }

  /// The preview's file name for a snapshot file name (`step_…vti` → `step_….preview`).
  public static func fileName(forSnapshot name: String) -> String {
    (name.hasSuffix(".vti") ? String(name.dropLast(4)) : name) + "." + fileExtension
  }

  /// The reduced grid a viewer asking for at most `maxColumns × maxRows` points draws of an
  /// `nx × ny` grid: one reduction factor f = max(1, nx/maxColumns, ny/maxRows) for both axes
  /// (points stay square), each side round(n/f) clamped to 1…n.
  public static func reducedSize(nx: Int, ny: Int, maxColumns: Int, maxRows: Int) -> (columns: Int, rows: Int) {
    let factor = max(1, Double(nx) / Double(max(1, maxColumns)), Double(ny) / Double(max(1, maxRows)))
    return (max(1, min(nx, Int((Double(nx) / factor).rounded()))), max(1, min(ny, Int((Double(ny) / factor).rounded()))))
  }

  /// The bytes of the file.
  public func encoded() -> [UInt8] {
    var out = Self.magic
    out.reserveCapacity(80 + fields.reduce(0) { $0 + 2 + $1.name.utf8.count + 4 * $1.values.count })
    func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    func put64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
    for side in [sourceColumns, sourceRows, columns, rows] { put32(UInt32(clamping: side)) }
    for value in [time, originX, originY, spacingX, spacingY] { put64(value) }
    put32(UInt32(clamping: fields.count))
    for field in fields {
      let name = Array(field.name.utf8.prefix(Int(UInt16.max)))
      withUnsafeBytes(of: UInt16(name.count).littleEndian) { out.append(contentsOf: $0) }
      out += name
      #if _endian(little)
        field.values.withUnsafeBytes { out.append(contentsOf: $0) }
      #else
        for value in field.values { put32(value.bitPattern) }
      #endif
    }
    return out
  }
}
