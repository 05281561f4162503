/// What the Materials pane's keys do; raw values are the names under `[materials]` in keys.toml.
public enum MaterialsPaneAction: String, KeyAction {
  case down = "down"
  case up = "up"
  case open = "open"
  case back = "back"
  case editMass = "edit-mass"
  case pageDown = "page-down"
  case pageUp = "page-up"
}
