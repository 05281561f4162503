import Formats

/// A 2-D VTK ImageData dataset (XML `.vti`): point fields on a uniform nx × ny grid plus scalar
/// field data. Written with inline base64 binary Float64 arrays (little endian, UInt64 size
/// header, VTK XML version 1.0), zlib-compressed by default, so ParaView opens it and every
/// double round-trips exactly — the latest snapshot of a run is its restart checkpoint.
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

  /// Base64 of a UInt64 byte count followed by the little-endian doubles: the uncompressed
  /// inline binary layout of VTK XML files (and of this program's snapshots before 2026-12).
  static func encode(_ values: [Double]) -> String {
    String(decoding: Base64.encode(rawPayload(values)), as: UTF8.self)
  }

  static func rawPayload(_ values: [Double]) -> [UInt8] {
    var bytes = [UInt8]()
    bytes.reserveCapacity(8 + 8 * values.count)
    withUnsafeBytes(of: UInt64(8 * values.count).littleEndian) { bytes.append(contentsOf: $0) }
    appendLittleEndian(values, to: &bytes)
    return bytes
  }

  static func appendLittleEndian(_ values: [Double], to bytes: inout [UInt8]) {
    #if _endian(little)
      values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    #else
      for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
    #endif
  }

  /// Shortest exact decimal for attributes (Swift's description round-trips doubles).
  static func number(_ v: Double) -> String { "\(v)" }

  /// The XML document as text (see `document(encoding:)`).
  public func xml(encoding: VTKArrayEncoding = .zlib) -> String {
    String(decoding: document(encoding: encoding), as: UTF8.self)
  }

  /// The XML document's bytes. With `.zlib` the arrays are compressed as VTK's
  /// `vtkZLibDataCompressor` writes them (see `VTKArrayEncoding`); should zlib fail (only out of
  /// memory can make it), the whole document is written uncompressed instead, which holds the
  /// same doubles and reads back the same.
  public func document(encoding: VTKArrayEncoding = .zlib) -> [UInt8] {
    if encoding == .zlib, let compressed = try? document(payload: VTKArrayEncoding.zlibPayload, compressor: true) {
      return compressed
    }
    // The raw payload cannot fail.
    return (try? document(payload: { Base64.encode(Self.rawPayload($0)) }, compressor: false)) ?? []
  }

  private func document(payload: ([Double]) throws -> [UInt8], compressor: Bool) throws -> [UInt8] {
    let extent = "0 \(nx - 1) 0 \(ny - 1) 0 0"
    var out = [UInt8]()
    out.reserveCapacity(compressor ? 1 << 20 : 11 * nx * ny * (pointFields.count + 1))
    func put(_ text: String) { out.append(contentsOf: text.utf8) }
    put("<?xml version=\"1.0\"?>\n")
    put("<VTKFile type=\"ImageData\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\"")
    put(compressor ? " compressor=\"vtkZLibDataCompressor\">\n" : ">\n")
    put("  <ImageData WholeExtent=\"\(extent)\" Origin=\"\(Self.number(origin.x)) \(Self.number(origin.y)) 0\"")
    put(" Spacing=\"\(Self.number(spacing.x)) \(Self.number(spacing.y)) 1\">\n")
    if !fieldData.isEmpty {
      put("    <FieldData>\n")
      for item in fieldData {
        put("      <DataArray type=\"Float64\" Name=\"\(item.name)\" NumberOfTuples=\"1\" format=\"binary\">\n        ")
        out.append(contentsOf: try payload([item.value]))
        put("\n      </DataArray>\n")
      }
      put("    </FieldData>\n")
    }
    put("    <Piece Extent=\"\(extent)\">\n")
    put("      <PointData Scalars=\"\(pointFields.first?.name ?? "")\">\n")
    for field in pointFields {
      put("        <DataArray type=\"Float64\" Name=\"\(field.name)\" format=\"binary\">\n          ")
      out.append(contentsOf: try payload(field.values))
      put("\n        </DataArray>\n")
    }
    put("      </PointData>\n      <CellData>\n      </CellData>\n    </Piece>\n  </ImageData>\n</VTKFile>\n")
    return out
  }
}
