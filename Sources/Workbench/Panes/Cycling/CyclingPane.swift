import Engine
import Foundation
import Lab
import TUI

/// Pane 4: the workspace's cycler files: voltage and current against time (zoom and pan by
/// keys), the per-cycle table, capacity and coulombic efficiency against cycle, overpotential
/// against cycle for symmetric cells, and the CCD view with the current steps and the failure.
public struct CyclingPane: Pane {
  public typealias Action = CyclingPaneAction
  public static let paneID = "cycling"
  public let id = CyclingPane.paneID
  public let title = "Cycling"
  public let workspace: String

  public enum View: String, CaseIterable, Sendable {
    case voltage = "Voltage and current"
    case capacity = "Capacity and CE"
    case overpotential = "Overpotential"
    case criticalCurrent = "CCD"
    case voltageCapacity = "V–Q of chosen cycles"
    case differentialCapacity = "dQ/dV"
    case rateCapability = "Rate capability"
  }

  public internal(set) var files: [CyclingFileAnalysis] = []
  public internal(set) var unreadable: [String: String] = [:]
  public internal(set) var selected = 0
  public internal(set) var view: View = .voltage
  /// Visible time window as fractions of the trace (0…1).
  public internal(set) var window: ClosedRange<Double> = 0...1
  public internal(set) var tableOffset = 0
  /// Cell data set for each file (area, active mass), remembered in the workspace
  /// (`CyclingCellDataFile`). A file without an area has no areal numbers: none is assumed.
  public internal(set) var cellData: [String: CyclingCellData] = [:]
  /// Why the saved cell data could not be used (a parse error with its line), if so.
  public internal(set) var cellDataProblem: String?
  /// The workspace's protocols: one whose `data_files` name a file gives its area (the die's)
  /// and, with a cathode, its active mass. Nil until read.
  public internal(set) var lab: LabWorkspace?
  /// The line editor of `a` (area) or `m` (active mass) for the selected file.
  public internal(set) var areaEditor: TextInput?
  public internal(set) var editing: CellField = .area

  public enum CellField: Sendable {
    case area
    case activeMass
  }
  /// The cycle the cycle keys act on (`,` `.`, `g` goes to one), nil before a file is shown.
  public internal(set) var cycleCursor: Int?
  /// The cycles overlaid in the V–Q and dQ/dV views (`c` adds or removes the cursor's cycle);
  /// empty: the cursor's cycle alone.
  public internal(set) var chosenCycles: [Int] = []
  /// The "go to cycle" prompt while open.
  public internal(set) var cyclePrompt: TextInput?
  /// Whether the table shows a symmetric cell's steps or a full cell's cycles: detected from
  /// the trace unless chosen with `y`.
  public internal(set) var cellKind = CellKindChoice.detected
  /// The index's cycler files and which of them have been read.
  public internal(set) var listing = FileListing()

  public init(workspace: String) {
    self.workspace = workspace
  }

  public var capturesInput: Bool { areaEditor != nil || cyclePrompt != nil }
  public var current: CyclingFileAnalysis? { files.indices.contains(selected) ? files[selected] : nil }

  public mutating func handle(_ event: PaneEvent) -> [Effect] {
    switch event {
    case .focused:
      guard listing.request() else { return [.render] }
      return [.requestFiles(.cycling), .loadFile(path: CyclingCellDataFile.path, pane: id), .startJob(.cycling(.loadLab)), .render]
    case .fileLoaded(let path, let result) where path == CyclingCellDataFile.path:
      return cellDataLoaded(result)
    case .filesWritten(let result):
      if case .failure(let failure) = result { return [.status(.error("cell data not saved: \(failure.message)"))] }
      return []
    case .workspaceFiles(.cycling, let files, let complete):
      let (read, removed) = listing.update(files, complete: complete)
      for path in removed { merge(CyclingFileOutcome(path: path, analysis: nil, error: "removed")) }
      return [.render] + analyseJobs(read)
    case .jobFinished(.cycling(.loadLab, let result)):
      switch result {
      case .failure(let failure): return [.status(.error("reading the protocols (for cell areas and masses): \(failure.message)"))]
      case .success(.lab(let workspace)):
        lab = workspace
        return reanalyseStale()
      case .success(.analysed): return []
      }
    case .fileChanged(let path) where LabWorkspace.isLabFile(path) || LabWorkspace.isNotebook(path):
      return [.startJob(.cycling(.loadLab))]
    case .jobFinished(.cycling(.analyse(let paths, _), let result)):
      listing.finished(paths)
      switch result {
      case .failure(let failure): return [.status(.error("cycling: \(failure.message)"))]
      case .success(.analysed(let outcomes)):
        for outcome in outcomes { merge(outcome) }
        // A file analysed before its area arrived (protocols, saved cell data) goes again.
        return reanalyseStale()
      case .success(.lab): return []
      }
    case .key(let key):
      return typed(key)
    case .workspaceFiles, .jobFinished, .jobProgress, .tick, .fileChanged, .fileLoaded, .fileAppended, .processFinished:
      return []
    }
  }

  mutating func merge(_ outcome: CyclingFileOutcome) {
    let selectedPath = current?.path
    files.removeAll { $0.path == outcome.path }
    if let analysis = outcome.analysis {
      unreadable[outcome.path] = nil
      files.append(analysis)
      files.sort { $0.path < $1.path }
    } else {
      unreadable[outcome.path] = outcome.error
    }
    if let selectedPath, let i = files.firstIndex(where: { $0.path == selectedPath }) {
      selected = i
    } else {
      selected = min(selected, max(0, files.count - 1))
    }
  }

  public mutating func perform(_ action: Action) -> [Effect] {
    let span = window.upperBound - window.lowerBound
    switch action {
    case .previousFile, .nextFile:
      guard !files.isEmpty else { return [] }
      let next = max(0, min(files.count - 1, selected + (action == .nextFile ? 1 : -1)))
      guard next != selected else { return [] }
      selected = next
      window = 0...1
      tableOffset = 0
      cycleCursor = current?.cycles.first?.cycle
      chosenCycles = []
      return [.render]
    case .zoomIn:
      let center = (window.lowerBound + window.upperBound) / 2
      let half = max(span / 4, 1e-6)
      window = max(0, center - half)...min(1, center + half)
      return [.render]
    case .zoomOut:
      let center = (window.lowerBound + window.upperBound) / 2
      let newSpan = min(1, span * 2)
      let low = max(0, min(1 - newSpan, center - newSpan / 2))
      window = low...(low + newSpan)
      return [.render]
    case .panLeft, .panRight:
      let shift = span / 4 * (action == .panRight ? 1 : -1)
      let low = max(0, min(1 - span, window.lowerBound + shift))
      guard low != window.lowerBound else { return [] }
      window = low...(low + span)
      return [.render]
    case .resetZoom:
      guard window != 0...1 else { return [] }
      window = 0...1
      return [.render]
    case .cycleView:
      let all = View.allCases
      view = all[((all.firstIndex(of: view) ?? 0) + 1) % all.count]
      return [.render]
    case .scrollTableDown:
      tableOffset = min(max(0, (current?.cycles.count ?? 0) - 1), tableOffset + 5)
      return [.render]
    case .scrollTableUp:
      tableOffset = max(0, tableOffset - 5)
      return [.render]
    case .goToCycle, .nextCycle, .previousCycle, .chooseCycle, .cellKind:
      return performCycleAction(action)
    case .editArea, .editMass:
      guard let file = current else { return [.status(.error("no cycler file selected"))] }
      editing = action == .editArea ? .area : .activeMass
      let known = editing == .area ? cellData[file.path]?.areaCm2 : cellData[file.path]?.activeMassMg
      areaEditor = TextInput(text: known.map { String(format: "%.6g", $0) } ?? "",
                             prompt: editing == .area ? "electrode area of this file / cm²: " : "active mass of this file / mg: ")
      return [.render]
    }
  }

  mutating func typed(_ key: Key) -> [Effect] {
    if cyclePrompt != nil { return typedCycle(key) }
    guard var editor = areaEditor else { return [] }
    switch editor.handle(key) {
    case .cancelled:
      areaEditor = nil
      return [.render]
    case .submitted(let text):
      let what = editing == .area ? "area: expected a positive number of cm²" : "active mass: expected a positive number of mg"
      guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite else {
        areaEditor = editor
        return [.status(.error("\(what), found '\(text)'"))]
      }
      areaEditor = nil
      return setCellData(value)
    default:
      areaEditor = editor
      return [.render]
    }
  }
}
