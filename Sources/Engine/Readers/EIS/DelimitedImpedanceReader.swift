import Formats

/// Reads a plain table of impedance data: CSV, TSV, semicolon- or blank-separated, with or
/// without a header, with any preamble of text lines before it (CH Instruments, NOVA, Parstat and
/// PowerSuite exports are such tables). The header is the last non-blank line before the first
/// all-numeric line; its names give the columns (see `ImpedanceColumnNames`). Without a header,
/// or when `layout` is given, the columns are taken from `layout` (default f, Z', Z'').
struct DelimitedImpedanceReader {
  var layout: ImpedanceColumnLayout?
  var skipsAllZeroRows = false
  var formatName = "csv"

  func read(_ document: InstrumentTextFile) throws -> [ImpedanceSpectrum] {
    guard let firstData = document.firstLine(where: { isNumericRow($0) }) else {
      if document.lines.allSatisfy({ $0.trimmed.isEmpty }) {
        throw document.error("expected impedance data, found an empty file")
      }
      throw document.error("expected rows of numbers (frequency, Z', Z''), found none", line: 1)
    }
    let separator = FieldSeparator.detect(document.lines[firstData])
    var headerIndex: Int?
    var probe = firstData - 1
    while probe >= 0 {
      if !document.lines[probe].trimmed.isEmpty { headerIndex = probe; break }
      probe -= 1
    }
    if let headerIndex {
      // A "header" with numbers in it and the data's width is a data row with a broken cell.
      let candidate = DelimitedRow(document.lines[headerIndex], line: headerIndex + 1, separator: separator)
      let width = DelimitedRow(document.lines[firstData], line: firstData + 1, separator: separator).count
      let decimalComma = separator.allowsDecimalComma
      if candidate.count == width, candidate.fields.contains(where: { parseNumber($0.text, decimalComma: decimalComma) != nil }),
         let bad = candidate.fields.enumerated().first(where: { parseNumber($0.element.text, decimalComma: decimalComma) == nil }) {
        let shown = bad.element.text.isEmpty ? "an empty cell" : "'\(bad.element.text)'"
        throw document.error("expected a number in column \(bad.offset + 1), found \(shown)", line: headerIndex + 1, column: bad.element.column)
      }
    }
    var metadata: [String: String] = ["format": formatName]
    var expectedFieldCount: Int?
    let resolved: ImpedanceColumnLayout
    if let layout {
      resolved = layout
    } else if let headerIndex {
      let headerSeparator = FieldSeparator.detect(document.lines[headerIndex])
      let header = DelimitedRow(document.lines[headerIndex], line: headerIndex + 1, separator: headerSeparator == .whitespace ? separator : headerSeparator)
      do {
        resolved = try ImpedanceColumnLayout.fromHeader(header.fields.map(\.text), describe: "header")
      } catch let error as InputError {
        throw document.error(error.message + "; the header names: " + header.fields.map { String($0.text) }.joined(separator: ", "), line: headerIndex + 1)
      }
      expectedFieldCount = header.count
      for index in 0..<headerIndex {
        let line = document.lines[index].trimmed
        if !line.isEmpty, metadata["preamble"] == nil { metadata["preamble"] = String(line) }
      }
    } else {
      resolved = .frequencyRealImaginary
    }
    var decoder = ImpedanceRowDecoder(document: document, layout: resolved)
    decoder.decimalComma = separator.allowsDecimalComma
    decoder.skipsAllZeroRows = skipsAllZeroRows
    decoder.expectedFieldCount = expectedFieldCount ?? DelimitedRow(document.lines[firstData], line: firstData + 1, separator: separator).count
    for index in firstData..<document.lineCount {
      let text = document.lines[index]
      if text.trimmed.isEmpty { continue }
      try decoder.append(DelimitedRow(text, line: index + 1, separator: separator))
    }
    metadata["columns"] = [resolved.frequency.name, resolved.first.name, resolved.second.name].joined(separator: ", ")
    return [try decoder.spectrum(name: document.fileName, metadata: metadata, emptyLine: firstData + 1)]
  }

  /// A row of at least two cells that all read as numbers.
  private func isNumericRow(_ line: Substring) -> Bool {
    let trimmed = line.trimmed
    guard !trimmed.isEmpty else { return false }
    let separator = FieldSeparator.detect(trimmed)
    let row = DelimitedRow(trimmed, line: 0, separator: separator)
    guard row.count >= 2 else { return false }
    return row.fields.allSatisfy { parseNumber($0.text, decimalComma: separator.allowsDecimalComma) != nil }
  }
}
