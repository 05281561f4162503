/// The Materials and Assembly panes' one job: read the workspace's recipes/, protocols/ and
/// materials.toml (the runtime reads the files; Lab's pure parsers make the `LabWorkspace`).
/// Answered with the `LabWorkspace` (`PaneJobResult.materials` / `.assembly`).
public enum LabJob: Equatable, Sendable {
  case loadWorkspace
}
