import Engine
import Foundation
import TUI

extension SpectraPane {
  /// The folder of a workspace path ("" for the top level).
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// The series the selected spectrum belongs to: every spectrum of the same technique in its
  /// folder that covers the fit range (or, without one, at least half of the selected spectrum's
  /// span — other regions of a multi-region XPS file are not part of it), in path order, then
  /// block order: an operando run or a temperature series.
  var seriesMembers: [SpectraEntry] {
    guard let entry = current, let lo = entry.spectrum.x.min(), let hi = entry.spectrum.x.max() else { return [] }
    let folder = Self.folder(of: entry.path)
    let covers = { (s: Spectrum) -> Bool in
      guard let a = s.x.min(), let b = s.x.max() else { return false }
      if let range = settings.range { return a <= range.lowerBound && b >= range.upperBound }
      return min(b, hi) - max(a, lo) >= (hi - lo) / 2
    }
    return entries.filter { Self.folder(of: $0.path) == folder && $0.spectrum.technique == entry.spectrum.technique && covers($0.spectrum) }
      .sorted { ($0.path, $0.index) < ($1.path, $1.index) }
  }

  /// `F`: fits the current model to every spectrum of the series, in the background.
  mutating func startSeriesFit() -> [Effect] {
    guard let entry = current else { return [.status(.error("no spectra in \(workspace)"))] }
    guard !settings.model.components.isEmpty else { return [.status(.error("series: no peaks in the model (a or A first)"))] }
    let members = seriesMembers
    guard members.count >= 2 else {
      return [.status(.error("series: \(entry.path) is the only \(entry.spectrum.technique.rawValue.uppercased()) spectrum in its folder"))]
    }
    var cut: [SpectraSeriesRequest.Member] = []
    for m in members {
      let keep = m.spectrum.x.indices.filter { settings.range?.contains(m.spectrum.x[$0]) ?? true }
      guard keep.count >= 3 else { return [.status(.error("series: only \(keep.count) points of \(m.path) inside the range"))] }
      cut.append(.init(path: m.path, spectrum: m.index, x: keep.map { m.spectrum.x[$0] }, y: keep.map { m.spectrum.y[$0] }))
    }
    let request = SpectraSeriesRequest(folder: Self.folder(of: entry.path), members: cut, range: settings.range, model: settings.model)
    analysis.seriesRunning = true
    return [.startJob(.spectra(.fitSeries(request))), .render,
            .status(StatusMessage("fitting \(cut.count) spectra of \(request.folder.isEmpty ? "the workspace" : request.folder)…"))]
  }

  mutating func cycleTracked() -> [Effect] {
    let all = SpectraTrackedQuantity.allCases
    analysis.tracked = all[((all.firstIndex(of: analysis.tracked) ?? -1) + 1) % all.count]
    return [.render, .status(StatusMessage("series tracks the \(analysis.tracked.rawValue)"))]
  }

  /// The selected component's name and its partner for an area ratio (the next component).
  var trackedComponents: (name: String, partner: String?)? {
    let cs = settings.model.components
    guard cs.indices.contains(selectedComponent) else { return nil }
    return (cs[selectedComponent].name, cs.count > 1 ? cs[(selectedComponent + 1) % cs.count].name : nil)
  }

  /// The series view: the tracked quantity against time, a file-name number or the spectrum
  /// index (`SpectraSeriesAxis`, chosen with Z) over a heat map of the
  /// spectra (rows: index, columns: x over the visible span, colour: intensity).
  func renderSeries(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let members = seriesMembers
    let block = Block(title: "Series · \(members.count) spectra in \(current.map { Self.folder(of: $0.path) }.flatMap { $0.isEmpty ? nil : $0 } ?? "the workspace")")
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard inner.height >= 6, let span = visibleSpan else { return }
    let parts = inner.rows([.length(1), .fill(1), .fill(1)])
    guard let outcome = analysis.series, let (name, partner) = trackedComponents,
          outcome.request.members.map(\.path) == members.map(\.path) else {
      let text = analysis.seriesRunning ? "fitting the series…" : "not fitted: F fits the model to every spectrum, T picks the quantity"
      _ = buffer.write(text, x: parts[0].x, y: parts[0].y, style: theme.textStyle, maxWidth: parts[0].width)
      renderSeriesHeatMap(members, span: span, into: &buffer, area: Rect(x: parts[1].x, y: parts[1].y, width: parts[1].width, height: parts[1].height + parts[2].height), context: context)
      return
    }
    let values = outcome.tracked(analysis.tracked, component: name, partner: partner)
    let failed = values.filter { $0 == nil }.count
    let what = analysis.tracked == .areaRatio ? "area \(name)/\(partner ?? "—")" : "\(analysis.tracked.rawValue) of \(name)"
    let k = values.indices.filter { values[$0] != nil }
    let unit = analysis.tracked == .areaRatio ? "" : " / \(current?.spectrum.axis.unit ?? "")"
    let axis = SpectraSeriesAxis.make(analysis.seriesAxis, members: members)
    // The x axis's title says what x is; Z changes it.
    var info = "tracks \(what) (T)  ·  \(values.count - failed) fitted, \(failed) failed"
    if let note = axis.note { info += "  ·  \(note)" }
    _ = buffer.write(info, x: parts[0].x, y: parts[0].y, style: axis.note == nil ? theme.textStyle : Style(foreground: theme.warning, background: theme.background), maxWidth: parts[0].width)
    LinePlot(series: [PlotSeries(what, x: k.map { axis.values[$0] }, y: k.compactMap { values[$0]?.value }, kind: .line, color: theme.seriesColor(1))],
             xAxis: PlotAxis(axis.title), yAxis: PlotAxis(analysis.tracked.rawValue + unit), symbols: context.graphSymbols, legend: .hidden)
      .render(into: &buffer, area: parts[1], theme: theme)
    renderSeriesHeatMap(members, span: span, into: &buffer, area: parts[2], context: context)
  }

  /// Each spectrum resampled (nearest point) onto the area's columns over `span`.
  func renderSeriesHeatMap(_ members: [SpectraEntry], span: ClosedRange<Double>, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let columns = max(1, min(400, area.width - 10))
    guard !members.isEmpty, area.height >= 2 else { return }
    var values: [Double] = []
    values.reserveCapacity(columns * members.count)
    for m in members {
      let x = m.spectrum.x, y = m.spectrum.y
      let order = x.indices.sorted { x[$0] < x[$1] }
      for c in 0..<columns {
        let t = Double(c) / Double(max(1, columns - 1))
        let at = isReversed ? span.upperBound - t * (span.upperBound - span.lowerBound) : span.lowerBound + t * (span.upperBound - span.lowerBound)
        values.append(Self.nearest(at, x: x, y: y, order: order))
      }
    }
    HeatMap(values: values, columns: columns, rows: members.count, levels: 12, symbols: context.graphSymbols, showsScale: true)
      .render(into: &buffer, area: area, theme: context.theme)
  }

  /// y at the point nearest `at` (binary search over `order`, x's indices sorted by x).
  static func nearest(_ at: Double, x: [Double], y: [Double], order: [Int]) -> Double {
    guard !order.isEmpty else { return .nan }
    var lo = 0, hi = order.count - 1
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if x[order[mid]] < at { lo = mid } else { hi = mid }
    }
    return abs(x[order[lo]] - at) <= abs(x[order[hi]] - at) ? y[order[lo]] : y[order[hi]]
  }
}
