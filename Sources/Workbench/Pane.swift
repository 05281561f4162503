import TUI

/// What a pane draws with besides its own state.
public struct PaneRenderContext: Sendable {
  public var theme: Theme
  public var graphSymbols: GraphSymbols
  /// Set when the terminal shows images: a pane that offers `images` leaves their cells blank.
  public var graphics: TerminalGraphics?
  public init(theme: Theme, graphSymbols: GraphSymbols, graphics: TerminalGraphics? = nil) {
    self.theme = theme
    self.graphSymbols = graphSymbols
    self.graphics = graphics
  }
}

/// What reaches a pane besides its own key actions (those arrive typed, through `perform`).
/// Panes never see each other or the terminal: they get events, change their own state and
/// return effects for the runtime to perform.
public enum PaneEvent: Equatable, Sendable {
  /// A key no table binds (or any key while the pane `capturesInput`).
  case key(Key)
  /// Time passed (monotonic seconds); sent only while the pane `wantsTicks`.
  case tick(Double)
  case fileChanged(path: String)
  /// The workspace's files of one kind, answering the pane's `Effect.requestFiles` (and again
  /// whenever that list changes). `complete` is false while the index is still walking.
  case workspaceFiles(kind: WorkspaceFileKind, files: [IndexedFile], complete: Bool)
  /// The result of the pane's `Effect.loadFile`.
  case fileLoaded(path: String, result: Result<String, EffectFailure>)
  /// The result of the pane's `Effect.appendToFile` (nil: written and flushed).
  case fileAppended(path: String, failure: EffectFailure?)
  /// The result of the pane's `Effect.writeFiles`: the paths written, in order.
  case filesWritten(Result<[String], EffectFailure>)
  /// The result of the pane's `Effect.runProcess`.
  case processFinished(Result<ProcessOutput, EffectFailure>)
  /// The workbench opened or the pane got the focus.
  case focused
  /// A snapshot from one of the pane's jobs.
  case jobProgress(PaneJob, PaneJobProgress)
  /// One of the pane's jobs ended (its typed result, or why it failed; "cancelled" when stopped).
  case jobFinished(PaneJobResult)
}

/// A screen of the workbench (Materials, Assembly, …). Panes are values; the shell keeps them
/// in `AppState` and calls `perform` with the action a key is bound to and `handle` with every
/// other event, so a pane is tested by feeding it actions and events and rendering it into a
/// Buffer.
public protocol Pane: Sendable {
  /// The pane's key actions; raw values are the names in the pane's keys.toml section.
  associatedtype Action: KeyAction
  /// Keymap section and stable id ("materials").
  var id: String { get }
  /// Tab title ("Materials").
  var title: String { get }
  /// The binding-table row of `action` (keys, words, whether the hint line shows it now).
  func binding(for action: Action) -> KeyBinding
  /// True while the pane edits text: every key goes to it first, so typing "1" or "q" into a
  /// field does not switch panes or quit.
  var capturesInput: Bool { get }
  /// True while the pane needs `.tick` events (a countdown, a running simulation).
  var wantsTicks: Bool { get }
  /// Workspace-relative folders the pane wants to hear about promptly, beyond what the
  /// workspace index reports (an attached run's `fields/`): the runtime watches them and sends
  /// `.fileChanged` with the path of each entry that changed in them.
  var watchedFolders: [String] { get }
  func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext)
  /// Does what a bound key asked for. Return `.render` when the pane changed what it shows.
  mutating func perform(_ action: Action) -> [Effect]
  /// Reacts to an event; returns what the runtime should do.
  mutating func handle(_ event: PaneEvent) -> [Effect]
  /// Images to draw over cells that `render` left blank, when `context.graphics` is set (the
  /// same `area` and context as `render`). The shell asks only while no overlay is open.
  func images(area: Rect, context: PaneRenderContext) -> [ImagePlacement]
  /// The pane was hidden (another pane got the focus; false) or shown again (true, just before
  /// `.focused`). A hidden pane should stop its periodic work.
  mutating func visibilityChanged(_ visible: Bool) -> [Effect]
  /// How the terminal shows images changed (set once at start-up, after the terminal answered):
  /// a pane that draws images may ask its jobs for more pixels than cells can show.
  mutating func graphicsChanged(_ graphics: TerminalGraphics?)
}

extension Pane {
  public var capturesInput: Bool { false }
  public var wantsTicks: Bool { false }
  public var watchedFolders: [String] { [] }
  public func images(area: Rect, context: PaneRenderContext) -> [ImagePlacement] { [] }
  public mutating func visibilityChanged(_ visible: Bool) -> [Effect] { [] }
  public mutating func graphicsChanged(_ graphics: TerminalGraphics?) {}

  /// The pane's binding table, before user overrides: one row per action, in case order.
  public var bindings: [KeyBinding] { Action.allCases.map { binding(for: $0) } }

  /// Performs the action `key` is bound to after the user's keymap; nil when no row binds it.
  mutating func perform(key: Key, overrides: [String: [Key]]) -> [Effect]? {
    guard let action = Action.bound(to: key, in: { binding(for: $0) }, overrides: overrides) else { return nil }
    return perform(action)
  }
}
