import Formats
import Foundation

/// Text of a spectrum file split into lines, with 1-based line numbers kept for errors.
struct SpectrumTextLines {
  var file: String
  var lines: [Substring]

  init(data: Data, file: String) throws {
    self.file = file
    // Instruments write UTF-8, Latin-1 (WiRE, older Rigaku) or UTF-16 with a BOM.
    let text: String
    if let s = String(data: data, encoding: .utf8) { text = s }
    else if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]), let s = String(data: data, encoding: .utf16) { text = s }
    else if let s = String(data: data, encoding: .isoLatin1) { text = s }
    else { throw InputError("not a text file", file: file) }
    lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
  }

  func error(_ message: String, line: Int) -> InputError { InputError(message, file: file, line: line) }
}

/// A number as instruments write it: `1.5`, `-2e3`, `1,5` when `commaDecimal`. Never NaN/∞.
func parseSpectrumNumber(_ token: Substring, commaDecimal: Bool) -> Double? {
  var t = token.trimmedOfSpaces
  if t.hasPrefix("\"") && t.hasSuffix("\"") && t.count >= 2 { t = t.dropFirst().dropLast() }
  let parsed = commaDecimal && t.contains(",") ? Double(String(t.map { $0 == "," ? "." : $0 })) : Double(t)
  guard let v = parsed, v.isFinite else { return nil }
  return v
}

extension Substring {
  /// Without leading and trailing spaces and tabs (and other non-newline white space), in Swift:
  /// Foundation's `trimmingCharacters(in:)` bridges every cell through NSString, which made
  /// reading a 200 000-row file take two seconds.
  var trimmedOfSpaces: Substring {
    // ASCII first: Character.isWhitespace looks up Unicode properties for every character.
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || (!$0.isASCII && $0.isWhitespace) }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
    return self[first...last]
  }
}
