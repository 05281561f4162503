import Engine
import Foundation
import TUI

/// Pane 4: the workspace's cycler files: voltage and current against time (zoom and pan by
/// keys), the per-cycle table, capacity and coulombic efficiency against cycle, overpotential
/// against cycle for symmetric cells, and the CCD view with the current steps and the failure.
public struct CyclingPane: Pane {
  public let id = "cycling"
  public let title = "Cycling"
  public let workspace: String

  public enum View: String, CaseIterable, Sendable {
    case voltage = "Voltage and current"
    case capacity = "Capacity and CE"
    case overpotential = "Overpotential"
    case criticalCurrent = "CCD"
  }

  public internal(set) var files: [CyclingFileAnalysis] = []
  public internal(set) var unreadable: [String: String] = [:]
  public internal(set) var selected = 0
  public internal(set) var view: View = .voltage
  /// Visible time window as fractions of the trace (0…1).
  public internal(set) var window: ClosedRange<Double> = 0...1
  public internal(set) var tableOffset = 0
  /// Electrode area, cm² (10 mm die by default, as the study's cells).
  public internal(set) var area = 0.785398
  public internal(set) var areaEditor: TextInput?
  public internal(set) var scanned = false
  public internal(set) var loading = 0

  public init(workspace: String) {
    self.workspace = workspace
  }

  public var capturesInput: Bool { areaEditor != nil }
  public var bindings: [KeyBinding] { CyclingPane.keyTable }

  public static let keyTable: [KeyBinding] = [
    KeyBinding(action: "previous-file", keys: [.up, .character("k")], description: "file", showsInHints: false),
    KeyBinding(action: "next-file", keys: [.down, .character("j")], description: "file"),
    KeyBinding(action: "zoom-in", keys: [.character("+"), .character("=")], description: "zoom in"),
    KeyBinding(action: "zoom-out", keys: [.character("-")], description: "zoom out"),
    KeyBinding(action: "pan-left", keys: [.left, .character("h")], description: "pan", showsInHints: false),
    KeyBinding(action: "pan-right", keys: [.right, .character("l")], description: "pan"),
    KeyBinding(action: "reset-zoom", keys: [.character("0")], description: "whole trace"),
    KeyBinding(action: "cycle-view", keys: [.character("v")], description: "view"),
    KeyBinding(action: "scroll-table-down", keys: [.pageDown, .character("J")], description: "table", showsInHints: false),
    KeyBinding(action: "scroll-table-up", keys: [.pageUp, .character("K")], description: "table", showsInHints: false),
    KeyBinding(action: "edit-area", keys: [.character("a")], description: "area"),
  ]

  public var current: CyclingFileAnalysis? { files.indices.contains(selected) ? files[selected] : nil }

  public mutating func handle(_ event: PaneEvent) -> [Effect] {
    switch event {
    case .focused:
      guard !scanned else { return [.render] }
      scanned = true
      let workspace = self.workspace, area = self.area
      loading += 1
      return [.startJob(BackgroundJob(id: "scan", pane: id) { try CyclingFilesLoading.scan(workspace: workspace, area: area, context: $0) }), .render]
    case .fileChanged(let path):
      guard scanned, !WorkspaceFileScan.isCertainlyNotData(path) else { return [] }
      return [load(path)]
    case .jobFinished(_, let result):
      if loading > 0 { loading -= 1 }
      switch result {
      case .failure(let failure): return [.status(.error("cycling: \(failure.message)"))]
      case .success(let payload):
        if let outcomes = payload.value as? [CyclingFilesLoading.Outcome] { for o in outcomes { merge(o) } }
        if let outcome = payload.value as? CyclingFilesLoading.Outcome { merge(outcome) }
        return [.render]
      }
    case .action(let action):
      return perform(action)
    case .key(let key):
      return typed(key)
    case .jobProgress, .tick, .fileLoaded, .fileAppended, .processFinished:
      return []
    }
  }

  func loadJob(_ path: String) -> BackgroundJob {
    let workspace = self.workspace, area = self.area
    return BackgroundJob(id: "load:\(path)", pane: id) { _ in CyclingFilesLoading.read(path: path, workspace: workspace, area: area) }
  }

  mutating func load(_ path: String) -> Effect {
    loading += 1
    return .startJob(loadJob(path))
  }

  mutating func merge(_ outcome: CyclingFilesLoading.Outcome) {
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

  mutating func perform(_ action: String) -> [Effect] {
    let span = window.upperBound - window.lowerBound
    switch action {
    case "previous-file", "next-file":
      guard !files.isEmpty else { return [] }
      let next = max(0, min(files.count - 1, selected + (action == "next-file" ? 1 : -1)))
      guard next != selected else { return [] }
      selected = next
      window = 0...1
      tableOffset = 0
      return [.render]
    case "zoom-in":
      let center = (window.lowerBound + window.upperBound) / 2
      let half = max(span / 4, 1e-6)
      window = max(0, center - half)...min(1, center + half)
      return [.render]
    case "zoom-out":
      let center = (window.lowerBound + window.upperBound) / 2
      let newSpan = min(1, span * 2)
      let low = max(0, min(1 - newSpan, center - newSpan / 2))
      window = low...(low + newSpan)
      return [.render]
    case "pan-left", "pan-right":
      let shift = span / 4 * (action == "pan-right" ? 1 : -1)
      let low = max(0, min(1 - span, window.lowerBound + shift))
      guard low != window.lowerBound else { return [] }
      window = low...(low + span)
      return [.render]
    case "reset-zoom":
      guard window != 0...1 else { return [] }
      window = 0...1
      return [.render]
    case "cycle-view":
      let all = View.allCases
      view = all[((all.firstIndex(of: view) ?? 0) + 1) % all.count]
      return [.render]
    case "scroll-table-down":
      tableOffset = min(max(0, (current?.cycles.count ?? 0) - 1), tableOffset + 5)
      return [.render]
    case "scroll-table-up":
      tableOffset = max(0, tableOffset - 5)
      return [.render]
    case "edit-area":
      areaEditor = TextInput(text: String(format: "%.6g", area), prompt: "electrode area / cm²: ")
      return [.render]
    default:
      return []
    }
  }

  mutating func typed(_ key: Key) -> [Effect] {
    guard var editor = areaEditor else { return [] }
    switch editor.handle(key) {
    case .cancelled:
      areaEditor = nil
      return [.render]
    case .submitted(let text):
      guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite else {
        areaEditor = editor
        return [.status(.error("area: expected a positive number of cm², found '\(text)'"))]
      }
      areaEditor = nil
      area = value
      // The areal analyses depend on the area: read the files again in the background.
      var effects: [Effect] = [.render]
      for path in files.map(\.path) { effects.append(load(path)) }
      return effects
    default:
      areaEditor = editor
      return [.render]
    }
  }
}
