import Engine
import Foundation
import TUI

extension ImpedancePane {
  public mutating func handle(_ event: PaneEvent) -> [Effect] {
    switch event {
    case .focused:
      guard !scanned else { return [.render] }
      scanned = true
      let workspace = self.workspace
      return [.startJob(BackgroundJob(id: "scan", pane: id) { try ImpedanceSpectraLoading.scan(workspace: workspace, context: $0) }), .render]
    case .fileChanged(let path):
      guard scanned, !WorkspaceFileScan.isCertainlyNotData(path) else { return [] }
      let workspace = self.workspace
      return [.startJob(BackgroundJob(id: "load:\(path)", pane: id) { _ in ImpedanceSpectraLoading.read(path: path, workspace: workspace) })]
    case .jobProgress(_, let payload):
      guard let snapshot = payload.value as? ImpedanceFitProgress else { return [] }
      progress = snapshot
      if snapshot.entry == selected { updateCurve() }
      return [.render]
    case .jobFinished(let job, let result):
      return finished(job: job, result: result)
    case .action(let action):
      return perform(action)
    case .key(let key):
      return typed(key)
    case .tick, .fileLoaded, .fileAppended, .processFinished:
      return []
    }
  }

  // MARK: jobs

  mutating func finished(job: String, result: Result<JobPayload, EffectFailure>) -> [Effect] {
    switch result {
    case .failure(let failure):
      if job.hasPrefix("fit") {
        fitRunning = false
        progress = nil
        updateCurve()
        return [.status(failure.message == "cancelled" ? StatusMessage("fit cancelled") : .error("fit: \(failure.message)"))]
      }
      if job == "analysis" { analysisRunning = false }
      return [.status(.error("\(job): \(failure.message)"))]
    case .success(let payload):
      if let files = payload.value as? [ImpedanceFileContents] {
        for file in files { mergeFile(file) }
        return merge([.render], startAnalysisIfNeeded())
      }
      if let file = payload.value as? ImpedanceFileContents {
        let before = entries.count
        mergeFile(file)
        let added = entries.count - before
        var effects: [Effect] = [.render]
        if added > 0 { effects.append(.status(StatusMessage("\(file.path): \(added) new spectr\(added == 1 ? "um" : "a")"))) }
        // A live series map follows new spectra of its series (once the running job is done).
        if view == .drtMap, added > 0, entries.indices.contains(selected),
          ImpedanceAnalysis.seriesMembers(of: selected, in: entries).contains(where: { entries[$0].path == file.path })
        {
          if analysisRunning {
            analysisStale = true
          } else {
            analysis = nil
            effects = merge(effects, startAnalysisIfNeeded())
          }
        }
        return effects
      }
      if let outcome = payload.value as? ImpedanceFitOutcome {
        store(outcome)
        fitRunning = false
        progress = nil
        updateCurve()
        let r = outcome.result
        return [.status(StatusMessage(String(format: "fit %@: χ² %.4g, %d iterations, %@", r.success ? "converged" : "FAILED", r.chiSquare, r.iterations, r.message)))]
      }
      if let outcomes = payload.value as? [ImpedanceFitOutcome] {
        for outcome in outcomes { store(outcome) }
        fitRunning = false
        progress = nil
        updateCurve()
        let failed = outcomes.filter { !$0.result.success }.count
        return [.status(StatusMessage("fitted \(outcomes.count) spectra\(failed > 0 ? ", \(failed) failed" : "")"))]
      }
      if let written = payload.value as? ImpedanceExport.Written {
        return [.status(StatusMessage("wrote \(written.files.joined(separator: ", "))"))]
      }
      if let result = payload.value as? ImpedanceAnalysis {
        analysisRunning = false
        analysis = result
        if analysisStale {
          analysisStale = false
          analysis = nil
          return merge([.render], startAnalysisIfNeeded())
        }
        return [.render]
      }
      return []
    }
  }

  /// Adds, replaces or removes the spectra of one file, keeping the selection on its spectrum.
  mutating func mergeFile(_ file: ImpedanceFileContents) {
    let selectedKey = current.map { ($0.path, $0.index) }
    let old = entries.filter { $0.path == file.path }
    entries.removeAll { $0.path == file.path }
    if let error = file.error, file.spectra.isEmpty {
      unreadable[file.path] = error
    } else {
      unreadable[file.path] = nil
      for (k, spectrum) in file.spectra.enumerated() {
        // A growing file keeps the fits of spectra that did not change.
        let previous = old.first { $0.index == k && $0.spectrum == spectrum }
        entries.append(ImpedanceEntry(path: file.path, index: k, spectrum: spectrum, fit: previous?.fit))
      }
    }
    entries.sort { ($0.path, $0.index) < ($1.path, $1.index) }
    if let key = selectedKey, let i = entries.firstIndex(where: { $0.path == key.0 && $0.index == key.1 }) {
      selected = i
    } else {
      selected = min(selected, max(0, entries.count - 1))
    }
    updateCurve()
  }

  mutating func store(_ outcome: ImpedanceFitOutcome) {
    guard entries.indices.contains(outcome.entry) else { return }
    entries[outcome.entry].fit = outcome
    if outcome.entry == selected, outcome.circuit == circuit {
      settings.given = outcome.result.parameters
    }
  }

  // MARK: keys

  mutating func perform(_ action: String) -> [Effect] {
    switch action {
    case "previous-spectrum", "next-spectrum":
      guard !entries.isEmpty else { return [] }
      let next = max(0, min(entries.count - 1, selected + (action == "next-spectrum" ? 1 : -1)))
      guard next != selected else { return [] }
      selected = next
      if let fit = entries[selected].fit, fit.circuit == circuit { settings.given = fit.result.parameters }
      updateCurve()
      return merge([.render], startAnalysisIfNeeded())
    case "previous-parameter", "next-parameter":
      guard let circuit, circuit.parameterCount > 0 else { return [] }
      selectedParameter = (selectedParameter + (action == "next-parameter" ? 1 : circuit.parameterCount - 1)) % circuit.parameterCount
      return [.render]
    case "increase": return nudge(by: 1.1)
    case "decrease": return nudge(by: 1 / 1.1)
    case "increase-fine": return nudge(by: 1.01)
    case "decrease-fine": return nudge(by: 1 / 1.01)
    case "toggle-fixed":
      guard var p = selectedParameterValue else { return [] }
      p.fixed.toggle()
      return change { $0.given = $0.given.setting(p) }
    case "edit-bounds":
      guard let p = selectedParameterValue else { return [] }
      boundsEditor = TextInput(text: "\(Self.format(p.min)) \(Self.format(p.max))", prompt: "\(p.name) bounds (min max): ")
      return [.render]
    case "cycle-weighting":
      let order: [ImpedanceWeighting] = [.unit, .proportional, .modulus]
      let next = order[((order.firstIndex(of: settings.weighting) ?? 0) + 1) % order.count]
      return merge(change { $0.weighting = next }, [.status(StatusMessage("weighting: \(next.name)"))])
    case "edit-circuit":
      circuitEditor = TextInput(text: circuitText, prompt: "circuit: ")
      circuitError = nil
      return [.render]
    case "pick-circuit":
      circuitPicker = CommonCircuits.all.firstIndex { $0.circuit == circuitText } ?? 0
      return [.render]
    case "fit":
      return startFit(all: false)
    case "fit-all":
      return startFit(all: true)
    case "cancel-fit":
      guard fitRunning else { return [] }
      return [.cancelJob(id: "fit", pane: id), .status(StatusMessage("cancelling the fit…"))]
    case "undo":
      guard let previous = undoStack.popLast() else { return [.status(StatusMessage("nothing to undo"))] }
      redoStack.append(settings)
      settings = previous
      updateCurve()
      return [.render]
    case "redo":
      guard let next = redoStack.popLast() else { return [.status(StatusMessage("nothing to redo"))] }
      undoStack.append(settings)
      settings = next
      updateCurve()
      return [.render]
    case "cycle-view":
      let all = View.allCases
      view = all[((all.firstIndex(of: view) ?? 0) + 1) % all.count]
      return merge([.render], startAnalysisIfNeeded())
    case "export":
      guard entries.contains(where: { $0.fit != nil }) else { return [.status(.error("nothing to export: fit a spectrum first (f)"))] }
      let entries = self.entries, selected = self.selected, workspace = self.workspace
      return [.startJob(BackgroundJob(id: "export", pane: id) { _ in
        try ImpedanceExport.write(entries: entries, selected: selected, workspace: workspace)
      })]
    case "edit-geometry":
      geometryEditor = TextInput(text: "", prompt: "pellet: thickness diameter (cm), or L/A (cm⁻¹): ")
      return [.render]
    case "reset-parameters":
      return change { $0.given = Parameters() }
    default:
      return []
    }
  }

  var selectedParameterValue: Parameter? {
    let shown = displayedParameters
    return shown.items.indices.contains(selectedParameter) ? shown[selectedParameter] : nil
  }

  mutating func nudge(by factor: Double) -> [Effect] {
    guard var p = selectedParameterValue else { return [] }
    p.value = min(p.max, max(p.min, p.value * factor))
    return change { $0.given = $0.given.setting(p) }
  }

  /// Applies an undoable change to the settings.
  mutating func change(_ body: (inout Settings) -> Void) -> [Effect] {
    var next = settings
    body(&next)
    guard next != settings else { return [] }
    undoStack.append(settings)
    if undoStack.count > 200 { undoStack.removeFirst() }
    redoStack.removeAll()
    settings = next
    updateCurve()
    return [.render]
  }

  mutating func startFit(all: Bool) -> [Effect] {
    guard let circuit else { return [.status(.error("no valid circuit: press c to enter one"))] }
    guard let entry = current else { return [.status(.error("no spectra in \(workspace)"))] }
    let given = Parameters(settings.given.filter { circuit.parameterNames.contains($0.name) })
    let weighting = settings.weighting
    fitRunning = true
    progress = nil
    if all {
      let targets = entries.enumerated().map { ($0.offset, $0.element.spectrum) }
      return [.startJob(BackgroundJob(id: "fit", pane: id) { context in
        try targets.map { index, spectrum in
          try ImpedanceFitJob.fit(entry: index, circuit: circuit, spectrum: spectrum, weighting: weighting, given: given, context: context)
        }
      }), .render]
    }
    let index = selected
    let spectrum = entry.spectrum
    return [.startJob(BackgroundJob(id: "fit", pane: id) { context in
      try ImpedanceFitJob.fit(entry: index, circuit: circuit, spectrum: spectrum, weighting: weighting, given: given, context: context)
    }), .render]
  }

  mutating func startAnalysisIfNeeded() -> [Effect] {
    guard current != nil else { return [] }
    if let analysis, analysis.entry == selected, analysis.view == view { return [] }
    guard let job = ImpedanceAnalysis.job(view: view, entry: selected, entries: entries, pane: id) else { return [] }
    analysisRunning = true
    analysis = nil
    return [.startJob(job)]
  }
}

extension Parameters {
  /// A copy with `parameter` added or replacing the one of the same name.
  func setting(_ parameter: Parameter) -> Parameters {
    var copy = self
    if let i = copy.index(of: parameter.name) { copy[i] = parameter } else { copy.items.append(parameter) }
    return copy
  }
}
