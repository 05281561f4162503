import ArgumentParser
import Engine
import Formats
import Foundation
import Lab

/// `glovebox recipe list|scale`: the workspace's materials recipes.
struct RecipeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recipe",
    abstract: "List materials recipes and scale them to a batch mass.",
    subcommands: [RecipeList.self, RecipeScale.self])
}

struct RecipeList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the recipes of the workspace.")

  @OptionGroup var workspace: WorkspaceOption
  @Flag(name: .long, help: "Print one JSON document.") var json = false

  func run() throws {
    try LabCLI.run {
      let directory = workspace.directory()
      let library = try WorkspaceFiles.recipes(workspace: directory)
      if json {
        try printJSON(RecipeListDocument(workspace: directory, library: library))
      } else {
        let rows = library.recipes.map { recipe -> [String] in
          let kind: String
          switch recipe.kind {
          case .synthesis: kind = "synthesis"
          case .composite: kind = "composite"
          }
          return [recipe.name, kind, recipe.title]
        }
        var lines = ["Recipes in \(directory)/recipes:"]
        lines += SheetText.table(
          columns: [SheetColumn("Name"), SheetColumn("Kind"), SheetColumn("Title")], rows: rows)
        LabCLI.printLines(lines)
      }
      // Files that do not parse are listed on stderr with their line, and the status says so.
      for error in library.errors {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
      }
      if !library.errors.isEmpty {
        throw ExitCode(2)
      }
    }
  }
}

struct RecipeScale: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scale",
    abstract: "Scale a recipe to a product mass: moles, pure and weigh-out masses, process totals.",
    discussion: "Example: glovebox recipe scale LPSC --mass 2g")

  @Argument(help: "Recipe name in the workspace, or a recipe file (.toml).") var recipe: String
  @Option(name: .long, help: "Product mass: 2g, 500mg, 0.1kg (grams without a unit).") var mass: String
  @OptionGroup var workspace: WorkspaceOption
  @Flag(name: .long, help: "Print one JSON document.") var json = false

  func run() throws {
    try LabCLI.run {
      let grams: Double
      do {
        grams = try MassText.grams(mass)
      } catch let error as InputError {
        throw InputError("\(error.message) in \"\(mass)\"", file: "--mass")
      }
      let directory = workspace.directory()
      var library = try WorkspaceFiles.recipes(workspace: directory)
      let chosen: Recipe
      if LabCLI.isFile(recipe) {
        let file = try WorkspaceFiles.read(recipe)
        chosen = try Recipe.parse(file.text, fileName: file.path, defaultName: file.baseName)
        // Siblings may supply composite components; a broken one is reported, never fatal.
        let (files, unreadable) = try WorkspaceFiles.tomlFiles(in: (recipe as NSString).deletingLastPathComponent)
        let siblings = RecipeLibrary.parse(files: files.filter { $0.path != file.path })
        library.recipes = siblings.recipes + library.recipes
        for problem in unreadable + siblings.errors {
          FileHandle.standardError.write(Data("warning: skipped \(problem)\n".utf8))
        }
      } else {
        guard let found = library.recipe(named: recipe) else {
          // A recipe whose file does not parse is reported by its own error, not as unknown.
          if let broken = library.errors.first(where: {
            $0.file.map(SourceFile.baseName(of:))?.lowercased() == recipe.lowercased()
          }) {
            throw broken
          }
          let known = library.recipes.map(\.name).joined(separator: ", ")
          throw InputError(
            "unknown recipe `\(recipe)` (known: \(known.isEmpty ? "none" : known))",
            file: directory + "/recipes")
        }
        chosen = found
      }
      let batch = try library.scale(chosen, toGrams: grams)
      if json {
        try printJSON(BatchDocument(batch))
      } else {
        LabCLI.printLines(RecipeSheet(batch: batch, notes: chosen.notes).textLines)
      }
    }
  }
}

/// JSON shape of `glovebox recipe list --json`.
private struct RecipeListDocument: Encodable {
  struct Entry: Encodable {
    let name: String
    let title: String
    let kind: String
    let product: String?
    let file: String?
  }
  let workspace: String
  let recipes: [Entry]
  let errors: [String]

  init(workspace: String, library: RecipeLibrary) {
    self.workspace = workspace
    recipes = library.recipes.map { recipe in
      var kind = "synthesis"
      if case .composite = recipe.kind { kind = "composite" }
      return Entry(name: recipe.name, title: recipe.title, kind: kind, product: recipe.product?.text, file: recipe.file)
    }
    errors = library.errors.map(\.description)
  }
}

/// JSON shape of `glovebox recipe scale --json`.
private struct BatchDocument: Encodable {
  struct Precursor: Encodable {
    let formula: String
    let label: String?
    let moles: Double?
    let pure_mass_g: Double
    let weigh_mass_g: Double
    let purity: Double
    let basis: String
    let excess_percent: Double
  }
  struct Stoichiometry: Encodable {
    let exact: Bool
    let verdict: String
    let yield: Double?
    let balanced_elements: [String]
  }
  struct Balance: Encodable {
    let weighed_g: Double
    let product_g: Double
    let reaction_volatiles_g: Double
    let hydrate_water_g: Double
    let solvent_g: Double
    let excess_precursor_g: Double
    let impurities_g: Double
    let released_mol: [String: Double]
  }
  struct Step: Encodable {
    let number: Int
    let summary: String
    let hours: Double
    let powder_mass_g: Double?
    let ball_mass_g: Double?
  }
  struct Totals: Encodable {
    let process_hours: Double
    let weighed_mass_g: Double
    let pure_mass_g: Double
  }
  let recipe: String
  let title: String
  let product: String?
  let product_mass_g: Double
  let product_moles: Double?
  let precursors: [Precursor]
  let stoichiometry: Stoichiometry?
  let charge_balanced: Bool?
  let charge_balance: String?
  let mixture: String?
  let mass_balance: Balance?
  let steps: [Step]
  let totals: Totals
  let heat_profile: [[Double]]
  let sub_batches: [BatchDocument]

  init(_ batch: RecipeBatch) {
    recipe = batch.recipeName
    title = batch.title
    product = batch.product
    product_mass_g = batch.productGrams
    product_moles = batch.productMoles
    precursors = batch.precursors.map {
      Precursor(
        formula: $0.formula, label: $0.label, moles: $0.moles, pure_mass_g: $0.pureMassGrams,
        weigh_mass_g: $0.weighMassGrams, purity: $0.purityPercent, basis: $0.basis,
        excess_percent: $0.excessPercent)
    }
    stoichiometry = batch.stoichiometry.map {
      Stoichiometry(exact: $0.isExact, verdict: $0.verdict, yield: $0.yield, balanced_elements: $0.balancedElements)
    }
    charge_balanced = batch.chargeBalance?.isBalanced
    charge_balance = batch.chargeBalance?.explanation
    mixture = batch.mixtureDescription
    mass_balance = batch.massBalance.map {
      Balance(
        weighed_g: $0.weighedGrams, product_g: $0.productGrams,
        reaction_volatiles_g: $0.reactionVolatilesGrams, hydrate_water_g: $0.hydrateWaterGrams,
        solvent_g: $0.solventGrams, excess_precursor_g: $0.excessPrecursorGrams,
        impurities_g: $0.impuritiesGrams, released_mol: $0.releasedMoles)
    }
    steps = batch.steps.map {
      Step(number: $0.number, summary: $0.summary, hours: $0.hours, powder_mass_g: $0.powderMassGrams, ball_mass_g: $0.ballMassGrams)
    }
    totals = Totals(
      process_hours: batch.totalHours, weighed_mass_g: batch.weighedGrams,
      pure_mass_g: batch.precursors.reduce(0) { $0 + $1.pureMassGrams })
    heat_profile = batch.heatProfile.map { [$0.hours, $0.celsius] }
    sub_batches = batch.subBatches.map(BatchDocument.init)
  }
}
