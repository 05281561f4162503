import Engine

/// The material-properties table: built-in values with sources, overridable from a workspace's
/// `materials.toml`. Composite materials (a recipe of components by mass) get their density by
/// the rule of mixtures, 1/ρ = Σ wᵢ/ρᵢ (volumes add; no porosity inside the particles).
public struct MaterialsTable: Sendable, Hashable {
  public var entries: [MaterialProperty]
  /// Relative density of a cold-pressed powder layer when its material gives none.
  ///
  /// 0.85: argyrodite Li6PS5Cl pellets cold-pressed at ~300–400 MPa reach roughly 80–90 % of the
  /// crystallographic density (pressure series of Doux et al., J. Mater. Chem. A 8, 5049 (2020),
  /// "Pressure effects on sulfide electrolytes for all solid-state batteries"). It is an
  /// estimate for a pressed layer, not a measured value of the study; override it in
  /// materials.toml (`default_relative_density`) or per material.
  public var defaultRelativeDensity: Double

  public init(entries: [MaterialProperty], defaultRelativeDensity: Double = 0.85) {
    self.entries = entries
    self.defaultRelativeDensity = defaultRelativeDensity
  }

  /// The built-in table.
  public static let builtIn = MaterialsTable(entries: [
    MaterialProperty(
      name: "LPSC", formula: "Li6PS5Cl", densityGramsPerCm3: 1.87,
      source: "crystallographic, as the study gives it (paper.md); a = 9.85 Å, Z = 4 gives 1.865"),
    MaterialProperty(
      name: "LATP", formula: "Li1.3Al0.3Ti1.7(PO4)3", densityGramsPerCm3: 2.9,
      source: "X-ray density of NASICON LATP, a = 8.50 Å, c = 20.84 Å, Z = 6 → 2.93 g/cm³"),
    MaterialProperty(
      name: "LiCoO2", formula: "LiCoO2", densityGramsPerCm3: 5.05,
      specificCapacityMilliampHoursPerGram: 160,
      source: "X-ray density (a = 2.816 Å, c = 14.05 Å, Z = 3); 1C = 160 mA/g is the study's convention"),
    MaterialProperty(
      name: "Li", formula: "Li", densityGramsPerCm3: 0.534, relativeDensity: 1,
      specificCapacityMilliampHoursPerGram: 3860,
      source: "CRC Handbook (20 °C); 3860 mAh/g = F/(3.6·M_Li)"),
    MaterialProperty(
      name: "Super P", formula: "C", densityGramsPerCm3: 2.0,
      source: "assumption: skeletal density of conductive carbon black, typically 1.8–2.1 g/cm³"),
    MaterialProperty(
      name: "Au", formula: "Au", densityGramsPerCm3: 19.32, relativeDensity: 1,
      source: "CRC Handbook (20 °C)"),
    MaterialProperty(
      name: "SS", densityGramsPerCm3: 7.93, relativeDensity: 1,
      source: "AISI 304 stainless steel, handbook value"),
  ])

  /// The entry called `name`, or whose formula is `name` (case-insensitive).
  public func entry(_ name: String) -> MaterialProperty? {
    let key = name.lowercased()
    return entries.first { $0.name.lowercased() == key }
      ?? entries.first { $0.formula?.lowercased() == key }
  }

  /// Adds or replaces an entry (by name).
  public mutating func set(_ property: MaterialProperty) {
    if let i = entries.firstIndex(where: { $0.name.lowercased() == property.name.lowercased() }) {
      entries[i] = property
    } else {
      entries.append(property)
    }
  }

  /// The density of `name`: a table entry, else a composite recipe of `recipes` by the rule of
  /// mixtures over its components (each found by recipe, name or formula), else the entry
  /// matching a synthesis recipe's product formula. nil when nothing is known.
  public func density(of name: String, recipes: RecipeLibrary = RecipeLibrary()) -> ResolvedDensity? {
    density(of: name, recipes: recipes, visiting: [])
  }

  private func density(of name: String, recipes: RecipeLibrary, visiting: Set<String>)
    -> ResolvedDensity?
  {
    if let entry = entry(name) {
      return ResolvedDensity(
        gramsPerCm3: entry.densityGramsPerCm3,
        relativeDensity: entry.relativeDensity ?? defaultRelativeDensity, source: entry.source)
    }
    guard !visiting.contains(name), let recipe = recipes.recipe(named: name) else { return nil }
    switch recipe.kind {
    case .synthesis:
      guard let product = recipe.product, let entry = entry(product.text) else { return nil }
      return ResolvedDensity(
        gramsPerCm3: entry.densityGramsPerCm3,
        relativeDensity: entry.relativeDensity ?? defaultRelativeDensity, source: entry.source)
    case .composite(let components):
      let total = components.reduce(0) { $0 + $1.massParts }
      var specificVolume = 0.0
      var names: [String] = []
      for component in components {
        let candidates = [component.recipe, component.name, component.formula?.text].compactMap { $0 }
        guard
          let part = candidates.lazy.compactMap({
            self.density(of: $0, recipes: recipes, visiting: visiting.union([name]))
          }).first
        else { return nil }
        specificVolume += component.massParts / total / part.gramsPerCm3
        names.append(
          "\(LabFormat.number(component.massParts / total * 100, digits: 3)) % \(component.name) "
            + "\(LabFormat.number(part.gramsPerCm3, digits: 3))")
      }
      guard specificVolume > 0 else { return nil }
      return ResolvedDensity(
        gramsPerCm3: 1 / specificVolume, relativeDensity: defaultRelativeDensity,
        source: "rule of mixtures (" + names.joined(separator: ", ") + " g/cm³)")
    }
  }
}
