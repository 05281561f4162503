import Foundation

/// A 2-D VTK ImageData dataset (XML `.vti`): point fields on a uniform nx × ny grid plus scalar
/// field data. Written with inline base64 binary Float64 arrays (little endian, UInt64 size
/// header, VTK XML version 1.0) so ParaView opens it and every double round-trips exactly —
/// the latest snapshot of a run is its restart checkpoint.
public struct VTKImageData: Sendable, Equatable {
  public var nx: Int
  public var ny: Int
  public var spacing: (x: Double, y: Double)
  public var origin: (x: Double, y: Double)
  /// Point arrays in order, each nx·ny values (x fastest).
  public var pointFields: [(name: String, values: [Double])]
  /// Whole-dataset scalars (time, step, …).
  public var fieldData: [(name: String, value: Double)]

  public init(nx: Int, ny: Int, spacing: (x: Double, y: Double), origin: (x: Double, y: Double) = (0, 0),
              pointFields: [(name: String, values: [Double])] = [],
              fieldData: [(name: String, value: Double)] = []) {
    self.nx = nx
    self.ny = ny
    self.spacing = spacing
    self.origin = origin
    self.pointFields = pointFields
    self.fieldData = fieldData
  }

  public static func == (a: VTKImageData, b: VTKImageData) -> Bool {
    a.nx == b.nx && a.ny == b.ny && a.spacing == b.spacing && a.origin == b.origin
      && a.pointFields.map(\.name) == b.pointFields.map(\.name)
      && a.pointFields.map(\.values) == b.pointFields.map(\.values)
      && a.fieldData.map(\.name) == b.fieldData.map(\.name)
      && a.fieldData.map(\.value) == b.fieldData.map(\.value)
  }

  public func pointField(_ name: String) -> [Double]? {
    pointFields.first { $0.name == name }?.values
  }

  public func field(_ name: String) -> Double? {
    fieldData.first { $0.name == name }?.value
  }

  /// Base64 of a UInt64 byte count followed by the little-endian doubles.
  static func encode(_ values: [Double]) -> String {
    var bytes = [UInt8]()
    bytes.reserveCapacity(8 + 8 * values.count)
    withUnsafeBytes(of: UInt64(8 * values.count).littleEndian) { bytes.append(contentsOf: $0) }
    for v in values {
      withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
    return Data(bytes).base64EncodedString()
  }

  /// Shortest exact decimal for attributes (Swift's description round-trips doubles).
  static func number(_ v: Double) -> String { "\(v)" }

  /// The XML document.
  public func xml() -> String {
    let extent = "0 \(nx - 1) 0 \(ny - 1) 0 0"
    var out = "<?xml version=\"1.0\"?>\n"
    out += "<VTKFile type=\"ImageData\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\">\n"
    out += "  <ImageData WholeExtent=\"\(extent)\" Origin=\"\(Self.number(origin.x)) \(Self.number(origin.y)) 0\""
    out += " Spacing=\"\(Self.number(spacing.x)) \(Self.number(spacing.y)) 1\">\n"
    if !fieldData.isEmpty {
      out += "    <FieldData>\n"
      for item in fieldData {
        out += "      <DataArray type=\"Float64\" Name=\"\(item.name)\" NumberOfTuples=\"1\" format=\"binary\">\n"
        out += "        \(Self.encode([item.value]))\n      </DataArray>\n"
      }
      out += "    </FieldData>\n"
    }
    out += "    <Piece Extent=\"\(extent)\">\n"
    out += "      <PointData Scalars=\"\(pointFields.first?.name ?? "")\">\n"
    for field in pointFields {
      out += "        <DataArray type=\"Float64\" Name=\"\(field.name)\" format=\"binary\">\n"
      out += "          \(Self.encode(field.values))\n        </DataArray>\n"
    }
    out += "      </PointData>\n      <CellData>\n      </CellData>\n    </Piece>\n  </ImageData>\n</VTKFile>\n"
    return out
  }
}
