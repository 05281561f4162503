import Engine
import Foundation
import TUI

extension SimulationPane {
  /// The open sweep: its points (parameters, state, step, observables) and the final tip height
  /// against the first numeric swept key.
  func renderSweep(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let name = attachedSweep ?? ""
    guard let sweep else {
      let block = Block(title: "Sweep \(name) (Esc: runs)", isFocused: true)
      block.render(into: &buffer, area: area, theme: theme)
      let text = sweepError.map { "\(name): \($0)" } ?? "reading \(name)/sweep.json…"
      Paragraph(lines: [TextLine(text)], wrap: true).render(into: &buffer, area: block.inner(area), theme: theme)
      return
    }
    let counts = SweepPointState.allCases.compactMap { state -> String? in
      let n = sweep.points.filter { $0.state == state }.count
      return n == 0 ? nil : "\(n) \(state.rawValue)"
    }.joined(separator: ", ")
    let parts = area.rows([.fill(1), .fill(1)])
    let block = Block(title: "Sweep \(sweep.name) · \(sweep.executor) · \(sweep.points.count) points: \(counts) (Enter: open point, Esc: runs)",
                      isFocused: true)
    block.render(into: &buffer, area: parts[0], theme: theme)
    var inner = block.inner(parts[0])
    if let problem = sweepError ?? sweep.warnings.first {
      _ = buffer.write(problem, x: inner.x, y: inner.y, style: Style(foreground: theme.warning, background: theme.background), maxWidth: inner.width)
      inner = inner.rows([.length(1), .fill(1)])[1]
    }
    var columns = [TableColumn("point", width: .length(6))]
    columns += sweep.keys.map { TableColumn.numeric(Self.shortKey($0), width: .length(max(8, min(22, Self.shortKey($0).count + 1)))) }
    columns += [TableColumn("state", width: .length(9)), TableColumn.numeric("step", width: .length(8)),
                TableColumn.numeric("t", unit: "s", width: .length(9)), TableColumn.numeric("tip", unit: "µm", width: .length(9)),
                TableColumn.numeric("Li area", width: .length(9)), TableColumn("note", width: .fill(1))]
    let rows = sweep.points.map { p -> [String] in
      let o = p.observables
      return [p.folder] + p.parameters.map { $0.number.map(Self.number) ?? $0.text }
        + [p.state.rawValue, p.step.map(String.init) ?? "—", (p.time ?? o.finalTime).map(Self.number) ?? "—",
           o.finalTipHeight.map(Self.number) ?? "—", o.finalLiArea.map(Self.number) ?? "—", p.reason ?? p.problems.first ?? ""]
    }
    let stateColumn = 1 + sweep.keys.count
    let styles = sweep.points.map { p -> [Style?] in
      var row = [Style?](repeating: nil, count: stateColumn + 1)
      row[stateColumn] = Style(foreground: Self.sweepStateColor(p.state, theme: theme), background: theme.background)
      return row
    }
    Table(columns: columns, rows: rows, selected: sweepSelected, isFocused: true, cellStyles: styles)
      .render(into: &buffer, area: inner, theme: theme)
    renderSweepPlot(sweep, into: &buffer, area: parts[1], context: context)
  }

  func renderSweepPlot(_ sweep: SimulationSweep, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    guard let key = sweep.plottedKey else {
      let block = Block(title: "tip height")
      block.render(into: &buffer, area: area, theme: theme)
      _ = buffer.write("no numeric swept parameter to plot against", x: block.inner(area).x, y: block.inner(area).y,
                       style: theme.textStyle, maxWidth: block.inner(area).width)
      return
    }
    let points = sweep.tipHeightAgainst(keyIndex: key).map { PlotPoint(x: $0.0, y: $0.1) }
    let block = Block(title: "final tip height / µm against \(sweep.keys[key]) · \(points.count) of \(sweep.points.count) points")
    block.render(into: &buffer, area: area, theme: theme)
    guard !points.isEmpty else {
      _ = buffer.write("no point has a tip height yet", x: block.inner(area).x, y: block.inner(area).y,
                       style: theme.textStyle, maxWidth: block.inner(area).width)
      return
    }
    LinePlot(series: [PlotSeries("tip height", points: points, kind: .lineAndPoints, color: theme.seriesColor(0))],
             xAxis: PlotAxis(sweep.keys[key]), yAxis: PlotAxis("tip / µm"), symbols: context.graphSymbols, legend: .hidden)
      .render(into: &buffer, area: block.inner(area), theme: theme)
  }

  /// "electrode_potential" for "physics.electrode_potential" (the table's column title).
  static func shortKey(_ key: String) -> String { key.split(separator: ".").last.map(String.init) ?? key }

  static func sweepStateColor(_ state: SweepPointState, theme: Theme) -> Color {
    switch state {
    case .running, .queued: return theme.ok
    case .paused, .stale, .stopped, .cancelled, .timedOut: return theme.warning
    case .failed, .unknown: return theme.error
    case .finished, .pending: return theme.text
    }
  }
}
