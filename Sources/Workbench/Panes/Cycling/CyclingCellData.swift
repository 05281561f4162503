import Formats
import Foundation

/// A cycler file's cell data: the electrode area (for mA/cm², mAh/cm² and the CCD) and the
/// cathode's active mass (for mAh/g). Either may be unknown; nothing is assumed in its place.
public struct CyclingCellData: Equatable, Sendable {
  /// Electrode area, cm².
  public var areaCm2: Double?
  /// Active material mass, mg.
  public var activeMassMg: Double?

  public init(areaCm2: Double? = nil, activeMassMg: Double? = nil) {
    self.areaCm2 = areaCm2
    self.activeMassMg = activeMassMg
  }

  public var isEmpty: Bool { areaCm2 == nil && activeMassMg == nil }
}

/// The workspace file remembering the cell data set in the Cycling pane, one `[[file]]` table
/// per cycler file (the Workbench is pure: the pane reads it with `Effect.loadFile` and writes it
/// whole with `Effect.writeFiles`):
/// ```toml
/// [[file]]
/// path = "cycling/Li-LPSC-Li_ccd.csv"   # workspace-relative
/// area_cm2 = 0.785
/// active_mass_mg = 12.5                 # optional
/// ```
public enum CyclingCellDataFile {
  public static let path = ".glovebox/celldata.toml"

  /// The cell data by file path. Unknown keys, a missing path, a path given twice and
  /// non-positive or non-finite numbers are errors naming the file and line.
  public static func parse(_ text: String) throws -> [String: CyclingCellData] {
    let root = try TOML.parse(text, fileName: path)
    if let unknown = root.unknownKeys(allowed: ["file"]).first { throw unknown }
    var out: [String: CyclingCellData] = [:]
    for table in try root.tables("file") {
      if let unknown = table.unknownKeys(allowed: ["path", "area_cm2", "active_mass_mg"]).first { throw unknown }
      let file = try table.string("path")
      guard out[file] == nil else { throw table.error("\(file) is listed twice", key: "path") }
      var data = CyclingCellData()
      for key in ["area_cm2", "active_mass_mg"] {
        guard let value = try table.optionalDouble(key) else { continue }
        guard value > 0, value.isFinite else { throw table.error("expected a positive number, found \(value)", key: key) }
        if key == "area_cm2" { data.areaCm2 = value } else { data.activeMassMg = value }
      }
      out[file] = data
    }
    return out
  }

  /// The file's text, files in path order; numbers written so they read back exactly.
  public static func encode(_ cells: [String: CyclingCellData]) -> String {
    var text = "# Cell data set in the Cycling pane (a = area, m = active mass), per cycler file.\n"
    for (file, data) in cells.sorted(by: { $0.key < $1.key }) where !data.isEmpty {
      text += "\n[[file]]\npath = \(quoted(file))\n"
      if let area = data.areaCm2 { text += "area_cm2 = \(area)\n" }
      if let mass = data.activeMassMg { text += "active_mass_mg = \(mass)\n" }
    }
    return text
  }

  /// A TOML basic string: backslash, quote and control characters escaped.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += String(format: "\\u%04X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
