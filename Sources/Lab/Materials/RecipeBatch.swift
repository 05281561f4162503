/// One row of a batch: what to weigh of one precursor or composite component.
public struct PrecursorLine: Sendable, Hashable, Codable {
  /// Formula (or component name when it has none).
  public let formula: String
  public let label: String?
  /// Moles of the compound (nil for a component without formula).
  public let moles: Double?
  /// Mass of the pure compound, g.
  public let pureMassGrams: Double
  /// Mass to put on the balance, g: pure mass / (purity or solution strength).
  public let weighMassGrams: Double
  /// Percent of the weighed mass that is the compound (purity, or wt % of a solution).
  public let purityPercent: Double
  /// "purity" or "solution".
  public let basis: String
  public let excessPercent: Double
}

/// Where the weighed mass goes, g. weighed = product + reactionVolatiles + excessPrecursor +
/// impurities + solvent.
public struct MassBalance: Sendable, Hashable, Codable {
  public let weighedGrams: Double
  public let productGrams: Double
  /// Mass the reaction releases from stoichiometric amounts (hydrate water, H2O from hydroxides
  /// and acids, O2 …) = Σ pure stoichiometric masses − product.
  public let reactionVolatilesGrams: Double
  /// Pure mass of the stated excess (assumed lost, e.g. Li volatilisation).
  public let excessPrecursorGrams: Double
  /// Weighed − pure of solids: the impurity fraction of the reagents.
  public let impuritiesGrams: Double
  /// Weighed − pure of solutions: the solvent (water of 85 wt % H3PO4), lost on drying.
  public let solventGrams: Double
  /// Of the reaction volatiles: water from hydrates' crystal water, g.
  public let hydrateWaterGrams: Double
  /// The released species per batch in moles ("H2O": 0.0168, "O2": …), from the element
  /// surplus: H leaves as H2O, remaining O as O2 (negative O2 = taken up from the atmosphere),
  /// any other surplus element is listed by itself.
  public let releasedMoles: [String: Double]
}

/// A process step of a scaled batch.
public struct StepLine: Sendable, Hashable, Codable {
  public let number: Int
  public let summary: String
  public let hours: Double
  /// Powder in the vial for a milling step, g (weighed total before any heat treatment, the
  /// product mass after one).
  public let powderMassGrams: Double?
  /// Ball mass from the ball-to-powder ratio, g.
  public let ballMassGrams: Double?
  public let line: Int?
}

/// A point of the temperature programme: process time since the start, h, and temperature, °C.
public struct HeatPoint: Sendable, Hashable, Codable {
  public let hours: Double
  public let celsius: Double
}

/// A recipe scaled to a product mass: the weigh-out sheet and the process totals.
public struct RecipeBatch: Sendable, Hashable {
  public let recipeName: String
  public let title: String
  /// Product formula text (nil for a composite).
  public let product: String?
  public let productGrams: Double
  /// Moles of product (nil without a formula).
  public let productMoles: Double?
  public let precursors: [PrecursorLine]
  public let stoichiometry: StoichiometrySolution?
  public let chargeBalance: ChargeBalance?
  public let massBalance: MassBalance?
  /// For composites: "80 % LPSC, 20 % LATP by mass".
  public let mixtureDescription: String?
  public let steps: [StepLine]
  /// Sum of step durations including ramps and cooling, h.
  public let totalHours: Double
  /// The temperature–time profile of the whole process (room temperature between heat steps).
  public let heatProfile: [HeatPoint]
  /// Batches of the components that are made by other recipes (composites).
  public let subBatches: [RecipeBatch]

  /// Σ weigh-out masses, g.
  public var weighedGrams: Double { precursors.reduce(0) { $0 + $1.weighMassGrams } }
}
