import Engine
import Foundation
import TUI
import Workbench

/// Everything decided before the terminal opens: the panes, the user's config and keymap, the
/// theme and the colour depth, and the messages to show for bad settings. Precedence for the
/// theme: `--theme`, config.toml, "dark"; for colours: `--colors`, GLOVEBOX_COLORS, config.toml,
/// then detection by the backend.
struct WorkbenchStartup {
  var state: AppState
  var requestedDepth: ColorDepth?
  /// config.toml's `graphics` (auto when absent).
  var graphics: GraphicsSetting = .auto

  /// `~/.config/glovebox` (or `$XDG_CONFIG_HOME/glovebox`).
  static func configDirectory(environment: [String: String]) -> URL {
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
      return URL(fileURLWithPath: xdg).appendingPathComponent("glovebox")
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return URL(fileURLWithPath: home).appendingPathComponent(".config/glovebox")
  }

  /// Prepares the workbench for `workspace`. Bad settings become status-line errors naming the
  /// file and line; only a bad `--colors` is refused (the caller reports it as a usage error).
  static func prepare(
    workspace: String, themeOption: String?, colorsOption: ColorDepth?, environment: [String: String],
    panes: [any Pane]
  ) -> WorkbenchStartup {
    var messages: [StatusMessage] = []
    let directory = configDirectory(environment: environment)
    var config = WorkbenchConfig()
    let configURL = directory.appendingPathComponent("config.toml")
    if let text = try? String(contentsOf: configURL, encoding: .utf8) {
      let (parsed, errors) = WorkbenchConfig.parse(text, fileName: configURL.path)
      config = parsed
      messages += errors.map { .error($0.description) }
    }
    var keymap = Keymap()
    let keysURL = directory.appendingPathComponent("keys.toml")
    if let text = try? String(contentsOf: keysURL, encoding: .utf8) {
      var tables: [String: [KeyBinding]] = [GlobalBindings.section: GlobalBindings.defaults]
      for pane in panes { tables[pane.id] = pane.bindings }
      let (parsed, errors) = Keymap.parse(text, fileName: keysURL.path, tables: tables)
      keymap = parsed
      messages += errors.map { .error($0.description) }
    }
    var theme = Theme.dark
    if let name = themeOption ?? config.theme {
      switch ThemeCatalog.resolve(name) {
      case .success(let found): theme = found
      case .failure(let failure): messages.append(.error(failure.message))
      }
    }
    var depth = colorsOption
    if depth == nil, let text = environment["GLOVEBOX_COLORS"], !text.isEmpty {
      depth = WorkbenchConfig.colorDepth(named: text)
      if depth == nil { messages.append(.error("GLOVEBOX_COLORS=\(text): expected 8, 16, 256 or truecolor")) }
    }
    var state = AppState(
      panes: panes, workspace: workspace, theme: theme, graphSymbols: config.graphSymbols ?? .braille, keymap: keymap)
    state.post(messages)
    return WorkbenchStartup(state: state, requestedDepth: depth ?? config.colors, graphics: config.graphics ?? .auto)
  }
}
