/// What the workspace index knows a file to hold, from its name and a few sniffed bytes (never
/// by parsing it). A pane asks for the kinds it shows (`Effect.requestFiles`). The cases and raw
/// values are those of the runtime's `WorkspaceIndex` (branch wsindex), which classifies.
public enum WorkspaceFileKind: String, CaseIterable, Hashable, Sendable {
  /// Impedance spectra (EC-Lab, Gamry, ZPlot, Autolab, … or a table with frequency and Z).
  case impedance
  /// Cycler traces (Arbin/Land xlsx, Neware nda/ndax, EC-Lab cycling, Maccor, a time/V/I table).
  case cycling
  /// `recipes/*.toml`.
  case recipe
  /// `protocols/*.toml`.
  case cellProtocol = "protocol"
  /// `materials.toml`.
  case materials
  /// `notebook.jsonl`.
  case notebook
  /// A phase-field simulation config.
  case simulationConfig = "simulation-config"
  /// A sweep file or a sweep folder's index.
  case sweep
  /// Raman, XPS and XRD files.
  case spectrum
  /// A colour theme (`themes/*.toml`).
  case theme
  /// A phase-field run folder (a folder holding `status.json`), one entry.
  case runFolder = "run-folder"
  /// Anything no pane reads.
  case other
}
