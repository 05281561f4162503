import TUI

/// What the Simulation pane's keys do; raw values are the names under `[simulation]` in keys.toml.
public enum SimulationPaneAction: String, KeyAction {
  case previousRun = "previous-run"
  case nextRun = "next-run"
  case attach = "attach"
  case detach = "detach"
  case togglePause = "pause"
  case stop = "stop"
  case resume = "resume"
  case newRun = "new-run"
  case mark = "mark"
  case nextMetric = "next-metric"
  case nextField = "next-field"
  case previousSnapshot = "previous-snapshot"
  case nextSnapshot = "next-snapshot"
  case zoomIn = "zoom-in"
  case zoomOut = "zoom-out"
  case panLeft = "pan-left"
  case panRight = "pan-right"
  case panUp = "pan-up"
  case panDown = "pan-down"
  case resetZoom = "reset-zoom"
}

extension SimulationPane {
  /// The default binding table, one row per action.
  public static func binding(for action: Action) -> KeyBinding {
    switch action {
    case .previousRun: return KeyBinding(action, keys: [.up, .character("k")], description: "run", showsInHints: false)
    case .nextRun: return KeyBinding(action, keys: [.down, .character("j")], description: "run")
    case .attach: return KeyBinding(action, keys: [.enter], description: "attach")
    case .detach: return KeyBinding(action, keys: [.escape, .backspace], description: "runs", showsInHints: false)
    case .togglePause: return KeyBinding(action, keys: [.character("p")], description: "pause/resume")
    case .stop: return KeyBinding(action, keys: [.character("s")], description: "stop")
    case .resume: return KeyBinding(action, keys: [.character("r")], description: "restart stopped/stale")
    case .newRun: return KeyBinding(action, keys: [.character("n")], description: "new run")
    case .mark: return KeyBinding(action, keys: [.character(" ")], description: "mark to compare")
    case .nextMetric: return KeyBinding(action, keys: [.character("m")], description: "metric")
    case .nextField: return KeyBinding(action, keys: [.character("f")], description: "field")
    case .previousSnapshot: return KeyBinding(action, keys: [.character("[")], description: "snapshot", showsInHints: false)
    case .nextSnapshot: return KeyBinding(action, keys: [.character("]")], description: "snapshot")
    case .zoomIn: return KeyBinding(action, keys: [.character("+"), .character("=")], description: "zoom in")
    case .zoomOut: return KeyBinding(action, keys: [.character("-")], description: "zoom out")
    case .panLeft: return KeyBinding(action, keys: [.left, .character("h")], description: "pan", showsInHints: false)
    case .panRight: return KeyBinding(action, keys: [.right, .character("l")], description: "pan", showsInHints: false)
    case .panUp: return KeyBinding(action, keys: [.character("K")], description: "pan up", showsInHints: false)
    case .panDown: return KeyBinding(action, keys: [.character("J")], description: "pan down", showsInHints: false)
    case .resetZoom: return KeyBinding(action, keys: [.character("0")], description: "whole field", showsInHints: false)
    }
  }

  public func binding(for action: Action) -> KeyBinding { Self.binding(for: action) }
}
