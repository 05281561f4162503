import Engine
import Formats
import Foundation

/// One completed protocol step as recorded in a run notebook (one JSON object per line).
public struct NotebookRecord: Codable, Sendable, Hashable {
  /// When the step was completed, ISO 8601 UTC ("2026-11-24T23:05:00Z").
  public var time: String
  /// The protocol id (A3).
  public var protocolID: String
  /// 1-based step number within the protocol.
  public var step: Int
  /// What the step was ("Press 300 MPa for 5 min").
  public var title: String
  /// Free note by the operator.
  public var note: String?
  /// What differed from the protocol ("held 6 min instead of 5").
  public var deviations: [String]
  /// Hold time actually spent, s, for timed steps.
  public var elapsedSeconds: Double?
  /// The cell or sample the step was done on ("LPSC-P3"), as the operator labels it.
  public var cell: String?
  /// Workspace-relative paths (or `*`/`?` patterns) of the data files measured on this cell.
  public var dataFiles: [String] = []
  /// The pellet's measured thickness, µm, and diameter, mm (σ = L/(R·A) of the files named).
  public var thicknessMicrometres: Double?
  public var diameterMillimetres: Double?
  /// The step number an earlier record of this run recorded by mistake: this record withdraws
  /// it (an undo is a correction appended to the notebook, never an erased line).
  public var withdrawsStep: Int?

  enum CodingKeys: String, CodingKey {
    case time
    case protocolID = "protocol"
    case step, title, note, deviations, cell
    case elapsedSeconds = "elapsed_s"
    case dataFiles = "data_files"
    case thicknessMicrometres = "thickness_um"
    case diameterMillimetres = "diameter_mm"
    case withdrawsStep = "withdraws_step"
  }

  public init(
    time: String, protocolID: String, step: Int, title: String, note: String? = nil,
    deviations: [String] = [], elapsedSeconds: Double? = nil, cell: String? = nil
  ) {
    self.cell = cell
    self.time = time
    self.protocolID = protocolID
    self.step = step
    self.title = title
    self.note = note
    self.deviations = deviations
    self.elapsedSeconds = elapsedSeconds
  }

  /// The same record stamped with `date` (the caller owns the clock).
  public init(
    date: Date, protocolID: String, step: Int, title: String, note: String? = nil,
    deviations: [String] = [], elapsedSeconds: Double? = nil, cell: String? = nil
  ) {
    self.init(
      time: Self.timestamp(date), protocolID: protocolID, step: step, title: title, note: note,
      deviations: deviations, elapsedSeconds: elapsedSeconds, cell: cell)
  }

  /// ISO 8601 in UTC with seconds.
  public static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}

/// The run notebook's format: JSON lines, append-only. Pure encoding and decoding; the file is
/// written by the runtime (`Effect.appendToFile`).
public enum RunNotebook {
  /// The notebook's file name inside a workspace folder: one file for all runs (each record
  /// names its protocol), so the history of a workspace reads top to bottom.
  public static let fileName = "notebook.jsonl"

  /// The notebook path of a workspace folder.
  public static func path(workspace: String) -> String {
    (workspace.hasSuffix("/") ? workspace : workspace + "/") + fileName
  }

  /// One record as a single line of JSON ending in "\n" (sorted keys, no embedded newlines: the
  /// encoder escapes them inside strings).
  public static func encode(_ record: NotebookRecord) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(record)
    data.append(0x0A)
    return data
  }

  /// What a notebook file holds.
  public struct Contents: Sendable, Equatable {
    public var records: [NotebookRecord]
    /// The line number of an incomplete last line (a write cut short by a crash), which is
    /// skipped; nil when the file ends cleanly.
    public var truncatedLine: Int?
    /// Lines before the last that are not valid records (the file was edited by hand).
    public var errors: [InputError]
  }

  /// Reads a notebook. A last line without its newline that is not a valid record is reported
  /// as truncated and skipped — every completed step before it is kept; a malformed line
  /// elsewhere is an error with its line number, and reading goes on.
  public static func decode(_ data: Data, fileName: String? = nil) -> Contents {
    var contents = Contents(records: [], truncatedLine: nil, errors: [])
    let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
    let endsCleanly = data.last == 0x0A || data.isEmpty
    let decoder = JSONDecoder()
    for (index, line) in lines.enumerated() {
      let number = index + 1
      let isLast = index == lines.count - 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      do {
        contents.records.append(try decoder.decode(NotebookRecord.self, from: Data(line)))
      } catch let problem as NotebookRecordProblem {
        contents.errors.append(InputError("not a valid notebook record: \(problem.description)", file: fileName, line: number))
      } catch {
        if isLast && !endsCleanly {
          contents.truncatedLine = number
        } else {
          contents.errors.append(
            InputError("not a notebook record (expected one JSON object per line)", file: fileName, line: number))
        }
      }
    }
    return contents
  }
}
