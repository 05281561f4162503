import TUI
import Workbench

/// Finds themes by name for `--theme`, config.toml and `:theme`. This branch knows only the
/// built-in dark theme; the theme-file parser and `Themes/*.toml` arrive from the TUI branch,
/// and the lead adds their lookup here when merging.
enum ThemeCatalog {
  static let builtIn: [String: Theme] = ["dark": .dark]

  static func resolve(_ name: String) -> Result<Theme, EffectFailure> {
    if let theme = builtIn[name.lowercased()] { return .success(theme) }
    return .failure(EffectFailure("unknown theme '\(name)' (available: \(builtIn.keys.sorted().joined(separator: ", ")))"))
  }
}
