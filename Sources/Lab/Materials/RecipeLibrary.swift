import Engine
import Formats

/// The recipes of a workspace, parsed, with the files that failed kept as errors so a list can
/// show them instead of hiding them. Pure: built from (file name, text) pairs.
public struct RecipeLibrary: Equatable, Sendable {
  public var recipes: [Recipe]
  public var errors: [InputError]

  public init(recipes: [Recipe] = [], errors: [InputError] = []) {
    self.recipes = recipes
    self.errors = errors
  }

  /// Parses each file (name used for messages; its base name is the default recipe name).
  public static func parse(files: [SourceFile]) -> RecipeLibrary {
    var library = RecipeLibrary()
    for file in files {
      do {
        library.recipes.append(
          try Recipe.parse(file.text, fileName: file.path, defaultName: file.baseName))
      } catch let error as InputError {
        library.errors.append(error.inFile(file.path))
      } catch {
        library.errors.append(InputError("\(error)", file: file.path))
      }
    }
    return library
  }

  /// The recipe called `name` (exact first, then case-insensitive; file base names count too).
  public func recipe(named name: String) -> Recipe? {
    recipes.first { $0.name == name }
      ?? recipes.first { $0.name.lowercased() == name.lowercased() }
      ?? recipes.first { $0.file.map(SourceFile.baseName(of:))?.lowercased() == name.lowercased() }
  }

  /// Scales the named recipe, resolving composite components within this library.
  public func scale(_ recipe: Recipe, toGrams grams: Double) throws -> RecipeBatch {
    try recipe.scaled(toGrams: grams) { self.recipe(named: $0) }
  }
}
