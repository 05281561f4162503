import Engine
import Formats
import Lab

extension LabWorkspace {
  /// The workspace before its files are read: no recipes or protocols, the built-in materials.
  /// The Materials and Assembly panes start from it and ask for `LabJob.loadWorkspace`.
  static func unread(directory: String) -> LabWorkspace {
    LabWorkspace(directory: directory, recipes: RecipeLibrary(), protocols: ProtocolLibrary(), materials: .builtIn, errors: [])
  }

  /// "N workspace files with errors: <the first>", or nil when every file read cleanly.
  var errorStatus: Effect? {
    guard let first = errors.first else { return nil }
    return .status(.error("\(errors.count) workspace file\(errors.count == 1 ? "" : "s") with errors: \(first.description)"))
  }
}

extension MaterialsPane {
  /// The pane for a workspace folder (what `PaneRegistry` makes): its files are read by a job
  /// when it first gets the focus.
  public init(workspace: String) {
    self.init(lab: .unread(directory: workspace))
    loaded = false
  }
}
