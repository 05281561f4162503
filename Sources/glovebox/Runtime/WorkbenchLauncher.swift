import Foundation
import Glibc
import NcursesBackend
import TUI
import Workbench

/// Opens the workbench on the real terminal and restores the terminal however the loop ends:
/// `q`/`:quit` (exit 0), SIGINT/SIGTERM/SIGHUP (exit 128 + signal), or a thrown error. Crashes
/// are covered by `TerminalSignals`' fatal-signal handler.
enum WorkbenchLauncher {
  static func run(workspace: String, themeOption: String?, colorsOption: ColorDepth?) throws -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let startup = WorkbenchStartup.prepare(
      workspace: workspace, themeOption: themeOption, colorsOption: colorsOption, environment: environment,
      panes: PaneRegistry.makePanes(workspace: workspace))
    TerminalSignals.install()
    // Asked before ncurses owns the terminal; `graphics = "cells"` asks nothing.
    let replies = startup.graphics == .cells ? GraphicsReplies() : TerminalGraphicsQuery.ask()
    guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
      throw NcursesTerminal.OpenError.cannotOpen(terminalType: environment["TERM"] ?? "")
    }
    let terminal = try NcursesTerminal(
      output: output, input: input, options: .init(requestedDepth: startup.requestedDepth, environment: environment))
    defer { terminal.shutdown() }
    var state = startup.state
    let decision = TerminalGraphicsSupport.decide(
      setting: startup.graphics, replies: replies, environment: environment,
      cellSize: NcursesTerminal.cellPixelSize(descriptor: STDOUT_FILENO))
    state.graphics = decision.graphics
    if startup.graphics != .auto && startup.graphics != .cells && decision.graphics == nil {
      state.post([.error("graphics = \(startup.graphics.rawValue): \(decision.reason); drawing cells")])
    }
    let runtime = WorkbenchRuntime(
      state: state, backend: terminal, resolveTheme: ThemeCatalog.resolve,
      pendingSignal: { TerminalSignals.pending })
    switch runtime.run() {
    case .quit, .idle: return 0
    case .signal(let number): return 128 + number
    }
  }
}
