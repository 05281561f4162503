import Formats

/// Reads tables whose data rows are preceded by a line stating how many there are: the `.P00`
/// export (a preamble, a header `f/Hz  Z'/Ohm  -Z''/Ohm  time/s  Edc/V  Idc/A`, the count,
/// tab-separated rows) and the `.i2b` export (a few lines of free metadata, the count, then
/// blank-separated rows of f/Hz, Z'/Ω and Z''/Ω with Z'' negative for a capacitive response,
/// by position: the format has no header). Both layouts are as pyimpspec's parsers describe
/// them. The count is checked: fewer or more rows than it states is an error, since a cut file
/// would otherwise pass as a shorter spectrum.
struct CountedTableReader {
  /// The layout of a file without a header line before its count (`.i2b`).
  var positionalLayout: ImpedanceColumnLayout?
  var formatName: String

  /// Largest point count believed: a sweep has at most thousands of frequencies.
  static let maximumPoints = 10_000_000

  func read(_ document: InstrumentTextFile) throws -> [ImpedanceSpectrum] {
    // The count line: a lone whole number followed by a row of at least three numbers.
    var countIndex: Int?
    for index in 0..<document.lineCount {
      let text = document.lines[index].trimmed
      guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
      guard let next = document.firstLine(from: index + 1, where: { !$0.trimmed.isEmpty }) else { continue }
      let row = DelimitedRow(document.lines[next].trimmed, line: next + 1, separator: FieldSeparator.detect(document.lines[next].trimmed))
      if row.count >= 3, row.fields.allSatisfy({ parseNumber($0.text) != nil }) {
        countIndex = index
        break
      }
    }
    guard let countIndex else {
      throw document.error("expected a line giving the number of points followed by rows of numbers (f, Z', Z''), found none", line: 1)
    }
    let countText = document.lines[countIndex].trimmed
    guard countText.count <= 8, let count = Int(countText), count >= 1, count <= Self.maximumPoints else {
      throw document.error("expected a point count from 1 to \(Self.maximumPoints), found '\(countText)'", line: countIndex + 1)
    }
    let layout: ImpedanceColumnLayout
    var expectedFieldCount: Int?
    if let positionalLayout {
      layout = positionalLayout
    } else {
      guard let headerIndex = (0..<countIndex).last(where: { !document.lines[$0].trimmed.isEmpty }) else {
        throw document.error("expected a header line (f/Hz, Z'/Ohm, -Z''/Ohm) before the point count", line: countIndex + 1)
      }
      let headerText = document.lines[headerIndex].trimmed
      let header = DelimitedRow(headerText, line: headerIndex + 1, separator: FieldSeparator.detect(headerText))
      do {
        layout = try ImpedanceColumnLayout.fromHeader(header.fields.map(\.text), describe: "header")
      } catch let error as InputError {
        throw document.error(error.message, line: headerIndex + 1)
      }
      expectedFieldCount = header.count
    }
    var decoder = ImpedanceRowDecoder(document: document, layout: layout)
    decoder.expectedFieldCount = expectedFieldCount
    var lastLine = countIndex + 1
    for index in (countIndex + 1)..<document.lineCount {
      let text = document.lines[index].trimmed
      if text.isEmpty { continue }
      guard decoder.count < count else {
        throw document.error("expected \(count) points as line \(countIndex + 1) states, found more", line: index + 1)
      }
      try decoder.append(DelimitedRow(text, line: index + 1, separator: FieldSeparator.detect(text)))
      lastLine = index + 1
    }
    guard decoder.count == count else {
      throw document.error("expected \(count) points as line \(countIndex + 1) states, found \(decoder.count) (the file is cut short?)", line: lastLine)
    }
    return [try decoder.spectrum(name: document.fileName, metadata: ["format": formatName])]
  }
}
