import Formats
import Foundation

/// Plain two-column (or wider) text, CSV, TSV or whitespace-separated, with a header line naming
/// the axis (`BE/eV`, `Binding Energy (eV)`, `Raman shift (cm-1)`, `2theta`, `KE`), as
/// spreadsheets and instrument exports write it:
/// - the separator is the first of tab, `;`, `,` found in the header (else whitespace);
/// - comma decimals (`284,8`) are read when the separator is not a comma;
/// - several spectra side by side: either x, y₁, y₂, … (one shared axis, y headers name the
///   spectra) or x₁, y₁, x₂, y₂, … (every other header names an axis); columns may end early;
/// - lines before the header starting with `#`, `%` or `;` are comments.
/// Without an axis in the header the caller must say what the axis is (`axis`); nothing is
/// assumed. Errors give the file and line.
public enum DelimitedSpectrumReader {
  public static func read(_ data: Data, file: String, axis given: SpectrumAxis? = nil) throws -> [Spectrum] {
    let text = try SpectrumTextLines(data: data, file: file)
    var index = 0
    while index < text.lines.count {
      let t = text.lines[index].trimmingCharacters(in: .whitespaces)
      if t.isEmpty || t.hasPrefix("%") || (t.hasPrefix("#") && SpectrumAxis.named(t) == nil) || t.hasPrefix(";") {
        index += 1
      } else { break }
    }
    guard index < text.lines.count else { throw InputError("no data: the file has no header or number lines", file: file) }
    let headerLine = text.lines[index]
    let separator = detectSeparator(headerLine)
    let commaDecimal = separator != ","
    let headerFields = split(headerLine, separator)
    let headerIsText = headerFields.contains { parseSpectrumNumber($0, commaDecimal: commaDecimal) == nil }
    var headers: [String]
    var firstData = index
    if headerIsText {
      headers = headerFields.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"#")) }
      firstData = index + 1
    } else {
      headers = []
    }
    // Rows of numbers; an empty cell (a column that ended early) is nil.
    var rows: [(line: Int, cells: [Double?])] = []
    var width = headers.count
    for k in firstData..<text.lines.count {
      let raw = text.lines[k]
      if raw.trimmedOfSpaces.isEmpty { continue }
      let fields = split(raw, separator)
      var cells: [Double?] = []
      for (c, f) in fields.enumerated() {
        if f.trimmedOfSpaces.isEmpty { cells.append(nil); continue }
        guard let v = parseSpectrumNumber(f, commaDecimal: commaDecimal) else {
          throw text.error("column \(c + 1): expected a number, found \"\(f.prefix(40))\"", line: k + 1)
        }
        cells.append(v)
      }
      if cells.count < 2 { throw text.error("expected at least 2 columns (x and y), found \(cells.count)", line: k + 1) }
      width = max(width, cells.count)
      rows.append((k + 1, cells))
    }
    guard !rows.isEmpty else { throw InputError("no data rows after the header", file: file, line: index + 1) }
    if headers.count < width { headers += (headers.count..<width).map { "column \($0 + 1)" } }
    let headerAxes = headers.map(SpectrumAxis.named)
    guard let axis = headerAxes.first.flatMap({ $0 }) ?? given else {
      throw InputError("the header does not name the x axis (expected e.g. \"BE/eV\", \"Raman shift (cm-1)\", \"2theta\"); give the axis explicitly",
                       file: file, line: headerIsText ? index + 1 : nil)
    }
    // Pairs when every even column's header names an axis and there are at least 4 columns.
    let paired = width >= 4 && width % 2 == 0 && stride(from: 0, to: width, by: 2).allSatisfy { headerAxes[$0] != nil }
    var spectra: [Spectrum] = []
    let columns: [(x: Int, y: Int)] = paired
      ? stride(from: 0, to: width, by: 2).map { ($0, $0 + 1) }
      : (1..<width).map { (0, $0) }
    for (xc, yc) in columns {
      var xs: [Double] = [], ys: [Double] = []
      for row in rows {
        let xv = xc < row.cells.count ? row.cells[xc] : nil
        let yv = yc < row.cells.count ? row.cells[yc] : nil
        switch (xv, yv) {
        case let (x?, y?): xs.append(x); ys.append(y)
        case (nil, nil): continue
        case (nil, _?): throw text.error("column \(xc + 1) is empty where column \(yc + 1) has a value", line: row.line)
        case (_?, nil):
          if paired { continue }  // this spectrum ended early
          continue
        }
      }
      guard xs.count >= 2 else {
        throw InputError("column \(yc + 1) (\(headers[yc])) has fewer than 2 values", file: file)
      }
      let columnAxis = paired ? (headerAxes[xc] ?? axis) : axis
      spectra.append(Spectrum(name: headers[yc], axis: columnAxis, x: xs, y: ys, yUnit: unit(in: headers[yc])))
    }
    return spectra
  }

  static func detectSeparator(_ line: Substring) -> Character? {
    for c: Character in ["\t", ";", ","] where line.contains(c) { return c }
    return nil
  }

  static func split(_ line: Substring, _ separator: Character?) -> [Substring] {
    if let separator { return line.split(separator: separator, omittingEmptySubsequences: false) }
    return line.split(whereSeparator: { $0 == " " || $0 == "\t" })
  }

  /// A unit in parentheses or after a slash in a header: "Intensity (cps)", "I/counts".
  static func unit(in header: String) -> String? {
    if let open = header.firstIndex(of: "("), let close = header.lastIndex(of: ")"), open < close {
      return String(header[header.index(after: open)..<close])
    }
    if let slash = header.firstIndex(of: "/") { return String(header[header.index(after: slash)...]) }
    return nil
  }
}
