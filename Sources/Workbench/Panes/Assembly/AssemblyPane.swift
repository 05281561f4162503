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
  public typealias Action = AssemblyPaneAction
  public enum Focus: Hashable, Sendable {
    case list
    case sheet
  }

  /// What the text field collects while open.
  public enum Entry: Hashable, Sendable {
    case note
    case deviation
    /// The cell or sample id, asked when a run starts (`i` changes it).
    case cellID
    /// Data files measured on the cell, recorded with the current step (`f`).
    case dataFiles
    /// The pellet's measured thickness and diameter, recorded with the current step (`t`).
    case pelletSize
  }

  public static let paneID = "assembly"
  public let id = AssemblyPane.paneID
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
  /// Whether `lab` holds the workspace's files yet (they are read by a job on first focus).
  public internal(set) var loaded: Bool
  private var loading = false

  public init(lab: LabWorkspace, clock: @escaping @Sendable () -> Date = { Date() }) {
    self.lab = lab
    self.clock = clock
    self.now = clock()
    self.loaded = true
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

  public func binding(for action: Action) -> KeyBinding {
    let running = run != nil
    switch action {
    case .down:
      return KeyBinding(action, keys: [.character("j"), .down], description: focus == .list && !running ? "next protocol" : "scroll down")
    case .up:
      return KeyBinding(action, keys: [.character("k"), .up], description: focus == .list && !running ? "previous protocol" : "scroll up")
    case .completeStep:
      return KeyBinding(action, keys: [.character(" ")], description: "start hold / step done", showsInHints: running)
    case .open:
      return KeyBinding(action, keys: [.enter], description: running ? "step done" : "open the sheet", showsInHints: !running && focus == .list)
    case .run: return KeyBinding(action, keys: [.character("r")], description: "run mode", showsInHints: !running)
    case .note: return KeyBinding(action, keys: [.character("n")], description: "note", showsInHints: running)
    case .deviation: return KeyBinding(action, keys: [.character("d")], description: "deviation", showsInHints: running)
    case .back:
      return KeyBinding(action, keys: [.escape], description: running ? "leave run mode" : "back to the list", showsInHints: running || focus == .sheet)
    case .pageDown: return KeyBinding(action, keys: [.pageDown], description: "scroll the sheet down", showsInHints: false)
    case .pageUp: return KeyBinding(action, keys: [.pageUp], description: "scroll the sheet up", showsInHints: false)
    case .withdrawStep: return KeyBinding(action, keys: [.character("u")], description: "withdraw the last step", showsInHints: running)
    case .cellID: return KeyBinding(action, keys: [.character("i")], description: "cell id", showsInHints: running)
    case .dataFiles: return KeyBinding(action, keys: [.character("f")], description: "data files", showsInHints: false)
    case .pelletSize: return KeyBinding(action, keys: [.character("t")], description: "pellet thickness and ⌀", showsInHints: false)
    }
  }

  public mutating func handle(_ event: PaneEvent) -> [Effect] {
    now = clock()
    switch event {
    case .key(let key):
      return entry == nil ? [] : edit(key)
    case .tick:
      return tick()
    case .fileAppended(let path, let failure):
      return recordWritten(path: path, failure: failure)
    case .focused:
      guard loaded else {
        guard !loading else { return [] }
        loading = true
        return [.startJob(.assembly(.loadWorkspace)), .render]
      }
      return lab.errorStatus.map { [$0] } ?? []
    case .jobFinished(.assembly(.loadWorkspace, let result)):
      loading = false
      switch result {
      case .success(let workspace):
        lab = workspace
        loaded = true
        cursor = min(cursor, max(0, protocols.count - 1))
        return [.render] + (lab.errorStatus.map { [$0] } ?? [])
      case .failure(let failure):
        return [.status(.error("reading the workspace: \(failure.message)"))]
      }
    case .fileChanged(let path):
      guard LabWorkspace.isLabFile(path) else { return [] }
      return [.loadFile(path: path, pane: id)]
    case .fileLoaded(let path, let result):
      if path == RunNotebook.fileName { return notebookLoaded(result) }
      return reload(path: path, result: result)
    case .processFinished, .filesWritten, .workspaceFiles, .jobProgress, .jobFinished:
      return []
    }
  }

  public mutating func perform(_ action: Action) -> [Effect] {
    now = clock()
    // A question (complete a hold early? withdraw a step?) is answered by its own key only.
    if let asked = run?.confirming, !asked.isAnswered(by: action) { run?.confirming = nil }
    switch action {
    case .withdrawStep:
      return withdrawStep()
    case .cellID, .dataFiles, .pelletSize:
      return openRunEntry(action)
    case .down, .up:
      let moved = ListDetailNavigation.move(
        action == .down ? 1 : -1, listHasFocus: focus == .list && run == nil, count: protocols.count,
        cursor: &cursor, detailScroll: &sheetScroll)
      return moved ? [.render] : []
    case .pageDown, .pageUp:
      ListDetailNavigation.page(down: action == .pageDown, detailScroll: &sheetScroll)
      return [.render]
    case .open:
      if run != nil { return advance() }
      guard focus == .list, selectedProtocol != nil else { return [] }
      focus = .sheet
      return [.render]
    case .completeStep:
      return run == nil ? [] : advance()
    case .run:
      return startRun()
    case .note, .deviation:
      guard let run, !run.session.isFinished else { return [] }
      let purpose: Entry = action == .note ? .note : .deviation
      let text = purpose == .note ? run.pendingNote ?? "" : ""
      entry = (TextInput(text: text, prompt: purpose == .note ? "Note: " : "Deviation: "), purpose)
      return [.render]
    case .back:
      if let run {
        self.run = nil
        let done = run.session.records.count
        return [.status(StatusMessage("left run \(run.session.protocolID) after \(done) of \(run.session.steps.count) steps (recorded in \(RunNotebook.fileName))"))]
      }
      guard focus == .sheet else { return [] }
      focus = .list
      return [.render]
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
      case .cellID, .dataFiles, .pelletSize:
        return submitRunEntry(trimmed, purpose: purpose, field: edited)
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
  /// The pane for a workspace folder (what `PaneRegistry` makes): its files are read by a job
  /// when it first gets the focus.
  public init(workspace: String) {
    self.init(lab: .unread(directory: workspace))
    loaded = false
  }
}
