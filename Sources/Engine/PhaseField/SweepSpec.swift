import Formats

/// A parameter sweep read from TOML: a base simulation config and the keys to vary.
///
/// ```toml
/// base = "model1.toml"                 # the base config, relative to the sweep file (required)
/// name = "potential-scan"              # optional; default: the sweep file's name without .toml
/// [vary]                               # each key is one axis; the axes are CROSSED
/// "physics.electrode_potential" = [-0.1, -0.15, -0.2, -0.25]                 # a list
/// "physics.diffusivity" = { from = 1e-12, to = 1e-10, count = 3, scale = "log" }  # a range
/// [zip]                                # keys that advance TOGETHER (equal lengths): one axis,
/// "physics.sigma_electrolyte" = [0.0377, 0.0193]   # crossed with the [vary] axes
/// "physics.diffusivity" = [1e-11, 5.12e-12]
/// [slurm]                              # optional: the job array's resources
/// partition = "debug"; time = "00:30:00"; cpus_per_task = 1; memory = "2G"; max_parallel = 8
/// [local]                              # optional: the local pool
/// processes = 2                        # points at once (default: one per core)
/// threads = 1                          # solver threads per point (default: cores ÷ processes, ≥ 1)
/// ```
/// A key is the config's dotted key (`table.key`); `[vary.physics]` with `electrode_potential = …`
/// says the same. A range is `{ from, to, count }` with `scale = "linear"` (default) or `"log"`;
/// both ends are included. Points are numbered in row-major order over the axes (the last axis
/// varies fastest), `[vary]` axes in file order and the `[zip]` group last.
public struct SweepSpec: Sendable, Equatable {
  /// One axis of the sweep: one key (a `[vary]` entry) or several keys zipped together.
  public struct Axis: Sendable, Equatable {
    public var keys: [String]
    /// values[k][i]: the i-th value of keys[k]; every keys[k] has the same count.
    public var values: [[TOMLValue]]
    /// The sweep file's line of each key.
    public var lines: [Int]
    public var count: Int { values.first?.count ?? 0 }
  }

  public var fileName: String?
  /// The base config's path as written (relative to the sweep file unless absolute).
  public var base: String
  public var name: String
  public var axes: [Axis]
  public var slurm = SlurmResources()
  /// Local pool size; nil: one process per core.
  public var processes: Int?
  /// Solver threads per point of the local pool; nil: cores ÷ processes (at least 1).
  public var threads: Int?

  /// Every varied key, in point-parameter order.
  public var keys: [String] { axes.flatMap(\.keys) }
  /// The number of points (the product of the axis lengths).
  /// Crossed axes multiply; a product past Int.max (a dozen long lists) saturates there, so
  /// the expansion's limit refuses it instead of the multiplication trapping.
  public var pointCount: Int {
    axes.reduce(1) { total, axis in
      let (product, overflow) = total.multipliedReportingOverflow(by: axis.count)
      return overflow ? Int.max : product
    }
  }

  /// Reads a sweep file. Unknown keys, an empty list or range, a range whose ends do not suit
  /// its scale, zipped lists of unequal length and bad resource values are errors at their line.
  public static func parse(_ text: String, fileName: String? = nil) throws -> SweepSpec {
    let root = try TOML.parse(text, fileName: fileName)
    if let unknown = root.unknownKeys(allowed: ["base", "name", "vary", "zip", "slurm", "local"]).first { throw unknown }
    guard let base = try root.optionalString("base"), !base.isEmpty else {
      throw root.error("a sweep needs `base = \"CONFIG.toml\"` (the base config, relative to the sweep file)", key: "base")
    }
    let stem = fileName.map { name -> String in
      let last = name.split(separator: "/").last.map(String.init) ?? name
      return last.hasSuffix(".toml") ? String(last.dropLast(5)) : last
    }
    var spec = SweepSpec(fileName: fileName, base: base, name: try root.optionalString("name") ?? stem ?? "sweep", axes: [])
    let vary = try root.optionalTable("vary")
    let zipped = try root.optionalTable("zip")
    if let vary {
      for (key, value, line) in try flatten(vary, prefix: "") {
        spec.axes.append(Axis(keys: [key], values: [try values(of: value, key: key, line: line, in: vary)], lines: [line]))
      }
    }
    if let zipped {
      var group = Axis(keys: [], values: [], lines: [])
      for (key, value, line) in try flatten(zipped, prefix: "") {
        let list = try values(of: value, key: key, line: line, in: zipped)
        if let first = group.values.first, first.count != list.count {
          throw InputError("'\(key)' has \(list.count) values but '\(group.keys[0])' has \(first.count): zipped keys advance together and need equal lengths",
                           file: fileName, line: line)
        }
        group.keys.append(key)
        group.values.append(list)
        group.lines.append(line)
      }
      if !group.keys.isEmpty { spec.axes.append(group) }
    }
    guard !spec.axes.isEmpty else {
      throw InputError("a sweep needs at least one key to vary in [vary] or [zip]", file: fileName, line: vary?.line ?? zipped?.line ?? 1)
    }
    var seen: [String: Int] = [:]
    for axis in spec.axes {
      for (key, line) in zip(axis.keys, axis.lines) {
        if let earlier = seen[key] {
          throw InputError("'\(key)' is varied twice (first at line \(earlier))", file: fileName, line: line)
        }
        seen[key] = line
      }
    }
    if let t = try root.optionalTable("slurm") { spec.slurm = try SlurmResources.parse(t) }
    if let t = try root.optionalTable("local") {
      if let unknown = t.unknownKeys(allowed: ["processes", "threads"]).first { throw unknown }
      if let p = try t.optionalInt("processes") {
        guard p >= 1, p <= 4096 else { throw t.error("'local.processes' must be a whole number in 1…4096", key: "processes") }
        spec.processes = p
      }
      if let n = try t.optionalInt("threads") {
        guard SweepThreads.allowed.contains(n) else {
          throw t.error("'local.threads' must be a whole number in \(SweepThreads.allowed.lowerBound)…\(SweepThreads.allowed.upperBound)", key: "threads")
        }
        spec.threads = n
      }
    }
    return spec
  }

  /// The leaves of a [vary]/[zip] table as dotted keys: a nested table is a key prefix unless it
  /// is a range (it has `from`).
  static func flatten(_ table: TOMLTable, prefix: String) throws -> [(String, TOMLValue, Int)] {
    var leaves: [(String, TOMLValue, Int)] = []
    for entry in table.entries {
      let key = prefix.isEmpty ? entry.key : prefix + "." + entry.key
      if case .table(let inner) = entry.value, !inner.contains("from") {
        leaves += try flatten(inner, prefix: key)
      } else {
        leaves.append((key, entry.value, entry.line))
      }
    }
    return leaves
  }

  /// A list's values, or a range's values.
  static func values(of value: TOMLValue, key: String, line: Int, in table: TOMLTable) throws -> [TOMLValue] {
    let file = table.fileName
    switch value {
    case .array(let items):
      guard !items.isEmpty else { throw InputError("'\(key)' is an empty list: a sweep axis needs at least one value", file: file, line: line) }
      for item in items {
        switch item {
        case .array, .table, .dateTime:
          throw InputError("'\(key)' lists \(item.typeName); a sweep value is a number, a string or a boolean", file: file, line: line)
        case .float(let v) where !v.isFinite:
          throw InputError("'\(key)' lists \(v); a sweep value must be finite", file: file, line: line)
        default: break
        }
      }
      return items
    case .table(let range):
      return try SweepRange.parse(range, key: key, line: line).values
    default:
      throw InputError("'\(key)' must be a list [a, b, …] or a range { from, to, count }, found \(value.typeName)", file: file, line: line)
    }
  }
}
