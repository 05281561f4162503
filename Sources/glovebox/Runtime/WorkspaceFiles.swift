import Engine
import Formats
import Foundation
import Lab

/// Lab's file-system edge, in the runtime and the CLI (Lab itself is pure): reads the TOML
/// files of a workspace folder for Lab's parsers. A workspace is a plain folder with `recipes/`,
/// `protocols/` and an optional
/// `materials.toml`.
public enum WorkspaceFiles {
  /// The `*.toml` files directly inside `directory`, sorted by name; a missing folder is empty.
  /// One unreadable file (not UTF-8, vanished) is left out and reported in `unreadable`, so a
  /// broken neighbour never stops the files beside it.
  public static func tomlFiles(in directory: String) throws -> (files: [SourceFile], unreadable: [InputError]) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
    else { return ([], []) }
    let names = try manager.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".toml") }
      .sorted { SourceFile.baseName(of: $0) < SourceFile.baseName(of: $1) }
    var files: [SourceFile] = []
    var unreadable: [InputError] = []
    for name in names {
      do {
        files.append(try read(directory + "/" + name))
      } catch let error as InputError {
        unreadable.append(error)
      }
    }
    return (files, unreadable)
  }

  /// One file's text; a missing or non-UTF-8 file is an `InputError` naming it.
  public static func read(_ path: String) throws -> SourceFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError("cannot read file", file: path)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError("file is not UTF-8 text", file: path)
    }
    return SourceFile(path: path, text: text)
  }

  /// The recipes of `workspace/recipes`.
  public static func recipes(workspace: String) throws -> RecipeLibrary {
    let (files, unreadable) = try tomlFiles(in: workspace + "/recipes")
    var library = RecipeLibrary.parse(files: files)
    library.errors = unreadable + library.errors
    return library
  }

  /// The protocols of `workspace/protocols`.
  public static func protocols(workspace: String) throws -> ProtocolLibrary {
    let (files, unreadable) = try tomlFiles(in: workspace + "/protocols")
    var library = ProtocolLibrary.parse(files: files)
    library.errors = unreadable + library.errors
    return library
  }

  /// `workspace/materials.toml`, or nil when the folder has none.
  public static func materialsFile(workspace: String) throws -> SourceFile? {
    let path = workspace + "/materials.toml"
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try read(path)
  }

  /// The built-in materials table, overridden by `workspace/materials.toml` when it exists.
  public static func materials(workspace: String) throws -> MaterialsTable {
    guard let file = try materialsFile(workspace: workspace) else { return .builtIn }
    return try MaterialsTable.builtIn.overridden(by: file.text, fileName: file.path)
  }

  /// Everything Lab reads from a workspace folder (`LabWorkspace.parse` of its files, and the
  /// run notebook when there is one). An unreadable materials.toml is reported in `errors` and
  /// the built-in table is used.
  public static func load(workspace: String) throws -> LabWorkspace {
    var unreadable: [InputError] = []
    var materials: SourceFile?
    do {
      materials = try materialsFile(workspace: workspace)
    } catch let error as InputError {
      unreadable.append(error)
    }
    let recipes = try tomlFiles(in: workspace + "/recipes")
    let protocols = try tomlFiles(in: workspace + "/protocols")
    var notebook: SourceFile?
    let notebookPath = RunNotebook.path(workspace: workspace)
    if FileManager.default.fileExists(atPath: notebookPath) {
      do {
        notebook = try read(notebookPath)
      } catch let error as InputError {
        unreadable.append(error)
      }
    }
    var lab = LabWorkspace.parse(
      directory: workspace, recipes: recipes.files, protocols: protocols.files, materials: materials, notebook: notebook)
    lab.errors = unreadable + recipes.unreadable + protocols.unreadable + lab.errors
    return lab
  }
}
