import Engine
import Foundation

/// The thin file-system edge of Lab: reads the TOML files of a workspace folder for the pure
/// parsers. A workspace is a plain folder with `recipes/`, `protocols/` and an optional
/// `materials.toml`.
public enum WorkspaceFiles {
  /// The `*.toml` files directly inside `directory`, sorted by name; a missing folder is empty.
  public static func tomlFiles(in directory: String) throws -> [SourceFile] {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
    else { return [] }
    let names = try manager.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".toml") }.sorted()
    return try names.map { try read(directory + "/" + $0) }
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
    RecipeLibrary.parse(files: try tomlFiles(in: workspace + "/recipes"))
  }
}
