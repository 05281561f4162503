import TUI

/// What a pane draws with besides its own state.
public struct PaneRenderContext: Sendable {
  public var theme: Theme
  public var graphSymbols: GraphSymbols
  public init(theme: Theme, graphSymbols: GraphSymbols) {
    self.theme = theme
    self.graphSymbols = graphSymbols
  }
}

/// What reaches a pane. Panes never see each other or the terminal: they get events, change
/// their own state and return effects for the runtime to perform.
public enum PaneEvent: Equatable, Sendable {
  /// A key bound in the pane's table was pressed; the payload is the binding's action id.
  case action(String)
  /// A key no table binds (or any key while the pane `capturesInput`).
  case key(Key)
  /// Time passed (monotonic seconds); sent only while the pane `wantsTicks`.
  case tick(Double)
  case fileChanged(path: String)
  /// The result of the pane's `Effect.loadFile`.
  case fileLoaded(path: String, result: Result<String, EffectFailure>)
  /// The result of the pane's `Effect.appendToFile` (nil: written and flushed).
  case fileAppended(path: String, failure: EffectFailure?)
  /// The result of the pane's `Effect.runProcess`.
  case processFinished(Result<ProcessOutput, EffectFailure>)
  /// The workbench opened or the pane got the focus.
  case focused
  /// A snapshot from one of the pane's `Effect.startJob` jobs.
  case jobProgress(id: String, payload: JobPayload)
  /// One of the pane's jobs ended.
  case jobFinished(id: String, result: Result<JobPayload, EffectFailure>)
}

/// A screen of the workbench (Materials, Assembly, …). Panes are values; the shell keeps them
/// in `AppState` and calls `handle` with events, so a pane is tested by feeding it events and
/// rendering it into a Buffer.
public protocol Pane: Sendable {
  /// Keymap section and stable id ("materials").
  var id: String { get }
  /// Tab title ("Materials").
  var title: String { get }
  /// The pane's binding table, before user overrides.
  var bindings: [KeyBinding] { get }
  /// True while the pane edits text: every key goes to it first, so typing "1" or "q" into a
  /// field does not switch panes or quit.
  var capturesInput: Bool { get }
  /// True while the pane needs `.tick` events (a countdown, a running simulation).
  var wantsTicks: Bool { get }
  func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext)
  /// Reacts to an event; returns what the runtime should do. Return `.render` when the pane
  /// changed what it shows.
  mutating func handle(_ event: PaneEvent) -> [Effect]
}

extension Pane {
  public var capturesInput: Bool { false }
  public var wantsTicks: Bool { false }
}
