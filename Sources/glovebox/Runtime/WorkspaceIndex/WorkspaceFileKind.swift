/// What a workspace entry is, as far as its name and first bytes tell (never parsed). Each pane
/// asks the index for the kinds it shows.
enum WorkspaceFileKind: String, Sendable, CaseIterable, Hashable {
  /// An impedance spectrum file (EC-Lab, Gamry, ZPlot, Autolab, CHI, Parstat, PowerSuite,
  /// VersaStudio, Ivium, or a delimited table with frequency and Z columns).
  case impedance
  /// A cycler file (Arbin/Land xlsx, Neware nda/ndax, EC-Lab cycling, Maccor text, a delimited
  /// table with time, voltage and current columns).
  case cycling
  /// A recipe TOML (`recipes/*.toml` or a table with `[[precursors]]`).
  case recipe
  /// A cell-assembly protocol TOML (`protocols/*.toml` or a table with `[[steps]]`).
  case cellProtocol = "protocol"
  /// A workspace's materials table (`materials.toml`).
  case materials
  /// A run notebook (`notebook.jsonl`).
  case notebook
  /// A phase-field simulation config TOML (`[physics]`, `[grid]`, ... tables).
  case simulationConfig = "simulation-config"
  /// A sweep file (TOML with `base =` and `[vary]`) or a sweep folder's index (`sweep.json`).
  case sweep
  /// A Raman, XPS or XRD spectrum.
  case spectrum
  /// A colour theme TOML (`themes/*.toml`).
  case theme
  /// A run folder (a folder holding `status.json`), recorded as one entry; its `fields/` is
  /// not indexed.
  case runFolder = "run-folder"
  /// Anything no pane reads (notes, images, sources, unrecognised data).
  case other
}
