import Formats
import Foundation

extension BioLogicFile {
  /// Parses an EC-Lab text export (`.mpt`): `EC-Lab ASCII FILE`, `Nb header lines : N`, the
  /// technique name, `Key : value` lines, and on line N the tab-separated column names; data rows
  /// follow, tab-separated, with a decimal point or (in some locales) a decimal comma. A file
  /// exported without its header (first line already the names) is read too.
  ///
  /// Every row must have as many values as the header names; when the values outnumber the names
  /// the header has lost a column, which is named when EC-Lab's usual column order reveals it.
  /// `columns`, when given, keeps only those names (the others are counted but not parsed), so a
  /// large file costs memory only for what the caller uses.
  public init(mptData data: Data, fileName: String, columns selection: Set<String>? = nil) throws {
    let bytes = [UInt8](data)
    // The header is small and decoded as text; the data rows are parsed from the bytes.
    var lineStarts = [0]
    func nextLineStart(after start: Int) -> Int? {
      var index = start
      while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
      // A last line without a terminator still ends at the end of the file.
      guard index < bytes.count else { return start < bytes.count ? bytes.count : nil }
      if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 2 }
      return index + 1
    }
    func header(lines count: Int) -> InstrumentTextFile? {
      while lineStarts.count <= count {
        guard let next = nextLineStart(after: lineStarts[lineStarts.count - 1]) else { return nil }
        lineStarts.append(next)
      }
      return InstrumentTextFile(data: Data(bytes[0..<lineStarts[count]]), fileName: fileName)
    }
    let firstLine = header(lines: 1) ?? InstrumentTextFile(data: data, fileName: fileName)
    guard let first = firstLine.lines.first?.trimmed, !first.isEmpty else {
      throw firstLine.error("expected an EC-Lab text file, found an empty file")
    }
    var headerLine = 1
    var metadata: [String: String] = [:]
    var technique: String?
    if first.hasPrefix("EC-Lab ASCII FILE") {
      // InstrumentTextFile may split the bytes into fewer lines than counted here (found by make fuzz).
      guard let two = header(lines: 2), two.lines.count >= 2 else {
        throw firstLine.error("expected 'Nb header lines : N' on line 2, found the end of the file", line: 2)
      }
      let countLine = two.lines[1]
      guard countLine.hasPrefix("Nb header lines"), let colon = countLine.firstIndex(of: ":"),
            let count = Int(countLine[countLine.index(after: colon)...].trimmed), count >= 3 else {
        throw two.error("expected 'Nb header lines : N' (N ≥ 3), found '\(countLine.trimmed)'", line: 2, column: 1)
      }
      headerLine = count
    }
    guard let document = header(lines: headerLine) else {
      throw firstLine.error("expected \(headerLine) header lines as line 2 says, the file ends on line \(lineStarts.count) (truncated)", line: lineStarts.count)
    }
    // The header is split into lines again by InstrumentTextFile, which also breaks at a lone CR:
    // fewer lines than counted here indexed past the end (a trap found by make fuzz).
    guard document.lines.count >= headerLine else {
      throw document.error("expected \(headerLine) header lines as line 2 says, found \(document.lines.count) (a stray line break?)", line: document.lines.count)
    }
    if headerLine > 2 {
      for line in document.lines[2..<(headerLine - 1)] {
        let text = line.trimmed
        if text.isEmpty { continue }
        if technique == nil, !text.contains(":"), !text.hasPrefix("\t") { technique = String(text) }
        if let colon = text.range(of: " : ") {
          let key = String(text[..<colon.lowerBound]).trimmingBlanks
          let value = String(text[colon.upperBound...]).trimmingBlanks
          if !key.isEmpty, !value.isEmpty, metadata[key] == nil { metadata[key] = value }
        }
      }
    }
    let names = DelimitedRow(document.lines[headerLine - 1], line: headerLine, separator: .tab).fields.map { String($0.text) }
    guard names.count >= 2 else {
      throw document.error("expected tab-separated column names on line \(headerLine), found '\(document.lines[headerLine - 1].trimmed)'", line: headerLine)
    }
    let keep = names.map { selection?.contains($0) ?? true }
    let values = try BioLogicFile.parseRows(bytes, from: lineStarts[headerLine], firstLine: headerLine + 1, names: names, keep: keep, fileName: fileName)
    let columns = zip(names, values).enumerated().filter { keep[$0.offset] }.map { ECLabColumn(name: $0.element.0, values: $0.element.1) }
    self.init(technique: technique, metadata: metadata, table: ECLabTable(columns: columns, firstDataLine: headerLine + 1))
  }

  /// Tab-separated rows of numbers from byte `start` on, one array per named column. Trailing
  /// blank lines end the table; any other row must have exactly one value per name.
  private static func parseRows(_ bytes: [UInt8], from start: Int, firstLine: Int, names: [String], keep: [Bool], fileName: String) throws -> [[Double]] {
    var values = [[Double]](repeating: [], count: names.count)
    let estimate = (bytes.count - start) / max(1, 12 * names.count)
    for index in values.indices where keep[index] { values[index].reserveCapacity(estimate) }
    return try bytes.withUnsafeBufferPointer { buffer -> [[Double]] in
      var lineStart = start
      var line = firstLine
      while lineStart < buffer.count {
        var lineEnd = lineStart
        while lineEnd < buffer.count, buffer[lineEnd] != 0x0A, buffer[lineEnd] != 0x0D { lineEnd += 1 }
        var next = lineEnd
        if next < buffer.count { next += (buffer[next] == 0x0D && next + 1 < buffer.count && buffer[next + 1] == 0x0A) ? 2 : 1 }
        if isBlank(buffer, lineStart, lineEnd) {
          var rest = next
          while rest < buffer.count, buffer[rest] == 0x20 || buffer[rest] == 0x09 || buffer[rest] == 0x0A || buffer[rest] == 0x0D { rest += 1 }
          if rest == buffer.count { break }
        }
        var column = 0
        var fieldStart = lineStart
        while true {
          var fieldEnd = fieldStart
          while fieldEnd < lineEnd, buffer[fieldEnd] != 0x09 { fieldEnd += 1 }
          let atEnd = fieldEnd == lineEnd
          var trimmedStart = fieldStart
          var trimmedEnd = fieldEnd
          while trimmedStart < trimmedEnd, buffer[trimmedStart] == 0x20 { trimmedStart += 1 }
          while trimmedEnd > trimmedStart, buffer[trimmedEnd - 1] == 0x20 { trimmedEnd -= 1 }
          // A final tab leaves an empty last cell that is no value (EC-Lab ends its header so).
          if atEnd && trimmedStart == trimmedEnd && column > 0 && column == names.count { break }
          if column >= names.count {
            throw raggedRowError(buffer, lineStart, lineEnd, line: line, names: names, headerLine: firstLine - 1, fileName: fileName)
          }
          if !keep[column] {
            column += 1
            if atEnd { break }
            fieldStart = fieldEnd + 1
            continue
          }
          guard let value = DecimalBytes.parse(buffer, trimmedStart, trimmedEnd, decimalComma: true) else {
            let cell = String(decoding: UnsafeBufferPointer(rebasing: buffer[trimmedStart..<trimmedEnd]), as: UTF8.self)
            let shown = cell.isEmpty ? "an empty cell" : "'\(cell)'"
            throw InputError("expected a number in column \(column + 1) (\(names[column])), found \(shown)", file: fileName, line: line, column: fieldStart - lineStart + 1)
          }
          values[column].append(value)
          column += 1
          if atEnd { break }
          fieldStart = fieldEnd + 1
        }
        if column != names.count {
          throw raggedRowError(buffer, lineStart, lineEnd, line: line, names: names, headerLine: firstLine - 1, fileName: fileName)
        }
        lineStart = next
        line += 1
      }
      return values
    }
  }

  private static func isBlank(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var index = start
    while index < end {
      if buffer[index] != 0x20 && buffer[index] != 0x09 { return false }
      index += 1
    }
    return true
  }

  private static func raggedRowError(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int, names: [String], headerLine: Int, fileName: String) -> InputError {
    let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    let document = InstrumentTextFile(text: text, fileName: fileName)
    let row = DelimitedRow(Substring(text), line: line, separator: .tab)
    return raggedRowError(row: row, names: names, headerLine: headerLine, document: document)
  }

  /// EC-Lab's column order for impedance techniques; a header that skips one of these while its
  /// rows keep the value has lost that name.
  static let impedanceColumnOrder = [
    "freq/Hz", "Re(Z)/Ohm", "-Im(Z)/Ohm", "|Z|/Ohm", "Phase(Z)/deg", "time/s", "<Ewe>/V", "<I>/mA",
  ]

  private static func raggedRowError(row: DelimitedRow, names: [String], headerLine: Int, document: InstrumentTextFile) -> InputError {
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
