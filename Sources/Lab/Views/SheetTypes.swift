/// A column of a pane table: header, unit (shown under or beside it) and whether it holds
/// numbers (right-aligned).
public struct SheetColumn: Sendable, Hashable {
  public let title: String
  public let unit: String?
  public let numeric: Bool

  public init(_ title: String, unit: String? = nil, numeric: Bool = false) {
    self.title = title
    self.unit = unit
    self.numeric = numeric
  }

  /// "weigh (g)" for a header line.
  public var header: String { unit.map { "\(title) (\($0))" } ?? title }
}

/// How a verdict should look: fine, worth a look, or wrong.
public enum VerdictLevel: String, Sendable, Hashable {
  case ok
  case warning
  case error
}

/// A labelled verdict line ("Charge balance: balanced: Li+1 P+5 S−2 Cl−1").
public struct Verdict: Sendable, Hashable {
  public let label: String
  public let text: String
  public let level: VerdictLevel

  public init(label: String, text: String, level: VerdictLevel) {
    self.label = label
    self.text = text
    self.level = level
  }
}

/// Plain-text layout of a table, for the CLI and for tests: columns padded to their widths,
/// numbers right-aligned.
public enum SheetText {
  public static func table(columns: [SheetColumn], rows: [[String]], indent: String = "  ") -> [String] {
    let headers = columns.map(\.header)
    var widths = headers.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { i, cell -> String in
        guard i < widths.count else { return cell }
        let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
        return columns[i].numeric ? pad + cell : cell + pad
      }
      let joined = padded.joined(separator: "  ")
      var end = joined.endIndex
      while end > joined.startIndex, joined[joined.index(before: end)] == " " { end = joined.index(before: end) }
      return indent + joined[..<end]
    }
    return [line(headers)] + rows.map(line)
  }
}
