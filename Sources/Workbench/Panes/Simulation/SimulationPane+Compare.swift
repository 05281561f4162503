import Engine
import TUI

extension SimulationPane {
  /// The most runs drawn side by side (the attached one and three marked).
  static let comparedLimit = 4

  /// Decodes of the marked runs' newest snapshots not yet shown (one job lane per run).
  mutating func refreshComparedFrames() -> [Effect] {
    var effects: [Effect] = []
    for other in marked.filter({ $0 != attached }).prefix(Self.comparedLimit - 1) where !comparedDecoding.contains(other) {
      guard let newest = runs.first(where: { $0.path == other })?.summary.latestSnapshot,
        comparedFrames[other]?.snapshot != newest
      else { continue }
      comparedDecoding.insert(other)
      effects.append(.startJob(.simulation(.snapshot(run: other, snapshot: newest, maxColumns: Self.snapshotColumns,
                                                     maxRows: Self.snapshotRows))))
    }
    return effects
  }

  /// One map per run with a decoded frame of the shown field: the attached run first, then the
  /// marked ones in marking order. All share one colour scale (the union of their finite
  /// ranges) and only the last draws the colour bar. Fewer than two: no comparison.
  func comparedMaps(_ run: SimulationRun, context: PaneRenderContext) -> [(title: String, map: FieldMap)] {
    guard let frame, frame.run == run.path else { return [] }
    let others = marked.filter { $0 != run.path }.prefix(Self.comparedLimit - 1).compactMap { comparedFrames[$0] }
    guard !others.isEmpty else { return [] }
    var maps: [(String, FieldMap)] = []
    for shown in [frame] + others {
      guard let values = shown.values(fieldName), var map = fieldMap(shown, values: values, context: context) else { continue }
      if shown.run != run.path { map.viewport = nil }
      maps.append(("\(shown.run) · \(Self.stepName(shown.snapshot))", map))
    }
    let ranges = maps.map { $0.1.valueRange }
    guard let low = ranges.map(\.low).min(), let high = ranges.map(\.high).max(), low < high else { return maps }
    for i in maps.indices {
      maps[i].1.bounds = low...high
      maps[i].1.drawsScale = i == maps.count - 1
    }
    return maps
  }

  /// The maps' areas: equal columns of the field area, each with its block.
  static func comparedAreas(_ area: Rect, count: Int) -> [Rect] {
    area.columns(Array(repeating: .fill(1), count: max(1, count)))
  }

  func renderCompared(_ maps: [(title: String, map: FieldMap)], into buffer: inout Buffer, area: Rect,
                      context: PaneRenderContext) {
    let symbol = SnapshotField.named(fieldName).symbol
    for (i, column) in Self.comparedAreas(area, count: maps.count).enumerated() where i < maps.count {
      let block = Block(title: i == 0 ? "\(symbol) · \(maps[i].title)" : maps[i].title)
      block.render(into: &buffer, area: column, theme: context.theme)
      maps[i].map.render(into: &buffer, area: block.inner(column), theme: context.theme)
    }
  }
}
