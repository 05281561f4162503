/// How the cells of a text table are separated.
enum FieldSeparator: Sendable, Equatable {
  case tab
  case comma
  case semicolon
  /// Runs of spaces (and tabs) separate cells; leading and trailing blanks are ignored.
  case whitespace

  /// Whether a comma inside a cell is a decimal comma: in a semicolon- or tab-separated table
  /// (European spreadsheet exports) it cannot be a separator.
  var allowsDecimalComma: Bool { self == .semicolon || self == .tab }

  /// The separator of a line of a table: tab, then semicolon, then comma, then blanks.
  /// A semicolon-separated table may use the decimal comma, so it is tried before comma.
  static func detect(_ line: Substring) -> FieldSeparator {
    if line.contains("\t") { return .tab }
    if line.contains(";") { return .semicolon }
    if line.contains(",") { return .comma }
    return .whitespace
  }
}

/// One cell of a text table with its 1-based character column in the line.
struct TableField: Sendable {
  let text: Substring
  let column: Int
}

/// One line of a text table, split into cells that remember where they started.
struct DelimitedRow: Sendable {
  /// 1-based line number in the file.
  let line: Int
  let fields: [TableField]

  /// Splits `text` into cells. Cells are trimmed of blanks and of the double quotes some
  /// exporters put around header names. A trailing empty cell after a final separator (EC-Lab
  /// and Parstat end every header line with a tab) is dropped.
  init(_ text: Substring, line: Int, separator: FieldSeparator) {
    self.line = line
    var fields: [TableField] = []
    switch separator {
    case .whitespace:
      var index = text.startIndex
      var column = 1
      while index < text.endIndex {
        while index < text.endIndex, text[index] == " " || text[index] == "\t" {
          index = text.index(after: index)
          column += 1
        }
        if index == text.endIndex { break }
        let start = index
        let startColumn = column
        while index < text.endIndex, text[index] != " " && text[index] != "\t" {
          index = text.index(after: index)
          column += 1
        }
        fields.append(TableField(text: DelimitedRow.clean(text[start..<index]), column: startColumn))
      }
    case .tab, .comma, .semicolon:
      let mark: Character = separator == .tab ? "\t" : (separator == .comma ? "," : ";")
      var start = text.startIndex
      var column = 1
      var startColumn = 1
      var index = text.startIndex
      while index < text.endIndex {
        if text[index] == mark {
          fields.append(TableField(text: DelimitedRow.clean(text[start..<index]), column: startColumn))
          start = text.index(after: index)
          startColumn = column + 1
        }
        index = text.index(after: index)
        column += 1
      }
      let last = DelimitedRow.clean(text[start..<text.endIndex])
      if !(last.isEmpty && !fields.isEmpty) {
        fields.append(TableField(text: last, column: startColumn))
      }
    }
    self.fields = fields
  }

  private static func clean(_ cell: Substring) -> Substring {
    var cell = cell.trimmed
    if cell.count >= 2, cell.first == "\"", cell.last == "\"" {
      cell = cell.dropFirst().dropLast().trimmed
    }
    return cell
  }

  var count: Int { fields.count }

  /// The number in cell `index`, or an error naming the file, line, column and the column's name.
  /// A decimal comma is accepted when `decimalComma` is set (semicolon-separated exports).
  func number(_ index: Int, named name: String, in document: InstrumentTextFile, decimalComma: Bool = false) throws -> Double {
    guard index < fields.count else {
      let lastColumn = fields.last.map { $0.column + $0.text.count } ?? 1
      throw document.error("expected a value for column \(index + 1) (\(name)), but the row has only \(fields.count) values", line: line, column: lastColumn)
    }
    let field = fields[index]
    if let value = parseNumber(field.text, decimalComma: decimalComma) { return value }
    let shown = field.text.isEmpty ? "an empty cell" : "'\(field.text)'"
    throw document.error("expected a number in column \(index + 1) (\(name)), found \(shown)", line: line, column: field.column)
  }
}

/// Parses a decimal number as instruments write it ("1.0003201E+003", "-.5", "1,5" with a
/// decimal comma); returns nil for anything else, including "nan" and "inf".
func parseNumber(_ text: Substring, decimalComma: Bool = false) -> Double? {
  guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
  let value: Double?
  if decimalComma, text.contains(",") {
    value = Double(String(text.map { $0 == "," ? "." : $0 }))
  } else {
    value = Double(text)
  }
  guard let value, value.isFinite else { return nil }
  return value
}
