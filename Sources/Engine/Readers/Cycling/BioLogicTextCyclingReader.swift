import Formats
import Foundation

/// Streams an EC-Lab text export (`.mpt`) for cycling, line by line through `LineScanner`:
/// `EC-Lab ASCII FILE`, `Nb header lines : N` (N ≥ 3), the header's `Key : value` lines, the
/// tab-separated column names on line N, then one tab-separated row per line with a decimal point
/// or comma (a file exported without its header has the names on line 1). Only the columns the
/// cycling model uses (`BioLogicCyclingColumns`) are parsed; every row must still have one value
/// per name (a final tab leaves an empty last cell that is no value), and trailing blank lines end
/// the table. Errors name the line and column.
func readBioLogicTextCycling<Source: ByteSource, R: CyclingRecordSink>(_ source: Source, into sink: inout R) throws {
  var scanner = LineScanner(source: source)
  var headerLine = 1
  var names: [String] = []
  var columns: BioLogicCyclingColumns? = nil
  var wanted: [Int] = []
  var values: [Double] = []
  var blankLine: Int? = nil
  var sawFirstLine = false
  try scanner.forEachLine { line, number in
    if number == 1 {
      sawFirstLine = true
      if String(decoding: line, as: UTF8.self).hasPrefix("EC-Lab ASCII FILE") {
        headerLine = 0
        return true
      }
    }
    if headerLine == 0 {
      // Line 2 of a full export: the header's length.
      let text = String(decoding: line, as: UTF8.self)
      guard text.hasPrefix("Nb header lines"), let colon = text.firstIndex(of: ":"),
        let count = Int(text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)), count >= 3
      else {
        throw InputError(
          "expected 'Nb header lines : N' (N ≥ 3), found '\(text.trimmingCharacters(in: .whitespaces))'", line: number, column: 1)
      }
      headerLine = count
      return true
    }
    if number < headerLine { return true }
    if number == headerLine {
      names = tabFields(line).map { String(decoding: UnsafeBufferPointer(rebasing: line[$0.lowerBound..<$0.upperBound]), as: UTF8.self).trimmingCharacters(in: .whitespaces) }
      if names.last == "" { names.removeLast() }
      guard names.count >= 2 else {
        throw InputError("expected tab-separated column names on line \(number), found '\(String(decoding: line, as: UTF8.self))'", line: number)
      }
      let mapped = try BioLogicCyclingColumns(names: names)
      wanted = mapped.usedColumns
      values = [Double](repeating: 0, count: names.count)
      columns = mapped
      return true
    }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
      if blankLine == nil { blankLine = number }
      return true
    }
    let headerText = "as the header (line \(headerLine)) names"
    if let blank = blankLine {
      throw InputError("expected \(names.count) values \(headerText), found an empty line", line: blank, column: 1)
    }
    guard var mapped = columns else { return true }
    var fields = tabFields(line)
    if fields.count == names.count + 1, let last = fields.last, isBlank(line, last) { fields.removeLast() }
    guard fields.count == names.count else {
      let column = fields.count > names.count ? fields[names.count].lowerBound + 1 : line.count + 1
      throw InputError("expected \(names.count) values \(headerText), found \(fields.count)", line: number, column: column)
    }
    for k in wanted {
      var a = fields[k].lowerBound
      var b = fields[k].upperBound
      while a < b && line[a] == 0x20 { a += 1 }
      while b > a && line[b - 1] == 0x20 { b -= 1 }
      guard let value = DecimalBytes.parse(line, a, b, decimalComma: true) else {
        let cell = String(decoding: UnsafeBufferPointer(rebasing: line[a..<b]), as: UTF8.self)
        throw InputError(
          "expected a number in column \(k + 1) (\(names[k])), found \(cell.isEmpty ? "an empty cell" : "'\(cell)'")",
          line: number, column: fields[k].lowerBound + 1)
      }
      values[k] = value
    }
    let record = mapped.record { values[$0] }
    columns = mapped
    do { try sink.consume(record) } catch var e as InputError {
      if e.line == nil { e.line = number }
      throw e
    }
    return true
  }
  if !sawFirstLine { throw InputError("expected an EC-Lab text file, found an empty file", line: 1) }
  if columns == nil {
    throw InputError("expected \(headerLine) header lines and the column names on line \(headerLine), the file ends first (truncated)")
  }
}

/// The byte ranges of a line's tab-separated fields.
private func tabFields(_ line: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
  var fields: [Range<Int>] = []
  var start = 0
  for i in 0..<line.count where line[i] == 0x09 {
    fields.append(start..<i)
    start = i + 1
  }
  fields.append(start..<line.count)
  return fields
}

private func isBlank(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
  range.allSatisfy { line[$0] == 0x20 }
}
