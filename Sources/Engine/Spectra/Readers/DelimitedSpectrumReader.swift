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
    if let table = fastTable(data) { return try assemble(table, file: file, axis: given) }
    return try assemble(try table(data, file: file), file: file, axis: given)
  }

  /// The numbers of a file below its header, row by row (NaN marks an empty cell or a column that
  /// ended early; numbers themselves are never NaN), with the header's names.
  struct Table {
    var headers: [String]
    var headerIsText: Bool
    /// 1-based line of the header (or of the first number line when there is no header).
    var headerLine: Int
    var width: Int
    var cells: [Double]
    var lines: [Int]
  }

  /// Lines before the header that are skipped: blank, `%`, `;`, or `#` not naming an axis.
  static func isPreamble(_ line: Substring) -> Bool {
    let t = line.trimmingCharacters(in: .whitespaces)
    return t.isEmpty || t.hasPrefix("%") || (t.hasPrefix("#") && SpectrumAxis.named(t) == nil) || t.hasPrefix(";")
  }

  /// Separator, decimal comma, and the header's names when the line is text.
  static func header(_ line: Substring) -> (separator: Character?, commaDecimal: Bool, names: [String]?) {
    let separator = detectSeparator(line)
    let commaDecimal = separator != ","
    let fields = split(line, separator)
    let isText = fields.contains { parseSpectrumNumber($0, commaDecimal: commaDecimal) == nil }
    return (separator, commaDecimal, isText ? fields.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"#")) } : nil)
  }

  /// The general reader of the table (any encoding, quotes, ragged rows); errors give the line.
  static func table(_ data: Data, file: String) throws -> Table {
    let text = try SpectrumTextLines(data: data, file: file)
    var index = 0
    while index < text.lines.count, isPreamble(text.lines[index]) { index += 1 }
    guard index < text.lines.count else { throw InputError("no data: the file has no header or number lines", file: file) }
    let (separator, commaDecimal, names) = header(text.lines[index])
    let headers = names ?? []
    let firstData = names == nil ? index : index + 1
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
    var flat = [Double](repeating: .nan, count: rows.count * width)
    for (r, row) in rows.enumerated() {
      for (c, v) in row.cells.enumerated() { if let v { flat[r * width + c] = v } }
    }
    return Table(headers: headers, headerIsText: names != nil, headerLine: index + 1, width: width, cells: flat,
                 lines: rows.map(\.line))
  }

  /// Spectra from the table: x, y₁, y₂, … or x₁, y₁, x₂, y₂, … (see the type's comment).
  static func assemble(_ table: Table, file: String, axis given: SpectrumAxis?) throws -> [Spectrum] {
    var headers = table.headers
    let width = table.width
    if headers.count < width { headers += (headers.count..<width).map { "column \($0 + 1)" } }
    let headerAxes = headers.map(SpectrumAxis.named)
    guard let axis = headerAxes.first.flatMap({ $0 }) ?? given else {
      throw InputError("the header does not name the x axis (expected e.g. \"BE/eV\", \"Raman shift (cm-1)\", \"2theta\"); give the axis explicitly",
                       file: file, line: table.headerIsText ? table.headerLine : nil)
    }
    // Pairs when every even column's header names an axis and there are at least 4 columns.
    let paired = width >= 4 && width % 2 == 0 && stride(from: 0, to: width, by: 2).allSatisfy { headerAxes[$0] != nil }
    var spectra: [Spectrum] = []
    let columns: [(x: Int, y: Int)] = paired
      ? stride(from: 0, to: width, by: 2).map { ($0, $0 + 1) }
      : (1..<width).map { (0, $0) }
    let rowCount = table.lines.count
    for (xc, yc) in columns {
      var xs: [Double] = [], ys: [Double] = []
      xs.reserveCapacity(rowCount)
      ys.reserveCapacity(rowCount)
      for r in 0..<rowCount {
        let xv = table.cells[r * width + xc], yv = table.cells[r * width + yc]
        if xv.isNaN {
          if yv.isNaN { continue }
          throw InputError("column \(xc + 1) is empty where column \(yc + 1) has a value", file: file, line: table.lines[r])
        }
        // A y that ended early ends this spectrum's rows (x without y is skipped).
        if yv.isNaN { continue }
        xs.append(xv)
        ys.append(yv)
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
