import Formats

/// A worksheet row for the row decoder.
struct WorkbookRow: CyclingRowCells {
  let cells: [XlsxCell]
  var cellCount: Int { cells.count }

  func number(_ column: Int) -> Double? {
    guard column < cells.count else { return nil }
    switch cells[column] {
    case .number(let x): return x
    case .text(let s): return parseDecimal(s)
    case .empty: return nil
    }
  }

  func text(_ column: Int) -> String? {
    guard column < cells.count else { return nil }
    switch cells[column] {
    case .number(let x): return String(x)
    case .text(let s): return s
    case .empty: return ""
    }
  }
}

/// Reads cycler exports saved as xlsx: LAND (sheets `Record…`, units in the column names such as
/// `TestTime/h`, `Current/mA`, `Capacity/mAh`, state `C_CC`/`D_CC`/`R`; continuation sheets
/// without a header), Arbin (`Channel_…` sheets, `Test_Time(s)`, `Charge_Capacity(Ah)` …) and
/// Neware (`record` sheet). Data sheets are those named `record…` or `channel…` (not charts or
/// statistics); if none is, every sheet is tried. In each, the header is the first of the first
/// 30 rows that names a time, a voltage and a current. Errors name the sheet, row and column.
func readCyclingWorkbook<R: CyclingRecordSink>(_ source: any RandomAccessByteSource, into sink: inout R) throws -> String {
  let workbook = try XlsxWorkbook(source: source)
  let named = workbook.sheets.filter { sheet in
    let n = sheet.name.lowercased()
    return (n.hasPrefix("record") || n.hasPrefix("channel")) && !n.contains("chart") && !n.contains("statistic")
  }
  let candidates = named.isEmpty ? workbook.sheets : named
  var decoder: CyclingRowDecoder? = nil
  var format = "xlsx"
  var readAny = false
  for sheet in candidates {
    var headerFound = false
    var sheetDecoder = decoder
    do {
      try workbook.forEachRow(sheetPath: sheet.path) { cells, row in
        if headerFound, var d = sheetDecoder {
          if let record = try d.decode(WorkbookRow(cells: cells), line: row) {
            do { try sink.consume(record) } catch var e as InputError {
              if e.line == nil { e.line = row }
              throw e
            }
          }
          sheetDecoder = d
          return true
        }
        let header = cells.map { cell -> String in if case .text(let s) = cell { return s } else { return "" } }
        let map = CyclingColumnMap(header: header)
        if map.isUsable {
          sheetDecoder = CyclingRowDecoder(map: map)
          headerFound = true
          format = workbookFormat(sheet: sheet.name, header: header)
          return true
        }
        // A continuation sheet (LAND splits long records): numbers from the first row, same columns.
        if sheetDecoder != nil, case .number = cells.first ?? .empty, var d = sheetDecoder {
          headerFound = true
          if let record = try d.decode(WorkbookRow(cells: cells), line: row) { try sink.consume(record) }
          sheetDecoder = d
          return true
        }
        return row < 30
      }
    } catch let error as InputError {
      var e = error
      e.message = "sheet `\(sheet.name)`: " + e.message
      throw e
    }
    if headerFound {
      decoder = sheetDecoder
      readAny = true
    }
  }
  guard readAny else {
    throw InputError(
      "no sheet of the workbook has a header row with a test time, voltage and current (sheets: "
        + workbook.sheets.map(\.name).joined(separator: ", ") + ")")
  }
  return format
}

private func workbookFormat(sheet: String, header: [String]) -> String {
  if sheet.lowercased().hasPrefix("channel") { return "arbin" }
  if sheet.hasPrefix("Record") && header.contains(where: { $0.hasPrefix("TestTime") }) { return "land" }
  if sheet.lowercased().hasPrefix("record") { return "neware" }
  return "xlsx"
}
