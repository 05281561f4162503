import Foundation
import Lab
import TUI

/// A run-mode question waiting for its key to be pressed again.
public enum RunConfirmation: Hashable, Sendable {
  /// Space during a hold that has time left: a second space completes the step early.
  case completeEarly
  /// `u`: a second `u` withdraws the last recorded step.
  case withdraw

  /// Whether `action` answers the question (any other action drops it).
  func isAnswered(by action: AssemblyPaneAction) -> Bool {
    switch self {
    case .completeEarly: return action == .completeStep || action == .open
    case .withdraw: return action == .withdrawStep
    }
  }
}

/// Run-mode corrections and cell data: withdrawing the last step (a correction appended to the
/// notebook, never an erased line), the cell or sample id, and the data files and pellet size
/// measured on the cell (recorded with the current step, where the Impedance and Cycling panes
/// find them).
extension AssemblyPane {
  /// `u` asks; `u` again appends a record withdrawing the last standing step and makes that
  /// step current again.
  mutating func withdrawStep() -> [Effect] {
    guard var run else { return [] }
    guard let last = run.session.lastStandingRecord else { return [.status(.error("no recorded step to withdraw"))] }
    guard run.confirming == .withdraw else {
      run.confirming = .withdraw
      self.run = run
      return [.render, .status(StatusMessage(
        "u again withdraws step \(last.step) (\(last.title)): a correction is added to \(RunNotebook.fileName), nothing is erased"))]
    }
    run.confirming = nil
    guard let correction = run.session.withdrawLast(at: now) else { return [] }
    self.run = run
    return appendRecord(correction) + [.status(StatusMessage(
      "step \(last.step) withdrawn (correction recorded in \(RunNotebook.fileName)); do it again"))]
  }

  /// The append effect of one record, or the error if it cannot be encoded.
  mutating func appendRecord(_ record: NotebookRecord) -> [Effect] {
    do {
      let text = String(decoding: try RunNotebook.encode(record), as: UTF8.self)
      return [.appendToFile(path: RunNotebook.fileName, text: text, pane: id), .render]
    } catch {
      run?.failed += 1
      return [.status(.error("step \(record.step) not recorded: \(error)"))]
    }
  }

  mutating func openRunEntry(_ action: Action) -> [Effect] {
    guard let run else { return [] }
    switch action {
    case .cellID:
      entry = (TextInput(text: run.session.cell ?? "", prompt: "Cell or sample id: "), .cellID)
    case .dataFiles:
      guard !run.session.isFinished else { return [] }
      entry = (TextInput(text: run.pendingMeasurement.dataFiles.joined(separator: " "), prompt: "Data files (workspace paths, * ? allowed): "), .dataFiles)
    default:
      guard !run.session.isFinished else { return [] }
      entry = (TextInput(text: "", prompt: "Pellet thickness (µm) and diameter (mm): "), .pelletSize)
    }
    return [.render]
  }

  /// A typed cell id, file list or pellet size. A size that is not two positive numbers keeps
  /// the field open and says what was expected.
  mutating func submitRunEntry(_ text: String, purpose: Entry, field: TextInput) -> [Effect] {
    switch purpose {
    case .cellID:
      run?.session.cell = text.isEmpty ? nil : text
      return [.render, .status(StatusMessage(text.isEmpty ? "no cell id: records name no cell (i sets one)" : "cell \(text): recorded with every step"))]
    case .dataFiles:
      run?.pendingMeasurement.dataFiles = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      return [.render]
    default:
      let numbers = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Double($0) }
      guard numbers.count == 2, let thickness = numbers[0], let diameter = numbers[1],
        thickness > 0, diameter > 0, thickness.isFinite, diameter.isFinite
      else {
        entry = (field, purpose)
        return [.status(.error("pellet size: expected a thickness in µm and a diameter in mm, both positive (\"681 10\"), found '\(text)'"))]
      }
      run?.pendingMeasurement.thicknessMicrometres = thickness
      run?.pendingMeasurement.diameterMillimetres = diameter
      return [.render]
    }
  }
}
