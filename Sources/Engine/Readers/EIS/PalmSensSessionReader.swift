import Formats
import Foundation

/// Reads PalmSens PSTrace `.pssession` files: UTF-16 (little-endian with a byte-order mark)
/// JSON whose `Measurements` each hold a `DataSet`; those of an EIS type give one spectrum each,
/// from the `Values` arrays whose `Unit.Type` is `…Hertz`, `…ZRe` and `…ZIm`, each point an
/// object `{"V": value}`. The imaginary array says its sign in `Unit.Q`: `-Z''` (what PSTrace
/// writes: positive for a capacitive response, so it is negated) or `Z''`; any other is refused
/// rather than guessed. Units are read from `Unit.S` (Hz, Ω, kΩ, …). Errors give the line of
/// the decoded text.
enum PalmSensSessionReader {
  /// The session's text as UTF-8: UTF-16 by its byte-order mark, else UTF-8; the NULs and
  /// byte-order marks PSTrace leaves at the ends are dropped.
  static func text(_ data: Data) -> [UInt8] {
    var string: String
    if data.starts(with: [0xFF, 0xFE]) {
      string = String(decoding: utf16Units(data.dropFirst(2), bigEndian: false), as: UTF16.self)
    } else if data.starts(with: [0xFE, 0xFF]) {
      string = String(decoding: utf16Units(data.dropFirst(2), bigEndian: true), as: UTF16.self)
    } else {
      string = String(decoding: data, as: UTF8.self)
    }
    let junk: (Character) -> Bool = { $0 == "\u{FEFF}" || $0 == "\u{0}" || $0.isWhitespace }
    while let last = string.last, junk(last) { string.removeLast() }
    while let first = string.first, junk(first) { string.removeFirst() }
    return Array(string.utf8)
  }

  private static func utf16Units(_ bytes: Data, bigEndian: Bool) -> [UInt16] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
      units.append(bigEndian ? a << 8 | b : b << 8 | a)
      index += 2
    }
    return units
  }

  static func read(_ data: Data, fileName: String) throws -> [ImpedanceSpectrum] {
    let root = try JSONNode.parse(text(data), fileName: fileName)
    func fail(_ message: String, _ line: Int) -> InputError { InputError(message, file: fileName, line: line) }
    guard let measurements = root["Measurements"]?.array else {
      throw fail("expected a PalmSens session with a \"Measurements\" array", root.line)
    }
    var spectra: [ImpedanceSpectrum] = []
    for (position, measurement) in measurements.enumerated() {
      guard let dataSet = measurement["DataSet"], let type = dataSet["Type"]?.string else {
        throw fail("expected \"DataSet\" with a \"Type\" in measurement \(position + 1)", measurement.line)
      }
      guard type.contains("EIS") else { continue }
      guard let values = dataSet["Values"]?.array else {
        throw fail("expected a \"Values\" array in the EIS data set of measurement \(position + 1)", dataSet.line)
      }
      let title = measurement["Title"]?.string ?? "measurement \(position + 1)"
      var arrays: [String: (node: JSONNode, unit: JSONNode)] = [:]
      for array in values {
        guard let unit = array["Unit"], let unitType = unit["Type"]?.string else { continue }
        for kind in ["Hertz", "ZRe", "ZIm"] where unitType.hasSuffix("." + kind) && arrays[kind] == nil {
          arrays[kind] = (array, unit)
        }
      }
      guard let f = arrays["Hertz"], let re = arrays["ZRe"], let im = arrays["ZIm"] else {
        let missing = ["Hertz", "ZRe", "ZIm"].filter { arrays[$0] == nil }.joined(separator: ", ")
        throw fail("expected frequency, Z' and Z'' arrays in EIS measurement '\(title)', found none of unit \(missing)", dataSet.line)
      }
      let frequencyColumn = try column(f, index: 0, quantity: .frequency, fail: fail)
      let realColumn = try column(re, index: 1, quantity: .real, fail: fail)
      let sign = im.unit["Q"]?.string
      let imaginaryQuantity: ImpedanceQuantity
      switch sign {
      case "-Z''": imaginaryQuantity = .negativeImaginary
      case "Z''": imaginaryQuantity = .imaginary
      default:
        throw fail("expected the ZIm array's Unit.Q to be \"-Z''\" or \"Z''\" (its sign), found \(sign.map { "\"\($0)\"" } ?? "none")", im.unit.line)
      }
      let imaginaryColumn = try column(im, index: 2, quantity: imaginaryQuantity, fail: fail)
      let layout = ImpedanceColumnLayout(frequency: frequencyColumn.column, first: realColumn.column, second: imaginaryColumn.column)
      let all = [frequencyColumn.values, realColumn.values, imaginaryColumn.values]
      guard all[1].count == all[0].count, all[2].count == all[0].count else {
        throw fail("expected as many Z' and Z'' values as frequencies (\(all[0].count)) in '\(title)', found \(all[1].count) and \(all[2].count)", dataSet.line)
      }
      var points = ImpedanceColumnAccumulator(layout: layout)
      for row in 0..<all[0].count {
        try points.append(value: { all[$0.index][row].value }, place: { column, message in fail(message, all[column.index][row].line) })
      }
      guard points.count > 0 else { throw fail("expected points in EIS measurement '\(title)', found none", dataSet.line) }
      spectra.append(points.spectrum(name: "\(fileName) [\(title)]", metadata: ["format": "pssession", "title": title]))
    }
    guard !spectra.isEmpty else { throw fail("expected an EIS measurement in the session, found none", root.line) }
    return spectra
  }

  /// One `Values` array: its numbers (`V` of each point) and its column (unit scale from `Unit.S`).
  private static func column(_ array: (node: JSONNode, unit: JSONNode), index: Int, quantity: ImpedanceQuantity, fail: (String, Int) -> InputError) throws -> (column: ImpedanceColumnLayout.Column, values: [(value: Double, line: Int)]) {
    let symbol = array.unit["S"]?.string ?? ""
    let fits = quantity == .frequency ? symbol.lowercased().hasSuffix("hz") : (symbol.hasSuffix("Ω") || symbol.lowercased().hasSuffix("ohm"))
    guard fits, let scale = ImpedanceColumnNames.unitFactor(symbol) else {
      throw fail("expected a unit of \(quantity == .frequency ? "frequency (Hz)" : "impedance (Ω)"), found \"\(symbol)\"", array.unit.line)
    }
    guard let points = array.node["DataValues"]?.array else {
      throw fail("expected a \"DataValues\" array", array.node.line)
    }
    let values = try points.map { point -> (value: Double, line: Int) in
      guard let v = point["V"]?.number else { throw fail("expected a point {\"V\": number}", point.line) }
      return (v, point.line)
    }
    let name = array.unit["Q"]?.string ?? quantity.rawValue
    return (ImpedanceColumnLayout.Column(index: index, quantity: quantity, scale: scale, name: name), values)
  }
}
