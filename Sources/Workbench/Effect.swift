import TUI

/// Why an effect failed, as a message for the status line.
public struct EffectFailure: Error, Hashable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}

/// What a finished program left: its exit status and its standard output and error.
public struct ProcessOutput: Hashable, Sendable {
  public var status: Int32
  public var standardOutput: String
  public var standardError: String
  public init(status: Int32, standardOutput: String, standardError: String) {
    self.status = status
    self.standardOutput = standardOutput
    self.standardError = standardError
  }
}

/// What the reducer asks the runtime to do. Effects are data, so reducer tests assert them
/// directly; the runtime performs them and feeds results back as `AppAction`s.
public enum Effect: Equatable, Sendable {
  /// Leave the event loop and restore the terminal (exit status 0).
  case quit
  /// The visible state changed: draw a frame (throttled to ~10 frames a second).
  case render
  /// Forget what the terminal shows and redraw every cell (Ctrl-L).
  case repaint
  /// Resolve a theme by name; answered with `.themeLoaded` or `.themeFailed`.
  case loadTheme(String)
  /// Read a text file for a pane; answered with `.fileLoaded`.
  case loadFile(path: String, pane: String)
  /// Show a message or an error in the status line. Panes return this; the reducer applies it
  /// to the state, so it never reaches the runtime.
  case status(StatusMessage)
  /// Append text to a file and flush it to disk (notebooks); answered with `.fileAppended`.
  case appendToFile(path: String, text: String, pane: String)
  /// Run a short program in the workspace folder (e.g. `glovebox sim run … --detach`, which
  /// returns at once) and wait for it; answered with `.processFinished`. An empty `executable`
  /// means this glovebox binary.
  case runProcess(executable: String, arguments: [String], pane: String)
  /// Run work off the UI thread; progress and the result come back as `.jobProgress` and
  /// `.jobFinished` for the job's pane.
  case startJob(BackgroundJob)
  /// Set the cancellation flag of a running job (it stops at its next check).
  case cancelJob(id: String, pane: String)
}
