import Foundation
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

/// A file a pane wants written whole: where (relative to the workspace) and its bytes.
public struct FileWrite: Hashable, Sendable {
  public var path: String
  public var contents: Data
  public init(path: String, contents: Data) {
    self.path = path
    self.contents = contents
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
  /// Append one record (a line) to an append-only file such as the run notebook, through the
  /// runtime's one writer: O_APPEND under an exclusive lock, a newline first when the file
  /// ends in a line cut short, fsync after every record (and of the folder when the file is
  /// new). Answered with `.fileAppended`.
  case appendToFile(path: String, text: String, pane: String)
  /// Write whole files (created with their folders, replaced atomically); answered with
  /// `.filesWritten`.
  case writeFiles([FileWrite], pane: String)
  /// Ask the workspace index for the files of a kind; answered with `.workspaceFiles` now
  /// (possibly incomplete while the index walks) and again whenever that list changes.
  case requestFiles(WorkspaceFileKind)
  /// Run a short program in the workspace folder (e.g. `glovebox sim run … --detach`, which
  /// returns at once) and wait for it; answered with `.processFinished`. An empty `executable`
  /// means this glovebox binary.
  case runProcess(executable: String, arguments: [String], pane: String)
  /// Run a job off the UI thread; progress and the result come back as `.jobProgress` and
  /// `.jobFinished` for the job's pane. It replaces a running job of the same lane.
  case startJob(PaneJob)
  /// Set the cancellation flag of the running job of a lane (it stops at its next check).
  case cancelJob(JobLane)
}
