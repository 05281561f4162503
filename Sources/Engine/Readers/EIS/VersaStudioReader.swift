/// Reads Princeton Applied Research VersaStudio `.par` files: INI-like `<Section>` blocks; each
/// `<SegmentN>` holds a `Definition=` line of comma-separated names (`Frequency(Hz)`, `Z Real`,
/// `Z Imag`, …) and comma-separated rows until `</SegmentN>`. Every segment with impedance
/// columns is one spectrum; segments without (a DC step) are skipped. Z'' keeps its sign.
struct VersaStudioReader {
  func read(_ document: InstrumentTextFile) throws -> [ImpedanceSpectrum] {
    var metadata: [String: String] = ["format": "versastudio"]
    var spectra: [ImpedanceSpectrum] = []
    var segmentsSeen = 0
    var index = 0
    while index < document.lineCount {
      let line = document.lines[index].trimmed
      for key in ["DateAcquired", "TimeAcquired", "Type", "Model"] where line.hasPrefix(key + "=") && metadata[key.lowercased()] == nil {
        metadata[key.lowercased()] = String(line.dropFirst(key.count + 1))
      }
      guard line.hasPrefix("<Segment"), line.hasSuffix(">"), !line.hasPrefix("</") else {
        index += 1
        continue
      }
      segmentsSeen += 1
      let tag = line.dropFirst(1).dropLast()
      let closing = "</\(tag)>"
      guard let end = document.firstLine(from: index + 1, where: { $0.trimmed == closing }) else {
        throw document.error("expected \(closing) to close the segment opened here (truncated file?)", line: index + 1)
      }
      guard let definition = document.firstLine(from: index + 1, where: { $0.hasPrefix("Definition=") }), definition < end else {
        throw document.error("expected a Definition= line naming the columns of \(tag)", line: index + 1)
      }
      let names = DelimitedRow(document.lines[definition].dropFirst("Definition=".count), line: definition + 1, separator: .comma)
      guard let layout = try? ImpedanceColumnLayout.fromHeader(names.fields.map(\.text), describe: "segment") else {
        index = end + 1
        continue
      }
      var decoder = ImpedanceRowDecoder(document: document, layout: layout)
      var first = true
      for row in (definition + 1)..<end where !document.lines[row].trimmed.isEmpty {
        let cells = DelimitedRow(document.lines[row], line: row + 1, separator: .comma)
        if first { decoder.expectedFieldCount = cells.count; first = false }
        try decoder.append(cells)
      }
      var segmentMetadata = metadata
      segmentMetadata["segment"] = String(tag.dropFirst("Segment".count))
      spectra.append(try decoder.spectrum(name: "\(document.fileName) [\(tag)]", metadata: segmentMetadata, emptyLine: definition + 1))
      index = end + 1
    }
    guard !spectra.isEmpty else {
      throw document.error(segmentsSeen == 0
        ? "expected a <Segment1> block with the measured data, found none"
        : "expected a segment with Frequency(Hz), Z Real and Z Imag columns, found \(segmentsSeen) segment(s) without them")
    }
    if spectra.count == 1 { spectra[0].name = document.fileName }
    return spectra
  }
}
