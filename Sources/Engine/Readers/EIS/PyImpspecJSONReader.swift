import Formats
import Foundation

/// Reads pyimpspec's JSON files. Two shapes are written by it:
/// - a pandas data frame in columns (`{"f (Hz)": {"0": 10000, "1": …}, "Re(Z) (ohm)": {…},
///   "Im(Z) (ohm)": {…}, …}`), rows keyed by their index;
/// - a `DataSet.to_dict` (`{"frequencies": […], "real_impedances": […],
///   "imaginary_impedances": […], "mask": {"3": true}, "label": …, "version": 2}`).
/// Either way each member holding numbers is a column and its name says what it holds (the
/// names of `ImpedanceColumnNames`); Im(Z) is Z'' (negative capacitive) as pyimpspec stores it.
/// Points a `mask` marks true are left out (pyimpspec omits them from every analysis) and the
/// count is recorded in the metadata. Errors give the line of the offending value.
enum PyImpspecJSONReader {
  static func read(_ data: Data, fileName: String) throws -> [ImpedanceSpectrum] {
    let root = try JSONNode.parse([UInt8](data), fileName: fileName)
    guard let members = root.members else {
      throw InputError("expected a JSON object of columns (pyimpspec's data frame or DataSet), found another value", file: fileName, line: root.line)
    }
    func fail(_ message: String, _ line: Int) -> InputError { InputError(message, file: fileName, line: line) }
    if let version = root["version"] {
      guard let v = version.number, v == 1 || v == 2 else {
        throw fail("expected pyimpspec DataSet version 1 or 2, found \(version.number.map { String($0) } ?? "a non-number")", version.line)
      }
    }
    // Columns: members whose value is an array of numbers or an object of index → number.
    var names: [Substring] = []
    var columns: [[(value: Double, line: Int)]] = []
    var memberLines: [Int] = []
    for member in members where member.name != "mask" {
      guard let values = try column(member.node, name: member.name, fail: fail) else { continue }
      names.append(Substring(member.name))
      columns.append(values)
      memberLines.append(member.node.line)
    }
    let layout: ImpedanceColumnLayout
    do {
      layout = try ImpedanceColumnLayout.fromHeader(names, describe: "JSON object's members")
    } catch let error as InputError {
      throw fail(error.message + "; the numeric members: " + names.joined(separator: ", "), root.line)
    }
    let length = columns[layout.frequency.index].count
    for index in [layout.first.index, layout.second.index] where columns[index].count != length {
      throw fail("expected \(length) values in \"\(names[index])\" as in \"\(names[layout.frequency.index])\", found \(columns[index].count)", memberLines[index])
    }
    let masked = try maskedIndices(root["mask"], length: length, fail: fail)
    var points = ImpedanceColumnAccumulator(layout: layout)
    for row in 0..<length where !masked.contains(row) {
      try points.append(
        value: { columns[$0.index][row].value },
        place: { column, message in fail(message, columns[column.index][row].line) })
    }
    guard points.count > 0 else { throw fail("expected at least one unmasked point, found none", root.line) }
    var metadata = ["format": "pyimpspec-json"]
    if !masked.isEmpty { metadata["masked points left out"] = String(masked.count) }
    let label = root["label"]?.string.flatMap { $0.isEmpty ? nil : $0 }
    return [points.spectrum(name: label.map { "\(fileName) [\($0)]" } ?? fileName, metadata: metadata)]
  }

  /// The numbers of a column, in row order; nil for a member that is not a column (a label).
  private static func column(_ node: JSONNode, name: String, fail: (String, Int) -> InputError) throws -> [(value: Double, line: Int)]? {
    switch node.value {
    case .array(let elements):
      return try elements.map { element in
        guard let x = element.number else { throw fail("expected a number in \"\(name)\", found another value", element.line) }
        return (x, element.line)
      }
    case .object(let entries):
      guard !entries.isEmpty else { return nil }
      // pandas writes the row index as the key, in order "0", "1", …; any other order is
      // a file edited by hand and would silently reorder the spectrum, so it is refused.
      return try entries.enumerated().map { position, entry in
        guard Int(entry.name) == position else {
          throw fail("expected row index \"\(position)\" in \"\(name)\", found \"\(entry.name)\"", entry.node.line)
        }
        guard let x = entry.node.number else { throw fail("expected a number at \"\(name)\"[\"\(entry.name)\"], found another value", entry.node.line) }
        return (x, entry.node.line)
      }
    default:
      return nil
    }
  }

  private static func maskedIndices(_ mask: JSONNode?, length: Int, fail: (String, Int) -> InputError) throws -> Set<Int> {
    guard let mask else { return [] }
    guard let entries = mask.members else { throw fail("expected \"mask\" to be an object of index → true/false", mask.line) }
    var out: Set<Int> = []
    for entry in entries {
      guard let index = Int(entry.name), index >= 0, index < length else {
        throw fail("expected a mask index from 0 to \(length - 1), found \"\(entry.name)\"", entry.node.line)
      }
      guard case .bool(let hidden) = entry.node.value else {
        throw fail("expected true or false for mask index \(index)", entry.node.line)
      }
      if hidden { out.insert(index) }
    }
    return out
  }
}
