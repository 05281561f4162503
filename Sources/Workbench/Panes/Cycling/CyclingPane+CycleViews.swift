import Engine
import Foundation
import TUI

/// The views of chosen cycles (V–Q overlaid, dQ/dV), the rate-capability view and the
/// symmetric cell's step table.
extension CyclingPane {
  /// The capacity unit of the selected file: mAh/g with its active mass, else mAh; the scale
  /// takes Ah to that unit.
  func capacityUnit(_ file: CyclingFileAnalysis) -> (scale: Double, unit: String, note: String) {
    guard let mass = activeMass(of: file.path) else { return (1000, "mAh", " (mAh/g needs this file's active mass: m)") }
    return (1000 / (mass.value / 1000), "mAh g⁻¹", "")
  }

  var overlayText: String {
    let cycles = overlaidCycles.map(String.init).joined(separator: ", ")
    return (chosenCycles.isEmpty ? "cycle " : "cycles ") + cycles + (chosenCycles.isEmpty ? " (c overlays, g goes to N)" : "")
  }

  func renderVoltageCapacity(_ file: CyclingFileAnalysis, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let (scale, unit, note) = capacityUnit(file)
    var series: [PlotSeries] = []
    for (k, cycle) in overlaidCycles.enumerated() {
      for curve in Self.voltageCapacityCurves(file, cycle: cycle, scale: scale) {
        let label = "\(cycle) \(curve.kind == .charge ? "ch" : "dis")"
        series.append(PlotSeries(label, points: curve.points, kind: .line, color: context.theme.seriesColor(k)))
      }
    }
    drawPlot(LinePlot(series: series, xAxis: PlotAxis("Q / \(unit)"), yAxis: PlotAxis("V"), symbols: context.graphSymbols),
             title: "V–Q · \(overlayText)\(note) · \(file.path)", area: area, buffer: &buffer, theme: context.theme)
  }

  /// The method line of the dQ/dV view.
  static var differentialMethod: String {
    String(format: "Q(V) on a %.0f mV grid, central differences, %d-point moving average (%.0f mV window)",
           differentialVoltageStep * 1000, differentialSmoothingPoints, differentialVoltageStep * 1000 * Double(differentialSmoothingPoints))
  }

  func renderDifferentialCapacity(_ file: CyclingFileAnalysis, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let (scale, unit, note) = capacityUnit(file)
    var series: [PlotSeries] = []
    for (k, cycle) in overlaidCycles.enumerated() {
      for curve in Self.differentialCapacityCurves(file, cycle: cycle) {
        let label = "\(cycle) \(curve.halfCycle % 2 == 1 ? "1st" : "2nd") half"
        let points = zip(curve.voltage, curve.dQdV).map { PlotPoint(x: $0, y: $1 * scale) }
        series.append(PlotSeries(label, points: points, kind: .line, color: context.theme.seriesColor(k)))
      }
    }
    let parts = area.rows([.fill(1), .length(1)])
    drawPlot(LinePlot(series: series, xAxis: PlotAxis("V"), yAxis: PlotAxis("dQ/dV / \(unit) V⁻¹"), symbols: context.graphSymbols),
             title: "dQ/dV · \(overlayText)\(note) · \(file.path)", area: parts[0], buffer: &buffer, theme: context.theme)
    _ = buffer.write("dQ/dV: " + Self.differentialMethod, x: parts[1].x + 1, y: parts[1].y,
                     style: context.theme.textStyle.adding(.dim), maxWidth: parts[1].width - 2)
  }

  /// The nominal capacity defining 1C, Ah, and its source: the cathode of the protocol naming
  /// the file, else the first cycle's discharge capacity (said so).
  func nominalCapacity(_ file: CyclingFileAnalysis) -> (ampHours: Double?, source: String) {
    if let report = protocolReport(naming: file.path), let cathode = report.cathode {
      return (cathode.capacityMilliampHours / 1000, String(format: "1C = %.4g mAh (protocol %@)", cathode.capacityMilliampHours, report.id))
    }
    let first = file.cycles.first?.dischargeCapacity ?? file.cycles.first?.chargeCapacity
    return (nil, first.map { String(format: "1C = cycle %d's capacity, %.4g mAh", file.cycles.first?.cycle ?? 1, $0 * 1000) } ?? "no capacity for 1C")
  }

  func renderRateCapability(_ file: CyclingFileAnalysis, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let nominal = nominalCapacity(file)
    let blocks = rateBlocks(file.cycles, nominalCapacity: nominal.ampHours)
    let (scale, unit, note) = capacityUnit(file)
    let parts = area.rows([.fill(1), .length(min(blocks.count + 3, max(4, area.height / 2)))])
    let points = blocks.compactMap { b in b.meanDischargeCapacity.map { PlotPoint(x: b.cRate, y: $0 * scale) } }
    drawPlot(LinePlot(series: [PlotSeries("discharge", points: points, kind: .points, color: theme.seriesColor(1))],
                      xAxis: PlotAxis("C-rate / h⁻¹"), yAxis: PlotAxis("Q dis / \(unit)"), symbols: context.graphSymbols, legend: .hidden),
             title: "Rate capability · \(blocks.count) step groups · \(nominal.source)\(note) · \(file.path)", area: parts[0], buffer: &buffer, theme: theme)
    let block = Block(title: "Step groups (cycles at one current within 5 %)")
    block.render(into: &buffer, area: parts[1], theme: theme)
    let areaValue = self.area(of: file.path)?.value
    func f(_ x: Double?, _ format: String = "%.4g") -> String { x.map { String(format: format, $0) } ?? "—" }
    let rows = blocks.map { b -> [String] in
      ["\(b.firstCycle)–\(b.lastCycle)", f(b.current * 1000), f(areaValue.map { b.current * 1000 / $0 }), f(b.cRate, "%.3g"),
       f(b.meanChargeCapacity.map { $0 * scale }), f(b.meanDischargeCapacity.map { $0 * scale })]
    }
    let columns = [
      TableColumn.numeric("cycles", width: .length(10)), TableColumn.numeric("I", unit: "mA", width: .length(10)),
      TableColumn.numeric("j", unit: "mA/cm²", width: .length(12)), TableColumn.numeric("C-rate", width: .length(8)),
      TableColumn.numeric("Q ch", unit: unit, width: .length(14)), TableColumn.numeric("Q dis", unit: unit, width: .fill(1)),
    ]
    Table(columns: columns, rows: rows, selected: nil, isFocused: false).render(into: &buffer, area: block.inner(parts[1]), theme: theme)
  }

  /// A symmetric cell's steps: per half-cycle the current density, the lithium moved (plating
  /// or stripping capacity) and the overpotential, instead of charge/discharge capacity and CE.
  /// Without the file's area the current and capacity are shown in mA and mAh, never per an
  /// assumed area.
  func renderStepTable(_ file: CyclingFileAnalysis, reason: String, into buffer: inout Buffer, area: Rect, theme: Theme) {
    let areaValue = self.area(of: file.path)
    let areaText = areaValue.map { String(format: "area %.4g cm² (%@)", $0.value, $0.source) } ?? "area not set (a)"
    let block = Block(title: "Steps (\(file.halfCycles.count)) · \(areaText) · \(reason)")
    block.render(into: &buffer, area: area, theme: theme)
    var overpotentials: [Int: HalfCycleOverpotential] = [:]
    for row in file.overpotential?.halfCycles ?? [] { overpotentials[row.halfCycle] = row }
    func f(_ x: Double?) -> String { x.map { String(format: "%.3g", $0) } ?? "—" }
    let perArea = areaValue.map { 1000 / $0.value } ?? 1000
    let rows = file.halfCycles.dropFirst(tableOffset).map { h -> [String] in
      let eta = overpotentials[h.index]
      // Positive current strips Li from the working electrode, negative plates it there.
      let process = h.kind == .charge ? "stripping" : "plating"
      return [String(h.index), String(h.cycleNumber), process, f(abs(h.meanCurrent) * perArea), f(h.capacity * perArea),
              f(eta.map { $0.plateau * 1000 }), f(eta.map { $0.end * 1000 })]
    }
    let areal = areaValue != nil
    let columns = [
      TableColumn.numeric("step", width: .length(6)), TableColumn.numeric("cycle", width: .length(6)), TableColumn("process", width: .length(10)),
      TableColumn.numeric(areal ? "j" : "I", unit: areal ? "mA/cm²" : "mA", width: .length(12)),
      TableColumn.numeric("Q", unit: areal ? "mAh/cm²" : "mAh", width: .length(13)),
      TableColumn.numeric("η plateau", unit: "mV", width: .length(15)), TableColumn.numeric("η end", unit: "mV", width: .fill(1)),
    ]
    Table(columns: columns, rows: Array(rows), selected: nil, isFocused: false).render(into: &buffer, area: block.inner(area), theme: theme)
  }
}
