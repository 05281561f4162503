import Foundation

@testable import Lab

/// The repository's Examples/ folder, found from this test file's location, read here (Lab is
/// pure: its parsers take texts) and handed to Lab's parsers.
enum ExampleFiles {
  static var root: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples").path
  }

  /// The `*.toml` files of a folder under Examples/, sorted by base name as the runtime lists them.
  static func tomlFiles(_ folder: String) throws -> [SourceFile] {
    let directory = root + "/" + folder
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".toml") }
      .sorted { SourceFile.baseName(of: $0) < SourceFile.baseName(of: $1) }
    return try names.map { name in
      let path = directory + "/" + name
      return SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
    }
  }

  static func recipes() throws -> RecipeLibrary {
    RecipeLibrary.parse(files: try tomlFiles("recipes"))
  }

  /// The Examples workspace through `LabWorkspace.parse`.
  static func workspace() throws -> LabWorkspace {
    let materialsPath = root + "/materials.toml"
    let materials = FileManager.default.fileExists(atPath: materialsPath)
      ? SourceFile(path: materialsPath, text: try String(contentsOfFile: materialsPath, encoding: .utf8)) : nil
    return LabWorkspace.parse(
      directory: root, recipes: try tomlFiles("recipes"), protocols: try tomlFiles("protocols"), materials: materials)
  }
}
