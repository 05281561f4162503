/// The summary table of a sweep, as CSV: one row per point, its parameters and observables.
public enum SweepSummaryTable {
  /// Column names: index, folder, every varied key, state, step, then the observables in lab
  /// units (s, µm, area fraction); the optional `at`/`crossing` columns carry their request in
  /// the name (`tip_height_um_at_2.5s`, `time_s_to_tip_3.0um`).
  public static func header(keys: [String], at: Double?, crossing: Double?) -> [String] {
    var names = ["index", "folder"] + keys + ["state", "step", "final_time_s", "final_tip_height_um", "final_li_area_fraction"]
    if let at { names += ["tip_height_um_at_\(at)s", "li_area_fraction_at_\(at)s"] }
    if let crossing { names.append("time_s_to_tip_\(crossing)um") }
    return names
  }

  /// The cells of one row; a value that is unknown is an empty cell, never a number made up
  /// (and never "nan").
  public static func cells(_ point: SweepPointSummary, at: Double?, crossing: Double?) -> [String] {
    func number(_ v: Double?) -> String { v.flatMap { $0.isFinite ? "\($0)" : nil } ?? "" }
    let o = point.observables
    var row = [String(point.index), point.folder] + point.parameters.map(\.text)
    row += [point.state.rawValue, point.step.map(String.init) ?? "", number(o.finalTime), number(o.finalTipHeight), number(o.finalLiArea)]
    if at != nil { row += [number(o.tipHeightAt), number(o.liAreaAt)] }
    if crossing != nil { row.append(number(o.crossingTime)) }
    return row
  }

  /// RFC 4180 CSV of the whole table (cells with a comma, quote or newline are quoted).
  public static func csv(_ points: [SweepPointSummary], keys: [String], at: Double?, crossing: Double?) -> String {
    func escape(_ cell: String) -> String {
      cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
    let lines = [header(keys: keys, at: at, crossing: crossing)] + points.map { cells($0, at: at, crossing: crossing) }
    return lines.map { $0.map(escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }
}
