import Engine
import Foundation
import TUI

extension SpectraPane {
  public mutating func handle(_ event: PaneEvent) -> [Effect] {
    switch event {
    case .focused:
      return listing.request() ? [.requestFiles(.spectrum), .render] : [.render]
    case .workspaceFiles(.spectrum, let files, let complete):
      let (read, removed) = listing.update(files, complete: complete)
      for path in removed { mergeFile(SpectraFileContents(path: path, spectra: [], error: "removed")) }
      var effects: [Effect] = [.render]
      if !read.isEmpty { effects.append(.startJob(.spectra(.readFiles(paths: read)))) }
      return effects
    case .jobProgress(.spectra, .spectraFit(let snapshot)):
      progress = snapshot
      return [.render]
    case .jobFinished(.spectra(let job, let result)):
      return finished(job, result: result)
    case .filesWritten(let result):
      return [.status(StatusMessage.export(result))]
    case .key(let key):
      return typed(key)
    case .workspaceFiles, .jobProgress, .jobFinished, .tick, .fileChanged, .fileLoaded, .fileAppended, .processFinished:
      return []
    }
  }

  mutating func finished(_ job: SpectraJob, result: Result<SpectraJobResult, EffectFailure>) -> [Effect] {
    switch result {
    case .failure(let failure):
      switch job {
      case .fit:
        fitRunning = false
        progress = nil
        return [.render, .status(failure.message == "cancelled" ? StatusMessage("fit cancelled") : .error("fit: \(failure.message)"))]
      case .readFiles(let paths):
        listing.finished(paths)
        return [.status(.error("reading \(paths.count == 1 ? paths[0] : "\(paths.count) files"): \(failure.message)"))]
      case .loadPhases:
        analysis.phasesPending = nil
        return [.render, .status(.error("structures: \(failure.message)"))]
      case .fitSeries:
        analysis.seriesRunning = false
        progress = nil
        return [.render, .status(failure.message == "cancelled" ? StatusMessage("series fit cancelled") : .error("series fit: \(failure.message)"))]
      }
    case .success(.files(let files)):
      listing.finished(files.map(\.path))
      let wasEmpty = entries.isEmpty
      for file in files { mergeFile(file) }
      if wasEmpty, !entries.isEmpty {
        // The first files open on the top of the list.
        selected = 0
        showSelected()
      }
      return [.render]
    case .success(.fitted(let outcome)):
      fitRunning = false
      progress = nil
      return stored(outcome)
    case .success(.phases(let lambda, let phases)):
      guard analysis.phasesPending == lambda else { return [] }
      analysis.phasesPending = nil
      analysis.phasesWavelength = lambda
      analysis.phases = phases
      analysis.shownPhases = analysis.shownPhases.filter { p in phases.contains { $0.path == p && $0.error == nil } }
      refreshObservedPeaks()
      let bad = phases.filter { $0.error != nil }.count
      return [.render, .status(phases.isEmpty ? .error("no structures/*.cif in \(workspace)")
        : StatusMessage("\(phases.count - bad) stick pattern\(phases.count - bad == 1 ? "" : "s") at λ \(Self.format(lambda)) Å\(bad > 0 ? ", \(bad) CIF file\(bad == 1 ? "" : "s") unreadable" : ""); g chooses"))]
    case .success(.series(let outcome)):
      analysis.seriesRunning = false
      analysis.series = outcome
      analysis.showsSeries = true
      progress = nil
      let failed = outcome.results.filter { !$0.success }.count
      return [.render, .status(failed == 0 ? StatusMessage("series: \(outcome.results.count) spectra fitted")
        : .error("series: \(failed) of \(outcome.results.count) fits failed"))]
    }
  }

  /// Keeps a finished fit with its spectrum; when it answers the current settings, the fitted
  /// values become the model (undoable), as Fityk does, so the next fit starts from them.
  mutating func stored(_ outcome: SpectraFitOutcome) -> [Effect] {
    let r = outcome.result
    guard let i = entries.firstIndex(where: { $0.path == outcome.request.path && $0.index == outcome.request.spectrum }) else {
      return [.render]
    }
    entries[i].fit = outcome
    if i == selected, outcome.request.model == settings.model, outcome.request.range == settings.range, r.success {
      settings.model = r.model
      undoStack.append(Settings(model: outcome.request.model, range: outcome.request.range))
      redoStack.removeAll()
    }
    refreshObservedPeaks()
    let status = String(format: "fit %@: χ² %@, R² %@, %d iterations — %@", r.success ? "converged" : "FAILED",
                        Self.format(r.chiSquare), Self.format(r.rSquared), r.fit.iterations, r.fit.message)
    return [.render, r.success ? .status(StatusMessage(status)) : .status(.error(status))]
  }

  /// Adds, replaces or removes the spectra of one file, keeping the selection on its spectrum;
  /// entries are grouped by technique (Raman, XPS, AES, XRD), then by path.
  mutating func mergeFile(_ file: SpectraFileContents) {
    let key = current.map { ($0.path, $0.index) }
    entries.removeAll { $0.path == file.path }
    if let error = file.error, file.spectra.isEmpty {
      unreadable[file.path] = error
    } else {
      unreadable[file.path] = nil
      for (k, s) in file.spectra.enumerated() { entries.append(SpectraEntry(path: file.path, index: k, spectrum: s)) }
    }
    entries.sort { (Self.techniqueOrder($0.spectrum.technique), $0.path, $0.index) < (Self.techniqueOrder($1.spectrum.technique), $1.path, $1.index) }
    if let key, let i = entries.firstIndex(where: { $0.path == key.0 && $0.index == key.1 }) {
      selected = i
    } else {
      selected = min(selected, max(0, entries.count - 1))
      if current != nil { showSelected() }
    }
  }

  static let techniques: [SpectroscopyTechnique] = [.raman, .xps, .aes, .xrd]

  static func techniqueOrder(_ t: SpectroscopyTechnique) -> Int { techniques.firstIndex(of: t) ?? techniques.count }

  /// "1.234e+05" style for people; never prints NaN or ∞ as a number.
  static func format(_ v: Double) -> String {
    guard v.isFinite else { return "undefined" }
    return String(format: "%.6g", v)
  }

  mutating func typed(_ key: Key) -> [Effect] {
    if case .prompt(let prompt, let editor) = modal { return typedPrompt(prompt, editor, key) }
    guard case .rangeEditor(let editor) = modal else { return [] }
    var input = editor
    switch input.handle(key) {
    case .cancelled:
      modal = .none
      return [.render]
    case .submitted(let text):
      let parts = text.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "," }).map { Double($0) }
      guard parts.count == 2, let a = parts[0], let b = parts[1], a.isFinite, b.isFinite, a != b else {
        modal = .rangeEditor(input)
        return [.render, .status(.error("range: two different numbers \"LO HI\", found \"\(text)\""))]
      }
      modal = .none
      return change { $0.range = min(a, b)...max(a, b) }
    default:
      modal = .rangeEditor(input)
      return [.render]
    }
  }
}
