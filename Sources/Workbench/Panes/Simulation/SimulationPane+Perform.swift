import Engine
import Foundation
import TUI

extension SimulationPane {
  public mutating func perform(_ action: Action) -> [Effect] {
    switch action {
    case .previousRun, .nextRun:
      if attachedSweep != nil { return moveInSweep(by: action == .nextRun ? 1 : -1) }
      guard !runs.isEmpty else { return [] }
      let next = max(0, min(runs.count - 1, selected + (action == .nextRun ? 1 : -1)))
      guard next != selected else { return [] }
      selected = next
      guard attached != nil else { return [.render] }
      return runs[next].sweepPoints != nil ? openSweep(runs[next].path) : attach(runs[next].path)
    case .attach:
      if attachedSweep != nil, attached == nil { return openSelectedPoint() }
      guard let run = current, attached != run.path else { return [] }
      return run.sweepPoints != nil ? openSweep(run.path) : attach(run.path)
    case .detach:
      if attached == nil, attachedSweep != nil {
        attachedSweep = nil
        sweep = nil
        return [.render]
      }
      guard attached != nil else { return [] }
      attached = nil
      frame = nil
      decoding = nil
      return [.render] + refreshAttached()
    case .togglePause:
      guard let run = target else { return [] }
      switch run.summary.state {
      case .running: return [control(.pause, run: run.path)]
      case .paused: return [control(.resume, run: run.path)]
      default: return [.status(.error("\(run.path) is \(run.summary.state.rawValue): only a running run pauses, a paused one resumes"))]
      }
    case .stop:
      guard let run = target else { return [] }
      guard run.summary.state == .running || run.summary.state == .paused else {
        return [.status(.error("\(run.path) is \(run.summary.state.rawValue): nothing to stop"))]
      }
      modal = .confirmStop(run: run.path)
      return [.render]
    case .resume:
      guard let run = target else { return [] }
      guard run.summary.state == .stopped || run.summary.state == .stale else {
        return [.status(.error("\(run.path) is \(run.summary.state.rawValue): only a stopped or stale run restarts (p resumes a paused one)"))]
      }
      return [.runProcess(executable: "", arguments: ["sim", "resume", run.path, "--detach"], pane: id)]
    case .newRun:
      guard !configs.isEmpty else {
        return [.status(.error("no simulation configs in the workspace (a TOML with [physics] under sim/)"))]
      }
      modal = .pickConfig(0)
      return [.render]
    case .mark:
      guard let run = current, run.sweepPoints == nil else { return [] }
      if let i = marked.firstIndex(of: run.path) {
        marked.remove(at: i)
        compared[run.path] = nil
        comparedFrames[run.path] = nil
      } else {
        marked.append(run.path)
      }
      return [.render] + refreshAttached()
    case .nextMetric:
      let choices = metricChoices
      guard !choices.isEmpty else { return [] }
      metric = choices[((choices.firstIndex(of: metric) ?? -1) + 1) % choices.count]
      return [.render]
    case .nextField:
      guard let names = frame?.fields.map(\.field.name), !names.isEmpty else { return [] }
      fieldName = names[((names.firstIndex(of: fieldName) ?? -1) + 1) % names.count]
      return [.render]
    case .previousSnapshot, .nextSnapshot:
      guard let run = attachedRun, !run.snapshots.isEmpty else { return [] }
      let shown = wantedSnapshot.flatMap { run.snapshots.firstIndex(of: $0) } ?? run.snapshots.count - 1
      let next = max(0, min(run.snapshots.count - 1, shown + (action == .nextSnapshot ? 1 : -1)))
      guard next != shown else { return [] }
      // Back at the newest, the view follows new snapshots again.
      chosenSnapshot = next == run.snapshots.count - 1 ? nil : run.snapshots[next]
      return [.render] + refreshAttached()
    case .zoomIn, .zoomOut, .panLeft, .panRight, .panUp, .panDown, .resetZoom:
      guard attached != nil, var view = viewport else { return [] }
      switch action {
      case .zoomIn: view.zoom(by: 2)
      case .zoomOut: view.zoom(by: 0.5)
      case .panLeft: view.pan(x: -0.25, y: 0)
      case .panRight: view.pan(x: 0.25, y: 0)
      case .panUp: view.pan(x: 0, y: 0.25)
      case .panDown: view.pan(x: 0, y: -0.25)
      default: view = FieldViewport(columns: view.columns, rows: view.rows)
      }
      guard view != viewport else { return [] }
      viewport = view
      return [.render]
    }
  }

  /// The run steering keys act on: the attached one, else the selected one.
  /// A sweep entry is not a run: its points are steered once opened.
  var target: SimulationRun? { attachedRun ?? (attachedSweep == nil ? current.flatMap { $0.sweepPoints == nil ? $0 : nil } : nil) }

  /// The metrics.csv columns to plot against time (all but the step and the time).
  var metricChoices: [String] { metricsReader.columns.filter { $0 != "step" && $0 != "time_s" } }

  /// A control word written into the run's control file (the run reads and removes it).
  func control(_ command: RunControlCommand, run: String) -> Effect {
    .writeFiles([FileWrite(path: Self.filePath(RunFolder.controlFile, in: run), contents: Data((command.rawValue + "\n").utf8))], pane: id)
  }

  public static func filePath(_ name: String, in run: String) -> String {
    run == "." || run.isEmpty ? name : run + "/" + name
  }

  mutating func attach(_ path: String) -> [Effect] {
    attached = path
    metricsReader = RunMetricsReader()
    metricRows = []
    metricsRunning = false
    metricsError = nil
    chosenSnapshot = nil
    frame = nil
    decoding = nil
    snapshotError = nil
    viewport = nil
    return [.render] + refreshAttached()
  }

  /// runs/NAME-K for a config NAME.toml, K the first number no listed run folder has.
  func newRunFolder(for config: String) -> String {
    let name = ((config as NSString).lastPathComponent as NSString).deletingPathExtension
    var k = 1
    while listing.known[Self.filePath("\(name)-\(k)", in: "runs")] != nil { k += 1 }
    return "runs/\(name)-\(k)"
  }

  mutating func typed(_ key: Key) -> [Effect] {
    if case .pickConfig(let index) = modal { return picked(key, index: index) }
    if case .newRunForm(let form) = modal { return formTyped(key, form: form) }
    guard case .confirmStop(let run) = modal else { return [] }
    switch key {
    case .character("y"), .character("Y"):
      modal = .none
      return [control(.stop, run: run), .render]
    case .character("n"), .character("N"), .escape:
      modal = .none
      return [.render]
    default:
      return []
    }
  }
}

extension SimulationPane {
  /// A key in the config picker: move, open the new-run form for the config, or cancel.
  mutating func picked(_ key: Key, index: Int) -> [Effect] {
    switch key {
    case .up, .character("k"):
      modal = .pickConfig(max(0, index - 1))
      return [.render]
    case .down, .character("j"):
      modal = .pickConfig(min(configs.count - 1, index + 1))
      return [.render]
    case .enter:
      guard configs.indices.contains(index) else {
        modal = .none
        return [.render]
      }
      modal = .newRunForm(NewRunForm(config: configs[index]))
      return [.render]
    case .escape:
      modal = .none
      return [.render]
    default:
      return []
    }
  }
}
