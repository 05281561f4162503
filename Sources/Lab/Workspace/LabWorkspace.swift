import Engine
import Formats

/// A workspace's recipes, protocols and materials table, with every file error found.
public struct LabWorkspace: Equatable, Sendable {
  public var directory: String
  public var recipes: RecipeLibrary
  public var protocols: ProtocolLibrary
  public var materials: MaterialsTable
  public var errors: [InputError]
  /// The run notebook's readable records (`notebook.jsonl`), in file order; its malformed lines
  /// are in `errors` with their line numbers.
  public var notebook: [NotebookRecord]

  public init(
    directory: String, recipes: RecipeLibrary, protocols: ProtocolLibrary,
    materials: MaterialsTable, errors: [InputError], notebook: [NotebookRecord] = []
  ) {
    self.notebook = notebook
    self.directory = directory
    self.recipes = recipes
    self.protocols = protocols
    self.materials = materials
    self.errors = errors
  }

  /// The derived numbers of a protocol with this workspace's materials and recipes.
  public func report(_ cellProtocol: CellProtocol) throws -> ProtocolReport {
    try cellProtocol.report(materials: materials, recipes: recipes)
  }

  /// The Assembly pane's view of a protocol.
  public func sheet(for cellProtocol: CellProtocol) throws -> ProtocolSheet {
    ProtocolSheet(cellProtocol: cellProtocol, report: try report(cellProtocol))
  }

  /// The Materials pane's view of a recipe at a batch mass in grams.
  public func sheet(for recipe: Recipe, grams: Double) throws -> RecipeSheet {
    try RecipeSheet.build(recipe: recipe, grams: grams, library: recipes)
  }
}
