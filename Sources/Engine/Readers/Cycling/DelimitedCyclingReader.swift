import Formats

/// A CSV/TSV line split into fields (byte ranges into the line), for the row decoder.
struct CyclingTextRow: CyclingRowCells {
  let line: UnsafeBufferPointer<UInt8>
  let starts: UnsafeBufferPointer<Int>
  let ends: UnsafeBufferPointer<Int>
  let cellCount: Int

  func number(_ column: Int) -> Double? {
    guard column < cellCount, let base = line.baseAddress else { return nil }
    return parseDecimal(UnsafeBufferPointer(start: base + starts[column], count: ends[column] - starts[column]))
  }

  func text(_ column: Int) -> String? {
    guard column < cellCount, let base = line.baseAddress else { return nil }
    let field = UnsafeBufferPointer(start: base + starts[column], count: ends[column] - starts[column])
    return String(decoding: field, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \""))
  }
}

/// Splits a line at `delimiter`, honouring double quotes around a field. Returns the count.
func splitCyclingFields(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8, starts: inout [Int], ends: inout [Int]) -> Int {
  var count = 0
  var i = 0
  let n = line.count
  func put(_ a: Int, _ b: Int) {
    if count < starts.count { starts[count] = a; ends[count] = b } else { starts.append(a); ends.append(b) }
    count += 1
  }
  if n == 0 { return 0 }
  while true {
    let fieldStart = i
    if i < n && line[i] == 0x22 {
      i += 1
      while i < n && line[i] != 0x22 { i += 1 }
      put(fieldStart + 1, i)
      while i < n && line[i] != delimiter { i += 1 }
    } else {
      while i < n && line[i] != delimiter { i += 1 }
      put(fieldStart, i)
    }
    if i >= n { break }
    i += 1
    if i == n { put(n, n); break }
  }
  return count
}

/// Which cycler wrote a table, judged from its header (for the record and the JSON output).
func cyclingFormatName(header: [String], firstLine: String) -> String {
  if firstLine.hasPrefix("Today's Date") || header.contains("Rec#") { return "maccor" }
  if header.contains("Test Time / s") { return "bdf" }
  if header.contains(where: { $0.hasPrefix("Test_Time(") }) { return "arbin" }
  if header.contains(where: { $0.hasPrefix("Chg. Cap.") || $0 == "Total Time" }) { return "neware" }
  return "csv"
}

/// Reads a delimited text table of cycling data: Battery Data Format CSV, Maccor text exports,
/// Neware/Arbin CSV exports, or any CSV/TSV whose header names the columns with units
/// (`Voltage/V`, `Current(mA)`, `Test Time / s`). The header is the first line, within the
/// first 200, that splits (by tab, comma or semicolon) into a test time, a voltage and a current;
/// lines before it (Maccor's title line) are skipped. Streams: holds one chunk at a time.
/// Errors name the line and column; the caller adds the file.
func readDelimitedCycling<Source: ByteSource, Sink: CyclingRecordSink>(
  _ source: Source, into sink: inout Sink
) throws -> String {
  var scanner = LineScanner(source: source)
  var starts = [Int](repeating: 0, count: 64)
  var ends = [Int](repeating: 0, count: 64)
  // Decoded in place (an optional would copy the decoder, dictionaries and all, every row).
  var decoder = CyclingRowDecoder(map: CyclingColumnMap(header: []))
  var haveHeader = false
  var delimiter: UInt8 = 0x2C
  var format = "csv"
  var firstLine = ""
  var headerError: InputError? = nil
  try scanner.forEachLine { line, number in
    if haveHeader {
      let count = splitCyclingFields(line, delimiter: delimiter, starts: &starts, ends: &ends)
      let record = try starts.withUnsafeBufferPointer { s in
        try ends.withUnsafeBufferPointer { e in
          try decoder.decode(CyclingTextRow(line: line, starts: s, ends: e, cellCount: count), line: number)
        }
      }
      if let record {
        do { try sink.consume(record) } catch var error as InputError {
          if error.line == nil { error.line = number }
          throw error
        }
      }
      return true
    }
    let text = String(decoding: line, as: UTF8.self)
    if number == 1 { firstLine = text }
    for candidate: UInt8 in [0x09, 0x2C, 0x3B] where line.contains(candidate) {
      let count = splitCyclingFields(line, delimiter: candidate, starts: &starts, ends: &ends)
      let header = (0..<count).map { k in
        String(decoding: UnsafeBufferPointer(rebasing: line[starts[k]..<ends[k]]), as: UTF8.self)
          .trimmingCharacters(in: .whitespaces)
      }
      let map = CyclingColumnMap(header: header)
      if map.isUsable {
        delimiter = candidate
        decoder = CyclingRowDecoder(map: map)
        haveHeader = true
        format = cyclingFormatName(header: header, firstLine: firstLine)
        return true
      }
    }
    if number >= 200 {
      headerError = InputError("no header row with a test time, voltage and current column in the first 200 lines", line: 1)
      return false
    }
    return true
  }
  if let headerError { throw headerError }
  if !haveHeader {
    throw InputError(
      "no header row found: " + CyclingColumnMap(header: []).missingDescription, line: 1)
  }
  return format
}

import Foundation
