import Engine
import TUI

/// Where a compared run stands at the attached snapshot's simulated time.
public enum ComparedSnapshot: Equatable, Sendable {
  /// The run's snapshot nearest that time, and its own time.
  case nearest(snapshot: String, time: Double)
  /// The run has not reached that time; its newest snapshot's time, when it has one.
  case notReached(newest: Double?)
  /// The attached snapshot's time, or the run's snapshot times, are not known yet.
  case unknown
}

extension SimulationPane {
  /// The most runs drawn side by side (the attached one and three marked).
  static let comparedLimit = 4

  /// The snapshot of `snapshots` (name, simulated seconds) nearest `time`. A run has not reached
  /// `time` when `time` lies past its newest snapshot by more than half the gap between its
  /// newest two (the next snapshot, at the same spacing, would be nearer), or past its only
  /// snapshot at all (relative tolerance 1e-9, for times written and read back as text).
  public static func nearestSnapshot(to time: Double, among snapshots: [(name: String, time: Double)]) -> ComparedSnapshot {
    let ordered = snapshots.filter { $0.time.isFinite }.sorted { $0.time < $1.time }
    guard time.isFinite, let newest = ordered.last else { return .notReached(newest: nil) }
    let tolerance = 1e-9 * max(1, abs(time))
    let reach = ordered.count >= 2 ? newest.time + (newest.time - ordered[ordered.count - 2].time) / 2 : newest.time
    guard time <= reach + tolerance else { return .notReached(newest: newest.time) }
    // Ties go to the earlier snapshot (the run had been there).
    var best = ordered[0]
    for candidate in ordered.dropFirst() where abs(candidate.time - time) < abs(best.time - time) { best = candidate }
    return .nearest(snapshot: best.name, time: best.time)
  }

  /// Each snapshot of `run` with a simulated time: its step looked up in the run's metrics rows
  /// (a row is written with every output); snapshots with no row (a pause checkpoint) are left out.
  func snapshotTimes(of run: String) -> [(name: String, time: Double)] {
    guard let listed = allRuns.first(where: { $0.path == run }) else { return [] }
    let (reader, rows) = run == attached ? (metricsReader, metricRows) : (compared[run]?.reader, compared[run]?.rows ?? [])
    guard let reader, let stepColumn = reader.column("step"), let timeColumn = reader.column("time_s") else { return [] }
    var timeOfStep: [Int: Double] = [:]
    for row in rows where stepColumn < row.count && timeColumn < row.count {
      guard let step = row[stepColumn], let time = row[timeColumn], step.isFinite, time.isFinite,
        abs(step) < 1e15 else { continue }
      timeOfStep[Int(step)] = time
    }
    return listed.snapshots.compactMap { name in
      RunFolder.step(ofSnapshot: name).flatMap { timeOfStep[$0] }.map { (name, $0) }
    }
  }

  /// The simulated time of the attached view's snapshot: from the decoded frame, else its
  /// metrics row.
  var attachedTime: Double? {
    guard let frame, frame.run == attached else { return nil }
    return frame.time ?? snapshotTimes(of: frame.run).first { $0.name == frame.snapshot }?.time
  }

  /// What a marked run shows beside the attached one.
  func comparedTarget(_ run: String) -> ComparedSnapshot {
    guard let time = attachedTime else { return .unknown }
    let times = snapshotTimes(of: run)
    guard !times.isEmpty else { return compared[run]?.rows.isEmpty == false ? .notReached(newest: nil) : .unknown }
    return Self.nearestSnapshot(to: time, among: times)
  }

  /// The marked runs shown beside the attached one, in marking order.
  var comparedRuns: [String] { Array(marked.filter { $0 != attached }.prefix(Self.comparedLimit - 1)) }

  /// Decodes of the marked runs' snapshots nearest the attached one's time, where not yet shown
  /// (one job lane per run).
  mutating func refreshComparedFrames() -> [Effect] {
    var effects: [Effect] = []
    for other in comparedRuns where !comparedDecoding.contains(other) {
      guard case .nearest(let name, _) = comparedTarget(other), comparedFrames[other]?.snapshot != name else { continue }
      comparedDecoding.insert(other)
      effects.append(.startJob(.simulation(.snapshot(run: other, snapshot: name, maxColumns: snapshotSide,
                                                     maxRows: snapshotSide))))
    }
    return effects
  }

  /// One entry per run, the attached run first, then the marked ones in marking order: a map of
  /// the shown field (nil, with the reason in the title, when the run has no snapshot at that
  /// time). All maps share one colour scale (the union of their finite ranges) and none draws a
  /// colour bar: `renderCompared` draws one beside them all, so the maps are the same size.
  /// No marked run: no comparison.
  func comparedMaps(_ run: SimulationRun, context: PaneRenderContext) -> [(title: String, map: FieldMap?)] {
    guard let frame, frame.run == run.path, !comparedRuns.isEmpty else { return [] }
    var entries: [(String, FieldMap?)] = []
    // The time leads the title: in four narrow columns the run's name is what gets cut.
    if let values = frame.values(fieldName), var map = fieldMap(frame, values: values, context: context) {
      map.drawsScale = false
      entries.append(("\(Self.timeLabel(frame.time ?? attachedTime, step: frame.snapshot)) · \(run.path)", map))
    }
    guard !entries.isEmpty else { return [] }
    for other in comparedRuns {
      switch comparedTarget(other) {
      case .notReached(let newest):
        entries.append(("no snapshot at that time" + (newest.map { " (newest t = \(Self.number($0)) s)" } ?? "") + " · \(other)", nil))
      case .unknown:
        entries.append(("reading… · \(other)", nil))
      case .nearest:
        guard let shown = comparedFrames[other], let values = shown.values(fieldName),
          var map = fieldMap(shown, values: values, context: context)
        else {
          entries.append(("reading… · \(other)", nil))
          continue
        }
        map.viewport = nil
        map.drawsScale = false
        let time = shown.time ?? snapshotTimes(of: other).first { $0.name == shown.snapshot }?.time
        entries.append(("\(Self.timeLabel(time, step: shown.snapshot)) (nearest) · \(other)", map))
      }
    }
    let ranges = entries.compactMap { $0.1?.valueRange }
    guard let low = ranges.map(\.low).min(), let high = ranges.map(\.high).max(), low < high else { return entries }
    for i in entries.indices { entries[i].1?.bounds = low...high }
    return entries
  }

  /// "t = 12.5 s", or the step when the time is not known.
  static func timeLabel(_ time: Double?, step snapshot: String) -> String {
    time.map { "t = \(number($0)) s" } ?? stepName(snapshot)
  }

  /// The maps' areas (equal columns of the field area less the colour bar's column) and the
  /// colour bar's column at the right.
  static func comparedAreas(_ area: Rect, count: Int, scaleWidth: Int) -> (maps: [Rect], scale: Rect) {
    let width = min(scaleWidth, max(0, area.width / 4))
    let parts = area.columns([.fill(1), .length(width)])
    return (parts[0].columns(Array(repeating: .fill(1), count: max(1, count))), parts[1])
  }

  func renderCompared(_ maps: [(title: String, map: FieldMap?)], into buffer: inout Buffer, area: Rect,
                      context: PaneRenderContext) {
    let symbol = SnapshotField.named(fieldName).symbol
    let scaleWidth = maps.compactMap { $0.map?.scaleWidth }.max() ?? 0
    let (columns, scale) = Self.comparedAreas(area, count: maps.count, scaleWidth: scaleWidth + 1)
    for (i, column) in columns.enumerated() where i < maps.count {
      let block = Block(title: i == 0 ? "\(symbol) · \(maps[i].title)" : maps[i].title)
      block.render(into: &buffer, area: column, theme: context.theme)
      let inner = block.inner(column)
      if let map = maps[i].map {
        map.render(into: &buffer, area: inner, theme: context.theme)
      } else if inner.width > 0, inner.height > 0 {
        // The reason in full, word-wrapped (the title is cut in a narrow column).
        let lines = Self.wrapped(maps[i].title, width: inner.width)
        for (k, line) in lines.prefix(inner.height).enumerated() {
          buffer.write(line, x: inner.x, y: inner.y + k, style: context.theme.textStyle, maxWidth: inner.width)
        }
      }
    }
    // The one colour bar, level with the first map's cells.
    guard let first = maps.first?.map, let cells = first.mapCells(in: Block(title: "").inner(columns[0])) else { return }
    first.renderScale(into: &buffer, column: scale, top: cells.y, rows: cells.height, theme: context.theme)
  }

  /// Words of `text` in lines of at most `width` characters (a longer word is cut).
  static func wrapped(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if line.isEmpty {
        line = String(word.prefix(width))
      } else if line.count + 1 + word.count <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = String(word.prefix(width))
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
