import Formats
import Foundation

extension VTKImageData {
  /// Reads a document written by `xml()` (inline base64 Float64 arrays with a UInt64 header).
  /// - Throws: `InputError` naming the file and line of the first problem (missing extent,
  ///   undecodable base64, wrong array length, unsupported type or format).
  public static func parse(_ text: String, fileName: String? = nil) throws -> VTKImageData {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func fail(_ message: String, _ line: Int?) -> InputError {
      InputError(message, file: fileName, line: line.map { $0 + 1 })
    }
    func attribute(_ name: String, in line: String) -> String? {
      guard let range = line.range(of: " \(name)=\"") else { return nil }
      let rest = line[range.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { return nil }
      return String(rest[..<end])
    }
    guard let headerIndex = lines.firstIndex(where: { $0.contains("<VTKFile") }),
      lines[headerIndex].contains("type=\"ImageData\"")
    else { throw fail("expected a <VTKFile type=\"ImageData\"> element", 0) }
    if let header = attribute("header_type", in: lines[headerIndex]), header != "UInt64" {
      throw fail("expected header_type=\"UInt64\", found \(header)", headerIndex)
    }
    guard let imageIndex = lines.firstIndex(where: { $0.contains("<ImageData") }),
      let extent = attribute("WholeExtent", in: lines[imageIndex]),
      let spacingText = attribute("Spacing", in: lines[imageIndex])
    else { throw fail("expected <ImageData WholeExtent=… Spacing=…>", nil) }
    let e = extent.split(separator: " ").compactMap { Int($0) }
    let s = spacingText.split(separator: " ").compactMap { Double($0) }
    let o = (attribute("Origin", in: lines[imageIndex]) ?? "0 0 0").split(separator: " ").compactMap { Double($0) }
    guard e.count == 6, s.count == 3, o.count == 3, e[1] >= e[0], e[3] >= e[2] else {
      throw fail("expected WholeExtent of 6 integers, Spacing and Origin of 3 numbers", imageIndex)
    }
    var image = VTKImageData(nx: e[1] - e[0] + 1, ny: e[3] - e[2] + 1, spacing: (s[0], s[1]), origin: (o[0], o[1]))
    var inFieldData = false
    var index = imageIndex + 1
    while index < lines.count {
      let line = lines[index]
      if line.contains("<FieldData") { inFieldData = true }
      if line.contains("</FieldData") { inFieldData = false }
      if line.contains("<DataArray") {
        guard let name = attribute("Name", in: line) else { throw fail("DataArray without Name", index) }
        guard attribute("type", in: line) == "Float64", attribute("format", in: line) == "binary" else {
          throw fail("expected DataArray '\(name)' of type Float64 in binary format", index)
        }
        guard index + 1 < lines.count else { throw fail("DataArray '\(name)' has no data", index) }
        let payload = lines[index + 1].trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: payload), data.count >= 8 else {
          throw fail("DataArray '\(name)': data is not valid base64", index + 1)
        }
        let values = try decode(data, name: name, line: index + 1, fail: fail)
        if inFieldData {
          guard values.count == 1 else { throw fail("field data '\(name)' must hold one value", index) }
          image.fieldData.append((name, values[0]))
        } else {
          guard values.count == image.nx * image.ny else {
            throw fail("DataArray '\(name)' has \(values.count) values, expected \(image.nx * image.ny)", index)
          }
          image.pointFields.append((name, values))
        }
        index += 2
        continue
      }
      index += 1
    }
    return image
  }

  private static func decode(_ data: Data, name: String, line: Int,
                             fail: (String, Int?) -> InputError) throws -> [Double] {
    let bytes = [UInt8](data)
    var count: UInt64 = 0
    for b in 0..<8 { count |= UInt64(bytes[b]) << (8 * UInt64(b)) }
    // `Int(exactly:)`: a corrupt header can hold any 64-bit count (beyond Int.max traps).
    guard count % 8 == 0, Int(exactly: count) == bytes.count - 8 else {
      throw fail("DataArray '\(name)': header says \(count) bytes, found \(bytes.count - 8)", line)
    }
    var values = [Double](repeating: 0, count: (bytes.count - 8) / 8)
    for k in 0..<values.count {
      var bits: UInt64 = 0
      for b in 0..<8 { bits |= UInt64(bytes[8 + 8 * k + b]) << (8 * UInt64(b)) }
      values[k] = Double(bitPattern: bits)
    }
    return values
  }
}
