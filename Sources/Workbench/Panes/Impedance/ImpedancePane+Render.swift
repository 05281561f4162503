import Engine
import Foundation
import TUI

extension ImpedancePane {
  public func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    guard area.width >= 30, area.height >= 10 else {
      _ = buffer.write("Impedance: enlarge the terminal", x: area.x, y: area.y, style: theme.textStyle, maxWidth: area.width)
      return
    }
    let parameterRows = min(circuit?.parameterCount ?? 0, 10)
    let bottomHeight = min(area.height / 2, parameterRows + 5)
    let rows = area.rows([.fill(1), .length(bottomHeight)])
    let top = rows[0].columns([.length(min(34, area.width / 4)), .fill(1)])
    renderList(into: &buffer, area: top[0], theme: theme)
    renderPlots(into: &buffer, area: top[1], context: context)
    renderFitPanel(into: &buffer, area: rows[1], theme: theme)
    if case .circuitPicker(let pick) = modal { renderPicker(into: &buffer, area: top[1], selected: pick, theme: theme) }
  }

  func renderList(into buffer: inout Buffer, area: Rect, theme: Theme) {
    let bad = unreadable.filter { $0.value != "removed" }.sorted { $0.key < $1.key }
    let marked = seriesMarks.isEmpty ? "" : ", \(seriesMarks.count) ●"
    let block = Block(title: "Spectra (\(entries.count)\(marked))" + (bad.isEmpty ? "" : ", \(bad.count) bad"), isFocused: true)
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    if entries.isEmpty && bad.isEmpty {
      let text = listing.emptyText(noFiles: "no impedance files in the workspace")
      Paragraph(lines: [TextLine(text)], wrap: true).render(into: &buffer, area: inner, theme: theme)
      return
    }
    var counts: [String: Int] = [:]
    for e in entries { counts[e.path, default: 0] += 1 }
    // The selection marker and the fit mark take four columns.
    let labels = FileLabels.distinguishing(entries.map { $0.label(spectraInFile: counts[$0.path] ?? 1) }, width: inner.width - 4)
    var items = zip(entries, labels).map { e, label -> TextLine in
      let mark = e.fit.map { $0.result.success ? "✓" : "✗" } ?? " "
      return TextLine(mark + (seriesMarks.contains(e.key) ? "●" : " ") + label)
    }
    // Files that could not be read stay in the list, below the spectra, with their error.
    let errorStyle = Style(foreground: theme.error, background: theme.background)
    for (path, error) in bad {
      items.append(TextLine("! " + FileLabels.middleEllipsis(path, width: max(1, inner.width - 4)), style: errorStyle))
      items.append(TextLine("  " + error, style: errorStyle.adding(.dim)))
    }
    List(items: items, selected: selected, isFocused: true).render(into: &buffer, area: inner, theme: theme)
  }

  func renderPlots(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    guard let entry = current else {
      Block(title: view.rawValue).render(into: &buffer, area: area, theme: theme)
      return
    }
    let parts = area.rows([.fill(1), .length(area.height >= 18 ? 7 : 0)])
    let s = entry.spectrum
    switch view {
    case .spectra:
      let halves = parts[0].columns([.ratio(1, 2), .fill(1)])
      var nyquist = [
        PlotSeries("data", x: s.real, y: s.imaginary.map { -$0 }, kind: .points, color: theme.seriesColor(0)),
        PlotSeries("model", x: curve.map(\.re), y: curve.map { -$0.im }, kind: .line, color: theme.seriesColor(1)),
      ]
      for (k, other) in overlaid.enumerated() {
        let name = FileLabels.distinguishing([label(of: other), label(of: entry)], width: 14)[0]
        nyquist.append(PlotSeries(name, x: other.spectrum.real, y: other.spectrum.imaginary.map { -$0 }, kind: .points, color: theme.seriesColor(4 + k)))
      }
      if let cursor, s.frequencies.indices.contains(cursor) {
        nyquist.append(PlotSeries("cursor", x: [s.real[cursor]], y: [-s.imaginary[cursor]], kind: .points, color: theme.warning))
      }
      var title = (nyquistWindow == nil ? "Nyquist · " : "Nyquist zoomed · ") + label(of: entry)
      if let readout = cursorReadout { title = readout + " · " + label(of: entry) }
      drawPlot(LinePlot(series: nyquist, xAxis: PlotAxis("Z′ / Ω", bounds: nyquistWindow?.real), yAxis: PlotAxis("−Z″ / Ω", bounds: nyquistWindow?.minusImaginary),
                        symbols: context.graphSymbols, equalAspect: true),
               title: title, area: halves[0], buffer: &buffer, theme: theme)
      let bode = halves[1].rows([.ratio(1, 2), .fill(1)])
      let magnitude = zip(s.real, s.imaginary).map { ($0 * $0 + $1 * $1).squareRoot() }
      drawPlot(LinePlot(series: [
        PlotSeries("|Z|", x: s.frequencies, y: magnitude, kind: .points, color: theme.seriesColor(0)),
        PlotSeries("model", x: curveFrequencies, y: curve.map { ($0.re * $0.re + $0.im * $0.im).squareRoot() }, kind: .line, color: theme.seriesColor(1)),
      ], xAxis: PlotAxis("f / Hz", scale: .log10), yAxis: PlotAxis("|Z| / Ω", scale: .log10), symbols: context.graphSymbols, legend: .hidden),
               title: "Bode |Z|", area: bode[0], buffer: &buffer, theme: theme)
      drawPlot(LinePlot(series: [
        PlotSeries("−phase", x: s.frequencies, y: zip(s.real, s.imaginary).map { -atan2($1, $0) * 180 / .pi }, kind: .points, color: theme.seriesColor(0)),
        PlotSeries("model", x: curveFrequencies, y: curve.map { -atan2($0.im, $0.re) * 180 / .pi }, kind: .line, color: theme.seriesColor(1)),
      ], xAxis: PlotAxis("f / Hz", scale: .log10), yAxis: PlotAxis("−φ / °"), symbols: context.graphSymbols, legend: .hidden),
               title: "Bode phase", area: bode[1], buffer: &buffer, theme: theme)
      if parts[1].height > 0 {
        let f = s.frequencies.filter { _ in true }
        drawPlot(LinePlot(series: [
          PlotSeries("Δre", x: Array(f.prefix(residualsReal.count)), y: residualsReal, kind: .lineAndPoints, color: theme.seriesColor(2)),
          PlotSeries("Δim", x: Array(f.prefix(residualsImaginary.count)), y: residualsImaginary, kind: .lineAndPoints, color: theme.seriesColor(3)),
        ], xAxis: PlotAxis("f / Hz", scale: .log10), yAxis: PlotAxis("%"), symbols: context.graphSymbols),
                 title: "Residuals (model − data)/|Z|", area: parts[1], buffer: &buffer, theme: theme)
      }
    case .arrhenius:
      renderArrhenius(into: &buffer, area: area, context: context)
    case .kramersKronig, .drt, .drtMap:
      renderAnalysis(into: &buffer, area: area, entry: entry, context: context)
    }
  }

  func renderAnalysis(into buffer: inout Buffer, area: Rect, entry: LoadedImpedanceSpectrum, context: PaneRenderContext) {
    let theme = context.theme
    guard let analysis, analysis.entry == selected, analysis.view == view else {
      let block = Block(title: view.rawValue)
      block.render(into: &buffer, area: area, theme: theme)
      _ = buffer.write(analysisRunning ? "computing…" : "—", x: area.x + 2, y: area.y + 1, style: theme.textStyle, maxWidth: area.width - 4)
      return
    }
    let s = entry.spectrum
    let parts = area.rows([.fill(1), .length(4)])
    var lines: [TextLine] = []
    switch analysis {
    case .failed(_, _, let message):
      Block(title: view.rawValue).render(into: &buffer, area: area, theme: theme)
      Paragraph(lines: [TextLine(message, style: Style(foreground: theme.error, background: theme.background))], wrap: true)
        .render(into: &buffer, area: Block().inner(area), theme: theme)
      return
    case .kramersKronig(_, let kk):
      let halves = parts[0].columns([.ratio(1, 2), .fill(1)])
      drawPlot(LinePlot(series: [
        PlotSeries("data", x: s.real, y: s.imaginary.map { -$0 }, kind: .points, color: theme.seriesColor(0)),
        PlotSeries("Lin-KK", x: kk.fitted.map(\.re), y: kk.fitted.map { -$0.im }, kind: .line, color: theme.seriesColor(1)),
      ], xAxis: PlotAxis("Z′ / Ω"), yAxis: PlotAxis("−Z″ / Ω"), symbols: context.graphSymbols, equalAspect: true),
               title: "Kramers–Kronig (Lin-KK, M = \(kk.elementCount))", area: halves[0], buffer: &buffer, theme: theme)
      drawPlot(LinePlot(series: [
        PlotSeries("Δre", x: s.frequencies, y: kk.residualsReal.map { $0 * 100 }, kind: .lineAndPoints, color: theme.seriesColor(2)),
        PlotSeries("Δim", x: s.frequencies, y: kk.residualsImaginary.map { $0 * 100 }, kind: .lineAndPoints, color: theme.seriesColor(3)),
      ], xAxis: PlotAxis("f / Hz", scale: .log10), yAxis: PlotAxis("%"), symbols: context.graphSymbols),
               title: "KK residuals", area: halves[1], buffer: &buffer, theme: theme)
      lines.append(TextLine(String(format: "μ %.3f   pseudo-χ² %.3g   noise ≈ %.2g %%   max |residual| %.2g %%", kk.mu, kk.pseudoChiSquare, kk.noiseEstimatePercent, kk.maxAbsoluteResidual * 100)))
      lines.append(TextLine(kk.verdict, style: Style(foreground: kk.valid ? theme.ok : theme.warning, background: theme.background)))
      lines.append(Self.seriesLine(kk.capacitanceChoice, kk.inductanceChoice, theme: theme))
    case .drt(_, let drt):
      let peaks = PlotSeries("peaks", x: drt.peaks.map(\.tau), y: drt.peaks.map(\.gamma), kind: .points, color: theme.seriesColor(1))
      drawPlot(LinePlot(series: [
        PlotSeries("γ(τ)", x: drt.tau, y: drt.gamma, kind: .line, color: theme.seriesColor(0)), peaks,
      ], xAxis: PlotAxis("τ / s", scale: .log10), yAxis: PlotAxis("γ / Ω"), symbols: context.graphSymbols),
               title: String(format: "DRT (λ = %.2g, R∞ = %.4g Ω)", drt.lambda, drt.seriesResistance), area: parts[0], buffer: &buffer, theme: theme)
      let text = drt.peaks.enumerated().map { String(format: "P%d τ %.3g s R %.4g Ω", $0.offset + 1, $0.element.tau, $0.element.resistance) }
      lines.append(TextLine(text.isEmpty ? "no peaks" : text.joined(separator: "   ")))
      lines.append(Self.seriesLine(drt.capacitanceChoice, drt.inductanceChoice, theme: theme))
    case .drtSeries(_, let labels, let series):
      renderDRTMap(labels: labels, series: series, area: parts[0], buffer: &buffer, context: context)
      let strongest = series.map { $0.peaks.max { $0.resistance < $1.resistance } }
      if let first = strongest.first ?? nil, let last = strongest.last ?? nil {
        lines.append(TextLine(String(format: "%d spectra · largest peak: τ %.3g s, R %.4g Ω (first) → τ %.3g s, R %.4g Ω (last)",
                                     series.count, first.tau, first.resistance, last.tau, last.resistance)))
      }
    }
    Paragraph(lines: lines, wrap: true).render(into: &buffer, area: parts[1].inset(horizontal: 1, vertical: 0), theme: theme)
  }

  /// γ(τ) of each spectrum as a column, log τ upwards (the study's 2-D intensity maps).
  func renderDRTMap(labels: [String], series: [DistributionOfRelaxationTimes], area: Rect, buffer: inout Buffer, context: PaneRenderContext) {
    let theme = context.theme
    let block = Block(title: "DRT map: γ(τ) / Ω across \(series.count) spectra")
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard let tau = series.first?.tau, !tau.isEmpty, inner.width > 12, inner.height > 3 else { return }
    let rows = tau.count
    var values = [Double](repeating: .nan, count: rows * series.count)
    for (column, drt) in series.enumerated() where drt.gamma.count == rows {
      for k in 0..<rows { values[(rows - 1 - k) * series.count + column] = drt.gamma[k] }
    }
    let label = 9
    let mapArea = Rect(x: inner.x + label, y: inner.y, width: inner.width - label, height: inner.height - 1)
    HeatMap(values: values, columns: series.count, rows: rows, symbols: context.graphSymbols, showsScale: true)
      .render(into: &buffer, area: mapArea, theme: theme)
    let dim = theme.textStyle.adding(.dim)
    _ = buffer.write(String(format: "τ %.0e", tau[rows - 1]), x: inner.x, y: inner.y, style: dim, maxWidth: label)
    _ = buffer.write(String(format: "τ %.0e", tau[0]), x: inner.x, y: mapArea.bottom - 1, style: dim, maxWidth: label)
    _ = buffer.write("\(labels.first ?? "") → \(labels.last ?? "") (spectrum index →)", x: mapArea.x, y: inner.bottom - 1, style: dim, maxWidth: mapArea.width)
  }

  func renderArrhenius(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let series = arrheniusSeries
    let warning = Style(foreground: theme.warning, background: theme.background)
    let parts = area.rows([.fill(1), .length(4)])
    let x = series.temperaturesK.map { 1000 / $0 }
    // Without a geometry the points are ln(T/R): the same slope, no σ on the axis.
    let y: [Double] = zip(series.temperaturesK, series.conductivities ?? series.resistances.map { 1 / $0 }).map { log($1 * $0) }
    var plotted = [PlotSeries(series.conductivities == nil ? "ln(T/R)" : "ln(σT)", x: x, y: y, kind: .points, color: theme.seriesColor(0))]
    var lines: [TextLine] = []
    if let fit = series.fit, let low = x.min(), let high = x.max() {
      plotted.append(PlotSeries("fit", x: [low, high], y: [fit.intercept + fit.slope * low, fit.intercept + fit.slope * high], kind: .line, color: theme.seriesColor(1)))
      var result = String(format: "Ea = %.3f ± %.3f eV   slope %.4g ± %.2g   R² %.5f   (%@, %d points)",
                          fit.activationEnergyEV, fit.activationEnergyStandardErrorEV, fit.slope, fit.slopeStandardError,
                          fit.rSquared, series.parameter, fit.count)
      if series.conductivities != nil {
        result += String(format: "   σ(25 °C) = %.4g mS/cm", fit.conductivityAt25C * 1000)
      }
      lines.append(TextLine(result, style: theme.textStyle.adding(.bold)))
      if let unreliable = fit.unreliability {
        lines.append(TextLine("⚠ not a meaningful Ea: " + unreliable, style: warning))
      }
    } else if let problem = series.problem {
      lines.append(TextLine(problem, style: warning))
    }
    if series.conductivities != nil {
      lines.append(TextLine("geometry: " + series.geometrySources.joined(separator: "; "), style: theme.textStyle.adding(.dim)))
    } else if !series.missingGeometry.isEmpty {
      lines.append(TextLine("no σ: no pellet geometry for \(series.missingGeometry.count) of \(series.temperaturesK.count) spectra "
        + "(g enters thickness and diameter, or a protocol's data_files can name them)", style: warning))
    }
    for problem in protocolGeometryProblems { lines.append(TextLine(problem, style: warning)) }
    let geometryEditor: TextInput? = if case .geometryEditor(let editor) = modal { editor } else { nil }
    if let editor = geometryEditor {
      editor.render(into: &buffer, area: Rect(x: parts[1].x, y: parts[1].bottom - 1, width: parts[1].width, height: 1), theme: theme)
    }
    let yLabel = series.conductivities == nil ? "ln(T/R / K·Ω⁻¹)" : "ln(σT / S·K·cm⁻¹)"
    drawPlot(LinePlot(series: plotted, xAxis: PlotAxis("1000/T / K⁻¹"), yAxis: PlotAxis(yLabel), symbols: context.graphSymbols),
             title: "Arrhenius · \(arrheniusQuantity == .selected ? "" : arrheniusQuantity.rawValue + " ")\(series.parameter) (t: bulk/gb/total · g: geometry)", area: parts[0], buffer: &buffer, theme: theme)
    Paragraph(lines: lines, wrap: true).render(into: &buffer, area: Rect(x: parts[1].x + 1, y: parts[1].y, width: max(0, parts[1].width - 2), height: geometryEditor == nil ? parts[1].height : parts[1].height - 1), theme: theme)
  }

  /// "series C: included (auto: low-frequency phase −89.6°, …) · series L: … · s/i override".
  static func seriesLine(_ capacitance: SeriesElementChoice, _ inductance: SeriesElementChoice, theme: Theme) -> TextLine {
    TextLine(capacitance.summary(element: "C") + " · " + inductance.summary(element: "L") + " · s/i override",
             style: theme.textStyle.adding(.dim))
  }

  func drawPlot(_ plot: LinePlot, title: String, area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    let block = Block(title: title)
    block.render(into: &buffer, area: area, theme: theme)
    plot.render(into: &buffer, area: block.inner(area), theme: theme)
  }

  func renderFitPanel(into buffer: inout Buffer, area: Rect, theme: Theme) {
    let block = Block(title: "Circuit and parameters")
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard inner.height >= 2 else { return }
    let text = theme.textStyle
    let dim = text.adding(.dim)
    if case .circuitEditor(let editor) = modal {
      editor.render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), theme: theme)
      if let error = circuitError {
        let x = inner.x + editor.prompt.count + max(0, error.column - 1)
        _ = buffer.write("^ \(error.message)", x: min(x, inner.right - 1), y: inner.y + 1,
                         style: Style(foreground: theme.error, background: theme.background), maxWidth: max(1, inner.right - x))
      } else {
        _ = buffer.write("valid · Enter applies · Esc cancels · Ctrl-U clears", x: inner.x, y: inner.y + 1, style: dim, maxWidth: inner.width)
      }
      return
    }
    if case .boundsEditor(let editor) = modal {
      editor.render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), theme: theme)
      _ = buffer.write("two numbers (inf allowed) · Enter applies · Esc cancels", x: inner.x, y: inner.y + 1, style: dim, maxWidth: inner.width)
      return
    }
    var x = inner.x
    x = buffer.write("circuit ", x: x, y: inner.y, style: dim)
    x = buffer.write(circuit?.description ?? circuitText, x: x, y: inner.y, style: text.adding(.bold), maxWidth: max(0, inner.right - x))
    // Why this circuit and where its start came from: a spectrum's numbers are never anonymous.
    _ = buffer.write("  weighting \(settings.weighting.name) · \(startOrigin) · \(circuitOrigin)", x: x, y: inner.y, style: dim, maxWidth: max(0, inner.right - x))
    let parameters = displayedParameters
    let fit = current?.fit.flatMap { $0.circuit == circuit && !fitRunning && fitMatchesSettings($0) ? $0 : nil }
    let rows = parameters.items.enumerated().map { k, p -> [String] in
      let stderr = fit.map { $0.result.standardErrors.indices.contains(k) ? $0.result.standardErrors[k] : .nan }
      // A fitted value the data do not determine is flagged where it is read.
      let flags = fit?.report.identifiabilityFlags(of: p.name) ?? []
      let given = settings.given[p.name]
      let fromNeighbour = given != nil && given == neighbourStart[p.name]
      let origin = fit != nil ? (flags.isEmpty ? "fit" : "fit ⚠ " + flags.joined(separator: "; ")) : (given == nil ? "auto" : fromNeighbour ? "neighbour" : "set")
      return [p.name, String(format: "%.6g", p.value), p.unit,
              p.fixed ? "fixed" : (stderr.map { $0.isFinite ? String(format: "± %.3g", $0) : "± ?" } ?? ""),
              p.fixed ? "■" : "□", Self.format(p.min), Self.format(p.max), origin]
    }
    let columns = [
      TableColumn("param", width: .length(9)), TableColumn.numeric("value", width: .length(13)), TableColumn("unit", width: .length(11)),
      TableColumn.numeric("stderr", width: .length(11)), TableColumn("fix", width: .length(3)),
      TableColumn.numeric("min", width: .length(9)), TableColumn.numeric("max", width: .length(9)), TableColumn("from", width: .fill(1)),
    ]
    let tableArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 2))
    Table(columns: columns, rows: rows, selected: selectedParameter, isFocused: true).render(into: &buffer, area: tableArea, theme: theme)
    let status: String
    if fitRunning {
      status = progress.map { String(format: "fitting… %@, iteration %d, χ² %.6g   (Esc cancels)", $0.stage, $0.iteration, $0.chiSquare) } ?? "fitting…"
    } else if let fit {
      let r = fit.result
      status = String(format: "%@  χ² %.6g  reduced χ² %.4g  RMSE %.4g  %d iterations  %@ weights",
                      r.success ? "converged" : "FAILED", r.chiSquare, r.reducedChiSquare, r.rmse, r.iterations, fit.weighting.name)
    } else {
      status = "f fits this spectrum, F all; c circuit, C common circuits; ←→ parameter, +/− nudge, x fix, b bounds, w weighting, u undo"
    }
    _ = buffer.write(status, x: inner.x, y: inner.bottom - 1, style: fitRunning ? Style(foreground: theme.warning, background: theme.background) : dim, maxWidth: inner.width)
  }

  func renderPicker(into buffer: inout Buffer, area: Rect, selected pick: Int, theme: Theme) {
    let width = min(area.width - 2, 64), height = min(area.height - 2, CommonCircuits.all.count + 2)
    guard width > 10, height > 2 else { return }
    let box = Rect(x: area.x + 1, y: area.y + 1, width: width, height: height)
    let block = Block(title: "Common circuits (Enter picks, Esc closes)", isFocused: true)
    block.render(into: &buffer, area: box, theme: theme)
    let items = CommonCircuits.all.map { TextLine("\($0.circuit.padding(toLength: 32, withPad: " ", startingAt: 0)) \($0.description)") }
    List(items: items, selected: pick, isFocused: true).render(into: &buffer, area: block.inner(box), theme: theme)
  }
}
