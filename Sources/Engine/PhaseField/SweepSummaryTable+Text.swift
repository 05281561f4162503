import Foundation

/// The summary table as `sweep status` prints it for a person: the CSV's columns (less the
/// index), aligned, with numbers rounded for reading. The CSV and the JSON keep every digit.
extension SweepSummaryTable {
  /// Every number (swept values, times, tip heights in µm, area fractions) to this many
  /// significant digits. Tip heights are not cut to a fixed number of decimals: early in a
  /// sweep the points' tips differ by less than 0.1 nm (4-point potential sweep at 32², t =
  /// 0.05 s: 0.999661 … 0.999719 µm), and a fixed 0.0001 µm showed them all as 0.9997 while the
  /// pane's plot showed the trend.
  public static let significantDigits = 6

  /// A number with `significantDigits` significant digits (`%g`: trailing zeros dropped, an
  /// exponent outside 1e-4 … 1e6). A value that is not finite is an empty cell, as in the CSV.
  public static func rounded(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    return String(format: "%.\(significantDigits)g", value)
  }

  /// One row's cells for reading: as `cells` without the index, numbers rounded.
  public static func textCells(_ point: SweepPointSummary, at: Double?, crossing: Double?) -> [String] {
    let o = point.observables
    var row = [point.folder] + point.parameters.map { value in
      if case .number(let d) = value { return rounded(d) }
      return value.text
    }
    row += [point.state.rawValue, point.step.map(String.init) ?? "", rounded(o.finalTime), rounded(o.finalTipHeight),
            rounded(o.finalLiArea)]
    if at != nil { row += [rounded(o.tipHeightAt), rounded(o.liAreaAt)] }
    if crossing != nil { row.append(rounded(o.crossingTime)) }
    return row
  }

  /// The aligned table: a header line, then one line per point (its reason in parentheses after
  /// it, and each problem on a line of its own below). Columns are two spaces apart.
  public static func text(_ points: [SweepPointSummary], keys: [String], at: Double?, crossing: Double?) -> [String] {
    let header = Array(header(keys: keys, at: at, crossing: crossing).dropFirst())
    let rows = points.map { textCells($0, at: at, crossing: crossing) }
    let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
    func line(_ cells: [String]) -> String {
      let padded = zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
      return String(padded.reversed().drop { $0 == " " }.reversed())
    }
    var lines = [line(header)]
    for (row, point) in zip(rows, points) {
      lines.append(line(row) + (point.reason.map { "  (\($0))" } ?? ""))
      lines += point.problems.map { "    ! \($0)" }
    }
    return lines
  }
}
