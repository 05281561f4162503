/// The observables a sweep's summary shows for each point, from the point's metrics.csv rows
/// (time_s, tip_height_um, li_area_fraction columns; lab units as written there).
public struct SweepObservables: Sendable, Equatable {
  /// The last row's simulated time (s), tip height (µm) and Li area fraction.
  public var finalTime: Double?
  public var finalTipHeight: Double?
  public var finalLiArea: Double?
  /// Tip height (µm) and Li area fraction at the requested time, when the rows reach it.
  public var tipHeightAt: Double?
  public var liAreaAt: Double?
  /// The first simulated time (s) the tip reaches the requested height (µm), nil when it never does.
  public var crossingTime: Double?

  /// - at: the time (s) for `tipHeightAt`/`liAreaAt`; linear interpolation between the two
  ///   rows around it; nil when `at` is before the first or after the last row (never an
  ///   extrapolated value).
  /// - crossing: a tip height (µm); the time where the tip first reaches it, by linear
  ///   interpolation between the row below and the first row at or above it (a tip already at
  ///   or above it in the first row gives that row's time).
  /// Rows whose time or value is missing or not finite are skipped.
  public init(columns: [String], rows: [[Double?]], at: Double? = nil, crossing: Double? = nil) {
    func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
    guard let t = column("time_s") else { return }
    let tip = column("tip_height_um"), area = column("li_area_fraction")
    func series(_ c: Int?) -> [(Double, Double)] {
      guard let c else { return [] }
      return rows.compactMap { row in
        guard t < row.count, c < row.count, let x = row[t], let y = row[c], x.isFinite, y.isFinite else { return nil }
        return (x, y)
      }
    }
    let tips = series(tip), areas = series(area)
    finalTime = rows.last.flatMap { t < $0.count ? $0[t] : nil }.flatMap { $0.isFinite ? $0 : nil }
    finalTipHeight = tips.last?.1
    finalLiArea = areas.last?.1
    if let at {
      tipHeightAt = Self.interpolate(tips, at: at)
      liAreaAt = Self.interpolate(areas, at: at)
    }
    if let crossing { crossingTime = Self.firstCrossing(tips, level: crossing) }
  }

  static func interpolate(_ points: [(Double, Double)], at x: Double) -> Double? {
    guard let first = points.first, let last = points.last, x >= first.0, x <= last.0 else { return nil }
    for (a, b) in zip(points, points.dropFirst()) where x >= a.0 && x <= b.0 {
      if b.0 == a.0 { return b.1 }
      return a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
    }
    return last.0 == x ? last.1 : nil
  }

  static func firstCrossing(_ points: [(Double, Double)], level: Double) -> Double? {
    guard let first = points.first else { return nil }
    if first.1 >= level { return first.0 }
    for (a, b) in zip(points, points.dropFirst()) where b.1 >= level {
      return a.0 + (b.0 - a.0) * (level - a.1) / (b.1 - a.1)
    }
    return nil
  }
}
