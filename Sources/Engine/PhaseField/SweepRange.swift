import Foundation
import Formats

/// A range of a sweep axis: `{ from = a, to = b, count = n, scale = "linear" | "log" }`.
public struct SweepRange: Sendable, Equatable {
  public enum Scale: String, Sendable { case linear, log }
  public var from: Double
  public var to: Double
  public var count: Int
  public var scale: Scale
  /// Both ends, when both were integers and every linear value is one (the values are then TOML
  /// integers, so a range can vary `numerics.nx`).
  public var integerEnds: [Int]?

  /// Reads a range table; `line` is the key's line in the sweep file.
  public static func parse(_ t: TOMLTable, key: String, line: Int) throws -> SweepRange {
    func fail(_ message: String) -> InputError { InputError("'\(key)': \(message)", file: t.fileName, line: line) }
    if let unknown = t.entries.first(where: { !["from", "to", "count", "scale"].contains($0.key) }) {
      throw fail("unknown range key '\(unknown.key)' (expected from, to, count and optionally scale)")
    }
    guard let from = t["from"]?.doubleValue, let to = t["to"]?.doubleValue else {
      throw fail("a range needs numbers `from` and `to`")
    }
    guard from.isFinite, to.isFinite else { throw fail("a range's ends must be finite") }
    guard case .integer(let count)? = t["count"] else { throw fail("a range needs a whole number `count` of values") }
    guard count >= 1 else { throw fail("an empty range (count = \(count)): a sweep axis needs at least one value") }
    guard count <= 100_000 else { throw fail("count = \(count) is more points than a sweep can index (at most 100000)") }
    var scale = Scale.linear
    if let s = t["scale"] {
      guard case .string(let text) = s, let parsed = Scale(rawValue: text) else { throw fail("scale must be \"linear\" or \"log\"") }
      scale = parsed
    }
    if scale == .log, !(from > 0 && to > 0) && !(from < 0 && to < 0) {
      throw fail("a log range needs both ends of one sign and non-zero, found from = \(from), to = \(to)")
    }
    if count == 1, from != to { throw fail("count = 1 needs from = to (which end is meant?)") }
    var range = SweepRange(from: from, to: to, count: count, scale: scale, integerEnds: nil)
    if case .integer(let a)? = t["from"], case .integer(let b)? = t["to"], scale == .linear,
      abs(a) < 1 << 40, abs(b) < 1 << 40, count == 1 || (b - a) % (count - 1) == 0
    {
      range.integerEnds = [a, b]
    }
    return range
  }

  /// The values, both ends included.
  /// Linear: v_i = from + i (to − from)/(n − 1). Log: v_i = from · (to/from)^(i/(n − 1)) (equal
  /// ratios). The last value is `to` exactly, not the rounded end of the recurrence.
  public var values: [TOMLValue] {
    if count == 1 { return [integerEnds.map { .integer($0[0]) } ?? .float(from)] }
    return (0..<count).map { i in
      if let ends = integerEnds { return .integer(ends[0] + i * (ends[1] - ends[0]) / (count - 1)) }
      if i == count - 1 { return .float(to) }
      let fraction = Double(i) / Double(count - 1)
      switch scale {
      case .linear: return .float(from + fraction * (to - from))
      case .log: return .float(from * Foundation.exp(fraction * Foundation.log(to / from)))
      }
    }
  }
}
