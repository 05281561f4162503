import TUI

/// Why an effect failed, as a message for the status line.
public struct EffectFailure: Error, Hashable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
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
}
