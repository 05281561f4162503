/// A starting material as weighed: a compound of stated purity, or a solution of stated strength.
public struct Precursor: Sendable, Hashable {
  public var formula: Formula
  /// What the label says when it differs from the formula ("nano Al2O3").
  public var label: String?
  /// Assay in percent of the weighed solid (99.9 for Li2S); 100 when not stated.
  public var purityPercent: Double
  /// For a solution: the compound's mass percent in it (85 for 85 wt % H3PO4); the remainder is
  /// solvent that leaves on drying. nil for a solid.
  public var solutionWeightPercent: Double?
  /// Molar ratio for `Stoichiometry.ratio` recipes.
  public var ratio: Double?
  /// Extra percent of this precursor beyond the stoichiometric amount (Li +5 % against loss).
  public var excessPercent: Double
  /// Line of the entry in its file, for messages.
  public var line: Int?

  public init(
    formula: Formula, label: String? = nil, purityPercent: Double = 100,
    solutionWeightPercent: Double? = nil, ratio: Double? = nil, excessPercent: Double = 0,
    line: Int? = nil
  ) {
    self.formula = formula
    self.label = label
    self.purityPercent = purityPercent
    self.solutionWeightPercent = solutionWeightPercent
    self.ratio = ratio
    self.excessPercent = excessPercent
    self.line = line
  }

  /// Mass fraction of the weighed material that is the compound: wt % of a solution, else the
  /// purity.
  public var activeFraction: Double { (solutionWeightPercent ?? purityPercent) / 100 }

  public var displayName: String { label ?? formula.text }
}

/// How a synthesis recipe fixes its precursor amounts.
public enum Stoichiometry: Sendable, Hashable {
  /// Molar ratios as stated in the recipe; `yield` is the number of product formula units one
  /// ratio set makes (2 for 5 Li2S : 1 P2S5 : 2 LiCl → 2 Li6PS5Cl). nil: solved from the
  /// element balance.
  case ratio(yield: Double?)
  /// Amounts solved from the element balance of the product.
  case product
}

/// One ingredient of a composite (mixture made by mass ratio).
public struct CompositeComponent: Sendable, Hashable {
  /// Display name ("LPSC", "Super P").
  public var name: String
  /// Another recipe of the workspace this component is made by, if any.
  public var recipe: String?
  /// The component's formula when known (LiCoO2, C), for moles.
  public var formula: Formula?
  /// Mass parts (8 in 8 : 2).
  public var massParts: Double
  public var purityPercent: Double
  public var line: Int?

  public init(
    name: String, recipe: String? = nil, formula: Formula? = nil, massParts: Double,
    purityPercent: Double = 100, line: Int? = nil
  ) {
    self.name = name
    self.recipe = recipe
    self.formula = formula
    self.massParts = massParts
    self.purityPercent = purityPercent
    self.line = line
  }
}

/// What a recipe combines: precursors that react to a product, or finished materials mixed by
/// mass.
public enum RecipeKind: Sendable, Hashable {
  case synthesis(precursors: [Precursor], stoichiometry: Stoichiometry)
  case composite(components: [CompositeComponent])
}

/// A materials recipe, read from a TOML file of a workspace's `recipes/` folder.
public struct Recipe: Sendable, Hashable {
  /// Short name used to refer to it (`LPSC`, `8S-2O`).
  public var name: String
  /// A longer description.
  public var title: String
  /// The product's formula (nil for composites and other mixtures).
  public var product: Formula?
  public var kind: RecipeKind
  /// Elements whose balance fixes the amounts; nil = the default (see `balancedElements`).
  public var balanceElements: [String]?
  public var steps: [ProcessStep]
  /// Free text: source, assumptions.
  public var notes: [String]
  /// The file it came from, for messages.
  public var file: String?

  public init(
    name: String, title: String, product: Formula?, kind: RecipeKind,
    balanceElements: [String]? = nil, steps: [ProcessStep] = [], notes: [String] = [],
    file: String? = nil
  ) {
    self.name = name
    self.title = title
    self.product = product
    self.kind = kind
    self.balanceElements = balanceElements
    self.steps = steps
    self.notes = notes
    self.file = file
  }

  /// References to other recipes (composite components), for lookup and cycle checks.
  public var referencedRecipes: [String] {
    guard case .composite(let components) = kind else { return [] }
    return components.compactMap(\.recipe)
  }
}
