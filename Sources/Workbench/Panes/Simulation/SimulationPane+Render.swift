import Engine
import Foundation
import TUI

extension SimulationPane {
  public func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    guard area.width >= 40, area.height >= 10 else {
      _ = buffer.write("Simulation: enlarge the terminal", x: area.x, y: area.y, style: theme.textStyle, maxWidth: area.width)
      return
    }
    let parts = mainAndModal(area)
    if let run = attachedRun {
      renderAttached(run, into: &buffer, area: parts[0], context: context)
    } else if attachedSweep != nil {
      renderSweep(into: &buffer, area: parts[0], context: context)
    } else {
      renderList(into: &buffer, area: parts[0], theme: theme)
    }
    if case .confirmStop(let run) = modal {
      let block = Block(title: "Stop", isFocused: true)
      block.render(into: &buffer, area: parts[1], theme: theme)
      let style = Style(foreground: theme.warning, background: theme.background).adding(.bold)
      _ = buffer.write("Stop \(run)? It writes a final snapshot and exits. y / n", x: parts[1].x + 2, y: parts[1].y + 1,
                       style: style, maxWidth: parts[1].width - 4)
    }
    if case .pickConfig(let index) = modal {
      let block = Block(title: "New run: pick a config (Enter: its overrides, Esc cancels)", isFocused: true)
      block.render(into: &buffer, area: parts[1], theme: theme)
      let items = configs.map { TextLine("\($0) → \(newRunFolder(for: $0))") }
      List(items: items, selected: index, isFocused: true).render(into: &buffer, area: block.inner(parts[1]), theme: theme)
    }
    if case .newRunForm(let form) = modal { renderForm(form, into: &buffer, area: parts[1], theme: theme) }
  }

  /// The main view's area and the modal's below it (empty without a modal).
  func mainAndModal(_ area: Rect) -> [Rect] {
    var modalHeight = 0
    switch modal {
    case .none: break
    case .confirmStop: modalHeight = 3
    case .pickConfig: modalHeight = min(configs.count + 3, area.height / 2)
    case .newRunForm: modalHeight = NewRunForm.Field.allCases.count + 5
    }
    return area.rows([.fill(1), .length(modalHeight)])
  }

  /// The attached view's status strip, metric plot and field areas.
  static func attachedAreas(_ area: Rect) -> (strip: Rect, metric: Rect, field: Rect) {
    let rows = area.rows([.length(7), .fill(1)])
    let columns = rows[1].columns([.ratio(1, 2), .fill(1)])
    return (rows[0], columns[0], columns[1])
  }

  func renderList(into buffer: inout Buffer, area: Rect, theme: Theme) {
    let parts = area.rows([.fill(1), .length(5)])
    let compare = marked.isEmpty ? "" : " · \(marked.count) marked (+) to compare"
    let block = Block(title: "Runs (\(runs.count)) · newest activity first\(compare)", isFocused: true)
    block.render(into: &buffer, area: parts[0], theme: theme)
    let inner = block.inner(parts[0])
    if runs.isEmpty {
      let text = listing.known.isEmpty ? listing.emptyText(noFiles: "no run folders in the workspace (glovebox sim run CONFIG --out DIR)")
        : "reading \(listing.known.count) run folder\(listing.known.count == 1 ? "" : "s")…"
      Paragraph(lines: [TextLine(text)], wrap: true).render(into: &buffer, area: inner, theme: theme)
      return
    }
    let columns = [
      TableColumn("run", width: .fill(2)), TableColumn("model", width: .length(12)), TableColumn("state", width: .length(9)),
      TableColumn.numeric("progress", width: .length(8)), TableColumn.numeric("t", unit: "s", width: .length(10)),
      TableColumn.numeric("steps/s", width: .length(8)), TableColumn.numeric("ETA", width: .length(8)),
      TableColumn.numeric("last write", width: .length(10)), TableColumn("note", width: .fill(3)),
    ]
    let rows = runs.map { run -> [String] in
      var cells = Self.row(run)
      if marked.contains(run.path) { cells[0] = "+ " + cells[0] }
      return cells
    }
    let styles = runs.map { [nil, nil, Style(foreground: stateColor($0.summary.state, theme: theme), background: theme.background)] }
    Table(columns: columns, rows: rows, selected: selected, isFocused: true, cellStyles: styles)
      .render(into: &buffer, area: inner, theme: theme)
    renderDetail(into: &buffer, area: parts[1], theme: theme)
  }

  /// One row of the run table.
  static func row(_ run: SimulationRun) -> [String] {
    let s = run.summary
    if run.sweepPoints != nil {
      return [s.name, "sweep", run.sweepSize, s.progress.map { percent($0) } ?? "—", "—", "—", "—",
              s.secondsSinceWrite.map { duration($0) + " ago" } ?? "—", run.sweepCounts + " · Enter opens the sweep"]
    }
    // status.json's error says most about a bad folder; a config error comes after it.
    let error = s.errors.first { $0.file == RunFolder.statusFile } ?? s.errors.first
    let note = error.map { "\($0)" } ?? s.reason ?? ""
    return [s.name, s.model ?? "—", s.state.rawValue, s.progress.map { percent($0) } ?? "—", s.time.map { number($0) } ?? "—",
            s.stepsPerSecond.map { number($0) } ?? "—", s.etaSeconds.map(duration) ?? "—",
            s.secondsSinceWrite.map { duration($0) + " ago" } ?? "—", note]
  }

  func renderDetail(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard let run = current else { return }
    let s = run.summary
    if let points = run.sweepPoints {
      let header = run.sweepHeader
      let block = Block(title: "\(header?.name ?? s.name) · sweep" + (header.map { " · \($0.executor)" } ?? ""))
      block.render(into: &buffer, area: area, theme: theme)
      var lines = [TextLine("\(run.sweepSize), \(points.count) started: \(run.sweepCounts)"),
                   TextLine("Enter: its points, their states and tip height against the swept parameter")]
      if let problem = header?.problem {
        lines.insert(TextLine(problem, style: Style(foreground: theme.error, background: theme.background)), at: 1)
      }
      Paragraph(lines: lines, wrap: true).render(into: &buffer, area: block.inner(area), theme: theme)
      return
    }
    let block = Block(title: s.name)
    block.render(into: &buffer, area: area, theme: theme)
    var lines: [TextLine] = []
    var head = "\(s.state.rawValue) · step \(s.step.map(String.init) ?? "—")"
    if let n = s.targetSteps { head += " of \(n)" }
    if let t = s.targetTime { head += " · until t = \(Self.number(t)) s" }
    head += " · \(s.snapshotCount) snapshot\(s.snapshotCount == 1 ? "" : "s")"
    if let pid = s.pid { head += " · pid \(pid)" }
    lines.append(TextLine(head))
    if let reason = s.reason { lines.append(TextLine(reason, style: Style(foreground: theme.warning, background: theme.background))) }
    for error in s.errors { lines.append(TextLine("\(error)", style: Style(foreground: theme.error, background: theme.background))) }
    Paragraph(lines: lines, wrap: true).render(into: &buffer, area: block.inner(area), theme: theme)
  }

  func stateColor(_ state: RunSummary.State, theme: Theme) -> Color {
    switch state {
    case .running: return theme.ok
    case .paused, .stale: return theme.warning
    case .failed, .unknown: return theme.error
    case .finished, .stopped: return theme.text
    }
  }

  func renderAttached(_ run: SimulationRun, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let areas = Self.attachedAreas(area)
    renderStatusStrip(run, into: &buffer, area: areas.strip, theme: theme)
    renderMetric(run, into: &buffer, area: areas.metric, context: context)
    let maps = comparedMaps(run, context: context)
    if maps.count > 1 {
      renderCompared(maps, into: &buffer, area: areas.field, context: context)
    } else {
      renderField(run, into: &buffer, area: areas.field, context: context)
    }
  }

  /// The step, times, speed and the log's last lines.
  func renderStatusStrip(_ run: SimulationRun, into buffer: inout Buffer, area: Rect, theme: Theme) {
    let s = run.summary
    let block = Block(title: "\(s.name) · \(s.model ?? "—") · \(s.state.rawValue) (Esc: \(attachedSweep == nil ? "runs" : "sweep"))", isFocused: true)
    block.render(into: &buffer, area: area, theme: theme)
    var head = "step \(s.step.map(String.init) ?? "—")"
    if let p = s.progress { head += " (\(Self.percent(p)))" }
    head += " · t \(s.time.map { Self.number($0) + " s" } ?? "—")"
    head += " · Δt \(lastMetric("dt_s").map { Self.number($0) + " s" } ?? "—")"
    head += " · wall \(run.wallSeconds.map(Self.duration) ?? "—")"
    head += " · \(s.stepsPerSecond.map { Self.number($0) } ?? "—") steps/s"
    head += " · ETA \(s.etaSeconds.map(Self.duration) ?? "—")"
    head += " · written \(s.secondsSinceWrite.map { Self.duration($0) + " ago" } ?? "—")"
    var lines = [TextLine(head, style: Style(foreground: stateColor(s.state, theme: theme), background: theme.background).adding(.bold))]
    if let reason = s.reason { lines.append(TextLine(reason, style: Style(foreground: theme.warning, background: theme.background))) }
    for error in s.errors { lines.append(TextLine("\(error)", style: Style(foreground: theme.error, background: theme.background))) }
    let inner = block.inner(area)
    lines += run.logLines.suffix(max(0, inner.height - lines.count)).map { TextLine($0, style: Style(foreground: theme.border, background: theme.background)) }
    Paragraph(lines: lines, wrap: false).render(into: &buffer, area: inner, theme: theme)
  }

  /// The newest finite value of a metrics column.
  func lastMetric(_ name: String) -> Double? {
    guard let column = metricsReader.column(name) else { return nil }
    for row in metricRows.reversed() where column < row.count {
      if let v = row[column], v.isFinite { return v }
    }
    return nil
  }

  func renderMetric(_ run: SimulationRun, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let value = lastMetric(metric).map(Self.number) ?? "—"
    let block = Block(title: "\(metric) = \(value)")
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    if let error = metricsError {
      Paragraph(lines: [TextLine(error, style: Style(foreground: theme.error, background: theme.background))], wrap: true)
        .render(into: &buffer, area: inner, theme: theme)
      return
    }
    guard let x = metricsReader.column("time_s"), let y = metricsReader.column(metric) else {
      let text = metricsReader.columns.isEmpty ? "reading metrics.csv…" : "metrics.csv has no time_s or \(metric) column"
      _ = buffer.write(text, x: inner.x + 1, y: inner.y, style: Style(foreground: theme.border, background: theme.background), maxWidth: inner.width - 1)
      return
    }
    let points = metricRows.compactMap { row -> PlotPoint? in
      guard x < row.count, y < row.count, let tx = row[x], let vy = row[y], tx.isFinite, vy.isFinite else { return nil }
      return PlotPoint(x: tx, y: vy)
    }
    var series = [PlotSeries(run.path, points: points, kind: .line, color: theme.seriesColor(0))]
    for (i, other) in marked.filter({ $0 != run.path }).enumerated() {
      let trace = compared[other]?.points(metric).map { PlotPoint(x: $0.0, y: $0.1) } ?? []
      series.append(PlotSeries(other, points: trace, kind: .line, color: theme.seriesColor(i + 1)))
    }
    LinePlot(series: series, xAxis: PlotAxis("t / s"), yAxis: PlotAxis(metric), symbols: context.graphSymbols,
             legend: series.count > 1 ? .topRight : .hidden)
      .render(into: &buffer, area: inner, theme: theme)
  }

  func renderField(_ run: SimulationRun, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let wanted = wantedSnapshot
    guard let frame, frame.run == run.path, let values = frame.values(fieldName) else {
      let block = Block(title: "Snapshot")
      block.render(into: &buffer, area: area, theme: theme)
      let text: String
      if let error = snapshotError, error.snapshot == wanted { text = error.message }
      else if let decoding { text = "decoding snapshot \(decoding)…" }
      else { text = wanted == nil ? "no snapshot yet" : "waiting for \(wanted ?? "")…" }
      Paragraph(lines: [TextLine(text)], wrap: true).render(into: &buffer, area: block.inner(area), theme: theme)
      return
    }
    let field = SnapshotField.named(fieldName)
    var title = "\(field.symbol) · \(Self.stepName(frame.snapshot)) · \(frame.sourceColumns)×\(frame.sourceRows)"
    if chosenSnapshot == nil { title += " · newest" }
    if let decoding { title += " · decoding \(Self.stepName(decoding))…" }
    else if let error = snapshotError, error.snapshot == wanted { title += " · \(error.message)" }
    let block = Block(title: title)
    block.render(into: &buffer, area: area, theme: theme)
    fieldMap(frame, values: values, context: context)?.render(into: &buffer, area: block.inner(area), theme: theme)
  }

  /// The shown field of `frame` as a map; its cells are left blank when the terminal shows
  /// images (the image goes there), and a sixel map has no more colours than the terminal's
  /// registers minus two (the background and the interface line).
  func fieldMap(_ frame: SnapshotFrame, values: [Double], context: PaneRenderContext) -> FieldMap? {
    let field = SnapshotField.named(fieldName)
    var map = FieldMap(values: values, columns: frame.columns, rows: frame.rows, spacing: (frame.spacingX, frame.spacingY),
                       origin: (frame.originX, frame.originY), name: field.symbol, unit: field.unit,
                       interface: fieldName == "xi" ? nil : frame.values("xi"), viewport: viewport)
    if let graphics = context.graphics {
      map.drawsMap = false
      if graphics.imageProtocol == .sixel { map.levels = max(2, min(256, graphics.colorRegisters) - 2) }
    }
    return map
  }

  /// "step 200" for step_000000200.vti (the file name for anything else).
  static func stepName(_ snapshot: String) -> String {
    RunFolder.step(ofSnapshot: snapshot).map { "step \($0)" } ?? snapshot
  }

  static func percent(_ fraction: Double) -> String { fraction.isFinite ? String(format: "%.1f%%", fraction * 100) : "—" }

  /// Four significant digits; "—" for a value that is not a number.
  static func number(_ x: Double) -> String { x.isFinite ? String(format: "%.4g", x) : "—" }

  /// "45s", "12m05s", "3h07m", "2d04h".
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "—" }
    let s = Int(min(seconds, 1e9).rounded())
    if s < 60 { return "\(s)s" }
    if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
    if s < 86400 { return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60) }
    return String(format: "%dd%02dh", s / 86400, (s % 86400) / 3600)
  }
}
