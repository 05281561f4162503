/// The panes this build offers, in tab order (1 Materials, 2 Assembly, 3 Impedance, 4 Cycling,
/// 5 Spectra, 6 Simulation as they arrive). Each entry makes the pane for a workspace folder.
/// Only panes that work are listed — an empty list shows the shell with a notice, never a fake.
public enum PaneRegistry {
  public typealias Factory = @Sendable (_ workspace: String) -> any Pane

  /// Append a pane here when it lands, e.g. `{ MaterialsPane(workspace: $0) }`.
  public static let factories: [Factory] = [
    { MaterialsPane(workspace: $0) },
    { AssemblyPane(workspace: $0) },
    { ImpedancePane(workspace: $0) },
    { CyclingPane(workspace: $0) },
    { SpectraPane(workspace: $0) },
    { SimulationPane(workspace: $0) },
  ]

  public static func makePanes(workspace: String) -> [any Pane] {
    factories.map { $0(workspace) }
  }
}
