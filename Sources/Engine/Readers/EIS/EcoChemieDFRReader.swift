import Formats

/// Reads Eco Chemie (Autolab FRA) `.dfr` files, as pyimpspec's parser describes them: a line
/// `VERSIONx.y`, the number of points, one more line, then nine lines per point: f (Hz), Z' (Ω),
/// −Z'' (Ω, positive for a capacitive response, so it is negated), then E_dc, I_dc, time and
/// three values not used here. Blank lines are skipped; the trailer after the last record (dates
/// and settings) is not read. Every value used must be a number;
/// a file with fewer records than its count is cut short, and an error.
struct EcoChemieDFRReader {
  static let linesPerPoint = 9

  func read(_ document: InstrumentTextFile) throws -> [ImpedanceSpectrum] {
    let lines = (0..<document.lineCount).filter { !document.lines[$0].trimmed.isEmpty }
    guard let first = lines.first, document.lines[first].trimmed.lowercased().hasPrefix("version") else {
      throw document.error("expected a first line 'VERSIONx.y' (an Eco Chemie .dfr file)", line: (lines.first ?? 0) + 1)
    }
    guard lines.count >= 3 else {
      throw document.error("expected the point count after the version line, found the end of the file", line: first + 1)
    }
    let countText = document.lines[lines[1]].trimmed
    guard countText.count <= 8, countText.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(countText),
      count >= 1, count <= CountedTableReader.maximumPoints
    else {
      throw document.error("expected a point count from 1 to \(CountedTableReader.maximumPoints), found '\(countText)'", line: lines[1] + 1)
    }
    let records = lines.dropFirst(3)
    guard records.count >= count * Self.linesPerPoint else {
      throw document.error("expected \(count) points of \(Self.linesPerPoint) lines each after line \(lines[2] + 1), found \(records.count) lines (the file is cut short?)", line: (lines.last ?? 0) + 1)
    }
    // The records are followed by a trailer (dates, settings) that is not part of the spectrum.
    let trailerLines = records.count - count * Self.linesPerPoint
    let layout = ImpedanceColumnLayout(
      frequency: .init(index: 0, quantity: .frequency, name: "f (Hz)"),
      first: .init(index: 1, quantity: .real, name: "Z' (Ω)"),
      second: .init(index: 2, quantity: .negativeImaginary, name: "-Z'' (Ω)"))
    var points = ImpedanceColumnAccumulator(layout: layout)
    for k in 0..<count {
      let base = 3 + k * Self.linesPerPoint
      func value(_ column: ImpedanceColumnLayout.Column) throws -> Double {
        let line = lines[base + column.index]
        let text = document.lines[line].trimmed
        guard let x = parseNumber(text) else {
          throw document.error("expected a number (\(column.name) of point \(k + 1)), found '\(text)'", line: line + 1)
        }
        return x
      }
      try points.append(value: value, place: { column, message in document.error(message, line: lines[base + column.index] + 1) })
    }
    return [points.spectrum(name: document.fileName, metadata: ["format": "dfr", "trailer lines": String(trailerLines)])]
  }
}
