/// What the Assembly pane's keys do; raw values are the names under `[assembly]` in keys.toml.
public enum AssemblyPaneAction: String, KeyAction {
  case down = "down"
  case up = "up"
  case completeStep = "complete-step"
  case open = "open"
  case run = "run"
  case note = "note"
  case deviation = "deviation"
  case back = "back"
  case pageDown = "page-down"
  case pageUp = "page-up"
  case withdrawStep = "withdraw-step"
  case cellID = "cell-id"
  case dataFiles = "data-files"
  case pelletSize = "pellet-size"
}
