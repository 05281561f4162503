import Foundation

/// The cell values of an OpenDocument spreadsheet: `.ods` (a zip whose `content.xml` holds the
/// tables) or `.fods` (the same XML as one flat file). Only values are read: a cell's
/// `office:value` for numbers (never its displayed text, which may be rounded), its paragraphs
/// for strings; styles, formulas and annotations are ignored. Repeated rows and cells
/// (`table:number-rows-repeated`, `table:number-columns-repeated`) are expanded, except runs of
/// empty ones, which only advance the position: editors write a million empty rows to pad a sheet.
public struct OpenDocumentSpreadsheet: Sendable {
  public struct Row: Sendable, Equatable {
    /// 1-based row number as a spreadsheet program shows it.
    public var number: Int
    public var cells: [XlsxCell]
  }

  public struct Sheet: Sendable {
    public var name: String
    public var rows: [Row]
  }

  public private(set) var sheets: [Sheet] = []

  /// Rows and columns of the format's largest sheet (LibreOffice's limits); a repeat count or a
  /// position beyond them is corrupt.
  static let maximumRows = 1 << 20
  static let maximumColumns = 1 << 14
  /// Cells materialised in all, so a repeated non-empty row cannot blow memory up.
  static let maximumCells = 1 << 24

  /// Reads an `.ods` archive: its `content.xml`.
  public init(odsBytes: [UInt8]) throws {
    let archive = try ZipArchive(odsBytes)
    guard archive.entry(named: "content.xml") != nil else {
      throw InputError("expected an OpenDocument spreadsheet (a zip with content.xml), found no content.xml")
    }
    try self.init(xml: try archive.contents(named: "content.xml"))
  }

  /// Reads the XML of `content.xml` or of a flat `.fods` document. Errors give the byte offset.
  public init(xml bytes: [UInt8]) throws {
    var scanner = ODSScanner(xml: bytes)
    sheets = try scanner.sheets()
    if sheets.isEmpty { throw InputError("expected at least one table:table in the OpenDocument spreadsheet, found none") }
  }
}

/// The tag-by-tag walk behind `OpenDocumentSpreadsheet`.
private struct ODSScanner {
  let xml: [UInt8]
  var p = 0
  var cellsMaterialised = 0

  init(xml: [UInt8]) { self.xml = xml }

  struct Tag {
    var name: String
    var text: String
    var closing: Bool
    var selfClosing: Bool
    var start: Int
  }

  func error(_ message: String, at offset: Int) -> InputError {
    InputError(message + " (byte offset \(offset) of the XML)")
  }

  /// The next tag at or after `p`, with the character data before it appended to `text`.
  mutating func nextTag(collecting text: inout [UInt8]?) throws -> Tag? {
    while p < xml.count {
      let lt = xml[p...].firstIndex(of: 0x3C) ?? xml.count
      if text != nil { text?.append(contentsOf: xml[p..<lt]) }
      guard lt < xml.count else { p = lt; return nil }
      // Comments, processing instructions and CDATA are not tags that matter here.
      if lt + 1 < xml.count, xml[lt + 1] == 0x21 || xml[lt + 1] == 0x3F {
        guard let gt = xml[lt...].firstIndex(of: 0x3E) else { throw error("expected '>' closing a declaration or comment", at: lt) }
        p = gt + 1
        continue
      }
      guard let gt = xml[lt...].firstIndex(of: 0x3E) else { throw error("expected '>' closing a tag, found the end of the file", at: lt) }
      // Attributes may sit on their own lines in a pretty-printed .fods: blanks become spaces
      // so `XMLScan.attribute` finds ` name="`.
      let body = String(decoding: xml[(lt + 1)..<gt].map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
      p = gt + 1
      var rest = Substring(body)
      let closing = rest.hasPrefix("/")
      if closing { rest = rest.dropFirst() }
      let selfClosing = rest.hasSuffix("/")
      let nameEnd = rest.firstIndex(where: { $0 == " " || $0 == "/" }) ?? rest.endIndex
      return Tag(name: String(rest[..<nameEnd]), text: " " + body, closing: closing, selfClosing: selfClosing, start: lt)
    }
    return nil
  }

  /// A repeat attribute: absent is 1; otherwise a whole number from 1 to `limit`.
  func repeatCount(_ attribute: String, in tag: Tag, limit: Int) throws -> Int {
    guard let text = XMLScan.attribute(attribute, in: tag.text) else { return 1 }
    guard let n = Int(text), n >= 1, n <= limit else {
      throw error("expected \(attribute) from 1 to \(limit), found '\(text)'", at: tag.start)
    }
    return n
  }

  mutating func sheets() throws -> [OpenDocumentSpreadsheet.Sheet] {
    var sheets: [OpenDocumentSpreadsheet.Sheet] = []
    var none: [UInt8]? = nil
    while let tag = try nextTag(collecting: &none) {
      guard tag.name == "table:table", !tag.closing else { continue }
      let name = XMLScan.attribute("table:name", in: tag.text) ?? "Sheet\(sheets.count + 1)"
      var rows: [OpenDocumentSpreadsheet.Row] = []
      if !tag.selfClosing { rows = try tableRows(sheet: name) }
      sheets.append(.init(name: name, rows: rows))
    }
    return sheets
  }

  /// Rows up to `</table:table>`.
  mutating func tableRows(sheet: String) throws -> [OpenDocumentSpreadsheet.Row] {
    var rows: [OpenDocumentSpreadsheet.Row] = []
    var rowNumber = 1
    var none: [UInt8]? = nil
    while let tag = try nextTag(collecting: &none) {
      if tag.name == "table:table" && tag.closing { return rows }
      guard tag.name == "table:table-row", !tag.closing else { continue }
      let repeats = try repeatCount("table:number-rows-repeated", in: tag, limit: OpenDocumentSpreadsheet.maximumRows)
      let cells = tag.selfClosing ? [] : try rowCells()
      guard rowNumber + repeats - 1 <= OpenDocumentSpreadsheet.maximumRows || cells.isEmpty else {
        throw error("expected at most \(OpenDocumentSpreadsheet.maximumRows) rows in sheet `\(sheet)`", at: tag.start)
      }
      if !cells.isEmpty {
        cellsMaterialised += cells.count * repeats
        guard cellsMaterialised <= OpenDocumentSpreadsheet.maximumCells else {
          throw error("expected at most \(OpenDocumentSpreadsheet.maximumCells) cells in the spreadsheet", at: tag.start)
        }
        for k in 0..<repeats { rows.append(.init(number: rowNumber + k, cells: cells)) }
      }
      rowNumber += repeats
    }
    throw error("expected </table:table> closing sheet `\(sheet)`, found the end of the file", at: xml.count)
  }

  /// Cells up to `</table:table-row>`, trailing empty cells dropped.
  mutating func rowCells() throws -> [XlsxCell] {
    var cells: [XlsxCell] = []
    var pendingEmpty = 0
    var none: [UInt8]? = nil
    while let tag = try nextTag(collecting: &none) {
      if tag.name == "table:table-row" && tag.closing { return cells }
      guard tag.name == "table:table-cell" || tag.name == "table:covered-table-cell", !tag.closing else { continue }
      let repeats = try repeatCount("table:number-columns-repeated", in: tag, limit: OpenDocumentSpreadsheet.maximumColumns)
      let cell = try cellValue(tag)
      if cell == .empty {
        pendingEmpty += repeats
        continue
      }
      guard cells.count + pendingEmpty + repeats <= OpenDocumentSpreadsheet.maximumColumns else {
        throw error("expected at most \(OpenDocumentSpreadsheet.maximumColumns) columns in a row", at: tag.start)
      }
      cells.append(contentsOf: repeatElement(XlsxCell.empty, count: pendingEmpty))
      pendingEmpty = 0
      cells.append(contentsOf: repeatElement(cell, count: repeats))
    }
    throw error("expected </table:table-row>, found the end of the file", at: xml.count)
  }

  /// A cell's value: `office:value` of a float, percentage or currency cell; the paragraphs of
  /// a string cell; empty without a value type.
  mutating func cellValue(_ tag: Tag) throws -> XlsxCell {
    // Only the character data inside `text:p` paragraphs is the cell's text: a pretty-printed
    // file has indentation between the cell's tags.
    var text: [UInt8] = []
    if !tag.selfClosing {
      var paragraphs = 0
      var paragraphDepth = 0
      while true {
        var chunk: [UInt8]? = []
        guard let inner = try nextTag(collecting: &chunk) else { break }
        if paragraphDepth > 0 { text += chunk ?? [] }
        if inner.closing && inner.name == tag.name { break }
        if inner.name == "text:p" && !inner.selfClosing {
          if inner.closing {
            paragraphDepth = max(0, paragraphDepth - 1)
          } else {
            if paragraphs > 0 { text.append(0x0A) }
            paragraphs += 1
            paragraphDepth += 1
          }
        }
        if inner.name == "text:s" && paragraphDepth > 0 { text.append(0x20) }
        if inner.name == "table:table-row" || inner.name == "table:table" {
          throw error("expected </\(tag.name)> before <\(inner.closing ? "/" : "")\(inner.name)>", at: inner.start)
        }
      }
    }
    switch XMLScan.attribute("office:value-type", in: tag.text) {
    case "float", "percentage", "currency":
      guard let raw = XMLScan.attribute("office:value", in: tag.text), let value = Double(raw), value.isFinite else {
        throw error("expected a finite office:value in a \(XMLScan.attribute("office:value-type", in: tag.text) ?? "") cell", at: tag.start)
      }
      return .number(value)
    case nil:
      return .empty
    default:
      let string = XMLScan.decodeEntities(String(decoding: text, as: UTF8.self))
      return string.isEmpty ? .empty : .text(string)
    }
  }
}
