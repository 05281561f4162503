import Formats
import Foundation

/// The text of an instrument file split into lines, decoded the way the instruments write it:
/// UTF-8 when the bytes are valid UTF-8, otherwise ISO-8859-1 (EC-Lab, Gamry and ZPlot write
/// Windows code pages; every byte then maps to one character, so nothing is lost or guessed).
/// Lines end at LF, CRLF, CR CR LF (PowerSuite) or a lone CR; a leading byte-order mark is dropped.
struct InstrumentTextFile: Sendable {
  /// The file name used in error messages.
  let fileName: String
  /// Lines without their terminators; `lines[i]` is line `i + 1` of the file.
  let lines: [Substring]

  init(data: Data, fileName: String) {
    self.fileName = fileName
    var text = String(data: data, encoding: .utf8) ?? String(decoding: data.map { $0 }, asLatin1: ())
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    self.lines = InstrumentTextFile.splitLines(text)
  }

  init(text: String, fileName: String) {
    self.fileName = fileName
    var text = text
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    self.lines = InstrumentTextFile.splitLines(text)
  }

  /// Splits on line terminators in one pass over the unicode scalars (a CR LF pair is one
  /// grapheme in Swift, so splitting on Characters would miss it).
  private static func splitLines(_ text: String) -> [Substring] {
    var result: [Substring] = []
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "\n" || scalar == "\r" {
        result.append(Substring(scalars[start..<index]))
        var next = scalars.index(after: index)
        // Swallow the rest of a CR…LF terminator (CR LF, CR CR LF).
        if scalar == "\r" {
          var probe = next
          while probe < scalars.endIndex && scalars[probe] == "\r" { probe = scalars.index(after: probe) }
          if probe < scalars.endIndex && scalars[probe] == "\n" { next = scalars.index(after: probe) }
        }
        start = next
        index = next
      } else {
        index = scalars.index(after: index)
      }
    }
    if start < scalars.endIndex { result.append(Substring(scalars[start..<scalars.endIndex])) }
    return result
  }

  var lineCount: Int { lines.count }

  /// An error at a 1-based line (and column) of this document.
  func error(_ message: String, line: Int? = nil, column: Int? = nil) -> InputError {
    InputError(message, file: fileName, line: line, column: column)
  }

  /// The index of the first line at or after `from` whose trimmed text satisfies `predicate`.
  func firstLine(from: Int = 0, where predicate: (Substring) -> Bool) -> Int? {
    var index = from
    while index < lines.count {
      if predicate(lines[index]) { return index }
      index += 1
    }
    return nil
  }
}

extension String {
  /// ISO-8859-1 decoding: each byte is the unicode scalar of the same value.
  init(decoding bytes: [UInt8], asLatin1: Void) {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
    self = String(scalars)
  }
}

extension Substring {
  /// The text without leading and trailing spaces, tabs and NUL bytes (Ivium pads with NULs).
  var trimmed: Substring {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{0}" }
    var start = startIndex
    var end = endIndex
    while start < end, blank(self[start]) { start = index(after: start) }
    while end > start {
      let before = index(before: end)
      if blank(self[before]) { end = before } else { break }
    }
    return self[start..<end]
  }
}
