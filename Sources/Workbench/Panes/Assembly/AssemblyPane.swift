import Engine
import Formats
import Foundation
import Lab
import TUI

/// The Assembly pane: the workspace's cell protocols on the left; on the right the stack drawn
/// to scale, the layer and pressing tables (forces in kN and tonnes-force, what a hydraulic
/// press is set to), the capacities and currents, and the steps. Run mode walks the steps at
/// the glovebox: a countdown for each press hold, and one notebook record per completed step,
/// appended and flushed through `Effect.appendToFile` so a crash never loses a finished step.
public struct AssemblyPane: Pane {
  public enum Focus: Hashable, Sendable {
    case list
    case sheet
  }

  /// What the text field collects while open.
  public enum Entry: Hashable, Sendable {
    case note
    case deviation
  }

  public let id = "assembly"
  public let title = "Assembly"
  public private(set) var lab: LabWorkspace
  public private(set) var cursor = 0
  public private(set) var focus = Focus.list
  public private(set) var sheetScroll = 0
  /// The run in progress (run mode), if any.
  public internal(set) var run: ProtocolRun?
  /// The note or deviation field while it is open, and what it is for.
  public internal(set) var entry: (field: TextInput, purpose: Entry)?
  /// Wall-clock time, injected: the notebook records when a step was done, and the countdown
  /// runs on it. Tests pass a clock they move by hand.
  let clock: @Sendable () -> Date
  /// The time of the last event, for drawing the countdown.
  public private(set) var now: Date

  public init(lab: LabWorkspace, clock: @escaping @Sendable () -> Date = { Date() }) {
    self.lab = lab
    self.clock = clock
    self.now = clock()
  }

  public var capturesInput: Bool { entry != nil }

  /// Ticks only while a hold is counting down.
  public var wantsTicks: Bool { run?.session.holdStartedAt != nil }

  public var protocols: [CellProtocol] { lab.protocols.protocols }

  public var selectedProtocol: CellProtocol? { protocols.indices.contains(cursor) ? protocols[cursor] : nil }

  /// The sheet of the protocol under the cursor, or why it cannot be derived (an unknown
  /// material, a cathode without a loading).
  public var sheet: Result<ProtocolSheet, InputError>? {
    guard let cellProtocol = selectedProtocol else { return nil }
    do {
      return .success(try lab.sheet(for: cellProtocol))
    } catch let error as InputError {
      return .failure(error.inFile(cellProtocol.file ?? cellProtocol.id))
    } catch {
      return .failure(InputError("\(error)", file: cellProtocol.file ?? cellProtocol.id))
    }
  }

  public var bindings: [KeyBinding] {
    let running = run != nil
    return [
      KeyBinding(action: "down", keys: [.character("j"), .down], description: focus == .list && !running ? "next protocol" : "scroll down"),
      KeyBinding(action: "up", keys: [.character("k"), .up], description: focus == .list && !running ? "previous protocol" : "scroll up"),
      KeyBinding(action: "complete-step", keys: [.character(" ")], description: "start hold / step done", showsInHints: running),
      KeyBinding(action: "open", keys: [.enter], description: running ? "step done" : "open the sheet", showsInHints: !running && focus == .list),
      KeyBinding(action: "run", keys: [.character("r")], description: "run mode", showsInHints: !running),
      KeyBinding(action: "note", keys: [.character("n")], description: "note", showsInHints: running),
      KeyBinding(action: "deviation", keys: [.character("d")], description: "deviation", showsInHints: running),
      KeyBinding(action: "back", keys: [.escape], description: running ? "leave run mode" : "back to the list", showsInHints: running || focus == .sheet),
      KeyBinding(action: "page-down", keys: [.pageDown], description: "scroll the sheet down", showsInHints: false),
      KeyBinding(action: "page-up", keys: [.pageUp], description: "scroll the sheet up", showsInHints: false),
    ]
  }

  public mutating func handle(_ event: PaneEvent) -> [Effect] {
    now = clock()
    switch event {
    case .action(let action):
      return perform(action)
    case .key(let key):
      return entry == nil ? [] : edit(key)
    case .tick:
      return tick()
    case .fileAppended(let path, let failure):
      return recordWritten(path: path, failure: failure)
    case .focused:
      guard !lab.errors.isEmpty else { return [] }
      let count = lab.errors.count
      return [.status(.error("\(count) workspace file\(count == 1 ? "" : "s") with errors: \(lab.errors[0].description)"))]
    case .fileChanged(let path):
      guard LabWorkspace.isLabFile(path) else { return [] }
      return [.loadFile(path: path, pane: id)]
    case .fileLoaded(let path, let result):
      if path == RunNotebook.fileName { return notebookLoaded(result) }
      return reload(path: path, result: result)
    case .processFinished, .jobProgress, .jobFinished:
      return []
    }
  }

  private mutating func perform(_ action: String) -> [Effect] {
    switch action {
    case "down", "up":
      let moved = ListDetailNavigation.move(
        action == "down" ? 1 : -1, listHasFocus: focus == .list && run == nil, count: protocols.count,
        cursor: &cursor, detailScroll: &sheetScroll)
      return moved ? [.render] : []
    case "page-down", "page-up":
      ListDetailNavigation.page(down: action == "page-down", detailScroll: &sheetScroll)
      return [.render]
    case "open":
      if run != nil { return advance() }
      guard focus == .list, selectedProtocol != nil else { return [] }
      focus = .sheet
      return [.render]
    case "complete-step":
      return run == nil ? [] : advance()
    case "run":
      return startRun()
    case "note", "deviation":
      guard let run, !run.session.isFinished else { return [] }
      let purpose: Entry = action == "note" ? .note : .deviation
      let text = purpose == .note ? run.pendingNote ?? "" : ""
      entry = (TextInput(text: text, prompt: purpose == .note ? "Note: " : "Deviation: "), purpose)
      return [.render]
    case "back":
      if let run {
        self.run = nil
        let done = run.session.records.count
        return [.status(StatusMessage("left run \(run.session.protocolID) after \(done) of \(run.session.steps.count) steps (recorded in \(RunNotebook.fileName))"))]
      }
      guard focus == .sheet else { return [] }
      focus = .list
      return [.render]
    default:
      return []
    }
  }

  private mutating func edit(_ key: Key) -> [Effect] {
    guard let (field, purpose) = entry else { return [] }
    var edited = field
    switch edited.handle(key) {
    case .submitted(let text):
      entry = nil
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      switch purpose {
      case .note: run?.pendingNote = trimmed.isEmpty ? nil : trimmed
      case .deviation: if !trimmed.isEmpty { run?.pendingDeviations.append(trimmed) }
      }
      return [.render]
    case .cancelled:
      entry = nil
      return [.render]
    case .edited, .moved, .rejected:
      entry = (edited, purpose)
      return [.render]
    case .ignored:
      return []
    }
  }

  private mutating func reload(path: String, result: Result<String, EffectFailure>) -> [Effect] {
    guard LabWorkspace.isLabFile(path) else { return [] }
    let selectedID = selectedProtocol?.id
    let status = lab.reload(path: path, result: result)
    cursor = selectedID.flatMap { id in protocols.firstIndex { $0.id == id } } ?? min(cursor, max(0, protocols.count - 1))
    return [status]
  }
}

extension AssemblyPane {
  /// The pane for a workspace folder (what `PaneRegistry` makes).
  public init(workspace: String) {
    self.init(lab: .open(directory: workspace))
  }
}
