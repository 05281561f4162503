import Formats

/// Reads Scribner ZPlot/ZView data files, in both of their layouts:
/// - `ZPLOT2 ASCII`: an indented `Key: value` header, a tab-separated name line
///   (`Freq(Hz) Ampl Bias Time(Sec) Z'(a) Z''(b) GD Err Range`), `End Comments`, then tab rows.
/// - `ZPlotW Data File` / `Z60W Data File` (also what Autolab NOVA writes as its ZView export):
///   quoted text lines, a null-configuration line, the point count, a quoted name line, then
///   comma-separated rows in the fixed ZView order (frequency, amplitude, bias, time, Z', Z'', …).
/// Z'' is written with its sign (negative for capacitive).
struct ZPlotReader {
  static let fixedLayout = ImpedanceColumnLayout(
    frequency: .init(index: 0, quantity: .frequency, name: "Freq(Hz)"),
    first: .init(index: 4, quantity: .real, name: "Z'(a)"),
    second: .init(index: 5, quantity: .imaginary, name: "Z''(b)"))

  func read(_ document: InstrumentTextFile, formatName: String) throws -> [ImpedanceSpectrum] {
    var metadata: [String: String] = ["format": formatName]
    let firstData: Int
    var layout = ZPlotReader.fixedLayout
    var declaredCount: Int?
    if let endComments = document.firstLine(where: { $0.trimmed == "End Comments" }) {
      for line in document.lines[0..<endComments] {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let key = line[..<colon].trimmed
        let value = line[line.index(after: colon)...].trimmed
        switch key {
        case "Date": metadata["date"] = String(value)
        case "Time": metadata["time"] = String(value)
        case "Experiment Type": metadata["experiment"] = String(value)
        case "Data Points": declaredCount = Int(value)
        default: break
        }
      }
      if endComments > 0 {
        let names = DelimitedRow(document.lines[endComments - 1], line: endComments, separator: .tab)
        if names.fields.contains(where: { $0.text.hasPrefix("Freq") }) {
          do {
            layout = try ImpedanceColumnLayout.fromHeader(names.fields.map(\.text), describe: "ZPlot column names")
          } catch let error as InputError {
            throw document.error(error.message, line: endComments)
          }
        }
      }
      firstData = endComments + 1
    } else if let header = document.firstLine(where: { $0.contains("Freq") && $0.contains("Z'(a)") && $0.contains("Z''(b)") }) {
      // The ZView data-file layout: the names are one quoted string, so the order is the format's.
      let names = DelimitedRow(document.lines[header].filter { $0 != "\"" }[...], line: header + 1, separator: .whitespace).fields.map(\.text)
      guard names.firstIndex(of: "Z'(a)") != nil else {
        throw document.error("expected the ZView column names Freq(Hz) … Z'(a) Z''(b), found '\(document.lines[header].trimmed)'", line: header + 1)
      }
      if header > 0 { declaredCount = Int(document.lines[header - 1].trimmed) }
      for line in document.lines[0..<header] {
        let text = line.trimmed.filter { $0 != "\"" }
        if text.hasPrefix("Date:") { metadata["date"] = String(text.dropFirst(5)).trimmingBlanks }
      }
      firstData = header + 1
    } else {
      throw document.error("expected 'End Comments' or a ZView column-name line (Freq(Hz) … Z'(a) Z''(b)), found neither")
    }
    guard firstData < document.lineCount else {
      throw document.error("expected impedance data rows after the header, found the end of the file", line: firstData)
    }
    let separator = FieldSeparator.detect(document.lines[firstData])
    var decoder = ImpedanceRowDecoder(document: document, layout: layout)
    decoder.expectedFieldCount = DelimitedRow(document.lines[firstData], line: firstData + 1, separator: separator).count
    for index in firstData..<document.lineCount where !document.lines[index].trimmed.isEmpty {
      try decoder.append(DelimitedRow(document.lines[index], line: index + 1, separator: separator))
    }
    if let declaredCount {
      metadata["declared_points"] = String(declaredCount)
      if declaredCount != decoder.count {
        metadata["note"] = "the header declares \(declaredCount) points, the file holds \(decoder.count)"
      }
    }
    return [try decoder.spectrum(name: document.fileName, metadata: metadata, emptyLine: firstData + 1)]
  }
}
