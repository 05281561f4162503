import Foundation

extension NotebookRecord {
  /// What was measured on the cell at a step: the data files taken on it and the pellet's size.
  public struct Measurement: Sendable, Hashable {
    public var dataFiles: [String]
    public var thicknessMicrometres: Double?
    public var diameterMillimetres: Double?

    public init(dataFiles: [String] = [], thicknessMicrometres: Double? = nil, diameterMillimetres: Double? = nil) {
      self.dataFiles = dataFiles
      self.thicknessMicrometres = thicknessMicrometres
      self.diameterMillimetres = diameterMillimetres
    }

    public var isEmpty: Bool { dataFiles.isEmpty && thicknessMicrometres == nil && diameterMillimetres == nil }
  }
}

extension RunSession {
  /// The last completed step that still stands (not withdrawn), if any.
  public var lastStandingRecord: NotebookRecord? {
    RunNotebook.standing(records).last
  }

  /// Undoes the last standing step as a correction: a new record withdrawing it
  /// (`withdraws_step`) is appended — the withdrawn record stays in the notebook — and the run
  /// goes back to that step, its hold not started. Returns the correction (nil when no step
  /// stands).
  public mutating func withdrawLast(at now: Date, note: String? = nil) -> NotebookRecord? {
    guard let last = lastStandingRecord, let position = steps.firstIndex(where: { $0.number == last.step }) else { return nil }
    var correction = NotebookRecord(
      date: now, protocolID: protocolID, step: last.step, title: "withdrawn: \(last.title)",
      note: note.flatMap { $0.isEmpty ? nil : $0 }, cell: cell)
    correction.withdrawsStep = last.step
    appendCorrection(correction, returningTo: position)
    return correction
  }
}
