import Formats
import Foundation

extension VTKImageData {
  /// Reads a `.vti` document held in a string (see `parse(bytes:fileName:including:)`).
  public static func parse(_ text: String, fileName: String? = nil,
                           including include: (String) -> Bool = { _ in true }) throws -> VTKImageData {
    var text = text
    return try text.withUTF8 { try parse(bytes: UnsafeRawBufferPointer($0), fileName: fileName, including: include) }
  }

  /// Reads a `.vti` file, memory-mapped where the system allows it.
  /// - Throws: `InputError` naming the file when it cannot be read or is malformed.
  public static func read(path: String, including include: (String) -> Bool = { _ in true }) throws -> VTKImageData {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
    } catch {
      throw InputError("cannot be read (\(error.localizedDescription))", file: path)
    }
    return try data.withUnsafeBytes { try parse(bytes: $0, fileName: path, including: include) }
  }

  /// Reads ImageData written by `document(encoding:)` or by VTK/ParaView with inline binary
  /// Float64 arrays: uncompressed or `vtkZLibDataCompressor` (see `VTKArrayEncoding`), UInt32
  /// or UInt64 headers (UInt32 when `header_type` is absent, as the format says), little endian.
  /// Point arrays whose name `include` refuses are skipped without being decoded (a viewer
  /// wants a few of a checkpoint's ten); field data is always read.
  /// - Throws: `InputError` naming the file and line of the first problem (missing extent,
  ///   undecodable base64 or zlib, wrong array length, unsupported type, format or compressor).
  public static func parse(bytes: UnsafeRawBufferPointer, fileName: String? = nil,
                           including include: (String) -> Bool = { _ in true }) throws -> VTKImageData {
    var scanner = VTKTagScanner(bytes: bytes, fileName: fileName)
    var tag = try scanner.next()
    guard let file = tag, file.name == "VTKFile", file.attributes["type"] == "ImageData" else {
      throw scanner.failure("expected a <VTKFile type=\"ImageData\"> element", at: tag?.start ?? 0)
    }
    var layout = VTKArrayLayout(wordSize: 4, compressed: false)
    switch file.attributes["header_type"] {
    case nil, "UInt32": layout.wordSize = 4
    case "UInt64": layout.wordSize = 8
    case let other?: throw scanner.failure("expected header_type=\"UInt64\" or \"UInt32\", found \(other)", at: file.start)
    }
    if let order = file.attributes["byte_order"], order != "LittleEndian" {
      throw scanner.failure("expected byte_order=\"LittleEndian\", found \(order)", at: file.start)
    }
    switch file.attributes["compressor"] {
    case nil, "": layout.compressed = false
    case "vtkZLibDataCompressor": layout.compressed = true
    case let other?: throw scanner.failure("expected no compressor or vtkZLibDataCompressor, found \(other)", at: file.start)
    }
    tag = try scanner.next()
    guard let imageTag = tag, imageTag.name == "ImageData", let extent = imageTag.attributes["WholeExtent"],
      let spacingText = imageTag.attributes["Spacing"]
    else { throw scanner.failure("expected <ImageData WholeExtent=… Spacing=…>", at: tag?.start ?? 0) }
    let e = extent.split(separator: " ").compactMap { Int($0) }
    let s = spacingText.split(separator: " ").compactMap { Double($0) }
    let o = (imageTag.attributes["Origin"] ?? "0 0 0").split(separator: " ").compactMap { Double($0) }
    guard e.count == 6, s.count == 3, o.count == 3, e[1] >= e[0], e[3] >= e[2], e[5] == e[4] else {
      throw scanner.failure("expected a 2-D WholeExtent of 6 integers, Spacing and Origin of 3 numbers", at: imageTag.start)
    }
    // VTK 9 writes the identity Direction; a rotated grid would be drawn wrongly, so refuse it.
    if let direction = imageTag.attributes["Direction"],
      direction.split(separator: " ").compactMap({ Double($0) }) != [1, 0, 0, 0, 1, 0, 0, 0, 1] {
      throw scanner.failure("expected the identity Direction, found \(direction)", at: imageTag.start)
    }
    let (nx, nxOverflow) = (e[1] - e[0]).addingReportingOverflow(1)
    let (ny, nyOverflow) = (e[3] - e[2]).addingReportingOverflow(1)
    let (points, pointsOverflow) = nx.multipliedReportingOverflow(by: ny)
    // 2^31 doubles (16 GiB) is far beyond any run this program makes; a larger extent is corrupt.
    guard !nxOverflow, !nyOverflow, !pointsOverflow, points <= 1 << 31 else {
      throw scanner.failure("WholeExtent \(extent) is too large", at: imageTag.start)
    }
    var image = VTKImageData(nx: nx, ny: ny, spacing: (s[0], s[1]), origin: (o[0], o[1]))
    var section = ""
    var closed = false
    while let t = try scanner.next() {
      if t.name == "VTKFile" && t.isEnd {
        closed = true
        break
      }
      if t.name == "FieldData" || t.name == "PointData" || t.name == "CellData" {
        section = t.isEnd || t.isEmptyElement ? "" : t.name
        continue
      }
      guard t.name == "DataArray", !t.isEnd else { continue }
      guard let name = t.attributes["Name"] else { throw scanner.failure("DataArray without Name", at: t.start) }
      guard section == "FieldData" || section == "PointData" else {
        throw scanner.failure("DataArray '\(name)' outside FieldData and PointData (cell data is not read)", at: t.start)
      }
      guard t.attributes["type"] == "Float64", t.attributes["format"] == "binary" else {
        throw scanner.failure("expected DataArray '\(name)' of type Float64 in binary format", at: t.start)
      }
      guard !t.isEmptyElement else { throw scanner.failure("DataArray '\(name)' has no data", at: t.start) }
      var payload = scanner.text()
      // Messages point at the data's own line, not the end of the tag's.
      while payload.lowerBound < payload.upperBound, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[payload.lowerBound]) {
        payload = (payload.lowerBound + 1)..<payload.upperBound
      }
      guard let close = try scanner.next(), close.name == "DataArray", close.isEnd else {
        throw scanner.failure("expected </DataArray> after the data of '\(name)'", at: payload.upperBound)
      }
      if section == "FieldData" {
        let values = try layout.decode(payload, count: 1, name: name, scanner: scanner)
        image.fieldData.append((name, values[0]))
      } else if include(name) {
        image.pointFields.append((name, try layout.decode(payload, count: points, name: name, scanner: scanner)))
      }
    }
    // A torn write (power loss, full disk) can stop after whole arrays: still not a snapshot.
    guard closed else { throw scanner.failure("the file ends before </VTKFile> (truncated?)", at: bytes.count) }
    return image
  }
}
