import Formats
import Foundation

/// Reads impedance spectra from spreadsheets: `.xlsx` (through `XlsxWorkbook`), `.ods` and
/// `.fods` (through `OpenDocumentSpreadsheet`). Each sheet whose first 30 rows hold a header
/// naming a frequency and the impedance (the names of `ImpedanceColumnNames`, units as in a text
/// table) gives one spectrum from the rows below it; blank rows are skipped; other sheets (notes,
/// charts) are passed over, but a file where no sheet has such a header is an error. A number
/// stored as text is read, with a decimal comma allowed (a European export). Errors name the
/// sheet, the row and the column as the spreadsheet program shows them (`sheet `S`, row 12, C`).
struct SpreadsheetImpedanceReader {
  /// The rows of one sheet, 1-based row numbers as the sheet states them.
  typealias SheetRows = (name: String, rows: [(number: Int, cells: [XlsxCell])])

  static let headerSearchRows = 30

  static func readXlsx(_ data: Data, fileName: String) throws -> [ImpedanceSpectrum] {
    let workbook = try XlsxWorkbook([UInt8](data))
    var sheets: [SheetRows] = []
    for sheet in workbook.sheets {
      var rows: [(number: Int, cells: [XlsxCell])] = []
      try workbook.forEachRow(sheetPath: sheet.path) { cells, number in
        rows.append((number, cells))
        return true
      }
      sheets.append((sheet.name, rows))
    }
    return try read(sheets, fileName: fileName, format: "xlsx")
  }

  static func readOpenDocument(_ data: Data, fileName: String, flat: Bool) throws -> [ImpedanceSpectrum] {
    let document = flat ? try OpenDocumentSpreadsheet(xml: [UInt8](data)) : try OpenDocumentSpreadsheet(odsBytes: [UInt8](data))
    let sheets: [SheetRows] = document.sheets.map { sheet in (sheet.name, sheet.rows.map { ($0.number, $0.cells) }) }
    return try read(sheets, fileName: fileName, format: flat ? "fods" : "ods")
  }

  /// Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA.
  static func columnLetters(_ index: Int) -> String {
    var n = index + 1
    var letters = ""
    while n > 0 {
      let r = (n - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + r))) + letters
      n = (n - 1) / 26
    }
    return letters
  }

  static func read(_ sheets: [SheetRows], fileName: String, format: String) throws -> [ImpedanceSpectrum] {
    var spectra: [ImpedanceSpectrum] = []
    var passedOver: [String] = []
    for sheet in sheets {
      guard let (headerAt, layout) = header(of: sheet) else {
        passedOver.append(sheet.name)
        continue
      }
      func place(_ row: Int, _ column: Int, _ message: String) -> InputError {
        InputError("sheet `\(sheet.name)`, row \(row), column \(columnLetters(column)): \(message)", file: fileName, line: row, column: column + 1)
      }
      var points = ImpedanceColumnAccumulator(layout: layout)
      for row in sheet.rows[(headerAt + 1)...] {
        if row.cells.allSatisfy({ $0 == .empty }) { continue }
        try points.append(
          value: { column in
            let cell = column.index < row.cells.count ? row.cells[column.index] : .empty
            switch cell {
            case .number(let x): return x
            case .text(let s):
              if let x = parseNumber(Substring(s).trimmed, decimalComma: true) { return x }
              throw place(row.number, column.index, "expected a number (\(column.name)), found '\(s)'")
            case .empty:
              throw place(row.number, column.index, "expected a number (\(column.name)), found an empty cell")
            }
          },
          place: { column, message in place(row.number, column.index, message) })
      }
      guard points.count > 0 else {
        throw place(sheet.rows[headerAt].number, layout.frequency.index, "expected rows of numbers below the header, found none")
      }
      let name = sheets.count > 1 ? "\(fileName) [\(sheet.name)]" : fileName
      spectra.append(points.spectrum(name: name, metadata: ["format": format, "sheet": sheet.name]))
    }
    guard !spectra.isEmpty else {
      throw InputError(
        "expected a sheet with a header naming a frequency and the impedance (such as Frequency (Hz), Z' (Ω), -Z'' (Ω)) in its first \(headerSearchRows) rows; none in sheets \(passedOver.map { "`\($0)`" }.joined(separator: ", "))",
        file: fileName)
    }
    return spectra
  }

  /// The index (into the sheet's rows) of the header and its layout.
  private static func header(of sheet: SheetRows) -> (Int, ImpedanceColumnLayout)? {
    for (index, row) in sheet.rows.prefix(headerSearchRows).enumerated() {
      let names = row.cells.map { cell -> Substring in if case .text(let s) = cell { return Substring(s) } else { return "" } }
      guard names.contains(where: { !$0.isEmpty }) else { continue }
      if let layout = try? ImpedanceColumnLayout.fromHeader(names, describe: "header") { return (index, layout) }
    }
    return nil
  }
}
