/// One cell of a worksheet.
public enum XlsxCell: Sendable, Equatable {
  case empty
  case number(Double)
  case text(String)
}

/// An xlsx workbook (Office Open XML: a zip of XML parts) read for its cell values: the sheet
/// list (workbook.xml + its relationships), shared strings (held: cells refer to them by index),
/// and rows streamed one at a time from each sheet, whose part is inflated piecewise so memory
/// stays at a window of the XML, not the sheet. Formatting, formulas and styles are ignored; a number's display format is too
/// (dates stay serial numbers). The XML is scanned directly (it is machine-written and regular),
/// which is several times faster than a general XML parser on sheets of a million cells.
public struct XlsxWorkbook {
  public let archive: ZipArchive
  /// Sheets in workbook order: display name and the part's path in the archive.
  public private(set) var sheets: [(name: String, path: String)] = []
  public private(set) var sharedStrings: [String] = []

  public init(_ bytes: [UInt8]) throws {
    try self.init(source: MemoryRandomAccess(bytes))
  }

  public init(source: any RandomAccessByteSource) throws {
    archive = try ZipArchive(source: source)
    let workbook = try archive.contents(named: "xl/workbook.xml")
    var targets: [String: String] = [:]
    if let rels = try? archive.contents(named: "xl/_rels/workbook.xml.rels") {
      var p = 0
      while let tag = XMLScan.nextTag("Relationship", in: rels, from: &p) {
        if let id = XMLScan.attribute("Id", in: tag), let target = XMLScan.attribute("Target", in: tag) {
          targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
      }
    }
    var p = 0
    var index = 1
    while let tag = XMLScan.nextTag("sheet", in: workbook, from: &p) {
      let name = XMLScan.attribute("name", in: tag) ?? "Sheet\(index)"
      let id = XMLScan.attribute("r:id", in: tag) ?? ""
      sheets.append((name, targets[id] ?? "xl/worksheets/sheet\(index).xml"))
      index += 1
    }
    if sheets.isEmpty { throw InputError("xlsx workbook lists no sheets (xl/workbook.xml)") }
    if archive.entry(named: "xl/sharedStrings.xml") != nil {
      sharedStrings = XMLScan.sharedStrings(try archive.contents(named: "xl/sharedStrings.xml"))
    }
  }

  /// Calls `body(cells, rowNumber)` for each row of the sheet (1-based row numbers as the sheet
  /// states them); `body` returns false to stop. Cells are placed by their column letters.
  /// `windowSize` is the initial size of the window of XML held (it doubles for a longer row).
  public func forEachRow(sheetPath: String, windowSize: Int = 1 << 20, _ body: ([XlsxCell], Int) throws -> Bool) throws {
    var scanner = try SheetStream(
      source: archive.stream(named: sheetPath), sharedStrings: sharedStrings, windowSize: max(16, windowSize))
    var cells: [XlsxCell] = []
    var rowNumber = 0
    while try scanner.nextRow(into: &cells, rowNumber: &rowNumber) {
      if try !body(cells, rowNumber) { return }
    }
  }
}

