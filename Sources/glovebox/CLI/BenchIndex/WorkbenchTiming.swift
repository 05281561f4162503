import ArgumentParser
import Foundation
import Workbench

/// The workbench on a large folder, in-process on a `ScriptedTerminal` at 120×40, with the
/// real panes: from building the panes to the first frame, from `2` to the frame that shows
/// it (pressed 200 ms after the first frame, while the index may still walk), and from `q` to
/// the loop's return.
struct WorkbenchTiming: Encodable {
  var first_screen_ms: Double
  var key_answered_ms: Double
  var index_complete_at_key: Bool
  var quit_ms: Double

  static func measure(workspace: String) throws -> WorkbenchTiming {
    let clock = { ProcessInfo.processInfo.systemUptime }
    let started = clock()
    let startup = WorkbenchStartup.prepare(
      workspace: workspace, themeOption: nil, colorsOption: nil, environment: [:], panes: PaneRegistry.makePanes(workspace: workspace))
    let terminal = ScriptedTerminal(width: 120, height: 40, keyDelay: 0.2, quitDelay: 0.3, clock: clock)
    let runtime = WorkbenchRuntime(state: startup.state, backend: terminal, resolveTheme: ThemeCatalog.resolve)
    terminal.indexComplete = { runtime.index.isComplete }
    guard runtime.run() == .quit else { throw ValidationError("the workbench did not quit on q") }
    let ended = clock()
    guard let first = terminal.presentTimes.first, let key = terminal.keyTime, let answered = terminal.keyAnswered,
      let quit = terminal.quitTime
    else { throw ValidationError("the workbench drew no frame for a key") }
    return WorkbenchTiming(
      first_screen_ms: (first - started) * 1000, key_answered_ms: (answered - key) * 1000,
      index_complete_at_key: terminal.indexCompleteAtKey ?? false, quit_ms: (ended - quit) * 1000)
  }
}
