/// Reads Ivium `.idf` files: a binary-prefixed key=value header, then a `primary_data` block —
/// a line with the number of columns (3), a line with the number of points N, and N rows of
/// Z' (Ω), Z'' (Ω, negative for capacitive), frequency (Hz) separated by blanks.
struct IviumReader {
  func read(_ document: InstrumentTextFile) throws -> [ImpedanceSpectrum] {
    guard let marker = document.firstLine(where: { $0.trimmed.hasPrefix("primary_data") }) else {
      throw document.error("expected a primary_data block (the data of an Ivium .idf file), found none")
    }
    var metadata: [String: String] = ["format": "ivium"]
    for line in document.lines[0..<marker] {
      for key in ["Method", "Technique", "Title", "starttime"] where line.hasPrefix(key + "=") {
        metadata[key.lowercased()] = String(line.dropFirst(key.count + 1)).trimmingBlanks
      }
    }
    let columnsLine = marker + 1
    let countLine = marker + 2
    guard countLine < document.lineCount else {
      throw document.error("expected the column count and the point count after primary_data, found the end of the file", line: marker + 1)
    }
    guard let columns = Int(document.lines[columnsLine].trimmed), columns == 3 else {
      throw document.error("expected 3 columns (Z', Z'', frequency) in primary_data, found '\(document.lines[columnsLine].trimmed)'", line: columnsLine + 1, column: 1)
    }
    guard let count = Int(document.lines[countLine].trimmed), count > 0 else {
      throw document.error("expected a positive number of points after the column count, found '\(document.lines[countLine].trimmed)'", line: countLine + 1, column: 1)
    }
    let layout = ImpedanceColumnLayout(
      frequency: .init(index: 2, quantity: .frequency, name: "frequency"),
      first: .init(index: 0, quantity: .real, name: "Z'"),
      second: .init(index: 1, quantity: .imaginary, name: "Z''"))
    var decoder = ImpedanceRowDecoder(document: document, layout: layout)
    decoder.expectedFieldCount = columns
    let firstRow = countLine + 1
    guard firstRow + count <= document.lineCount else {
      throw document.error("expected \(count) rows of primary_data, the file ends after \(document.lineCount - firstRow) (truncated)", line: document.lineCount)
    }
    for line in firstRow..<(firstRow + count) {
      try decoder.append(DelimitedRow(document.lines[line], line: line + 1, separator: .whitespace))
    }
    return [try decoder.spectrum(name: document.fileName, metadata: metadata, emptyLine: firstRow + 1)]
  }
}
