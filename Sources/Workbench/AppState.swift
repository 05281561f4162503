import TUI

/// A line for the status bar: information or an error (shown in the theme's error colour).
public struct StatusMessage: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case info, error }
  public var text: String
  public var kind: Kind
  public init(_ text: String, kind: Kind = .info) {
    self.text = text
    self.kind = kind
  }
  public static func error(_ text: String) -> StatusMessage { StatusMessage(text, kind: .error) }

  /// The status line after an export's files were written (`Effect.writeFiles`): the paths, or
  /// why it failed. One wording for every pane that exports.
  public static func export(_ result: Result<[String], EffectFailure>) -> StatusMessage {
    switch result {
    case .success(let paths): return StatusMessage("wrote \(paths.joined(separator: ", "))")
    case .failure(let failure): return .error("export: \(failure.message)")
    }
  }
}

/// The whole workbench state. The reducer is its only writer; the view reads it.
public struct AppState: Sendable {
  public var panes: [any Pane]
  /// Index into `panes` (0 when there are none).
  public var focusedPane: Int
  /// The workspace folder as given (shown in the status line).
  public var workspace: String
  public var status: StatusMessage?
  /// Further messages from start-up (e.g. every bad keymap entry), shown one after another.
  public var pendingMessages: [StatusMessage]
  public var helpVisible: Bool
  /// The `:` prompt while it is open.
  public var commandLine: TextInput?
  public var theme: Theme
  public var graphSymbols: GraphSymbols
  /// How the terminal shows images (sixel or kitty, cell size); nil: cells only.
  public var graphics: TerminalGraphics? {
    didSet { for index in panes.indices { panes[index].graphicsChanged(graphics) } }
  }
  /// The shell's bindings after the user keymap.
  public var globalBindings: [KeyBinding]
  /// User keymap replacements per pane id: action → keys.
  public var paneKeyOverrides: [String: [String: [Key]]]
  public var size: (width: Int, height: Int)

  public init(
    panes: [any Pane], workspace: String, theme: Theme = .dark, graphSymbols: GraphSymbols = .braille,
    keymap: Keymap = Keymap(), size: (width: Int, height: Int) = (80, 24)
  ) {
    self.panes = panes
    self.focusedPane = 0
    self.workspace = workspace
    self.status = nil
    self.pendingMessages = []
    self.helpVisible = false
    self.commandLine = nil
    self.theme = theme
    self.graphSymbols = graphSymbols
    self.globalBindings = GlobalBindings.defaults.overridden(by: keymap.replacements[GlobalBindings.section] ?? [:])
    self.paneKeyOverrides = keymap.replacements.filter { $0.key != GlobalBindings.section }
    self.size = size
  }

  /// The focused pane, if any pane is registered.
  public var focused: (any Pane)? {
    panes.indices.contains(focusedPane) ? panes[focusedPane] : nil
  }

  /// The focused pane's bindings after the user keymap.
  public var focusedBindings: [KeyBinding] {
    guard let pane = focused else { return [] }
    return pane.bindings.overridden(by: paneKeyOverrides[pane.id] ?? [:])
  }

  /// Whether the runtime should send ticks.
  public var wantsTicks: Bool { panes.contains { $0.wantsTicks } }
  /// Every pane's `watchedFolders`.
  public var watchedFolders: Set<String> { Set(panes.flatMap { $0.watchedFolders }) }

  /// Shows a message now and queues the rest (each key press reveals the next).
  public mutating func post(_ messages: [StatusMessage]) {
    guard let first = messages.first else { return }
    status = first
    pendingMessages = Array(messages.dropFirst())
  }
}
