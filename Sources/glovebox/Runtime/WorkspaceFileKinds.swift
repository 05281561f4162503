import Foundation
import Workbench

/// Which listed files are of a kind, by name alone: the stand-in for the index's classifier
/// (name and sniffed bytes). Impedance and cycler files cannot be told apart by name, so both
/// kinds list every file that might be instrument data, as the panes' scans did; each pane's
/// reader then keeps what it can read (the Cycling reader leaves impedance files to the
/// Impedance pane).
enum WorkspaceFileKinds {
  /// Files larger than this are not offered to the data panes (a stray disk image stays cheap).
  static let dataSizeLimit = 512 * 1024 * 1024

  static func files(of kind: WorkspaceFileKind, in files: [IndexedFile]) -> [IndexedFile] {
    files.filter { matches(kind, $0) }
  }

  /// Whether names alone find every file of `kind`. The others need the index's sniffing (TOML
  /// tables, instrument headers, run folders); their lists stay incomplete ("indexing…") rather
  /// than claim there are none.
  static func classifiedByName(_ kind: WorkspaceFileKind) -> Bool {
    switch kind {
    case .impedance, .cycling, .recipe, .cellProtocol, .materials, .notebook, .theme: return true
    case .simulationConfig, .sweep, .spectrum, .runFolder, .other: return false
    }
  }

  static func matches(_ kind: WorkspaceFileKind, _ file: IndexedFile) -> Bool {
    let path = file.path
    let ext = (path as NSString).pathExtension.lowercased()
    let parts = path.split(separator: "/")
    switch kind {
    case .impedance, .cycling: return file.size <= dataSizeLimit && !isCertainlyNotData(path)
    case .recipe: return parts.count == 2 && parts[0] == "recipes" && ext == "toml"
    case .cellProtocol: return parts.count == 2 && parts[0] == "protocols" && ext == "toml"
    case .materials: return path == "materials.toml"
    case .notebook: return path == "notebook.jsonl"
    case .theme: return parts.count == 2 && parts[0] == "themes" && ext == "toml"
    case .simulationConfig, .sweep, .spectrum, .runFolder, .other: return false
    }
  }

  /// Names that are never instrument data (notes, settings, notebooks, sources, images,
  /// exported fits).
  static func isCertainlyNotData(_ path: String) -> Bool {
    let ext = (path as NSString).pathExtension.lowercased()
    if path.hasPrefix("fits/") { return true }
    return ["circuit", "md", "toml", "json", "jsonl", "swift", "png", "jpg", "jpeg", "pdf", "gif", "svg", "html", "py", "sh", "log", "gitignore"]
      .contains(ext)
  }
}
