import Engine
import Foundation
import TUI

extension CyclingPane {
  public func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    guard area.width >= 30, area.height >= 10 else {
      _ = buffer.write("Cycling: enlarge the terminal", x: area.x, y: area.y, style: theme.textStyle, maxWidth: area.width)
      return
    }
    let columns = area.columns([.length(min(34, area.width / 4)), .fill(1)])
    renderList(into: &buffer, area: columns[0], theme: theme)
    guard let file = current else {
      Block(title: view.rawValue).render(into: &buffer, area: columns[1], theme: theme)
      return
    }
    let editorOpen = areaEditor != nil || cyclePrompt != nil
    let rows = columns[1].rows([.fill(1), .length(editorOpen ? 3 : min(12, area.height / 3))])
    switch view {
    case .voltage: renderVoltage(file, into: &buffer, area: rows[0], context: context)
    case .capacity: renderCapacity(file, into: &buffer, area: rows[0], context: context)
    case .overpotential: renderOverpotential(file, into: &buffer, area: rows[0], context: context)
    case .criticalCurrent: renderCriticalCurrent(file, into: &buffer, area: rows[0], context: context)
    case .voltageCapacity: renderVoltageCapacity(file, into: &buffer, area: rows[0], context: context)
    case .differentialCapacity: renderDifferentialCapacity(file, into: &buffer, area: rows[0], context: context)
    case .rateCapability: renderRateCapability(file, into: &buffer, area: rows[0], context: context)
    }
    if let prompt = cyclePrompt {
      let block = Block(title: "Go to cycle · \(file.path)", isFocused: true)
      block.render(into: &buffer, area: rows[1], theme: theme)
      prompt.render(into: &buffer, area: block.inner(rows[1]), theme: theme)
    } else if let editor = areaEditor {
      let block = Block(title: editing == .area ? "Electrode area of \(file.path)" : "Active mass of \(file.path)", isFocused: true)
      block.render(into: &buffer, area: rows[1], theme: theme)
      editor.render(into: &buffer, area: block.inner(rows[1]), theme: theme)
    } else {
      renderCycleTable(file, into: &buffer, area: rows[1], theme: theme)
    }
  }

  func renderList(into buffer: inout Buffer, area: Rect, theme: Theme) {
    let bad = unreadable.filter { $0.value != "removed" && $0.value != "an impedance file" }.sorted { $0.key < $1.key }
    let block = Block(title: "Cycler files (\(files.count))" + (bad.isEmpty ? "" : ", \(bad.count) bad"), isFocused: true)
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    if files.isEmpty && bad.isEmpty {
      let text = listing.emptyText(noFiles: "no cycler files in the workspace")
      Paragraph(lines: [TextLine(text)], wrap: true).render(into: &buffer, area: inner, theme: theme)
      return
    }
    // The selection marker and the symmetric-cell mark take four columns.
    let labels = FileLabels.distinguishing(files.map(\.path), width: inner.width - 4)
    var items = zip(files, labels).map { f, label -> TextLine in
      TextLine((f.isSymmetric ? "⇄ " : "  ") + label)
    }
    // Files that could not be read stay in the list, below the others, with their error.
    let errorStyle = Style(foreground: theme.error, background: theme.background)
    for (path, error) in bad {
      items.append(TextLine("! " + FileLabels.middleEllipsis(path, width: max(1, inner.width - 4)), style: errorStyle))
      items.append(TextLine("  " + error, style: errorStyle.adding(.dim)))
    }
    List(items: items, selected: selected, isFocused: true).render(into: &buffer, area: inner, theme: theme)
  }

  /// The visible time range in hours.
  func timeRange(_ file: CyclingFileAnalysis) -> ClosedRange<Double> {
    let t0 = (file.time.first ?? 0) / 3600, t1 = (file.time.last ?? 1) / 3600
    let span = max(t1 - t0, 1e-9)
    return (t0 + window.lowerBound * span)...(t0 + window.upperBound * span)
  }

  /// The points of `values` inside `range` (hours), reduced to the first, minimum and maximum
  /// of each of `buckets` time bins so a long trace draws in time proportional to the screen.
  static func decimated(time: [Double], values: [Double], range: ClosedRange<Double>, buckets: Int) -> [PlotPoint] {
    let lowSeconds = range.lowerBound * 3600, highSeconds = range.upperBound * 3600
    var first = lowerIndex(time, lowSeconds)
    if first > 0 { first -= 1 }
    var last = lowerIndex(time, highSeconds)
    if last < time.count { last += 1 }
    guard first < last else { return [] }
    let count = last - first
    if count <= buckets * 3 { return (first..<last).map { PlotPoint(x: time[$0] / 3600, y: values[$0]) } }
    var out: [PlotPoint] = []
    out.reserveCapacity(buckets * 3)
    for b in 0..<buckets {
      let lo = first + count * b / buckets, hi = first + count * (b + 1) / buckets
      guard lo < hi else { continue }
      var minIndex = lo, maxIndex = lo
      for i in lo..<hi {
        if values[i] < values[minIndex] { minIndex = i }
        if values[i] > values[maxIndex] { maxIndex = i }
      }
      for i in Set([lo, minIndex, maxIndex]).sorted() { out.append(PlotPoint(x: time[i] / 3600, y: values[i])) }
    }
    return out
  }

  /// First index whose value is ≥ x (times are non-decreasing).
  static func lowerIndex(_ xs: [Double], _ x: Double) -> Int {
    var lo = 0, hi = xs.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if xs[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  func renderVoltage(_ file: CyclingFileAnalysis, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let range = timeRange(file)
    let parts = area.rows([.ratio(2, 3), .fill(1)])
    let buckets = max(10, area.width * 2)
    let zoom = window == 0...1 ? "" : String(format: " · %.3g–%.3g h (0 resets)", range.lowerBound, range.upperBound)
    drawPlot(LinePlot(series: [
      PlotSeries("V", points: Self.decimated(time: file.time, values: file.voltage, range: range, buckets: buckets), kind: .line, color: theme.seriesColor(0)),
    ], xAxis: PlotAxis("t / h", bounds: range), yAxis: PlotAxis("V"), symbols: context.graphSymbols, legend: .hidden),
             title: "Voltage · \(file.path) (\(file.format))\(zoom)", area: parts[0], buffer: &buffer, theme: theme)
    drawPlot(LinePlot(series: [
      PlotSeries("I", points: Self.decimated(time: file.time, values: file.current.map { $0 * 1000 }, range: range, buckets: buckets), kind: .line, color: theme.seriesColor(1)),
    ], xAxis: PlotAxis("t / h", bounds: range), yAxis: PlotAxis("I / mA"), symbols: context.graphSymbols, legend: .hidden),
             title: "Current", area: parts[1], buffer: &buffer, theme: theme)
  }

  func renderCapacity(_ file: CyclingFileAnalysis, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let parts = area.rows([.ratio(1, 2), .fill(1)])
    let cycles = file.cycles
    // mAh/g only with this file's active mass; mAh otherwise, and the title says what is missing.
    let massGrams = activeMass(of: file.path).map { $0.value / 1000 }
    let scale = massGrams.map { 1000 / $0 } ?? 1000
    let unit = massGrams == nil ? "Q / mAh" : "Q / mAh g⁻¹"
    let note = massGrams == nil ? " (mAh/g needs this file's active mass: m)" : ""
    drawPlot(LinePlot(series: [
      PlotSeries("charge", points: cycles.compactMap { c in c.chargeCapacity.map { PlotPoint(x: Double(c.cycle), y: $0 * scale) } }, kind: .points, color: theme.seriesColor(0)),
      PlotSeries("discharge", points: cycles.compactMap { c in c.dischargeCapacity.map { PlotPoint(x: Double(c.cycle), y: $0 * scale) } }, kind: .points, color: theme.seriesColor(1)),
    ], xAxis: PlotAxis("cycle"), yAxis: PlotAxis(unit), symbols: context.graphSymbols),
             title: "Capacity\(note) · \(file.path)", area: parts[0], buffer: &buffer, theme: theme)
    drawPlot(LinePlot(series: [
      PlotSeries("CE", points: cycles.compactMap { c in c.coulombicEfficiency.map { PlotPoint(x: Double(c.cycle), y: $0 * 100) } }, kind: .points, color: theme.seriesColor(2)),
    ], xAxis: PlotAxis("cycle"), yAxis: PlotAxis("CE / %"), symbols: context.graphSymbols, legend: .hidden),
             title: "Coulombic efficiency", area: parts[1], buffer: &buffer, theme: theme)
  }

  func renderOverpotential(_ file: CyclingFileAnalysis, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    guard let report = file.overpotential else {
      Block(title: "Overpotential").render(into: &buffer, area: area, theme: theme)
      _ = buffer.write(file.isSymmetric ? Self.needsArea : "not a symmetric cell (overpotential is for Li|Li cells)", x: area.x + 2, y: area.y + 1, style: theme.textStyle, maxWidth: area.width - 4)
      return
    }
    let stripping = report.halfCycles.filter { $0.process == .stripping }
    let plating = report.halfCycles.filter { $0.process == .plating }
    func points(_ rows: [HalfCycleOverpotential]) -> [PlotPoint] {
      rows.map { PlotPoint(x: Double(($0.halfCycle + 1) / 2), y: $0.plateau * 1000) }
    }
    drawPlot(LinePlot(series: [
      PlotSeries("stripping", points: points(stripping), kind: .points, color: theme.seriesColor(0)),
      PlotSeries("plating", points: points(plating), kind: .points, color: theme.seriesColor(1)),
    ], xAxis: PlotAxis("cycle"), yAxis: PlotAxis("η plateau / mV"), symbols: context.graphSymbols),
             title: "Overpotential · \(file.path)", area: area, buffer: &buffer, theme: theme)
  }

  func renderCriticalCurrent(_ file: CyclingFileAnalysis, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    guard let ccd = file.criticalCurrent, let fileArea = file.area else {
      Block(title: "CCD").render(into: &buffer, area: area, theme: theme)
      _ = buffer.write(file.isSymmetric ? Self.needsArea : "not a symmetric cell (CCD is for Li|Li cells)", x: area.x + 2, y: area.y + 1, style: theme.textStyle, maxWidth: area.width - 4)
      return
    }
    let range = timeRange(file)
    let parts = area.rows([.ratio(3, 5), .fill(1), .length(2)])
    let buckets = max(10, area.width * 2)
    var voltage = [PlotSeries("V", points: Self.decimated(time: file.time, values: file.voltage, range: range, buckets: buckets), kind: .line, color: theme.seriesColor(0))]
    if let failure = ccd.failure {
      voltage.append(PlotSeries("failure (\(failure.kind.rawValue))", points: [PlotPoint(x: failure.time / 3600, y: failure.voltage)], kind: .points, color: theme.error))
    }
    if !ccd.softShorts.isEmpty {
      voltage.append(PlotSeries("soft short", points: ccd.softShorts.map { s in
        let i = min(file.voltage.count - 1, Self.lowerIndex(file.time, s.time))
        return PlotPoint(x: s.time / 3600, y: i >= 0 ? file.voltage[i] : 0)
      }, kind: .points, color: theme.warning))
    }
    let headline = ccd.criticalCurrentDensity.map { String(format: "CCD %.3g mA/cm²", $0) } ?? "no failure: CCD not reached"
    drawPlot(LinePlot(series: voltage, xAxis: PlotAxis("t / h", bounds: range), yAxis: PlotAxis("V"), symbols: context.graphSymbols),
             title: "\(headline) · \(file.path)", area: parts[0], buffer: &buffer, theme: theme)
    var stepPoints: [PlotPoint] = []
    for step in ccd.steps {
      stepPoints.append(PlotPoint(x: step.startTime / 3600, y: step.currentDensity))
      stepPoints.append(PlotPoint(x: step.endTime / 3600, y: step.currentDensity))
    }
    drawPlot(LinePlot(series: [PlotSeries("j", points: stepPoints, kind: .line, color: theme.seriesColor(1))],
                      xAxis: PlotAxis("t / h", bounds: range), yAxis: PlotAxis("j / mA cm⁻²"), symbols: context.graphSymbols, legend: .hidden),
             title: "Current steps (\(ccd.rampProtocol.rawValue.replacingOccurrences(of: "_", with: "-")))", area: parts[1], buffer: &buffer, theme: theme)
    var line = headline
    if let stable = ccd.lastStableCurrentDensity { line += String(format: " · last stable %.3g mA/cm²", stable) }
    if let failure = ccd.failure { line += String(format: " · %@ at %.2f h", failure.kind.rawValue.replacingOccurrences(of: "_", with: " "), failure.time / 3600) }
    line += String(format: " · %.3g mAh/cm² passed · %d soft short%@ · %.4g cm²", ccd.cumulativeCapacity, ccd.softShorts.count, ccd.softShorts.count == 1 ? "" : "s", fileArea)
    let style = Style(foreground: ccd.failure == nil ? theme.ok : theme.error, background: theme.background).adding(.bold)
    Paragraph(lines: [TextLine(line, style: style)], wrap: true)
      .render(into: &buffer, area: parts[2].inset(horizontal: 1, vertical: 0), theme: theme)
  }

  func renderCycleTable(_ file: CyclingFileAnalysis, into buffer: inout Buffer, area: Rect, theme: Theme) {
    let kind = showsSymmetricTable(file)
    if kind.symmetric { return renderStepTable(file, reason: kind.reason, into: &buffer, area: area, theme: theme) }
    let areaText = self.area(of: file.path).map { String(format: "area %.4g cm² (%@)", $0.value, $0.source) } ?? "area not set (a)"
    let massText = activeMass(of: file.path).map { String(format: "active mass %.4g mg (%@)", $0.value, $0.source) } ?? "active mass not set (m)"
    let block = Block(title: "Cycles (\(file.cycles.count)) · \(file.halfCycles.count) half-cycles · \(areaText) · \(massText) · \(kind.reason)")
    block.render(into: &buffer, area: area, theme: theme)
    func f(_ x: Double?, _ scale: Double = 1, _ format: String = "%.4g") -> String { x.map { String(format: format, $0 * scale) } ?? "—" }
    let rows = file.cycles.dropFirst(tableOffset).map { c -> [String] in
      [String(c.cycle), f(c.chargeCapacity, 1000), f(c.dischargeCapacity, 1000), f(c.coulombicEfficiency, 100, "%.2f"),
       f(c.averageChargeVoltage), f(c.averageDischargeVoltage), f(c.chargeEnergy, 1000), f(c.dischargeEnergy, 1000)]
    }
    let columns = [
      TableColumn.numeric("cycle", width: .length(6)), TableColumn.numeric("Q ch", unit: "mAh", width: .length(11)),
      TableColumn.numeric("Q dis", unit: "mAh", width: .length(11)), TableColumn.numeric("CE", unit: "%", width: .length(8)),
      TableColumn.numeric("V̄ ch", unit: "V", width: .length(9)), TableColumn.numeric("V̄ dis", unit: "V", width: .length(10)),
      TableColumn.numeric("E ch", unit: "mWh", width: .length(11)), TableColumn.numeric("E dis", unit: "mWh", width: .fill(1)),
    ]
    Table(columns: columns, rows: Array(rows), selected: nil, isFocused: false).render(into: &buffer, area: block.inner(area), theme: theme)
  }

  static let needsArea = "needs this file's electrode area: press a (remembered in \(CyclingCellDataFile.path))"

  func drawPlot(_ plot: LinePlot, title: String, area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    let block = Block(title: title)
    block.render(into: &buffer, area: area, theme: theme)
    plot.render(into: &buffer, area: block.inner(area), theme: theme)
  }
}
