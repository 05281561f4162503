import TUI

/// Everything that can happen to the workbench, named for what happened.
public enum AppAction: Equatable, Sendable {
  case keyPressed(Key)
  case resized(width: Int, height: Int)
  /// Monotonic seconds; the runtime sends ticks only while a pane wants them.
  case tick(Double)
  case fileChanged(path: String)
  /// A line typed at the `:` prompt (without the colon).
  case commandEntered(String)
  case themeLoaded(Theme)
  case themeFailed(String)
  case fileLoaded(pane: String, path: String, result: Result<String, EffectFailure>)
  case fileAppended(pane: String, path: String, failure: EffectFailure?)
  case processFinished(pane: String, result: Result<ProcessOutput, EffectFailure>)
}
