import Formats

/// Reads Gamry Framework `.DTA` files (EXPLAIN format). Each `ZCURVE TABLE` is one spectrum:
/// a tab-indented header line of names (`Pt Time Freq Zreal Zimag Zsig Zmod Zphz …`), a line of
/// units, then one tab-indented row per point until a line that is not indented. An interrupted
/// sweep (`EXPERIMENTABORTED`) keeps the points measured before the abort. Gamry writes Z'' with
/// its sign (negative for capacitive), so no conversion is needed; decimal commas are accepted.
struct GamryReader {
  /// Header keys copied into each spectrum's metadata.
  static let metadataKeys: Set<String> = ["TITLE", "DATE", "TIME", "PSTAT", "VDC", "VAC", "AREA", "FREQINIT", "FREQFINAL", "PTSPERDEC", "TAG"]

  func read(_ document: InstrumentTextFile) throws -> [ImpedanceSpectrum] {
    var metadata: [String: String] = ["format": "gamry"]
    var tables: [(header: Int, rows: Range<Int>)] = []
    var index = 0
    while index < document.lineCount {
      let line = document.lines[index]
      let row = DelimitedRow(line, line: index + 1, separator: .tab)
      if let key = row.fields.first?.text {
        if key == "ZCURVE" {
          let header = index + 1
          var end = header + 2
          while end < document.lineCount, document.lines[end].first == "\t" || document.lines[end].first == " " { end += 1 }
          guard header + 1 < document.lineCount else {
            throw document.error("expected a header line and a units line after ZCURVE TABLE, found the end of the file", line: index + 1)
          }
          tables.append((header, (header + 2)..<end))
          index = end
          continue
        }
        if key == "EXPERIMENTABORTED", row.count > 2, row.fields[2].text == "T" { metadata["aborted"] = "true" }
        if GamryReader.metadataKeys.contains(String(key)), row.count > 2 {
          metadata[String(key).lowercased()] = String(row.fields[2].text)
        }
      }
      index += 1
    }
    guard !tables.isEmpty else {
      throw document.error("expected a ZCURVE TABLE (the impedance table of a Gamry EIS file), found none")
    }
    var spectra: [ImpedanceSpectrum] = []
    for (number, table) in tables.enumerated() {
      let header = DelimitedRow(document.lines[table.header], line: table.header + 1, separator: .tab)
      let layout: ImpedanceColumnLayout
      do {
        layout = try ImpedanceColumnLayout.fromHeader(header.fields.map(\.text), describe: "ZCURVE header")
      } catch let error as InputError {
        throw document.error(error.message, line: table.header + 1)
      }
      var decoder = ImpedanceRowDecoder(document: document, layout: layout)
      decoder.decimalComma = true
      decoder.expectedFieldCount = header.count
      for line in table.rows {
        try decoder.append(DelimitedRow(document.lines[line], line: line + 1, separator: .tab))
      }
      var tableMetadata = metadata
      tableMetadata["table"] = String(number + 1)
      let name = tables.count == 1 ? document.fileName : "\(document.fileName) [ZCURVE \(number + 1)]"
      spectra.append(try decoder.spectrum(name: name, metadata: tableMetadata, emptyLine: table.header + 1))
    }
    return spectra
  }
}
