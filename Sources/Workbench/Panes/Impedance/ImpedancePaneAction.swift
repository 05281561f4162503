import TUI

/// What the Impedance pane's keys do; raw values are the names under `[impedance]` in keys.toml.
public enum ImpedancePaneAction: String, KeyAction {
  case previousSpectrum = "previous-spectrum"
  case nextSpectrum = "next-spectrum"
  case previousParameter = "previous-parameter"
  case nextParameter = "next-parameter"
  case increase = "increase"
  case decrease = "decrease"
  case increaseFine = "increase-fine"
  case decreaseFine = "decrease-fine"
  case toggleFixed = "toggle-fixed"
  case editBounds = "edit-bounds"
  case cycleWeighting = "cycle-weighting"
  case editCircuit = "edit-circuit"
  case pickCircuit = "pick-circuit"
  case fit = "fit"
  case fitAll = "fit-all"
  case cancelFit = "cancel-fit"
  case undo = "undo"
  case redo = "redo"
  case cycleView = "cycle-view"
  case export = "export"
  case editGeometry = "edit-geometry"
  case resetParameters = "reset-parameters"
  case cycleSeriesCapacitance = "series-capacitance"
  case cycleSeriesInductance = "series-inductance"
  case zoomArcs = "zoom-arcs"
  case nyquistZoomIn = "nyquist-zoom-in"
  case nyquistZoomOut = "nyquist-zoom-out"
  case nyquistPanLeft = "nyquist-pan-left"
  case nyquistPanRight = "nyquist-pan-right"
  case nyquistPanUp = "nyquist-pan-up"
  case nyquistPanDown = "nyquist-pan-down"
  case cursorPrevious = "cursor-previous"
  case cursorNext = "cursor-next"
  case toggleOverlay = "overlay-series"
  case cycleArrheniusQuantity = "arrhenius-quantity"
  case markForSeries = "mark-for-series"
  case clearSeriesMarks = "clear-series-marks"
}

extension ImpedancePane {
  /// The default binding table, one row per action.
  public static func binding(for action: Action) -> KeyBinding {
    switch action {
    case .previousSpectrum: return KeyBinding(action, keys: [.up, .character("k")], description: "spectrum", showsInHints: false)
    case .nextSpectrum: return KeyBinding(action, keys: [.down, .character("j")], description: "spectrum")
    case .previousParameter: return KeyBinding(action, keys: [.left, .character("h")], description: "parameter", showsInHints: false)
    case .nextParameter: return KeyBinding(action, keys: [.right, .character("l")], description: "parameter")
    case .increase: return KeyBinding(action, keys: [.character("+"), .character("=")], description: "×1.1")
    case .decrease: return KeyBinding(action, keys: [.character("-")], description: "÷1.1")
    case .increaseFine: return KeyBinding(action, keys: [.character(">")], description: "×1.01", showsInHints: false)
    case .decreaseFine: return KeyBinding(action, keys: [.character("<")], description: "÷1.01", showsInHints: false)
    case .toggleFixed: return KeyBinding(action, keys: [.character("x")], description: "fix/free")
    case .editBounds: return KeyBinding(action, keys: [.character("b")], description: "bounds")
    case .cycleWeighting: return KeyBinding(action, keys: [.character("w")], description: "weighting")
    case .editCircuit: return KeyBinding(action, keys: [.character("c")], description: "circuit")
    case .pickCircuit: return KeyBinding(action, keys: [.character("C")], description: "common circuits", showsInHints: false)
    case .fit: return KeyBinding(action, keys: [.character("f")], description: "fit")
    case .fitAll: return KeyBinding(action, keys: [.character("F")], description: "fit all")
    case .cancelFit: return KeyBinding(action, keys: [.escape], description: "cancel", showsInHints: false)
    case .undo: return KeyBinding(action, keys: [.character("u")], description: "undo")
    case .redo: return KeyBinding(action, keys: [.ctrl("r"), .character("U")], description: "redo", showsInHints: false)
    case .cycleView: return KeyBinding(action, keys: [.character("v")], description: "view")
    case .export: return KeyBinding(action, keys: [.character("e")], description: "export")
    case .editGeometry: return KeyBinding(action, keys: [.character("g")], description: "pellet geometry", showsInHints: false)
    case .resetParameters: return KeyBinding(action, keys: [.character("a")], description: "auto start", showsInHints: false)
    case .cycleSeriesCapacitance: return KeyBinding(action, keys: [.character("s")], description: "KK/DRT series C auto/on/off", showsInHints: false)
    case .cycleSeriesInductance: return KeyBinding(action, keys: [.character("i")], description: "KK/DRT series L auto/on/off", showsInHints: false)
    case .zoomArcs: return KeyBinding(action, keys: [.character("z")], description: "zoom to arcs")
    case .nyquistZoomIn: return KeyBinding(action, keys: [.character("]")], description: "Nyquist zoom in", showsInHints: false)
    case .nyquistZoomOut: return KeyBinding(action, keys: [.character("[")], description: "Nyquist zoom out", showsInHints: false)
    case .nyquistPanLeft: return KeyBinding(action, keys: [.character("H")], description: "Nyquist pan left", showsInHints: false)
    case .nyquistPanRight: return KeyBinding(action, keys: [.character("L")], description: "Nyquist pan right", showsInHints: false)
    case .nyquistPanUp: return KeyBinding(action, keys: [.character("K")], description: "Nyquist pan up", showsInHints: false)
    case .nyquistPanDown: return KeyBinding(action, keys: [.character("J")], description: "Nyquist pan down", showsInHints: false)
    case .cursorPrevious: return KeyBinding(action, keys: [.character(",")], description: "cursor to higher f", showsInHints: false)
    case .cursorNext: return KeyBinding(action, keys: [.character(".")], description: "cursor to lower f", showsInHints: false)
    case .toggleOverlay: return KeyBinding(action, keys: [.character("o")], description: "overlay the series", showsInHints: false)
    case .cycleArrheniusQuantity: return KeyBinding(action, keys: [.character("t")], description: "Arrhenius: selected/bulk/gb/total R", showsInHints: false)
    case .markForSeries: return KeyBinding(action, keys: [.character("m")], description: "mark for the series")
    case .clearSeriesMarks: return KeyBinding(action, keys: [.character("M")], description: "clear the series marks", showsInHints: false)
    }
  }

  /// The hint line's order: the keys a session uses most, first (the rest keep table order).
  static let hintOrder: [Action] = [
    .nextSpectrum, .fit, .fitAll, .cycleView, .editCircuit, .zoomArcs, .markForSeries, .nextParameter,
    .increase, .decrease, .toggleFixed, .undo, .export,
  ]

  public func binding(for action: Action) -> KeyBinding {
    let binding = Self.binding(for: action)
    return Self.hintOrder.firstIndex(of: action).map { binding.ranked($0 + 1) } ?? binding
  }
}
