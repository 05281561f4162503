import Foundation

/// Run mode of a protocol as a pure state machine: which step is current, the countdown of a
/// timed step, and the notebook record each completed step produces. The clock is a parameter
/// (the pane passes "now"); the caller writes the returned records (the runtime's notebook writer).
public struct RunSession: Sendable, Hashable {
  public let protocolID: String
  public let steps: [RunStep]
  /// Index of the current step in `steps` (== steps.count when finished).
  public private(set) var index: Int = 0
  /// When the current step's hold was started, if it is timed and started.
  public private(set) var holdStartedAt: Date?
  /// Records of the completed steps and of their corrections, in order (as in the notebook).
  public private(set) var records: [NotebookRecord] = []
  /// The cell or sample the run is done on ("LPSC-P3"), written into every record; nil when
  /// the operator gave none.
  public var cell: String?

  public init(protocolID: String, steps: [RunStep]) {
    self.protocolID = protocolID
    self.steps = steps
  }

  public init(sheet: ProtocolSheet) {
    self.init(protocolID: sheet.id, steps: sheet.runSteps)
  }

  public var current: RunStep? { index < steps.count ? steps[index] : nil }
  public var isFinished: Bool { index >= steps.count }

  /// Starts the countdown of the current step (no effect on an untimed step or a started one).
  public mutating func startHold(at now: Date) {
    guard current?.holdSeconds != nil, holdStartedAt == nil else { return }
    holdStartedAt = now
  }

  /// Seconds left in the current hold (never negative); nil when the step is untimed or its
  /// hold has not started.
  public func remainingSeconds(at now: Date) -> Double? {
    guard let hold = current?.holdSeconds, let start = holdStartedAt else { return nil }
    return max(0, hold - now.timeIntervalSince(start))
  }

  /// Completes the current step and moves on. A timed step ended before its hold time, or
  /// never started, gets that deviation added automatically ("held 4 min 10 s of 5 min").
  /// Returns the record to append to the notebook (nil when the run is already finished).
  @discardableResult
  public mutating func complete(
    at now: Date, note: String? = nil, deviations: [String] = [], measured: NotebookRecord.Measurement = .init()
  ) -> NotebookRecord? {
    guard let step = current else { return nil }
    var allDeviations = deviations
    var elapsed: Double?
    if let hold = step.holdSeconds {
      if let start = holdStartedAt {
        let spent = now.timeIntervalSince(start)
        elapsed = spent
        if spent + 0.5 < hold {
          allDeviations.append(
            "held \(LabFormat.duration(hours: spent / 3600)) of \(LabFormat.duration(hours: hold / 3600))")
        }
      } else {
        allDeviations.append("hold of \(LabFormat.duration(hours: hold / 3600)) not timed")
      }
    }
    var record = NotebookRecord(
      date: now, protocolID: protocolID, step: step.number, title: step.title,
      note: note.flatMap { $0.isEmpty ? nil : $0 }, deviations: allDeviations, elapsedSeconds: elapsed, cell: cell)
    record.dataFiles = measured.dataFiles
    record.thicknessMicrometres = measured.thicknessMicrometres
    record.diameterMillimetres = measured.diameterMillimetres
    records.append(record)
    index += 1
    holdStartedAt = nil
    return record
  }

  /// Appends a correction record and moves the run back to the step at `position` (see
  /// `withdrawLast`): here because only this file may set the run's position.
  mutating func appendCorrection(_ correction: NotebookRecord, returningTo position: Int) {
    records.append(correction)
    index = position
    holdStartedAt = nil
  }
}
