import TUI

/// The `:` commands. Unknown commands and bad arguments are status-line errors.
enum WorkbenchCommand: Equatable {
  case quit
  case help
  case theme(String)
  case symbols(GraphSymbols)

  static let usage = "commands: help, quit, theme NAME, symbols braille|block|ascii"

  /// Parses a command line (without the colon); the failure is the message to show.
  static func parse(_ line: String) -> Result<WorkbenchCommand, EffectFailure> {
    let words = line.split(separator: " ").map(String.init)
    guard let name = words.first else { return .failure(EffectFailure("empty command (\(usage))")) }
    let arguments = Array(words.dropFirst())
    switch (name, arguments.count) {
    case ("q", 0), ("quit", 0): return .success(.quit)
    case ("help", 0), ("h", 0): return .success(.help)
    case ("theme", 1): return .success(.theme(arguments[0]))
    case ("theme", _): return .failure(EffectFailure("usage: theme NAME"))
    case ("symbols", 1):
      guard let symbols = GraphSymbols(rawValue: arguments[0].lowercased()) else {
        return .failure(EffectFailure("unknown graph symbols '\(arguments[0])' (expected braille, block or ascii)"))
      }
      return .success(.symbols(symbols))
    case ("symbols", _): return .failure(EffectFailure("usage: symbols braille|block|ascii"))
    case ("q", _), ("quit", _), ("help", _), ("h", _): return .failure(EffectFailure("\(name) takes no arguments"))
    default: return .failure(EffectFailure("unknown command '\(name)' (\(usage))"))
    }
  }
}

/// Applies a `:` command line to the state.
func runCommand(state: inout AppState, line: String) -> [Effect] {
  switch WorkbenchCommand.parse(line) {
  case .failure(let failure):
    state.status = .error(failure.message)
    return [.render]
  case .success(.quit):
    return [.quit]
  case .success(.help):
    state.helpVisible = true
    return [.render]
  case .success(.theme(let name)):
    return [.loadTheme(name)]
  case .success(.symbols(let symbols)):
    state.graphSymbols = symbols
    state.status = StatusMessage("graph symbols: \(symbols.rawValue)")
    return [.render]
  }
}
