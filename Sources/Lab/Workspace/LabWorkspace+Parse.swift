import Engine
import Formats
import Foundation

extension LabWorkspace {
  /// A workspace from its files' texts (pure; the runtime and the CLI read the folder):
  /// `recipes/*.toml`, `protocols/*.toml`, each list sorted by base name, and `materials.toml`
  /// when the folder has one. A broken materials.toml is reported in `errors` and the built-in
  /// table is used; broken recipes and protocols are kept as errors beside the good ones. The
  /// notebook's malformed lines are errors at their line; its good records are kept.
  public static func parse(
    directory: String, recipes recipeFiles: [SourceFile], protocols protocolFiles: [SourceFile], materials materialsFile: SourceFile?,
    notebook notebookFile: SourceFile? = nil
  ) -> LabWorkspace {
    var materials = MaterialsTable.builtIn
    var errors: [InputError] = []
    if let file = materialsFile {
      do {
        materials = try MaterialsTable.builtIn.overridden(by: file.text, fileName: file.path)
      } catch let error as InputError {
        errors.append(error.inFile(file.path))
      } catch {
        errors.append(InputError("\(error)", file: file.path))
      }
    }
    let recipes = RecipeLibrary.parse(files: recipeFiles)
    let protocols = ProtocolLibrary.parse(files: protocolFiles)
    let notebook = notebookFile.map { RunNotebook.decode(Data($0.text.utf8), fileName: $0.path) }
    return LabWorkspace(
      directory: directory, recipes: recipes, protocols: protocols, materials: materials,
      errors: errors + recipes.errors + protocols.errors + (notebook?.errors ?? []), notebook: notebook?.records ?? [])
  }
}
