import Foundation
import Formats

/// Reads DIR/metrics.csv incrementally, the way a watcher follows a growing file: the caller
/// reads the bytes from `offset` to the file's end and hands them to `read(appended:)`, which
/// returns the complete rows among them and advances `offset` past the last newline only. A
/// last row still being written (no newline yet) is left for the next read, when it is whole.
/// The first line is the header (column names); every later line has one cell per column, each
/// a number (nan and inf included) or empty (nil: e.g. the von Mises column of a run without
/// mechanics).
public struct RunMetricsReader: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    /// 1-based line in the file.
    public var line: Int
    /// One value per column; nil for an empty cell.
    public var values: [Double?]
  }

  public struct Update: Sendable, Equatable {
    /// The complete rows among the bytes, in file order (up to the first malformed one).
    public var rows: [Row]
    /// The first malformed line (file, line, column, what was expected); reading stops there
    /// and `offset` stays at its start, so it is reported again until the file is fixed.
    public var error: InputError?
  }

  public let fileName: String?
  /// Column names from the header; empty until the header line is complete.
  public private(set) var columns: [String] = []
  /// Bytes of the file consumed (always at a line start).
  public private(set) var offset: Int = 0
  /// Lines consumed.
  public private(set) var linesRead: Int = 0

  public init(fileName: String? = RunFolder.metricsFile) {
    self.fileName = fileName
  }

  /// The index of a column by name.
  public func column(_ name: String) -> Int? { columns.firstIndex(of: name) }

  /// Consumes the complete lines of `bytes`, the file's content from `offset` on.
  public mutating func read(appended bytes: Data) -> Update {
    var rows: [Row] = []
    var start = bytes.startIndex
    while let newline = bytes[start...].firstIndex(of: 0x0A) {
      var end = newline
      if end > start, bytes[end - 1] == 0x0D { end -= 1 }
      let text = String(decoding: bytes[start..<end], as: UTF8.self)
      let lineNumber = linesRead + 1
      if columns.isEmpty {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        if let blank = names.firstIndex(where: \.isEmpty) {
          return Update(rows: rows, error: InputError("expected a header of column names, found an empty name",
                                                      file: fileName, line: lineNumber, column: columnOffset(text, cell: blank)))
        }
        columns = names
      } else {
        switch parseRow(text, line: lineNumber) {
        case .success(let row): rows.append(row)
        case .failure(let error): return Update(rows: rows, error: error)
        }
      }
      linesRead += 1
      offset += newline + 1 - start
      start = newline + 1
    }
    return Update(rows: rows, error: nil)
  }

  /// Forgets everything (the file was replaced or truncated: its size fell below `offset`).
  public mutating func reset() {
    columns = []
    offset = 0
    linesRead = 0
  }

  private func parseRow(_ text: String, line: Int) -> Result<Row, InputError> {
    let cells = text.split(separator: ",", omittingEmptySubsequences: false)
    guard cells.count == columns.count else {
      return .failure(InputError("expected \(columns.count) cells (\(columns.first ?? "")…\(columns.last ?? "")), found \(cells.count)",
                                 file: fileName, line: line))
    }
    var values: [Double?] = []
    values.reserveCapacity(cells.count)
    for (index, cell) in cells.enumerated() {
      let trimmed = cell.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty {
        values.append(nil)
        continue
      }
      // nan and inf are kept as such (a diverging solver's residual): plots skip them.
      guard let value = Double(trimmed) else {
        return .failure(InputError("expected a number or an empty cell in column '\(columns[index])', found '\(trimmed)'",
                                   file: fileName, line: line, column: columnOffset(text, cell: index)))
      }
      values.append(value)
    }
    return .success(Row(line: line, values: values))
  }

  /// The 1-based character column where cell `cell` of `text` starts.
  private func columnOffset(_ text: String, cell: Int) -> Int {
    var count = 1, seen = 0
    for character in text {
      if seen == cell { return count }
      if character == "," { seen += 1 }
      count += 1
    }
    return count
  }
}
