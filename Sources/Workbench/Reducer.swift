import TUI

/// The workbench's only state transition: what `action` does to `state`, and what the runtime
/// must do about it. Pure: no terminal, clock or files.
public func reduce(state: inout AppState, action: AppAction) -> [Effect] {
  switch action {
  case .keyPressed(let key):
    return reduceKey(state: &state, key: key)
  case .resized(let width, let height):
    state.size = (max(0, width), max(0, height))
    return [.render]
  case .tick(let now):
    return forEachPane(&state) { $0.wantsTicks ? $0.handle(.tick(now)) : [] }
  case .fileChanged(let path):
    return forEachPane(&state) { $0.handle(.fileChanged(path: path)) }
  case .workspaceFiles(let kind, let files, let complete):
    return forEachPane(&state) { $0.handle(.workspaceFiles(kind: kind, files: files, complete: complete)) }
  case .commandEntered(let line):
    return runCommand(state: &state, line: line)
  case .themeLoaded(let theme):
    state.theme = theme
    state.status = StatusMessage("theme \(theme.name)")
    return [.render]
  case .themeFailed(let message):
    state.status = .error(message)
    return [.render]
  case .fileLoaded(let paneID, let path, let result):
    return forPane(&state, id: paneID) { $0.handle(.fileLoaded(path: path, result: result)) }
  case .fileAppended(let paneID, let path, let failure):
    return forPane(&state, id: paneID) { $0.handle(.fileAppended(path: path, failure: failure)) }
  case .filesWritten(let paneID, let result):
    return forPane(&state, id: paneID) { $0.handle(.filesWritten(result)) }
  case .processFinished(let paneID, let result):
    return forPane(&state, id: paneID) { $0.handle(.processFinished(result)) }
  case .opened:
    return forFocused(&state) { $0.handle(.focused) }
  case .jobProgress(let job, let progress):
    return forPane(&state, id: job.paneID) { $0.handle(.jobProgress(job, progress)) }
  case .jobFinished(let result):
    return forPane(&state, id: result.job.paneID) { $0.handle(.jobFinished(result)) }
  }
}

private func reduceKey(state: inout AppState, key: Key) -> [Effect] {
  // The `:` prompt takes every key while open.
  if var line = state.commandLine {
    switch line.handle(key) {
    case .submitted(let text):
      state.commandLine = nil
      return merge([.render], runCommand(state: &state, line: text))
    case .cancelled:
      state.commandLine = nil
      return [.render]
    case .rejected(let message):
      state.status = .error(message)
      return [.render]
    case .edited, .moved:
      state.commandLine = line
      return [.render]
    case .ignored:
      return []
    }
  }
  // A key reveals the next queued message, or clears the one shown.
  var effects: [Effect] = []
  if state.status != nil {
    state.status = state.pendingMessages.isEmpty ? nil : state.pendingMessages.removeFirst()
    effects.append(.render)
  }
  if state.helpVisible, key == .escape {
    state.helpVisible = false
    return [.render]
  }
  if let pane = state.focused, pane.capturesInput {
    return merge(effects, forFocused(&state) { $0.handle(.key(key)) })
  }
  // The shell's table is stored after the keymap; its rows were made from `GlobalAction` cases.
  if let name = state.globalBindings.action(for: key), let action = GlobalAction(rawValue: name) {
    return merge(effects, perform(action, state: &state))
  }
  let overrides = state.focused.flatMap { state.paneKeyOverrides[$0.id] } ?? [:]
  return merge(effects, forFocused(&state) { $0.perform(key: key, overrides: overrides) ?? $0.handle(.key(key)) })
}

private func perform(_ action: GlobalAction, state: inout AppState) -> [Effect] {
  switch action {
  case .pane1, .pane2, .pane3, .pane4, .pane5, .pane6:
    let number = action.paneNumber ?? 0
    guard state.panes.indices.contains(number - 1) else {
      state.status = .error(state.panes.isEmpty ? "no panes are registered" : "no pane \(number) (panes 1–\(state.panes.count))")
      return [.render]
    }
    return focus(number - 1, state: &state)
  case .nextPane:
    guard !state.panes.isEmpty else { return [] }
    return focus((state.focusedPane + 1) % state.panes.count, state: &state)
  case .previousPane:
    guard !state.panes.isEmpty else { return [] }
    return focus((state.focusedPane - 1 + state.panes.count) % state.panes.count, state: &state)
  case .toggleHelp:
    state.helpVisible.toggle()
    return [.render]
  case .quit:
    return [.quit]
  case .openCommandLine:
    state.commandLine = TextInput(prompt: ":")
    state.helpVisible = false
    return [.render]
  case .repaint:
    return [.repaint]
  }
}

private func focus(_ index: Int, state: inout AppState) -> [Effect] {
  guard index != state.focusedPane else { return [] }
  let hidden = forFocused(&state) { $0.visibilityChanged(false) }
  state.focusedPane = index
  let shown = forFocused(&state) { $0.visibilityChanged(true) }
  return merge(merge(merge([.render], hidden), shown), forFocused(&state) { $0.handle(.focused) })
}

/// Runs `body` on the focused pane, writing the changed pane back.
private func forFocused(_ state: inout AppState, _ body: (inout any Pane) -> [Effect]) -> [Effect] {
  guard state.panes.indices.contains(state.focusedPane) else { return [] }
  return applyStatus(body(&state.panes[state.focusedPane]), to: &state)
}

private func forPane(_ state: inout AppState, id: String, _ body: (inout any Pane) -> [Effect]) -> [Effect] {
  guard let index = state.panes.firstIndex(where: { $0.id == id }) else { return [] }
  return applyStatus(body(&state.panes[index]), to: &state)
}

private func forEachPane(_ state: inout AppState, _ body: (inout any Pane) -> [Effect]) -> [Effect] {
  var effects: [Effect] = []
  for index in state.panes.indices { effects = merge(effects, applyStatus(body(&state.panes[index]), to: &state)) }
  return effects
}

/// Turns a pane's `.status` effects into the status line (and a frame).
private func applyStatus(_ effects: [Effect], to state: inout AppState) -> [Effect] {
  var rest: [Effect] = []
  for effect in effects {
    if case .status(let message) = effect {
      state.status = message
      rest = merge(rest, [.render])
    } else {
      rest = merge(rest, [effect])
    }
  }
  return rest
}

/// Concatenates effect lists, keeping one `.render` (a frame is a frame).
func merge(_ first: [Effect], _ second: [Effect]) -> [Effect] {
  var result = first
  for effect in second where !(effect == .render && result.contains(.render)) { result.append(effect) }
  return result
}
