import TUI

/// Draws the whole workbench from its state: the tab row, the focused pane, the status line
/// (workspace, then a message or the key hints; the `:` prompt while typing a command) and the
/// help overlay. Pure; degrades to fewer rows on small terminals and never traps.
public enum AppView {
  public static let noPanesNotice = "No panes are registered in this build."

  public static func render(_ state: AppState) -> Buffer {
    let area = Rect(x: 0, y: 0, width: state.size.width, height: state.size.height)
    let theme = state.theme
    var buffer = Buffer(area: area, filling: Cell(" ", style: theme.textStyle))
    guard !area.isEmpty else { return buffer }
    let statusRow = area.bottom - 1
    let showsTabs = area.height >= 2
    let body = Rect(x: 0, y: showsTabs ? 1 : 0, width: area.width, height: area.height - (showsTabs ? 2 : 1))
    if showsTabs {
      Tabs(state.panes.map(\.title), selected: state.panes.isEmpty ? nil : state.focusedPane)
        .render(into: &buffer, area: Rect(x: 0, y: 0, width: area.width, height: 1), theme: theme)
    }
    if let pane = state.focused {
      pane.render(into: &buffer, area: body, context: renderContext(state))
    } else if !body.isEmpty {
      let notice = noPanesNotice + " Press q to quit."
      buffer.write(notice, x: body.x + 1, y: body.y + body.height / 2, style: theme.textStyle, maxWidth: body.width - 1)
    }
    if state.helpVisible {
      helpOverlay(state).render(into: &buffer, area: body, theme: theme)
    }
    renderStatusLine(state, into: &buffer, area: Rect(x: 0, y: statusRow, width: area.width, height: 1))
    return buffer
  }

  static func renderContext(_ state: AppState) -> PaneRenderContext {
    PaneRenderContext(theme: state.theme, graphSymbols: state.graphSymbols, graphics: state.graphics)
  }

  /// The focused pane's images, none while the help or the `:` prompt is open (the shell's
  /// overlays; a pane keeps its own modals out of its image areas).
  public static func images(_ state: AppState) -> [ImagePlacement] {
    guard state.graphics != nil, !state.helpVisible, state.commandLine == nil, let pane = state.focused else { return [] }
    let area = Rect(x: 0, y: 0, width: state.size.width, height: state.size.height)
    guard area.height >= 3 else { return [] }
    let body = Rect(x: 0, y: 1, width: area.width, height: area.height - 2)
    return pane.images(area: body, context: renderContext(state))
  }

  static func helpOverlay(_ state: AppState) -> HelpOverlay {
    var sections: [HelpOverlay.Section] = []
    if let pane = state.focused, !state.focusedBindings.isEmpty {
      sections.append(.init(title: pane.title, hints: state.focusedBindings.map(\.hint)))
    }
    sections.append(.init(title: "Global", hints: globalHelpHints(state.globalBindings)))
    return HelpOverlay(title: "Help (Esc closes)", sections: sections)
  }

  /// The global bindings for the help, with the six pane keys on one line while they are the
  /// default 1–6 (so the help fits 80×24); overridden pane keys are listed one by one.
  static func globalHelpHints(_ bindings: [KeyBinding]) -> [KeyHint] {
    let paneKeys = (1...6).map { n in bindings.first { GlobalAction(rawValue: $0.action)?.paneNumber == n } }
    let defaultPaneKeys = paneKeys.enumerated().allSatisfy { index, binding in
      binding?.keys == [.character(Character(String(index + 1)))]
    }
    guard defaultPaneKeys else { return bindings.map(\.hint) }
    var hints: [KeyHint] = []
    for binding in bindings {
      let paneNumber = GlobalAction(rawValue: binding.action)?.paneNumber
      if paneNumber == 1 {
        hints.append(KeyHint(key: "1-6", description: "pane 1–6"))
      } else if paneNumber == nil {
        hints.append(binding.hint)
      }
    }
    return hints
  }

  static func renderStatusLine(_ state: AppState, into buffer: inout Buffer, area: Rect) {
    let theme = state.theme
    let base = Style(foreground: theme.text, background: theme.selection)
    buffer.fill(area, with: Cell(" ", style: base))
    if let prompt = state.commandLine {
      prompt.render(into: &buffer, area: area, theme: theme)
      return
    }
    let workspaceStyle = Style(foreground: theme.title, background: theme.selection, attributes: .bold)
    var x = buffer.write(" " + state.workspace + " ", x: area.x, y: area.y, style: workspaceStyle, maxWidth: area.width)
    x = buffer.write("│ ", x: x, y: area.y, style: base, maxWidth: area.right - x)
    let rest = Rect(x: x, y: area.y, width: area.right - x, height: 1)
    if let status = state.status {
      let color = status.kind == .error ? theme.error : theme.ok
      buffer.write(status.text, x: rest.x, y: rest.y, style: Style(foreground: color, background: theme.selection), maxWidth: rest.width)
    } else {
      var hintTheme = theme
      hintTheme.background = theme.selection
      // `?` (every key, in the help) comes first so it is never cut off; then the pane's keys
      // by rank, then the other global ones.
      let help = GlobalAction.toggleHelp.rawValue
      let globals = state.globalBindings
      let hints = globals.filter { $0.action == help }.hints + state.focusedBindings.hints + globals.filter { $0.action != help }.hints
      KeyHints(hints).render(into: &buffer, area: rest, theme: hintTheme)
    }
  }
}
