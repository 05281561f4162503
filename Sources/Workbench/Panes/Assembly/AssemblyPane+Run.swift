import Foundation
import Lab
import TUI

/// A protocol being carried out: Lab's `RunSession` plus what the operator has typed for the
/// current step and what the notebook has confirmed.
public struct ProtocolRun: Sendable, Hashable {
  public var session: RunSession
  /// The note for the current step (`n`), recorded with it.
  public var pendingNote: String?
  /// Deviations typed for the current step (`d`).
  public var pendingDeviations: [String] = []
  /// Records the notebook confirmed written and flushed.
  public var written = 0
  /// Records the notebook refused (their errors went to the status line).
  public var failed = 0
  /// Whether the end of the current hold has been announced.
  var holdAnnounced = false
  /// Data files and pellet size typed for the current step (`f`, `t`), recorded with it.
  public var pendingMeasurement = NotebookRecord.Measurement()
  /// The question waiting for its key pressed again, if any.
  public var confirming: RunConfirmation?

  public init(session: RunSession) {
    self.session = session
  }
}

extension AssemblyPane {
  mutating func startRun() -> [Effect] {
    guard let sheet else { return [.status(.error("no protocol to run: the workspace has no protocols/ files"))] }
    switch sheet {
    case .failure(let error):
      return [.status(.error("cannot run: \(error.description)"))]
    case .success(let sheet):
      guard !sheet.runSteps.isEmpty else { return [.status(.error("\(sheet.id) has no steps to run"))] }
      run = ProtocolRun(session: RunSession(sheet: sheet))
      // The cell or sample id goes into every record; Esc runs without one (shown as missing).
      entry = (TextInput(text: "", prompt: "Cell or sample id: "), .cellID)
      return [
        .status(StatusMessage("run \(sheet.id): \(sheet.runSteps.count) steps; type the cell or sample id (Esc: none), then space starts a hold or completes a step")),
        .loadFile(path: RunNotebook.fileName, pane: id),
      ]
    }
  }

  /// Space or Enter in run mode: a timed step whose hold has not started starts its countdown;
  /// any other step is completed and its record goes to the notebook.
  mutating func advance() -> [Effect] {
    guard var run, let step = run.session.current else { return [] }
    if step.holdSeconds != nil && run.session.holdStartedAt == nil {
      run.session.startHold(at: now)
      run.holdAnnounced = false
      self.run = run
      return [.status(StatusMessage("step \(step.number): hold started"))]
    }
    // Releasing a press before its time is asked first: the second space confirms.
    if let remaining = run.session.remainingSeconds(at: now), remaining > 0.5, run.confirming != .completeEarly {
      run.confirming = .completeEarly
      self.run = run
      return [.render, .status(StatusMessage(
        "step \(step.number): \(Self.clockText(seconds: remaining)) left; space again ends the hold early (recorded as a deviation), other keys keep holding"))]
    }
    guard let record = run.session.complete(
      at: now, note: run.pendingNote, deviations: run.pendingDeviations, measured: run.pendingMeasurement)
    else {
      return []
    }
    run.pendingNote = nil
    run.pendingDeviations = []
    run.pendingMeasurement = NotebookRecord.Measurement()
    run.confirming = nil
    run.holdAnnounced = false
    self.run = run
    // One JSON line; the runtime's writer puts it on a line of its own even after a torn one.
    let text: String
    do {
      text = String(decoding: try RunNotebook.encode(record), as: UTF8.self)
    } catch {
      self.run?.failed += 1
      return [.status(.error("step \(record.step) not recorded: \(error)"))]
    }
    var effects: [Effect] = [.appendToFile(path: RunNotebook.fileName, text: text, pane: id)]
    if run.session.isFinished {
      effects.append(.status(StatusMessage("run \(run.session.protocolID) complete: \(run.session.records.count) steps recorded")))
    } else {
      effects.append(.render)
    }
    return effects
  }

  /// Redraws the countdown; says once when the hold is over.
  mutating func tick() -> [Effect] {
    guard var run, let remaining = run.session.remainingSeconds(at: now) else { return [] }
    if remaining <= 0 && !run.holdAnnounced {
      run.holdAnnounced = true
      self.run = run
      let number = run.session.current?.number ?? 0
      return [.status(StatusMessage("step \(number): hold time reached, release and press space"))]
    }
    return [.render]
  }

  /// The notebook as the run starts: a missing file is a new notebook; one whose last line was
  /// cut short is reported (the writer puts a newline before the next record).
  mutating func notebookLoaded(_ result: Result<String, EffectFailure>) -> [Effect] {
    guard case .success(let text) = result, run != nil else { return [] }
    let contents = RunNotebook.decode(Data(text.utf8), fileName: RunNotebook.fileName)
    guard !text.isEmpty, !text.hasSuffix("\n") else { return [] }
    let line = contents.truncatedLine.map { " (line \($0) is cut short and skipped)" } ?? ""
    return [.status(StatusMessage("\(RunNotebook.fileName) does not end in a newline\(line); the next record starts a new line"))]
  }

  mutating func recordWritten(path: String, failure: EffectFailure?) -> [Effect] {
    guard path == RunNotebook.fileName else { return [] }
    if let failure {
      run?.failed += 1
      return [.status(.error("notebook not written: \(failure.message)"))]
    }
    run?.written += 1
    return [.render]
  }

  /// "4:59" for a countdown.
  static func clockText(seconds: Double) -> String {
    let whole = max(0, Int(seconds.rounded(.up)))
    let hours = whole / 3600
    let minutes = (whole % 3600) / 60
    let secs = whole % 60
    let mmss = String(format: "%02d:%02d", minutes, secs)
    return hours > 0 ? "\(hours):\(mmss)" : mmss
  }
}
