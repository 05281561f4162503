import Formats
import Foundation

/// A temperature series as a CSV table with a header naming its columns:
/// - temperature: `temperature_K` or `temperature_C`;
/// - bulk: `conductivity_S_cm`, `conductivity_mS_cm` or `resistance_ohm` (then a pellet geometry is
///   needed to turn it into σ);
/// - optional grain boundary: `conductivity_gb_S_cm`, `conductivity_gb_mS_cm` or `resistance_gb_ohm`.
/// Other columns are ignored. Separators: comma, semicolon or tab; `#` starts a comment line.
/// Header names are matched without regard to case.
public struct ArrheniusTable: Equatable, Sendable {
  public enum Series: Equatable, Sendable {
    case conductivitySPerCm([Double])
    case resistanceOhm([Double])

    /// σ in S/cm, using the geometry for resistances.
    public func conductivities(geometry: PelletGeometry?, label: String) throws -> [Double] {
      switch self {
      case let .conductivitySPerCm(v): return v
      case let .resistanceOhm(r):
        guard let geometry else {
          throw InputError("the \(label) series is given as resistance; expected the pellet thickness and diameter (or L/A) to turn it into conductivity")
        }
        return r.map { geometry.conductivity(resistanceOhm: $0) }
      }
    }
  }

  public var temperaturesK: [Double]
  public var bulk: Series
  public var grainBoundary: Series?

  public init(csv text: String, file: String? = nil) throws {
    var header: [String]?
    var rows: [(line: Int, cells: [Substring])] = []
    var separator: Character = ","
    for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      if header == nil {
        separator = line.contains("\t") ? "\t" : (line.contains(";") ? ";" : ",")
        header = line.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        continue
      }
      rows.append((index + 1, raw.split(separator: separator, omittingEmptySubsequences: false)))
    }
    guard let header else { throw InputError("expected a header line naming the columns (temperature_K or temperature_C, and conductivity_S_cm, conductivity_mS_cm or resistance_ohm)", file: file, line: 1) }
    func column(_ names: [String]) -> (Int, String)? {
      for n in names { if let i = header.firstIndex(of: n.lowercased()) { return (i, n) } }
      return nil
    }
    guard let temperature = column(["temperature_K", "temperature_C"]) else {
      throw InputError("expected a temperature_K or temperature_C column in the header", file: file, line: 1)
    }
    guard let bulkColumn = column(["conductivity_S_cm", "conductivity_mS_cm", "resistance_ohm"]) else {
      throw InputError("expected a conductivity_S_cm, conductivity_mS_cm or resistance_ohm column in the header", file: file, line: 1)
    }
    let gbColumn = column(["conductivity_gb_S_cm", "conductivity_gb_mS_cm", "resistance_gb_ohm"])
    guard !rows.isEmpty else { throw InputError("expected data rows after the header", file: file, line: 2) }

    func value(_ row: (line: Int, cells: [Substring]), _ col: (Int, String)) throws -> Double {
      let columnNumber = row.cells.prefix(col.0).reduce(1) { $0 + $1.count + 1 }
      guard col.0 < row.cells.count else {
        throw InputError("expected a value in column '\(col.1)' (field \(col.0 + 1)), the row has \(row.cells.count) fields", file: file, line: row.line, column: columnNumber)
      }
      let cell = row.cells[col.0].trimmingCharacters(in: .whitespaces)
      guard let v = Double(cell), v.isFinite else {
        throw InputError("expected a number for '\(col.1)', found '\(cell)'", file: file, line: row.line, column: columnNumber)
      }
      return v
    }
    var t: [Double] = [], b: [Double] = [], g: [Double] = []
    for row in rows {
      var temp = try value(row, temperature)
      if temperature.1 == "temperature_C" { temp += 273.15 }
      guard temp > 0 else {
        throw InputError("expected a temperature above absolute zero, found \(temp) K", file: file, line: row.line)
      }
      t.append(temp)
      let bv = try value(row, bulkColumn)
      guard bv > 0 else { throw InputError("expected a positive \(bulkColumn.1), found \(bv)", file: file, line: row.line) }
      b.append(bv)
      if let gbColumn {
        let gv = try value(row, gbColumn)
        guard gv > 0 else { throw InputError("expected a positive \(gbColumn.1), found \(gv)", file: file, line: row.line) }
        g.append(gv)
      }
    }
    temperaturesK = t
    bulk = Self.series(bulkColumn.1, b)
    grainBoundary = gbColumn.map { Self.series($0.1, g) }
  }

  static func series(_ name: String, _ v: [Double]) -> Series {
    if name.hasPrefix("resistance") { return .resistanceOhm(v) }
    if name.hasSuffix("mS_cm") { return .conductivitySPerCm(v.map { $0 / 1000 }) }
    return .conductivitySPerCm(v)
  }
}
