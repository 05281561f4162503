import Engine
import Foundation
import TUI

extension SpectraPane {
  public func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    guard area.width >= 40, area.height >= 12 else {
      _ = buffer.write("Spectra: enlarge the terminal", x: area.x, y: area.y, style: theme.textStyle, maxWidth: area.width)
      return
    }
    let tableHeight = min(area.height / 3, settings.model.components.count + 4 + notesLines.count)
    let rows = area.rows([.fill(1), .length(max(4, tableHeight))])
    let top = rows[0].columns([.length(min(34, area.width / 4)), .fill(1)])
    renderList(into: &buffer, area: top[0], theme: theme)
    if analysis.showsSeries {
      renderSeries(into: &buffer, area: top[1], context: context)
    } else {
      renderPlot(into: &buffer, area: top[1], context: context)
    }
    renderResults(into: &buffer, area: rows[1], theme: theme)
  }

  /// One row of the file list: a technique heading, a spectrum (its index in `entries`), or
  /// a file that could not be read with its error.
  enum ListRow: Equatable {
    case heading(String)
    case spectrum(Int)
    case unreadable(path: String, error: String)
  }

  var listRows: [ListRow] {
    var rows: [ListRow] = []
    var last: SpectroscopyTechnique?
    for (i, e) in entries.enumerated() {
      if e.spectrum.technique != last {
        last = e.spectrum.technique
        rows.append(.heading("\(e.spectrum.technique.rawValue.uppercased()) · \(e.spectrum.axis.label) / \(e.spectrum.axis.unit)"))
      }
      rows.append(.spectrum(i))
    }
    if !unreadable.isEmpty {
      rows.append(.heading("UNREADABLE"))
      for path in unreadable.keys.sorted() { rows.append(.unreadable(path: path, error: unreadable[path] ?? "")) }
    }
    return rows
  }

  func renderList(into buffer: inout Buffer, area: Rect, theme: Theme) {
    let block = Block(title: "Spectra (\(entries.count))", isFocused: true)
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    let rows = listRows
    if rows.isEmpty {
      Paragraph(lines: [TextLine(listing.emptyText(noFiles: "no Raman, XPS or XRD files in the workspace"))], wrap: true)
        .render(into: &buffer, area: inner, theme: theme)
      return
    }
    var counts: [String: Int] = [:]
    for e in entries { counts[e.path, default: 0] += 1 }
    let selectedRow = rows.firstIndex(of: .spectrum(selected)) ?? 0
    let first = max(0, min(selectedRow - inner.height / 2, rows.count - inner.height))
    for (k, row) in rows.dropFirst(first).prefix(inner.height).enumerated() {
      let y = inner.y + k
      switch row {
      case .heading(let text):
        _ = buffer.write(text, x: inner.x, y: y, style: Style(foreground: theme.title, background: theme.background, attributes: .bold), maxWidth: inner.width)
      case .spectrum(let i):
        let e = entries[i]
        let mark = e.fit.map { $0.result.success ? "✓ " : "✗ " } ?? "  "
        let style = i == selected ? Style(foreground: theme.background, background: theme.selection) : theme.textStyle
        if i == selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: style)) }
        _ = buffer.write(mark + e.label(spectraInFile: counts[e.path] ?? 1), x: inner.x, y: y, style: style, maxWidth: inner.width)
      case .unreadable(let path, let error):
        _ = buffer.write("✗ \(path): \(error)", x: inner.x, y: y, style: Style(foreground: theme.error, background: theme.background), maxWidth: inner.width)
      }
    }
  }

  /// The line plot of the selected spectrum with the fit drawn over it, as `renderPlot` shows it.
  func mainPlot(symbols: GraphSymbols, theme: Theme) -> LinePlot? {
    guard let entry = current, let span = visibleSpan else { return nil }
    let s = entry.spectrum
    func visible(_ x: [Double], _ y: [Double]) -> (x: [Double], y: [Double]) {
      let k = x.indices.filter { span.contains(x[$0]) && y[$0].isFinite }
      return (k.map { x[$0] }, k.map { y[$0] })
    }
    let data = visible(s.x, s.y)
    guard let ylo = data.y.min(), let yhi = data.y.max() else { return nil }
    func vertical(_ name: String, at x: Double, color: Color) -> PlotSeries {
      PlotSeries(name, x: [x, x], y: [ylo, yhi], kind: .line, color: color)
    }
    var series = [PlotSeries("data", x: data.x, y: data.y, kind: .line, color: theme.seriesColor(0))]
    if let fit = currentFit, fit.result.x.count == fit.result.background.count {
      let r = fit.result
      let bg = visible(r.x, r.background)
      series.append(PlotSeries("background", x: bg.x, y: bg.y, kind: .line, color: theme.seriesColor(2)))
      for (k, curve) in r.componentCurves.enumerated() where curve.count == r.x.count {
        let c = visible(r.x, zip(curve, r.background).map { $0 + $1 })
        let name = r.components.indices.contains(k) ? r.components[k].name : "p\(k + 1)"
        series.append(PlotSeries(name, x: c.x, y: c.y, kind: .line, color: theme.seriesColor(3 + k)))
      }
      let total = visible(r.x, r.total)
      series.append(PlotSeries("envelope", x: total.x, y: total.y, kind: .line, color: theme.seriesColor(1)))
    } else {
      for c in settings.model.components {
        if let centre = settings.model[c.centerName]?.value, span.contains(centre) {
          series.append(vertical("", at: centre, color: theme.seriesColor(3)))
        }
      }
    }
    if let range = settings.range {
      for end in [range.lowerBound, range.upperBound] where span.contains(end) {
        series.append(vertical("", at: end, color: theme.warning))
      }
    }
    for line in libraryLines where span.contains(line.x) {
      series.append(vertical("", at: line.x, color: theme.border))
    }
    // Stick patterns: each stick rises from the bottom of the data in proportion to its intensity.
    for (k, phase) in shownPhases.enumerated() {
      for stick in phase.sticks where span.contains(stick.twoTheta) {
        series.append(PlotSeries("", x: [stick.twoTheta, stick.twoTheta], y: [ylo, ylo + (yhi - ylo) * stick.intensity / 100],
                                 kind: .line, color: theme.seriesColor(5 + k)))
      }
    }
    if let cursor, span.contains(cursor) { series.append(vertical("", at: cursor, color: theme.ok)) }
    return LinePlot(series: series, xAxis: PlotAxis("\(s.axis.label) / \(s.axis.unit)", bounds: span, isReversed: isReversed),
                    yAxis: PlotAxis(s.yUnit.map { "intensity / \($0)" } ?? "intensity"), symbols: symbols)
  }

  /// The study's reference lines for the selected spectrum's technique, when shown (`m`).
  var libraryLines: [(x: Double, label: String)] {
    guard showsLibrary, let s = current?.spectrum else { return [] }
    switch s.technique {
    case .raman: return StudyReferenceLines.raman.map { ($0.shift, "\($0.compound) \(Int($0.shift))") }
    case .xps:
      guard s.axis == .bindingEnergy else { return [] }
      var lines: [(x: Double, label: String)] = []
      for l in StudyReferenceLines.xps {
        lines.append((l.bindingEnergy, l.species))
        if let upper = l.upperBindingEnergy { lines.append((upper, l.species + "'")) }
      }
      return lines
    case .aes, .xrd: return []
    }
  }

  /// Labels over the plot: the reference lines (`m`) and the hkl of the shown phases' sticks of
  /// intensity ≥ 5 (strongest 100), e.g. "LiCoO2 003".
  var markerLabels: [(x: Double, label: String)] {
    var labels = libraryLines
    for phase in shownPhases {
      for stick in phase.sticks where stick.intensity >= 5 {
        labels.append((stick.twoTheta, "\(phase.name) \(Self.hkl(stick))"))
      }
    }
    return labels
  }

  /// "111", "1-10", "1 0 12": indices run together when all are single digits.
  static func hkl(_ p: PowderPeak) -> String {
    let parts = [p.h, p.k, p.l].map(String.init)
    return [p.h, p.k, p.l].allSatisfy({ abs($0) < 10 }) ? parts.joined() : parts.joined(separator: " ")
  }

  func renderPlot(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    guard let entry = current else {
      Block(title: "Spectrum").render(into: &buffer, area: area, theme: theme)
      return
    }
    let s = entry.spectrum
    let block = Block(title: "\(entry.path) · \(s.technique.rawValue.uppercased()) · \(s.x.count) points")
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard inner.height >= 6 else { return }
    let showsResiduals = currentFit != nil && inner.height >= 18
    let labels = markerLabels
    let parts = inner.rows([.length(1), .length(labels.isEmpty ? 0 : 2), .fill(1), .length(showsResiduals ? 6 : 0)])
    _ = buffer.write(readout(entry), x: parts[0].x, y: parts[0].y, style: theme.textStyle, maxWidth: parts[0].width)
    guard let plot = mainPlot(symbols: context.graphSymbols, theme: theme) else { return }
    plot.render(into: &buffer, area: parts[2], theme: theme)
    if !labels.isEmpty {
      // Each label on the first of the two rows where it does not run into the previous one.
      var free = [parts[1].x, parts[1].x]
      for line in labels.sorted(by: { isReversed ? $0.x > $1.x : $0.x < $1.x }) {
        guard let col = plot.column(of: line.x, in: parts[2]), let row = free.indices.first(where: { col >= free[$0] }) else { continue }
        free[row] = buffer.write("│" + line.label, x: col, y: parts[1].y + row, style: Style(foreground: theme.warning, background: theme.background),
                                 maxWidth: parts[1].right - col) + 1
      }
    }
    if showsResiduals, let r = currentFit?.result, let span = visibleSpan {
      let k = r.x.indices.filter { span.contains(r.x[$0]) && r.residuals.indices.contains($0) }
      LinePlot(series: [PlotSeries("residual", x: k.map { r.x[$0] }, y: k.map { r.residuals[$0] }, kind: .line, color: theme.seriesColor(4))],
               xAxis: PlotAxis("", bounds: span, isReversed: isReversed), yAxis: PlotAxis("resid."), symbols: context.graphSymbols, legend: .hidden)
        .render(into: &buffer, area: parts[3], theme: theme)
    }
  }

  /// "x 459.0 eV  y 2351  ·  range 455–470  ·  bg shirley  ·  new: gaussian  ·  zoom".
  func readout(_ entry: SpectraEntry) -> String {
    let s = entry.spectrum
    var parts: [String] = []
    if let cursor, let i = s.x.indices.min(by: { abs(s.x[$0] - cursor) < abs(s.x[$1] - cursor) }) {
      parts.append("x \(Self.format(cursor)) \(s.axis.unit)  y \(Self.format(s.y[i]))")
    }
    parts.append(settings.range.map { "range \(Self.format($0.lowerBound))–\(Self.format($0.upperBound))" } ?? "range all")
    parts.append("bg \(backgroundName)")
    parts.append("new: \(shape.rawValue)")
    if let viewport { parts.append("view \(Self.format(viewport.lowerBound))–\(Self.format(viewport.upperBound))") }
    return parts.joined(separator: "  ·  ")
  }
}
