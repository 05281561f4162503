import Engine
import Lab

extension FuzzFamily {
  /// Materials recipes as `glovebox recipe scale FILE --mass 2g` reads them: parsed, then scaled
  /// to a 2 g batch whose masses must all be finite.
  public static let recipe = FuzzFamily(
    name: "recipe",
    seeds: [
      "Examples/recipes", "Tests/Fuzz/crashes/crash_recipe_w0_001774", "Tests/Fuzz/crashes/crash_recipe_w0_000309",
    ],
    extensions: ["toml"],
    fileName: { _ in "fuzz-recipe.toml" },
    judge: { bytes, fileName in
      let file = SourceFile(path: fileName, text: String(fuzzBytes: bytes))
      let library = RecipeLibrary.parse(files: [file])
      if let error = library.errors.first { return .judging(error, fileName: fileName) }
      guard let recipe = library.recipes.first else { return .flaw("no recipe and no error") }
      do {
        let batch = try library.scale(recipe, toGrams: 2)
        return .all([
          .finite([batch.productGrams, batch.weighedGrams], "batch mass"),
          .finite(batch.precursors.map(\.weighMassGrams), "precursor mass"),
        ])
      } catch {
        // A composite whose components live in other files cannot be scaled alone; the error
        // must still name the recipe's file.
        return .judging(error, fileName: fileName)
      }
    })
}
