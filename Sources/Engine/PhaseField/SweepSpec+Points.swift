import Formats

extension SweepSpec {
  /// The run folder name of point `index` among `count`: `p` and the index zero-padded to at
  /// least three digits, so lexical order is point order.
  public static func folderName(index: Int, count: Int) -> String {
    let width = max(3, String(max(0, count - 1)).count)
    let digits = String(index)
    return "p" + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Expands the axes into points and validates every point's configuration: the base table
  /// with the point's values set, read by `SimulationConfig.parse(root:)`, then `adjust` (the
  /// command line's run overrides, which may throw). A key the config does not have, or a value
  /// a config rejects, is an error at the key's line in the sweep file naming the point and the
  /// base config's complaint; nothing is returned unless every point is valid.
  public func points(base: TOMLTable, baseFileName: String?,
                     adjust: (inout SimulationConfig) throws -> Void = { _ in }) throws -> [SweepPoint] {
    let total = pointCount
    guard total <= 100_000 else {
      throw InputError("the sweep has \(total) points; at most 100000 are supported", file: fileName, line: 1)
    }
    let keyLines = Dictionary(zip(axes.flatMap(\.keys), axes.flatMap(\.lines)), uniquingKeysWith: { a, _ in a })
    var result: [SweepPoint] = []
    result.reserveCapacity(total)
    for index in 0..<total {
      var rest = index
      var chosen: [Int] = Array(repeating: 0, count: axes.count)
      for a in axes.indices.reversed() {
        chosen[a] = rest % axes[a].count
        rest /= axes[a].count
      }
      var parameters: [SweepParameter] = []
      for (a, axis) in axes.enumerated() {
        for (k, key) in axis.keys.enumerated() { parameters.append(SweepParameter(key: key, value: axis.values[k][chosen[a]])) }
      }
      var table = base
      for parameter in parameters {
        let line = keyLines[parameter.key] ?? 1
        do {
          try table.setting(dottedKey: parameter.key, to: parameter.value, line: line)
        } catch let error as InputError {
          throw InputError("'\(parameter.key)': \(error.message)", file: fileName, line: line)
        }
      }
      let described = parameters.map { "\($0.key) = \($0.text)" }.joined(separator: ", ")
      var config: SimulationConfig
      do {
        config = try SimulationConfig.parse(root: table, fileName: baseFileName)
        try adjust(&config)
      } catch let error as InputError {
        // An unknown key is the sweep's mistake; a rejected value is the point's.
        let culprit = parameters.first { error.message.contains("'\($0.key)'") }
        let line = culprit.flatMap { keyLines[$0.key] } ?? keyLines[parameters.first?.key ?? ""] ?? 1
        if error.message.hasPrefix("unknown key"), let culprit {
          throw InputError("the base config \(baseFileName ?? "") has no key '\(culprit.key)' (\(error.message))", file: fileName, line: line)
        }
        throw InputError("point \(index) (\(described)) is not a valid configuration: \(error.message)", file: fileName, line: line)
      } catch {
        throw InputError("point \(index) (\(described)) is not a valid configuration: \(error)", file: fileName,
                         line: keyLines[parameters.first?.key ?? ""] ?? 1)
      }
      result.append(SweepPoint(index: index, parameters: parameters, folder: Self.folderName(index: index, count: total), config: config))
    }
    return result
  }
}
