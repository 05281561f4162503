import Engine
import Formats
import Lab

/// Keeps a pane's copy of the workspace in step with the files on disk without touching the
/// file system: the runtime reports a changed path, the pane asks for the file with
/// `Effect.loadFile`, and the text (or the failure of a deleted file) comes back here.
extension LabWorkspace {
  /// Which workspace files a pane holding a `LabWorkspace` reloads: recipes, protocols and the
  /// materials table (paths relative to the workspace, as the watcher reports them).
  static func isLabFile(_ path: String) -> Bool {
    let relative = relativePath(path)
    if relative == "materials.toml" { return true }
    let parts = relative.split(separator: "/")
    return parts.count == 2 && (parts[0] == "recipes" || parts[0] == "protocols") && relative.hasSuffix(".toml")
  }

  /// Whether `path` is the workspace's run notebook (the Impedance and Cycling panes read cell
  /// data from its records).
  static func isNotebook(_ path: String) -> Bool {
    relativePath(path) == RunNotebook.fileName
  }

  static func relativePath(_ path: String) -> String {
    path.hasPrefix("./") ? String(path.dropFirst(2)) : path
  }

  /// The workspace after `path` was read (`text`) or could not be read (nil: the file is gone).
  /// A file that no longer parses keeps its error in `errors`, so the pane can show it.
  mutating func apply(path: String, text: String?) {
    let relative = Self.relativePath(path)
    let base = SourceFile.baseName(of: relative)
    let sameFile: (String?) -> Bool = { $0.map(SourceFile.baseName(of:)) == base }
    errors.removeAll { $0.file == relative || ($0.file?.hasSuffix("/" + relative) ?? false) }
    if relative == "materials.toml" {
      materials = .builtIn
      guard let text else { return }
      do {
        materials = try MaterialsTable.builtIn.overridden(by: text, fileName: relative)
      } catch let error as InputError {
        errors.append(error.inFile(relative))
      } catch {
        errors.append(InputError("\(error)", file: relative))
      }
    } else if relative.hasPrefix("recipes/") {
      recipes.recipes.removeAll { sameFile($0.file) }
      recipes.errors.removeAll { sameFile($0.file) }
      guard let text else { return }
      let parsed = RecipeLibrary.parse(files: [SourceFile(path: relative, text: text)])
      recipes.recipes = (recipes.recipes + parsed.recipes).sorted { Self.sortKey($0.file, $0.name) < Self.sortKey($1.file, $1.name) }
      recipes.errors += parsed.errors
      errors += parsed.errors
    } else if relative.hasPrefix("protocols/") {
      protocols.protocols.removeAll { sameFile($0.file) }
      protocols.errors.removeAll { sameFile($0.file) }
      guard let text else { return }
      let parsed = ProtocolLibrary.parse(files: [SourceFile(path: relative, text: text)])
      protocols.protocols = (protocols.protocols + parsed.protocols).sorted {
        Self.sortKey($0.file, $0.id) < Self.sortKey($1.file, $1.id)
      }
      protocols.errors += parsed.errors
      errors += parsed.errors
    }
  }

  /// Applies the result of `Effect.loadFile` and returns the status line a pane shows: the
  /// file's first error, or that it was reloaded. Both lab panes reload through this.
  mutating func reload(path: String, result: Result<String, EffectFailure>) -> Effect {
    switch result {
    case .success(let text): apply(path: path, text: text)
    case .failure: apply(path: path, text: nil)
    }
    if let error = errors.first(where: { ($0.file ?? "").hasSuffix(Self.relativePath(path)) }) {
      return .status(.error(error.description))
    }
    return .status(StatusMessage("reloaded \(path)"))
  }

  /// Files sort by base name, as `WorkspaceFiles.tomlFiles` lists them.
  private static func sortKey(_ file: String?, _ name: String) -> String {
    file.map(SourceFile.baseName(of:)) ?? name
  }
}
