/// One cell of a worksheet.
public enum XlsxCell: Sendable, Equatable {
  case empty
  case number(Double)
  case text(String)
}

/// An xlsx workbook (Office Open XML: a zip of XML parts) read for its cell values: the sheet
/// list (workbook.xml + its relationships), shared strings, and rows streamed one at a time from
/// each sheet. Formatting, formulas and styles are ignored; a number's display format is too
/// (dates stay serial numbers). The XML is scanned directly (it is machine-written and regular),
/// which is several times faster than a general XML parser on sheets of a million cells.
public struct XlsxWorkbook {
  public let archive: ZipArchive
  /// Sheets in workbook order: display name and the part's path in the archive.
  public private(set) var sheets: [(name: String, path: String)] = []
  public private(set) var sharedStrings: [String] = []

  public init(_ bytes: [UInt8]) throws {
    archive = try ZipArchive(bytes)
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
  public func forEachRow(sheetPath: String, _ body: ([XlsxCell], Int) throws -> Bool) throws {
    let xml = try archive.contents(named: sheetPath)
    try xml.withUnsafeBufferPointer { buffer in
      var scanner = SheetScanner(xml: buffer, sharedStrings: sharedStrings)
      var cells: [XlsxCell] = []
      var rowNumber = 0
      while try scanner.nextRow(into: &cells, rowNumber: &rowNumber) {
        if try !body(cells, rowNumber) { return }
      }
    }
  }
}

/// Scans a worksheet's `<row>`/`<c>` elements.
private struct SheetScanner {
  let xml: UnsafeBufferPointer<UInt8>
  let sharedStrings: [String]
  var position = 0
  var lastRow = 0

  init(xml: UnsafeBufferPointer<UInt8>, sharedStrings: [String]) {
    self.xml = xml
    self.sharedStrings = sharedStrings
    position = XMLScan.find(Array("<sheetData".utf8), in: xml, from: 0) ?? xml.count
  }

  mutating func nextRow(into cells: inout [XlsxCell], rowNumber: inout Int) throws -> Bool {
    cells.removeAll(keepingCapacity: true)
    guard let start = XMLScan.findElement("row", in: xml, from: position) else { return false }
    guard let tagEnd = XMLScan.find([0x3E], in: xml, from: start) else { throw error("unterminated <row> tag", start) }
    let tag = XMLScan.string(xml, start, tagEnd)
    lastRow = XMLScan.attribute("r", in: tag).flatMap { Int($0) } ?? lastRow + 1
    rowNumber = lastRow
    if xml[tagEnd - 1] == 0x2F {  // <row/>
      position = tagEnd + 1
      return true
    }
    guard let end = XMLScan.find(Array("</row>".utf8), in: xml, from: tagEnd) else { throw error("row \(lastRow) has no </row>", start) }
    var p = tagEnd + 1
    var nextColumn = 0
    while let c = XMLScan.findElement("c", in: xml, from: p), c < end {
      guard let cEnd = XMLScan.find([0x3E], in: xml, from: c) else { throw error("unterminated <c> tag", c) }
      let cTag = XMLScan.string(xml, c, cEnd)
      let column = XMLScan.attribute("r", in: cTag).flatMap(XMLScan.columnIndex) ?? nextColumn
      nextColumn = column + 1
      let type = XMLScan.attribute("t", in: cTag) ?? "n"
      var value = XlsxCell.empty
      if xml[cEnd - 1] == 0x2F {
        p = cEnd + 1
      } else {
        guard let close = XMLScan.find(Array("</c>".utf8), in: xml, from: cEnd) else { throw error("cell without </c> in row \(lastRow)", c) }
        if type == "inlineStr" {
          value = .text(XMLScan.textRuns(xml, cEnd + 1, close))
        } else if let v = XMLScan.find(Array("<v>".utf8), in: xml, from: cEnd), v < close,
          let vEnd = XMLScan.find(Array("</v>".utf8), in: xml, from: v)
        {
          let raw = UnsafeBufferPointer(rebasing: xml[(v + 3)..<vEnd])
          switch type {
          case "s":
            guard let k = parseCyclingDecimal(raw).map({ Int($0) }), k >= 0, k < sharedStrings.count else {
              throw error("shared-string index out of range in row \(lastRow)", v)
            }
            value = .text(sharedStrings[k])
          case "str", "e": value = .text(XMLScan.decodeEntities(String(decoding: raw, as: UTF8.self)))
          default:
            if let number = parseCyclingDecimal(raw) { value = .number(number) } else {
              value = .text(String(decoding: raw, as: UTF8.self))
            }
          }
        }
        p = close + 4
      }
      if column >= 0 && column < 16384 {
        while cells.count < column { cells.append(.empty) }
        if cells.count == column { cells.append(value) }
      }
    }
    position = end + 6
    return true
  }

  func error(_ message: String, _ offset: Int) -> InputError {
    InputError("malformed worksheet XML: \(message) (byte \(offset) of the sheet)", line: lastRow)
  }
}
