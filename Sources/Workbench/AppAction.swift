import TUI

/// Everything that can happen to the workbench, named for what happened.
public enum AppAction: Equatable, Sendable {
  case keyPressed(Key)
  case resized(width: Int, height: Int)
  /// Monotonic seconds; the runtime sends ticks only while a pane wants them.
  case tick(Double)
  case fileChanged(path: String)
  /// The index's files of one kind (every pane sees it; panes that asked for the kind use it).
  case workspaceFiles(kind: WorkspaceFileKind, files: [IndexedFile], complete: Bool)
  /// A line typed at the `:` prompt (without the colon).
  case commandEntered(String)
  case themeLoaded(Theme)
  case themeFailed(String)
  case fileLoaded(pane: String, path: String, result: Result<String, EffectFailure>)
  case fileAppended(pane: String, path: String, failure: EffectFailure?)
  case filesWritten(pane: String, result: Result<[String], EffectFailure>)
  case processFinished(pane: String, result: Result<ProcessOutput, EffectFailure>)
  /// The event loop started: the focused pane gets `.focused` (the workbench opened).
  case opened
  /// A running job posted a snapshot (delivered to the job's pane).
  case jobProgress(PaneJob, PaneJobProgress)
  /// A job ended: its typed value, or why it failed ("cancelled" when stopped).
  case jobFinished(PaneJobResult)
}
