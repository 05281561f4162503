import TUI

/// What the Spectra pane's keys do; raw values are the names under `[spectra]` in keys.toml.
public enum SpectraPaneAction: String, KeyAction {
  case previousSpectrum = "previous-spectrum"
  case nextSpectrum = "next-spectrum"
  case cursorLeft = "cursor-left"
  case cursorRight = "cursor-right"
  case cursorLeftFast = "cursor-left-fast"
  case cursorRightFast = "cursor-right-fast"
  case zoomIn = "zoom-in"
  case zoomOut = "zoom-out"
  case panLeft = "pan-left"
  case panRight = "pan-right"
  case resetZoom = "reset-zoom"
  case rangeStart = "range-start"
  case rangeEnd = "range-end"
  case editRange = "edit-range"
  case clearRange = "clear-range"
  case cycleBackground = "cycle-background"
  case cycleShape = "cycle-shape"
  case addComponent = "add-component"
  case autoPeaks = "auto-peaks"
  case nextComponent = "next-component"
  case deleteComponent = "delete-component"
  case toggleFixed = "toggle-fixed"
  case fit = "fit"
  case cancelFit = "cancel-fit"
  case undo = "undo"
  case redo = "redo"
  case toggleLibrary = "toggle-library"
  case export = "export"
  case addDoublet = "add-doublet"
  case addKAlphaPair = "add-kalpha-pair"
  case nextParameter = "next-parameter"
  case toggleParameterFixed = "toggle-parameter-fixed"
  case editBounds = "edit-bounds"
  case editTie = "edit-tie"
  case setWavelength = "set-wavelength"
  case choosePhases = "choose-phases"
  case editSensitivities = "edit-sensitivities"
  case fitSeries = "fit-series"
  case cycleTracked = "cycle-tracked"
  case toggleSeriesView = "toggle-series-view"
  case setInstrumentWidth = "set-instrument-width"
  case chooseSeriesAxis = "choose-series-axis"
}

extension SpectraPane {
  /// The default binding table, one row per action. Left and right move the cursor on the
  /// screen (towards higher binding energy on a reversed XPS axis).
  public static func binding(for action: Action) -> KeyBinding {
    switch action {
    case .previousSpectrum: return KeyBinding(action, keys: [.up, .character("k")], description: "spectrum", showsInHints: false)
    case .nextSpectrum: return KeyBinding(action, keys: [.down, .character("j")], description: "spectrum")
    case .cursorLeft: return KeyBinding(action, keys: [.left, .character("h")], description: "cursor", showsInHints: false)
    case .cursorRight: return KeyBinding(action, keys: [.right, .character("l")], description: "cursor")
    case .cursorLeftFast: return KeyBinding(action, keys: [.character("H")], description: "cursor ×10", showsInHints: false)
    case .cursorRightFast: return KeyBinding(action, keys: [.character("L")], description: "cursor ×10", showsInHints: false)
    case .zoomIn: return KeyBinding(action, keys: [.character("+"), .character("=")], description: "zoom")
    case .zoomOut: return KeyBinding(action, keys: [.character("-")], description: "zoom out", showsInHints: false)
    case .panLeft: return KeyBinding(action, keys: [.character(",")], description: "pan", showsInHints: false)
    case .panRight: return KeyBinding(action, keys: [.character(".")], description: "pan", showsInHints: false)
    case .resetZoom: return KeyBinding(action, keys: [.character("*")], description: "whole spectrum", showsInHints: false)
    case .rangeStart: return KeyBinding(action, keys: [.character("[")], description: "range start")
    case .rangeEnd: return KeyBinding(action, keys: [.character("]")], description: "range end")
    case .editRange: return KeyBinding(action, keys: [.character("r")], description: "type range", showsInHints: false)
    case .clearRange: return KeyBinding(action, keys: [.character("R")], description: "whole range", showsInHints: false)
    case .cycleBackground: return KeyBinding(action, keys: [.character("b")], description: "background")
    case .cycleShape: return KeyBinding(action, keys: [.character("s")], description: "shape")
    case .addComponent: return KeyBinding(action, keys: [.character("a")], description: "add peak")
    case .autoPeaks: return KeyBinding(action, keys: [.character("A")], description: "auto peaks")
    case .nextComponent: return KeyBinding(action, keys: [.character("n")], description: "next peak", showsInHints: false)
    case .deleteComponent: return KeyBinding(action, keys: [.character("d"), .delete], description: "delete peak")
    case .toggleFixed: return KeyBinding(action, keys: [.character("x")], description: "fix/free")
    case .fit: return KeyBinding(action, keys: [.character("f")], description: "fit")
    case .cancelFit: return KeyBinding(action, keys: [.escape], description: "cancel", showsInHints: false)
    case .undo: return KeyBinding(action, keys: [.character("u")], description: "undo")
    case .redo: return KeyBinding(action, keys: [.ctrl("r"), .character("U")], description: "redo", showsInHints: false)
    case .toggleLibrary: return KeyBinding(action, keys: [.character("m")], description: "reference lines")
    case .export: return KeyBinding(action, keys: [.character("e")], description: "export")
    case .addDoublet: return KeyBinding(action, keys: [.character("D")], description: "add doublet")
    case .addKAlphaPair: return KeyBinding(action, keys: [.character("K")], description: "add Kα1/Kα2 pair", showsInHints: false)
    case .nextParameter: return KeyBinding(action, keys: [.character("v")], description: "next parameter", showsInHints: false)
    case .toggleParameterFixed: return KeyBinding(action, keys: [.character("X")], description: "fix/free parameter", showsInHints: false)
    case .editBounds: return KeyBinding(action, keys: [.character("B")], description: "bounds", showsInHints: false)
    case .editTie: return KeyBinding(action, keys: [.character("t")], description: "tie", showsInHints: false)
    case .setWavelength: return KeyBinding(action, keys: [.character("w")], description: "X-ray wavelength", showsInHints: false)
    case .choosePhases: return KeyBinding(action, keys: [.character("g")], description: "phases", showsInHints: false)
    case .editSensitivities: return KeyBinding(action, keys: [.character("Q")], description: "XPS sensitivity factors", showsInHints: false)
    case .fitSeries: return KeyBinding(action, keys: [.character("F")], description: "fit series", showsInHints: false)
    case .cycleTracked: return KeyBinding(action, keys: [.character("T")], description: "tracked quantity", showsInHints: false)
    case .toggleSeriesView: return KeyBinding(action, keys: [.character("V")], description: "series view", showsInHints: false)
    case .setInstrumentWidth: return KeyBinding(action, keys: [.character("I")], description: "instrument width (Scherrer)")
    case .chooseSeriesAxis: return KeyBinding(action, keys: [.character("Z")], description: "series x axis", showsInHints: false)
    }
  }

  public func binding(for action: Action) -> KeyBinding { Self.binding(for: action) }
}
