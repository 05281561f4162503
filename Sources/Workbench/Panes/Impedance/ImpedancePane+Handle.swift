import Engine
import Foundation
import Lab
import TUI

extension ImpedancePane {
  public mutating func handle(_ event: PaneEvent) -> [Effect] {
    switch event {
    case .focused:
      var effects: [Effect] = listing.request() ? [.requestFiles(.impedance), .render] : [.render]
      if lab == nil, !labLoading {
        labLoading = true
        effects.append(.startJob(.impedance(.loadLab)))
      }
      return effects
    case .fileChanged(let path) where LabWorkspace.isLabFile(path) || LabWorkspace.isNotebook(path):
      // A protocol's data_files or layers, or the notebook, changed: the geometry may have.
      labLoading = true
      return [.startJob(.impedance(.loadLab))]
    case .workspaceFiles(.impedance, let files, let complete):
      let (read, removed) = listing.update(files, complete: complete)
      for path in removed { mergeFile(ImpedanceFileContents(path: path, spectra: [], error: "removed")) }
      var effects: [Effect] = [.render]
      if !read.isEmpty { effects.append(.startJob(.impedance(.readFiles(paths: read)))) }
      return effects
    case .jobProgress(.impedance, .impedanceFit(let snapshot)):
      progress = snapshot
      if snapshot.entry == selected { updateCurve() }
      return [.render]
    case .jobFinished(.impedance(let job, let result)):
      return finished(job, result: result)
    case .filesWritten(let result):
      return [.status(StatusMessage.export(result))]
    case .key(let key):
      return typed(key)
    case .workspaceFiles, .jobProgress, .jobFinished, .tick, .fileChanged, .fileLoaded, .fileAppended, .processFinished:
      return []
    }
  }

  // MARK: jobs

  mutating func finished(_ job: ImpedanceJob, result: Result<ImpedanceJobResult, EffectFailure>) -> [Effect] {
    switch result {
    case .failure(let failure):
      switch job {
      case .fit:
        fitRunning = false
        progress = nil
        updateCurve()
        return [.status(failure.message == "cancelled" ? StatusMessage("fit cancelled") : .error("fit: \(failure.message)"))]
      case .kramersKronig, .drt, .drtSeries:
        analysisRunning = false
        return [.status(.error("analysis: \(failure.message)"))]
      case .loadLab:
        labLoading = false
        return [.status(.error("reading the protocols (for pellet geometry): \(failure.message)"))]
      case .readFiles(let paths):
        listing.finished(paths)
        return [.status(.error("reading \(paths.count == 1 ? paths[0] : "\(paths.count) files"): \(failure.message)"))]
      }
    case .success(let value):
      return finished(value)
    }
  }

  mutating func finished(_ value: ImpedanceJobResult) -> [Effect] {
    switch value {
    case .files(let files):
      listing.finished(files.map(\.path))
      // The first files fill the list silently; later ones (a file changed or appeared) are
      // announced, and a live series map follows them.
      guard !entries.isEmpty else {
        for file in files { mergeFile(file) }
        return merge([.render], startAnalysisIfNeeded())
      }
      var effects: [Effect] = [.render]
      for file in files { effects = merge(effects, merged(file)) }
      return effects
    case .fitted(let outcomes):
      for outcome in outcomes { store(outcome) }
      fitRunning = false
      progress = nil
      updateCurve()
      if outcomes.count == 1, let r = outcomes.first?.result {
        return [.status(StatusMessage(String(format: "fit %@: χ² %.4g, %d iterations, %@", r.success ? "converged" : "FAILED", r.chiSquare, r.iterations, r.message)))]
      }
      let failed = outcomes.filter { !$0.result.success }.count
      return [.status(StatusMessage("fitted \(outcomes.count) spectra\(failed > 0 ? ", \(failed) failed" : "")"))]
    case .lab(let workspace):
      labLoading = false
      lab = workspace
      return [.render]
    case .analysis(let result):
      analysisRunning = false
      analysis = result
      if analysisStale {
        analysisStale = false
        analysis = nil
        return merge([.render], startAnalysisIfNeeded())
      }
      return [.render]
    }
  }

  /// One file read again (it changed, or appeared): merged, announced, and a live series map
  /// follows new spectra of its series (once its running job is done).
  mutating func merged(_ file: ImpedanceFileContents) -> [Effect] {
    let before = entries.count
    mergeFile(file)
    let added = entries.count - before
    var effects: [Effect] = [.render]
    if added > 0 { effects.append(.status(StatusMessage("\(file.path): \(added) new spectr\(added == 1 ? "um" : "a")"))) }
    if view == .drtMap, added > 0, entries.indices.contains(selected),
      seriesIndices(of: selected).contains(where: { entries[$0].path == file.path })
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
        entries.append(LoadedImpedanceSpectrum(path: file.path, index: k, spectrum: spectrum, fit: previous?.fit))
      }
    }
    entries.sort { ($0.path, $0.index) < ($1.path, $1.index) }
    if let key = selectedKey, let i = entries.firstIndex(where: { $0.path == key.0 && $0.index == key.1 }) {
      selected = i
    } else {
      selected = min(selected, max(0, entries.count - 1))
    }
    syncSpectrumState()
    updateCurve()
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

  /// `f` fits the selected spectrum, `F` every spectrum, each with its own circuit and settings
  /// (a spectrum never shown gets the circuit proposed for its shape and the automatic start
  /// or its neighbour's fit: `state(at:)`).
  mutating func startFit(all: Bool) -> [Effect] {
    guard circuit != nil else { return [.status(.error("no valid circuit: press c to enter one"))] }
    guard current != nil else { return [.status(.error("no spectra in \(workspace)"))] }
    let targets = all ? Array(entries.indices) : [selected]
    var requests: [ImpedanceFitRequest] = []
    var skipped: [String] = []
    for index in targets {
      let state = state(at: index)
      guard let circuit = state.circuit else {
        skipped.append(label(of: entries[index]))
        continue
      }
      let given = Parameters(state.settings.given.filter { circuit.parameterNames.contains($0.name) })
      requests.append(ImpedanceFitRequest(entry: index, key: entries[index].key, fit: CircuitFitRequest(
        circuit: circuit, spectrum: entries[index].spectrum, weighting: state.settings.weighting, given: given)))
    }
    fitRunning = true
    progress = nil
    var effects: [Effect] = [.startJob(.impedance(.fit(requests))), .render]
    if !skipped.isEmpty {
      effects.append(.status(.error("not fitted (no valid circuit): \(skipped.joined(separator: ", "))")))
    }
    return effects
  }

  mutating func startAnalysisIfNeeded() -> [Effect] {
    guard current != nil else { return [] }
    if let analysis, analysis.entry == selected, analysis.view == view { return [] }
    guard let job = ImpedanceAnalysisResult.job(view: view, entry: selected, entries: entries, series: seriesElements, marked: seriesMarks) else { return [] }
    analysisRunning = true
    analysis = nil
    return [.startJob(.impedance(job))]
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
