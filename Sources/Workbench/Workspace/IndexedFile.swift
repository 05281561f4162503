/// What the workspace index knows a file to hold, from its name and a few sniffed bytes (never
/// by parsing it). A pane asks for the kinds it shows (`Effect.requestFiles`).
public enum WorkspaceFileKind: String, CaseIterable, Hashable, Sendable {
  /// Impedance spectra (Gamry .DTA, BioLogic .mpt/.mpr, ZView .z, CSV, …).
  case impedance
  /// Cycler traces (.bdf.csv, .ndax, Neware/Arbin workbooks, BioLogic GCPL runs, …).
  case cycling
  /// `recipes/*.toml`.
  case recipe
  /// `protocols/*.toml`.
  case cellProtocol
  /// `materials.toml`.
  case materialsTable
  /// `notebook.jsonl`.
  case notebook
  /// Raman, XPS and XRD files.
  case spectrum
  /// A phase-field run folder (its `status.json`).
  case runFolder
}

/// One file of the index: where it is (relative to the workspace) and the stamp that says
/// whether it changed (size and modification time, seconds since 1970). Panes compare stamps
/// to decide what to read again.
public struct IndexedFile: Hashable, Sendable {
  public var path: String
  public var size: Int
  public var modified: Double

  public init(path: String, size: Int, modified: Double) {
    self.path = path
    self.size = size
    self.modified = modified
  }
}
