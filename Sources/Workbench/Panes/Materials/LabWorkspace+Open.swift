import Engine
import Formats
import Lab

extension LabWorkspace {
  /// The workspace as the pane factories open it: Lab's thin loader reads `recipes/`,
  /// `protocols/` and `materials.toml` once, at start-up (later changes arrive as events). A
  /// folder that cannot be listed gives an empty workspace carrying that error, never a crash.
  static func open(directory: String) -> LabWorkspace {
    do {
      return try WorkspaceFiles.load(workspace: directory)
    } catch let error as InputError {
      return empty(directory: directory, error: error)
    } catch {
      return empty(directory: directory, error: InputError("cannot read the workspace (\(error))", file: directory))
    }
  }

  private static func empty(directory: String, error: InputError) -> LabWorkspace {
    LabWorkspace(
      directory: directory, recipes: RecipeLibrary(), protocols: ProtocolLibrary(), materials: .builtIn,
      errors: [error])
  }
}

extension MaterialsPane {
  /// The pane for a workspace folder (what `PaneRegistry` makes).
  public init(workspace: String) {
    self.init(lab: .open(directory: workspace))
  }
}
