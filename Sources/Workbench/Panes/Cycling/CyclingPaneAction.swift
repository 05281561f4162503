import TUI

/// What the Cycling pane's keys do; raw values are the names under `[cycling]` in keys.toml.
public enum CyclingPaneAction: String, KeyAction {
  case previousFile = "previous-file"
  case nextFile = "next-file"
  case zoomIn = "zoom-in"
  case zoomOut = "zoom-out"
  case panLeft = "pan-left"
  case panRight = "pan-right"
  case resetZoom = "reset-zoom"
  case cycleView = "cycle-view"
  case scrollTableDown = "scroll-table-down"
  case scrollTableUp = "scroll-table-up"
  case editArea = "edit-area"
  case editMass = "edit-mass"
  case goToCycle = "go-to-cycle"
  case nextCycle = "next-cycle"
  case previousCycle = "previous-cycle"
  case chooseCycle = "choose-cycle"
  case cellKind = "cell-kind"
}

extension CyclingPane {
  /// The default binding table, one row per action.
  public static func binding(for action: Action) -> KeyBinding {
    switch action {
    case .previousFile: return KeyBinding(action, keys: [.up, .character("k")], description: "file", showsInHints: false)
    case .nextFile: return KeyBinding(action, keys: [.down, .character("j")], description: "file")
    case .zoomIn: return KeyBinding(action, keys: [.character("+"), .character("=")], description: "zoom in")
    case .zoomOut: return KeyBinding(action, keys: [.character("-")], description: "zoom out")
    case .panLeft: return KeyBinding(action, keys: [.left, .character("h")], description: "pan", showsInHints: false)
    case .panRight: return KeyBinding(action, keys: [.right, .character("l")], description: "pan")
    case .resetZoom: return KeyBinding(action, keys: [.character("0")], description: "whole trace")
    case .cycleView: return KeyBinding(action, keys: [.character("v")], description: "view")
    case .scrollTableDown: return KeyBinding(action, keys: [.pageDown, .character("J")], description: "table", showsInHints: false)
    case .scrollTableUp: return KeyBinding(action, keys: [.pageUp, .character("K")], description: "table", showsInHints: false)
    case .editArea: return KeyBinding(action, keys: [.character("a")], description: "this file's area")
    case .editMass: return KeyBinding(action, keys: [.character("m")], description: "this file's active mass")
    case .goToCycle: return KeyBinding(action, keys: [.character("g")], description: "go to cycle N")
    case .nextCycle: return KeyBinding(action, keys: [.character(".")], description: "next cycle", showsInHints: false)
    case .previousCycle: return KeyBinding(action, keys: [.character(",")], description: "previous cycle", showsInHints: false)
    case .chooseCycle: return KeyBinding(action, keys: [.character("c")], description: "overlay this cycle")
    case .cellKind: return KeyBinding(action, keys: [.character("y")], description: "symmetric/full cell table")
    }
  }

  /// The hint line's order: the keys a session uses most, first (the rest keep table order).
  static let hintOrder: [Action] = [.cycleView, .nextFile, .goToCycle, .chooseCycle, .editArea, .editMass, .cellKind]

  public func binding(for action: Action) -> KeyBinding {
    let binding = Self.binding(for: action)
    return Self.hintOrder.firstIndex(of: action).map { binding.ranked($0 + 1) } ?? binding
  }
}
