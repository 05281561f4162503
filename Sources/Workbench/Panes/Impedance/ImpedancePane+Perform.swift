import Engine
import Foundation
import TUI

extension ImpedancePane {
  public mutating func perform(_ action: Action) -> [Effect] {
    switch action {
    case .previousSpectrum: return moveSelection(by: -1)
    case .nextSpectrum: return moveSelection(by: 1)
    case .previousParameter: return moveParameter(by: -1)
    case .nextParameter: return moveParameter(by: 1)
    case .increase: return nudge(by: 1.1)
    case .decrease: return nudge(by: 1 / 1.1)
    case .increaseFine: return nudge(by: 1.01)
    case .decreaseFine: return nudge(by: 1 / 1.01)
    case .toggleFixed:
      guard var p = selectedParameterValue else { return [] }
      p.fixed.toggle()
      return change { $0.given = $0.given.setting(p) }
    case .editBounds:
      guard let p = selectedParameterValue else { return [] }
      modal = .boundsEditor(TextInput(text: "\(Self.format(p.min)) \(Self.format(p.max))", prompt: "\(p.name) bounds (min max): "))
      return [.render]
    case .cycleWeighting:
      let order: [ImpedanceWeighting] = [.unit, .proportional, .modulus]
      let next = order[((order.firstIndex(of: settings.weighting) ?? 0) + 1) % order.count]
      return merge(change { $0.weighting = next }, [.status(StatusMessage("weighting: \(next.name)"))])
    case .editCircuit:
      modal = .circuitEditor(TextInput(text: circuitText, prompt: "circuit: "))
      circuitError = nil
      return [.render]
    case .pickCircuit:
      modal = .circuitPicker(CommonCircuits.all.firstIndex { $0.circuit == circuitText } ?? 0)
      return [.render]
    case .fit:
      return startFit(all: false)
    case .fitAll:
      return startFit(all: true)
    case .cancelFit:
      guard fitRunning else { return [] }
      return [.cancelJob(.impedance(.fit)), .status(StatusMessage("cancelling the fit…"))]
    case .undo:
      guard let previous = undoStack.popLast() else { return [.status(StatusMessage("nothing to undo"))] }
      redoStack.append(settings)
      settings = previous
      updateCurve()
      return [.render]
    case .redo:
      guard let next = redoStack.popLast() else { return [.status(StatusMessage("nothing to redo"))] }
      undoStack.append(settings)
      settings = next
      updateCurve()
      return [.render]
    case .cycleView:
      let all = View.allCases
      view = all[((all.firstIndex(of: view) ?? 0) + 1) % all.count]
      return merge(merge([.render], startAnalysisIfNeeded()), askForGeometryIfNeeded())
    case .export:
      guard entries.contains(where: { $0.fit != nil }) else { return [.status(.error("nothing to export: fit a spectrum first (f)"))] }
      do {
        return [.writeFiles(try ImpedanceExport.files(entries: entries, selected: selected), pane: id)]
      } catch {
        return [.status(.error("export: \(error)"))]
      }
    case .editGeometry:
      modal = .geometryEditor(TextInput(text: "", prompt: Self.geometryPrompt))
      return [.render]
    case .cycleSeriesCapacitance:
      seriesElements.capacitance = Self.nextMode(after: seriesElements.capacitance)
      return merge([.status(StatusMessage("KK/DRT series C: \(Self.modeText(seriesElements.capacitance))"))], restartAnalysis())
    case .cycleSeriesInductance:
      seriesElements.inductance = Self.nextMode(after: seriesElements.inductance)
      return merge([.status(StatusMessage("KK/DRT series L: \(Self.modeText(seriesElements.inductance))"))], restartAnalysis())
    case .zoomArcs, .nyquistZoomIn, .nyquistZoomOut, .nyquistPanLeft, .nyquistPanRight, .nyquistPanUp, .nyquistPanDown,
      .cursorPrevious, .cursorNext, .toggleOverlay:
      return nyquist(action)
    case .markForSeries, .clearSeriesMarks:
      return markSeries(action)
    case .cycleArrheniusQuantity:
      let all = ArrheniusQuantity.allCases
      arrheniusQuantity = all[((all.firstIndex(of: arrheniusQuantity) ?? 0) + 1) % all.count]
      return [.render, .status(StatusMessage("Arrhenius of the \(arrheniusQuantity.rawValue): \(arrheniusParameters.joined(separator: " + "))"))]
    case .resetParameters:
      startOrigin = "automatic start"
      neighbourStart = Parameters()
      return change { $0.given = Parameters() }
    }
  }

  mutating func moveSelection(by step: Int) -> [Effect] {
    guard !entries.isEmpty else { return [] }
    let next = max(0, min(entries.count - 1, selected + step))
    guard next != selected else { return [] }
    selected = next
    nyquistWindow = nil
    cursor = nil
    syncSpectrumState()
    updateCurve()
    return merge([.render], startAnalysisIfNeeded())
  }

  mutating func moveParameter(by step: Int) -> [Effect] {
    guard let circuit, circuit.parameterCount > 0 else { return [] }
    selectedParameter = (selectedParameter + step + circuit.parameterCount) % circuit.parameterCount
    return [.render]
  }

  static func nextMode(after mode: SeriesElementChoice.Mode) -> SeriesElementChoice.Mode {
    switch mode {
    case .automatic: return .on
    case .on: return .off
    case .off: return .automatic
    }
  }

  static func modeText(_ mode: SeriesElementChoice.Mode) -> String {
    switch mode {
    case .automatic: return "automatic (from the low-frequency phase)"
    case .on: return "included (set)"
    case .off: return "left out (set)"
    }
  }

  /// The KK or DRT shown was computed with the old series elements: compute it again.
  mutating func restartAnalysis() -> [Effect] {
    guard view == .kramersKronig || view == .drt else { return [.render] }
    analysis = nil
    return merge([.render], startAnalysisIfNeeded())
  }
}
