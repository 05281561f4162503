import TUI

@testable import Workbench

/// A small pane for tests only: counts `j` presses, records every event and action, and edits a
/// note (capturing all keys) after `e` until Enter or Esc.
struct CounterPane: Pane {
  enum Action: String, KeyAction {
    case increment = "increment"
    case edit = "edit"
  }

  var id: String
  var title: String
  var count = 0
  var events: [PaneEvent] = []
  var actions: [Action] = []
  var note: TextInput?
  var ticking = false

  init(id: String = "counter", title: String = "Counter") {
    self.id = id
    self.title = title
  }

  func binding(for action: Action) -> KeyBinding {
    switch action {
    case .increment: return KeyBinding(action, keys: [.character("j")], description: "count")
    case .edit: return KeyBinding(action, keys: [.character("e")], description: "edit note")
    }
  }

  var capturesInput: Bool { note != nil }
  var wantsTicks: Bool { ticking }

  func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    buffer.write("\(title) count \(count)", x: area.x, y: area.y, style: context.theme.textStyle, maxWidth: area.width)
    if let note, area.height > 1 {
      note.render(into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), theme: context.theme)
    }
  }

  mutating func perform(_ action: Action) -> [Effect] {
    actions.append(action)
    switch action {
    case .increment:
      count += 1
      return [.render]
    case .edit:
      note = TextInput(prompt: "note: ")
      return [.render]
    }
  }

  mutating func handle(_ event: PaneEvent) -> [Effect] {
    events.append(event)
    switch event {
    case .key(let key):
      guard var editing = note else { return [] }
      switch editing.handle(key) {
      case .submitted(let text):
        note = nil
        return [.status(StatusMessage("noted \(text)")), .appendToFile(path: "notes.txt", text: text + "\n", pane: id)]
      case .cancelled:
        note = nil
      default:
        note = editing
      }
      return [.render]
    case .tick:
      count += 100
      return [.render]
    default:
      return []
    }
  }
}
