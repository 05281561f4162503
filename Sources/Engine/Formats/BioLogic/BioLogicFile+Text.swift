import Foundation

extension BioLogicFile {
  /// Parses an EC-Lab text export (`.mpt`): `EC-Lab ASCII FILE`, `Nb header lines : N`, the
  /// technique name, `Key : value` lines, and on line N the tab-separated column names; data rows
  /// follow, tab-separated, with a decimal point or (in some locales) a decimal comma. A file
  /// exported without its header (first line already the names) is read too.
  ///
  /// Every row must have as many values as the header names; when the values outnumber the names
  /// the header has lost a column, which is named when EC-Lab's usual column order reveals it.
  public init(mptData data: Data, fileName: String) throws {
    let document = TextDocument(data: data, fileName: fileName)
    guard let first = document.lines.first?.trimmed, !first.isEmpty else {
      throw document.error("expected an EC-Lab text file, found an empty file")
    }
    var headerLine: Int
    var metadata: [String: String] = [:]
    var technique: String?
    if first.hasPrefix("EC-Lab ASCII FILE") {
      guard document.lineCount > 1 else {
        throw document.error("expected 'Nb header lines : N' on line 2, found the end of the file", line: 2)
      }
      let countLine = document.lines[1]
      guard countLine.hasPrefix("Nb header lines"), let colon = countLine.firstIndex(of: ":"),
            let count = Int(countLine[countLine.index(after: colon)...].trimmed), count >= 3 else {
        throw document.error("expected 'Nb header lines : N' (N ≥ 3), found '\(countLine.trimmed)'", line: 2, column: 1)
      }
      guard count <= document.lineCount else {
        throw document.error("expected \(count) header lines as line 2 says, the file has \(document.lineCount) lines (truncated)", line: document.lineCount)
      }
      headerLine = count
      for line in document.lines[2..<(count - 1)] {
        let text = line.trimmed
        if text.isEmpty { continue }
        if technique == nil, !text.contains(":"), !text.hasPrefix("\t") { technique = String(text) }
        if let colon = text.range(of: " : ") {
          let key = String(text[..<colon.lowerBound]).trimmingBlanks
          let value = String(text[colon.upperBound...]).trimmingBlanks
          if !key.isEmpty, !value.isEmpty, metadata[key] == nil { metadata[key] = value }
        }
      }
    } else {
      headerLine = 1
    }
    let names = DelimitedRow(document.lines[headerLine - 1], line: headerLine, separator: .tab).fields.map { String($0.text) }
    guard names.count >= 2 else {
      throw document.error("expected tab-separated column names on line \(headerLine), found '\(document.lines[headerLine - 1].trimmed)'", line: headerLine)
    }
    var values = [[Double]](repeating: [], count: names.count)
    var lastData = document.lineCount
    while lastData > headerLine && document.lines[lastData - 1].trimmed.isEmpty { lastData -= 1 }
    for index in values.indices { values[index].reserveCapacity(lastData - headerLine) }
    for lineIndex in headerLine..<lastData {
      let row = DelimitedRow(document.lines[lineIndex], line: lineIndex + 1, separator: .tab)
      if row.count != names.count {
        throw BioLogicFile.raggedRowError(row: row, names: names, headerLine: headerLine, document: document)
      }
      for (column, field) in row.fields.enumerated() {
        guard let value = parseNumber(field.text, decimalComma: true) else {
          let shown = field.text.isEmpty ? "an empty cell" : "'\(field.text)'"
          throw document.error("expected a number in column \(column + 1) (\(names[column])), found \(shown)", line: lineIndex + 1, column: field.column)
        }
        values[column].append(value)
      }
    }
    let columns = zip(names, values).map { ECLabColumn(name: $0, values: $1) }
    self.init(technique: technique, metadata: metadata, table: ECLabTable(columns: columns, firstDataLine: headerLine + 1))
  }

  /// EC-Lab's column order for impedance techniques; a header that skips one of these while its
  /// rows keep the value has lost that name.
  static let impedanceColumnOrder = [
    "freq/Hz", "Re(Z)/Ohm", "-Im(Z)/Ohm", "|Z|/Ohm", "Phase(Z)/deg", "time/s", "<Ewe>/V", "<I>/mA",
  ]

  private static func raggedRowError(row: DelimitedRow, names: [String], headerLine: Int, document: TextDocument) -> InputError {
    var message = "expected \(names.count) values as the header (line \(headerLine)) names, found \(row.count)"
    if row.count > names.count {
      let present = Set(names)
      if let lastKnown = impedanceColumnOrder.lastIndex(where: { present.contains($0) }) {
        let missing = impedanceColumnOrder[...lastKnown].filter { !present.contains($0) }
        if missing.count == row.count - names.count {
          message += "; the header lacks the column \(missing.map { "'\($0)'" }.joined(separator: ", ")) that EC-Lab writes there, so the values cannot be matched to names"
        } else {
          message += "; the header has lost column names, so the values cannot be matched to names"
        }
      } else {
        message += "; the header has lost column names, so the values cannot be matched to names"
      }
    }
    let column = row.count > names.count ? row.fields[names.count].column : (row.fields.last.map { $0.column + $0.text.count } ?? 1)
    return document.error(message, line: row.line, column: column)
  }
}
