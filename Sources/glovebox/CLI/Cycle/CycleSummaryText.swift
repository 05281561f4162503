import Foundation

/// The text form of `cycle summary`: the same quantities as `--json` (per cycle capacities,
/// CE, energy efficiency, retention, and per area / per mass when given; the rate blocks), as
/// aligned columns. A quantity that could not be computed prints as "—", never as nan.
enum CycleSummaryText {
  static func lines(_ output: CycleSummaryCommand.Output, halfCycleCount: Int) -> [String] {
    var lines = ["\(output.file): \(output.format), \(output.points) points, \(halfCycleCount) half-cycles, \(output.cycles.count) cycles"]
    var given: [String] = []
    if let area = output.area_cm2 { given.append(String(format: "area %.4g cm²", area)) }
    if let mass = output.mass_mg { given.append(String(format: "active mass %.4g mg", mass)) }
    if !given.isEmpty { lines.append(given.joined(separator: ", ")) }
    var columns: [(title: String, values: [String])] = [
      ("cycle", output.cycles.map { String($0.cycle) }),
      ("Q_ch/mAh", output.cycles.map { number($0.charge_capacity_mAh, "%.5g") }),
      ("Q_dis/mAh", output.cycles.map { number($0.discharge_capacity_mAh, "%.5g") }),
    ]
    if output.mass_mg != nil {
      columns.append(("q_ch/mAh g⁻¹", output.cycles.map { number($0.specific_charge_capacity_mAh_g, "%.4g") }))
      columns.append(("q_dis/mAh g⁻¹", output.cycles.map { number($0.specific_discharge_capacity_mAh_g, "%.4g") }))
    }
    if output.area_cm2 != nil {
      columns.append(("Q_dis/mAh cm⁻²", output.cycles.map { number($0.discharge_capacity_mAh_cm2, "%.4g") }))
    }
    columns += [
      ("CE", output.cycles.map { number($0.coulombic_efficiency, "%.4f") }),
      ("EE", output.cycles.map { number($0.energy_efficiency, "%.4f") }),
      ("retention", output.cycles.map { number($0.capacity_retention.map { $0 * 100 }, "%.1f %%") }),
      ("V̄_ch/V", output.cycles.map { number($0.average_charge_voltage_V, "%.4f") }),
      ("V̄_dis/V", output.cycles.map { number($0.average_discharge_voltage_V, "%.4f") }),
    ]
    lines += table(columns)
    if !output.rate_blocks.isEmpty {
      lines.append("rate blocks:")
      lines += table([
        ("cycles", output.rate_blocks.map { "\($0.first_cycle)–\($0.last_cycle)" }),
        ("I/mA", output.rate_blocks.map { String(format: "%.4g", $0.current_mA) }),
        ("C-rate", output.rate_blocks.map { number($0.c_rate, "%.3g C") }),
        ("mean Q_dis/mAh", output.rate_blocks.map { number($0.mean_discharge_capacity_mAh, "%.5g") }),
        ("mean Q_ch/mAh", output.rate_blocks.map { number($0.mean_charge_capacity_mAh, "%.5g") }),
      ])
    }
    return lines
  }

  static func number(_ value: Double?, _ format: String) -> String {
    guard let value, value.isFinite else { return "—" }
    return String(format: format, value)
  }

  /// Right-aligned columns under their titles, two spaces apart.
  static func table(_ columns: [(title: String, values: [String])]) -> [String] {
    let widths = columns.map { column in ([column.title] + column.values).map(\.count).max() ?? 0 }
    func row(_ cells: [String]) -> String {
      zip(cells, widths).map { String(repeating: " ", count: max(0, $1 - $0.count)) + $0 }.joined(separator: "  ")
    }
    let count = columns.first?.values.count ?? 0
    return [row(columns.map(\.title))] + (0..<count).map { i in row(columns.map { $0.values[i] }) }
  }
}
