import Foundation

/// Turns table rows into an `ImpedanceSpectrum` under a column layout, converting each
/// instrument's convention to Z = Z' + jZ'' (Z'' < 0 capacitive), Hz and Ω.
struct ImpedanceRowDecoder {
  let document: InstrumentTextFile
  let layout: ImpedanceColumnLayout
  /// Every row must have exactly this many cells (the header's count), when set.
  var expectedFieldCount: Int?
  /// Semicolon-separated exports may write 1,5 for 1.5.
  var decimalComma = false
  /// Rows with frequency, Z' and Z'' all zero are records of a non-impedance step (Parstat writes
  /// its DC steps into the same table) and are left out rather than rejected.
  var skipsAllZeroRows = false

  private(set) var frequencies: [Double] = []
  private(set) var real: [Double] = []
  private(set) var imaginary: [Double] = []

  init(document: InstrumentTextFile, layout: ImpedanceColumnLayout) {
    self.document = document
    self.layout = layout
  }

  var count: Int { frequencies.count }

  /// Decodes one row; the error names file, line and column of the offending cell.
  ///
  /// Polar columns convert as Z' = |Z| cos φ, Z'' = |Z| sin φ with φ in degrees × π/180.
  /// A frequency that is zero, negative or not finite is rejected: a spectrum is a function of
  /// a positive frequency, and a zero would be a silent artefact (a DC record or a blank cell).
  mutating func append(_ row: DelimitedRow) throws {
    if let expectedFieldCount, row.count != expectedFieldCount {
      let column = row.count > expectedFieldCount ? row.fields[expectedFieldCount].column : (row.fields.last.map { $0.column + $0.text.count } ?? 1)
      throw document.error("expected \(expectedFieldCount) values as the header names, found \(row.count) (ragged row)", line: row.line, column: column)
    }
    let frequency = try row.number(layout.frequency.index, named: layout.frequency.name, in: document, decimalComma: decimalComma) * layout.frequency.scale
    let first = try row.number(layout.first.index, named: layout.first.name, in: document, decimalComma: decimalComma) * layout.first.scale
    let second = try row.number(layout.second.index, named: layout.second.name, in: document, decimalComma: decimalComma) * layout.second.scale
    if skipsAllZeroRows && frequency == 0 && first == 0 && second == 0 { return }
    guard frequency > 0 else {
      throw document.error("expected a positive frequency in column \(layout.frequency.index + 1) (\(layout.frequency.name)), found \(frequency) Hz", line: row.line, column: row.fields[layout.frequency.index].column)
    }
    guard let z = layout.impedance(first: first, second: second) else {
      throw document.error("column layout pairs \(layout.first.name) with \(layout.second.name), which is not an impedance")
    }
    real.append(z.real)
    imaginary.append(z.imaginary)
    frequencies.append(frequency)
  }

  /// The spectrum of the rows decoded so far; an error when there are none.
  func spectrum(name: String, metadata: [String: String], emptyLine: Int? = nil) throws -> ImpedanceSpectrum {
    guard !frequencies.isEmpty else {
      throw document.error("expected impedance data rows, found none", line: emptyLine)
    }
    return ImpedanceSpectrum(name: name, frequencies: frequencies, real: real, imaginary: imaginary, metadata: metadata)
  }

  mutating func reset() {
    frequencies.removeAll(keepingCapacity: true)
    real.removeAll(keepingCapacity: true)
    imaginary.removeAll(keepingCapacity: true)
  }
}
