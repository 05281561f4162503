import Engine
import Foundation
import TUI

extension SpectraPane {
  public mutating func perform(_ action: Action) -> [Effect] {
    switch action {
    case .previousSpectrum: return moveSelection(by: -1)
    case .nextSpectrum: return moveSelection(by: 1)
    case .cursorLeft: return moveCursor(screenSteps: -1, fraction: 0.01)
    case .cursorRight: return moveCursor(screenSteps: 1, fraction: 0.01)
    case .cursorLeftFast: return moveCursor(screenSteps: -1, fraction: 0.1)
    case .cursorRightFast: return moveCursor(screenSteps: 1, fraction: 0.1)
    case .zoomIn: return zoom(by: 0.5)
    case .zoomOut: return zoom(by: 2)
    case .panLeft: return pan(screenSteps: -1)
    case .panRight: return pan(screenSteps: 1)
    case .resetZoom:
      guard viewport != nil else { return [] }
      viewport = nil
      return [.render]
    case .rangeStart, .rangeEnd:
      guard let cursor, let s = current?.spectrum, let lo = s.x.min(), let hi = s.x.max() else { return [] }
      // `[` sets the end on the left of the screen, `]` the one on the right: the lower x, or
      // the higher on a reversed (binding energy) axis. An end passed by the other is reset.
      let old = settings.range ?? lo...hi
      let setsLower = (action == .rangeStart) != isReversed
      let range = setsLower ? (cursor < old.upperBound ? cursor...old.upperBound : cursor...hi)
                            : (cursor > old.lowerBound ? old.lowerBound...cursor : lo...cursor)
      guard range.lowerBound < range.upperBound else { return [.status(.error("the range needs two different ends"))] }
      return change { $0.range = range }
    case .editRange:
      guard current != nil else { return [] }
      let text = settings.range.map { "\(Self.format($0.lowerBound)) \(Self.format($0.upperBound))" } ?? ""
      modal = .rangeEditor(TextInput(text: text, prompt: "fit range (LO HI, \(current?.spectrum.axis.unit ?? "")): "))
      return [.render]
    case .clearRange:
      guard settings.range != nil else { return [] }
      return change { $0.range = nil }
    case .cycleBackground:
      let names = Self.backgrounds(for: current?.spectrum.technique)
      return setBackground(names[((names.firstIndex(of: backgroundName) ?? -1) + 1) % names.count])
    case .cycleShape:
      shape = Self.shapes[((Self.shapes.firstIndex(of: shape) ?? -1) + 1) % Self.shapes.count]
      return [.render, .status(StatusMessage("new peaks: \(shape.rawValue)"))]
    case .addComponent: return addComponentAtCursor()
    case .autoPeaks: return findPeaks()
    case .nextComponent:
      guard !settings.model.components.isEmpty else { return [] }
      selectedComponent = (selectedComponent + 1) % settings.model.components.count
      selectedParameter = 0
      return [.render]
    case .deleteComponent: return deleteSelectedComponent()
    case .toggleFixed: return toggleSelectedFixed()
    case .fit: return startFit()
    case .cancelFit:
      if analysis.seriesRunning { return [.cancelJob(.spectra(.series)), .status(StatusMessage("cancelling the series fit…"))] }
      guard fitRunning else { return [] }
      return [.cancelJob(.spectra(.fit)), .status(StatusMessage("cancelling the fit…"))]
    case .undo:
      guard let previous = undoStack.popLast() else { return [.status(StatusMessage("nothing to undo"))] }
      redoStack.append(settings)
      settings = previous
      clampComponentSelection()
      refreshObservedPeaks()
      return [.render]
    case .redo:
      guard let next = redoStack.popLast() else { return [.status(StatusMessage("nothing to redo"))] }
      undoStack.append(settings)
      settings = next
      clampComponentSelection()
      refreshObservedPeaks()
      return [.render]
    case .toggleLibrary:
      showsLibrary.toggle()
      if showsLibrary, let t = current?.spectrum.technique, t != .raman, t != .xps {
        return [.render, .status(StatusMessage("no study reference lines for \(t.rawValue.uppercased()); they cover Raman and XPS"))]
      }
      return [.render]
    case .export: return export()
    case .addDoublet: return openDoubletPrompt()
    case .addKAlphaPair: return addKAlphaPair()
    case .nextParameter: return nextParameter()
    case .toggleParameterFixed: return toggleParameterFixed()
    case .editBounds: return openBoundsPrompt()
    case .editTie: return openTiePrompt()
    case .setWavelength: return openWavelengthPrompt()
    case .choosePhases: return openPhasePrompt()
    case .editSensitivities: return openSensitivityPrompt()
    case .fitSeries: return startSeriesFit()
    case .cycleTracked: return cycleTracked()
    case .toggleSeriesView:
      analysis.showsSeries.toggle()
      return [.render]
    case .setInstrumentWidth: return openInstrumentWidthPrompt()
    case .chooseSeriesAxis: return openSeriesAxisPrompt()
    }
  }

  /// True when the x axis runs right to left on screen (binding energy, as XPS is shown).
  var isReversed: Bool { current?.spectrum.axis == .bindingEnergy }

  mutating func moveSelection(by step: Int) -> [Effect] {
    guard !entries.isEmpty else { return [] }
    let next = max(0, min(entries.count - 1, selected + step))
    guard next != selected else { return [] }
    selected = next
    showSelected()
    return [.render]
  }

  /// Fresh view and settings for the selected spectrum: its last fit's model and range when it
  /// has one, else no peaks over the technique's usual background (Shirley for XPS, linear else).
  mutating func showSelected() {
    guard let entry = current else { return }
    viewport = nil
    undoStack.removeAll()
    redoStack.removeAll()
    selectedComponent = 0
    if let fit = entry.fit {
      settings = Settings(model: fit.result.success ? fit.result.model : fit.request.model, range: fit.request.range)
    } else {
      settings = Settings(model: PeakModel(background: .none), range: nil)
      _ = setBackground(entry.spectrum.technique == .xps ? "shirley" : "linear", undoable: false)
    }
    let s = entry.spectrum
    if let lo = s.x.min(), let hi = s.x.max() { cursor = (lo + hi) / 2 }
    refreshObservedPeaks()
  }

  mutating func moveCursor(screenSteps: Int, fraction: Double) -> [Effect] {
    guard let span = visibleSpan, let x = cursor else { return [] }
    let step = (span.upperBound - span.lowerBound) * fraction * Double(isReversed ? -screenSteps : screenSteps)
    cursor = min(span.upperBound, max(span.lowerBound, x + step))
    return [.render]
  }

  /// Scales the visible span by `factor` about the cursor, within the spectrum.
  mutating func zoom(by factor: Double) -> [Effect] {
    guard let span = visibleSpan, let s = current?.spectrum, let lo = s.x.min(), let hi = s.x.max() else { return [] }
    let centre = cursor ?? (span.lowerBound + span.upperBound) / 2
    let half = (span.upperBound - span.lowerBound) * factor / 2
    let a = max(lo, centre - half), b = min(hi, centre + half)
    guard b > a else { return [] }
    viewport = (a <= lo && b >= hi) ? nil : a...b
    return [.render]
  }

  /// Moves the visible span a quarter of its width towards the screen side `screenSteps` points.
  mutating func pan(screenSteps: Int) -> [Effect] {
    guard let span = viewport, let s = current?.spectrum, let lo = s.x.min(), let hi = s.x.max() else { return [] }
    let width = span.upperBound - span.lowerBound
    var shift = width / 4 * Double(isReversed ? -screenSteps : screenSteps)
    shift = min(hi - span.upperBound, max(lo - span.lowerBound, shift))
    guard shift != 0 else { return [] }
    viewport = (span.lowerBound + shift)...(span.upperBound + shift)
    if let c = cursor { cursor = min(viewport?.upperBound ?? hi, max(viewport?.lowerBound ?? lo, c)) }
    return [.render]
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
    clampComponentSelection()
    refreshObservedPeaks()
    return [.render]
  }

  mutating func clampComponentSelection() {
    selectedComponent = min(selectedComponent, max(0, settings.model.components.count - 1))
  }
}
