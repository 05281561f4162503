/// Scans a worksheet's `<row>`/`<c>` elements as the part inflates: a window of the XML holds
/// the rows not yet delivered (it grows only when one row is longer than the window). Offsets in
/// errors count from the start of the sheet's XML.
struct SheetStream {
  private var source: ZipEntryStream
  let sharedStrings: [String]
  private var buffer: [UInt8]
  /// Valid bytes are buffer[0..<end]; scanning resumes at `start`; buffer[0] is sheet byte `base`.
  private var start = 0
  private var end = 0
  private var base = 0
  private var atEnd = false
  private var lastRow = 0
  private var inSheetData = false

  init(source: ZipEntryStream, sharedStrings: [String], windowSize: Int = 1 << 20) {
    self.source = source
    self.sharedStrings = sharedStrings
    buffer = [UInt8](repeating: 0, count: windowSize)
  }

  /// Moves the unscanned bytes to the front and reads more; false at the end of the part.
  private mutating func fill(keepingFrom keep: Int) throws -> Bool {
    if atEnd { return false }
    let from = min(keep, end)
    if from > 0 {
      let count = end - from
      buffer.withUnsafeMutableBytes { raw in
        if let b = raw.baseAddress, count > 0 { b.copyMemory(from: b + from, byteCount: count) }
      }
      base += from
      start = max(start, from) - from
      end = count
    }
    if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
    let filled = end
    let n = try buffer.withUnsafeMutableBytes { raw in
      try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
    }
    if n == 0 {
      // The stream has just checked the entry's size and CRC-32.
      atEnd = true
      return false
    }
    end += n
    return true
  }

  mutating func nextRow(into cells: inout [XlsxCell], rowNumber: inout Int) throws -> Bool {
    cells.removeAll(keepingCapacity: true)
    while !inSheetData {
      let hit = buffer.withUnsafeBufferPointer { XMLScan.find(Array("<sheetData".utf8), in: UnsafeBufferPointer(rebasing: $0[0..<end]), from: start) }
      if let hit {
        start = hit
        inSheetData = true
      } else if try !fill(keepingFrom: max(start, end - 16)) {
        return false
      }
    }
    while true {
      enum Step { case more(keep: Int), row, none }
      let step = try buffer.withUnsafeBufferPointer { all -> Step in
        let xml = UnsafeBufferPointer(rebasing: all[0..<end])
        guard let rowStart = WorksheetByteScan.nextRow(xml, from: start) else {
          return atEnd ? .none : .more(keep: max(start, end - 16))
        }
        guard let tagEnd = WorksheetByteScan.byte(0x3E, in: xml, from: rowStart) else {
          if atEnd { throw error("unterminated <row> tag", rowStart) }
          return .more(keep: rowStart)
        }
        if xml[tagEnd - 1] == 0x2F {  // <row/>
          lastRow = rowAttribute(xml, rowStart, tagEnd)
          start = tagEnd + 1
          return .row
        }
        guard let close = WorksheetByteScan.rowClose(xml, from: tagEnd) else {
          if atEnd { throw error("row \(rowAttribute(xml, rowStart, tagEnd)) has no </row>", rowStart) }
          return .more(keep: rowStart)
        }
        lastRow = rowAttribute(xml, rowStart, tagEnd)
        try cellsOfRow(UnsafeBufferPointer(rebasing: all[0..<close]), from: tagEnd + 1, into: &cells)
        start = close + 6
        return .row
      }
      switch step {
      case .row:
        rowNumber = lastRow
        return true
      case .none:
        return false
      case .more(let keep):
        if try !fill(keepingFrom: keep) { atEnd = true }
      }
    }
  }

  private func rowAttribute(_ xml: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
    WorksheetByteScan.integerAttribute(0x72, xml, from + 4, to) ?? lastRow + 1
  }

  /// The cells of one row; `xml` ends where the row's `</row>` begins. Byte-level: attributes
  /// and values are read in place (a string per cell would cost more than the rest of the read).
  private func cellsOfRow(_ xml: UnsafeBufferPointer<UInt8>, from: Int, into cells: inout [XlsxCell]) throws {
    var p = from
    var nextColumn = 0
    while let c = WorksheetByteScan.nextCell(xml, from: p) {
      guard let cEnd = WorksheetByteScan.byte(0x3E, in: xml, from: c) else { throw error("unterminated <c> tag", c) }
      let tag = WorksheetByteScan.cellAttributes(xml, c + 2, cEnd)
      let column = tag.column ?? nextColumn
      nextColumn = column + 1
      var value = XlsxCell.empty
      if xml[cEnd - 1] == 0x2F {
        p = cEnd + 1
      } else {
        guard let close = WorksheetByteScan.closeTag(xml, from: cEnd) else {
          throw error("cell without </c> in row \(lastRow)", c)
        }
        if tag.type == .inlineString {
          value = .text(XMLScan.textRuns(xml, cEnd + 1, close))
        } else if let v = WorksheetByteScan.valueStart(xml, from: cEnd + 1, to: close),
          let vEnd = WorksheetByteScan.byte(0x3C, in: xml, from: v), vEnd <= close
        {
          let raw = UnsafeBufferPointer(rebasing: xml[v..<vEnd])
          switch tag.type {
          case .shared:
            guard let k = parseDecimal(raw).flatMap({ Int(exactly: $0) }), k >= 0, k < sharedStrings.count else {
              throw error("shared-string index out of range in row \(lastRow)", v)
            }
            value = .text(sharedStrings[k])
          case .string: value = .text(XMLScan.decodeEntities(String(decoding: raw, as: UTF8.self)))
          case .number, .inlineString:
            if let number = parseDecimal(raw) { value = .number(number) } else {
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
  }

  private func error(_ message: String, _ offset: Int) -> InputError {
    InputError("malformed worksheet XML: \(message) (byte \(base + offset) of the sheet)", line: lastRow == 0 ? nil : lastRow)
  }
}
