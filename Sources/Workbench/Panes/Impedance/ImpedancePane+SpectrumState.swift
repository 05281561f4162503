import Engine

/// Each spectrum keeps its own circuit, settings and undo history. The selected spectrum's
/// state is held in the pane's live properties; switching spectra files it under its key and
/// brings out the new one's (or makes it: `ImpedanceSpectrumState.initial`).
extension ImpedancePane {
  var liveState: ImpedanceSpectrumState {
    var state = ImpedanceSpectrumState(
      circuitText: circuitText, circuit: circuit, settings: settings, circuitOrigin: circuitOrigin, startOrigin: startOrigin)
    state.undoStack = undoStack
    state.redoStack = redoStack
    state.neighbourStart = neighbourStart
    return state
  }

  mutating func adopt(_ state: ImpedanceSpectrumState) {
    circuitText = state.circuitText
    circuit = state.circuit
    settings = state.settings
    undoStack = state.undoStack
    redoStack = state.redoStack
    circuitOrigin = state.circuitOrigin
    startOrigin = state.startOrigin
    neighbourStart = state.neighbourStart
    if let circuit { selectedParameter = min(selectedParameter, max(0, circuit.parameterCount - 1)) }
  }

  /// Files the live state under the spectrum it belongs to and adopts the selected spectrum's,
  /// when the selection now points at another spectrum.
  mutating func syncSpectrumState() {
    let key = current?.key
    guard key != activeKey else { return }
    if let activeKey { states[activeKey] = liveState }
    activeKey = key
    guard let key, let entry = current else { return }
    if let kept = states.removeValue(forKey: key) {
      adopt(kept)
    } else {
      adopt(ImpedanceSpectrumState.initial(for: entry, neighbours: seriesNeighbours(of: selected), labels: { label(of: $0) }))
    }
  }

  /// The state a spectrum is fitted with: the live one when selected, its kept one, or the one
  /// it would get when shown (`ImpedanceSpectrumState.initial`).
  func state(at index: Int) -> ImpedanceSpectrumState {
    let entry = entries[index]
    if entry.key == activeKey { return liveState }
    if let kept = states[entry.key] { return kept }
    return ImpedanceSpectrumState.initial(for: entry, neighbours: seriesNeighbours(of: index), labels: { label(of: $0) })
  }

  /// The other members of a spectrum's series, nearest in list order first (the previous one
  /// before the next at equal distance: a temperature series is usually walked upwards).
  func seriesNeighbours(of index: Int) -> [LoadedImpedanceSpectrum] {
    seriesIndices(of: index)
      .filter { $0 != index }
      .sorted { (abs($0 - index), $0 > index ? 1 : 0) < (abs($1 - index), $1 > index ? 1 : 0) }
      .map { entries[$0] }
  }

  func label(of entry: LoadedImpedanceSpectrum) -> String {
    entry.label(spectraInFile: entries.filter { $0.path == entry.path }.count)
  }

  /// Records a finished fit with its spectrum (found by key, wherever the list has moved it)
  /// and, when it used the spectrum's own circuit, makes its values the spectrum's settings.
  mutating func store(_ outcome: ImpedanceFitOutcome) {
    guard let index = entries.firstIndex(where: { $0.key == outcome.key }) else { return }
    entries[index].fit = outcome
    if outcome.key == activeKey {
      if outcome.circuit == circuit { settings.given = outcome.result.parameters }
    } else if var kept = states[outcome.key], kept.circuit == outcome.circuit {
      kept.settings.given = outcome.result.parameters
      states[outcome.key] = kept
    }
  }
}
