import Foundation

extension DelimitedSpectrumReader {
  /// The table read straight from the bytes, for the common case: ASCII text whose rows are all
  /// plain decimal numbers (`SpectrumNumberScanner`), no quotes, every row as wide as the first.
  /// Anything else — other encodings, quoted cells, ragged rows, a cell that is not a plain number,
  /// a row of fewer than two numbers — returns nil and the general reader (`table(_:file:)`) reads
  /// the file, giving the same result or the error with its line. The header and the comment lines
  /// above it go through the same functions as in the general reader.
  /// Line ends are \n, \r\n or \r, as `SpectrumTextLines` splits them.
  static func fastTable(_ data: Data) -> Table? {
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Table? in
      let count = bytes.count
      for b in bytes where b >= 0x80 || b == 0 { return nil }
      let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
      let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), quote = UInt8(ascii: "\"")
      var position = 0
      var lineNumber = 0
      /// The next line's byte range (without its end), or nil at the end of the data.
      func nextLine() -> (Int, Int)? {
        guard position <= count else { return nil }
        let start = position
        var end = start
        while end < count && bytes[end] != newline && bytes[end] != carriageReturn { end += 1 }
        if end == count {
          position = count + 1
        } else if bytes[end] == carriageReturn && end + 1 < count && bytes[end + 1] == newline {
          position = end + 2
        } else {
          position = end + 1
        }
        lineNumber += 1
        return (start, end)
      }
      func text(_ range: (Int, Int)) -> Substring {
        Substring(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range.0..<range.1]), as: UTF8.self))
      }
      // The header: the first line that is not a comment or blank.
      var headerRange: (Int, Int)?
      while let range = nextLine() {
        if !isPreamble(text(range)) { headerRange = range; break }
      }
      guard let headerRange else { return nil }
      let headerLineNumber = lineNumber
      let (separator, commaDecimal, names) = header(text(headerRange))
      let separatorByte = separator.flatMap(\.asciiValue)
      if separator != nil && separatorByte == nil { return nil }
      if names == nil { position = headerRange.0; lineNumber -= 1 }

      var cells: [Double] = []
      cells.reserveCapacity(count / 8)
      var lines: [Int] = []
      lines.reserveCapacity(count / 16)
      var width = -1
      while let (lineStart, lineEnd) = nextLine() {
        var start = lineStart, end = lineEnd
        while start < end && (bytes[start] == space || bytes[start] == tab) { start += 1 }
        while end > start && (bytes[end - 1] == space || bytes[end - 1] == tab) { end -= 1 }
        if start == end { continue }
        var fields = 0
        var i = lineStart
        if let separatorByte {
          // Every separator starts a new cell; an empty cell is NaN.
          while true {
            var fieldEnd = i
            while fieldEnd < lineEnd && bytes[fieldEnd] != separatorByte { fieldEnd += 1 }
            var a = i, b = fieldEnd
            while a < b && (bytes[a] == space || bytes[a] == tab) { a += 1 }
            while b > a && (bytes[b - 1] == space || bytes[b - 1] == tab) { b -= 1 }
            if a == b {
              cells.append(.nan)
            } else {
              if bytes[a] == quote { return nil }
              guard let v = SpectrumNumberScanner.parse(bytes, a, b, commaDecimal: commaDecimal) else { return nil }
              cells.append(v)
            }
            fields += 1
            if fieldEnd >= lineEnd { break }
            i = fieldEnd + 1
          }
        } else {
          i = start
          while i < end {
            var fieldEnd = i
            while fieldEnd < end && bytes[fieldEnd] != space && bytes[fieldEnd] != tab { fieldEnd += 1 }
            if bytes[i] == quote { return nil }
            guard let v = SpectrumNumberScanner.parse(bytes, i, fieldEnd, commaDecimal: commaDecimal) else { return nil }
            cells.append(v)
            fields += 1
            i = fieldEnd
            while i < end && (bytes[i] == space || bytes[i] == tab) { i += 1 }
          }
        }
        if fields < 2 || (width >= 0 && fields != width) { return nil }
        width = fields
        lines.append(lineNumber)
      }
      guard width >= 2 else { return nil }
      let headers = names ?? []
      if headers.count > width {
        // Rows narrower than the header: pad to the header's width, as the general reader does.
        var padded = [Double](repeating: .nan, count: lines.count * headers.count)
        for r in 0..<lines.count { for c in 0..<width { padded[r * headers.count + c] = cells[r * width + c] } }
        return Table(headers: headers, headerIsText: names != nil, headerLine: headerLineNumber, width: headers.count,
                     cells: padded, lines: lines)
      }
      return Table(headers: headers, headerIsText: names != nil, headerLine: headerLineNumber, width: width,
                   cells: cells, lines: lines)
    }
  }
}
