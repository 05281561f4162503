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
  var t = token.trimmingCharacters(in: .whitespaces)
  if t.hasPrefix("\"") && t.hasSuffix("\"") && t.count >= 2 { t = String(t.dropFirst().dropLast()) }
  if commaDecimal { t = t.replacingOccurrences(of: ",", with: ".") }
  guard let v = Double(t), v.isFinite else { return nil }
  return v
}
