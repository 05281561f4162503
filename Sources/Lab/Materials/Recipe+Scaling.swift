import Engine
import Formats

extension Recipe {
  /// Scales the recipe to `productGrams` of product.
  ///
  /// Synthesis: n_product = m / M_product; each precursor's moles nⱼ = xⱼ·(1 + excessⱼ/100)·n
  /// with xⱼ from `solveStoichiometry()`; pure mass = nⱼ·Mⱼ (Mⱼ includes hydrate water);
  /// weigh-out = pure / fⱼ with fⱼ the purity or the solution's mass fraction (impurities taken
  /// as inert). Composite: component mass = m · partsᵢ / Σ parts, weigh-out = mass / purity; a
  /// component made by another recipe is scaled through `resolve` into `subBatches`.
  /// Ball mass = ball-to-powder ratio × powder mass. Errors (non-positive mass, unknown or
  /// cyclic references, unsolvable balance) are `InputError`s naming the file and line.
  public func scaled(
    toGrams productGrams: Double, resolve: (String) -> Recipe? = { _ in nil }
  ) throws -> RecipeBatch {
    try scaled(toGrams: productGrams, resolve: resolve, visiting: [])
  }

  private func scaled(
    toGrams productGrams: Double, resolve: (String) -> Recipe?, visiting: [String]
  ) throws -> RecipeBatch {
    guard productGrams > 0, productGrams.isFinite else {
      throw InputError("batch mass must be a positive number of grams, got \(productGrams)")
    }
    if visiting.contains(name) {
      throw InputError(
        "recipe references form a cycle: \((visiting + [name]).joined(separator: " → "))",
        file: file)
    }
    let batch: RecipeBatch
    switch kind {
    case .synthesis(let precursors, _):
      batch = try scaledSynthesis(productGrams, precursors)
    case .composite(let components):
      batch = try scaledComposite(productGrams, components, resolve, visiting + [name])
    }
    if let quantity = batch.firstNonFiniteQuantity() {
      throw InputError(
        "cannot scale `\(name)` to \(productGrams) g: \(quantity) is not a finite number"
          + " (an extreme purity, excess, ratio or amount in the recipe)", file: file)
    }
    return batch
  }

  private func scaledSynthesis(_ productGrams: Double, _ precursors: [Precursor]) throws
    -> RecipeBatch
  {
    let solution = try solveStoichiometry()
    guard let product else { throw InputError("recipe `\(name)` has no product", file: file) }
    let productMoles = productGrams / product.molarMass
    var lines: [PrecursorLine] = []
    var stoichiometricPure = 0.0
    var excessGrams = 0.0
    var impurities = 0.0
    var solvent = 0.0
    var hydrateWater = 0.0
    var surplus: [String: Double] = [:]
    for (j, p) in precursors.enumerated() {
      let stoichiometricMoles = solution.molesPerProduct[j] * productMoles
      let moles = stoichiometricMoles * (1 + p.excessPercent / 100)
      let pure = moles * p.formula.molarMass
      let weigh = pure / p.activeFraction
      stoichiometricPure += stoichiometricMoles * p.formula.molarMass
      excessGrams += pure - stoichiometricMoles * p.formula.molarMass
      hydrateWater += stoichiometricMoles * p.formula.adductMolarMass
      if p.solutionWeightPercent != nil { solvent += weigh - pure } else { impurities += weigh - pure }
      for amount in p.formula.amounts {
        surplus[amount.element.symbol, default: 0] += amount.count * stoichiometricMoles
      }
      lines.append(
        PrecursorLine(
          formula: p.formula.text, label: p.label, moles: moles, pureMassGrams: pure,
          weighMassGrams: weigh, purityPercent: p.activeFraction * 100,
          basis: p.solutionWeightPercent == nil ? "purity" : "solution",
          excessPercent: p.excessPercent))
    }
    for amount in product.amounts {
      surplus[amount.element.symbol, default: 0] -= amount.count * productMoles
    }
    let massBalance = MassBalance(
      weighedGrams: lines.reduce(0) { $0 + $1.weighMassGrams }, productGrams: productGrams,
      reactionVolatilesGrams: stoichiometricPure - productGrams, excessPrecursorGrams: excessGrams,
      impuritiesGrams: impurities, solventGrams: solvent, hydrateWaterGrams: hydrateWater,
      releasedMoles: Self.releasedSpecies(surplus, scale: productMoles))
    let (steps, total, profile) = processLines(
      powderBeforeHeat: massBalance.weighedGrams - solvent, powderAfterHeat: productGrams)
    return RecipeBatch(
      recipeName: name, title: title, product: product.text, productGrams: productGrams,
      productMoles: productMoles, precursors: lines, stoichiometry: solution,
      chargeBalance: product.chargeBalance(), massBalance: massBalance, mixtureDescription: nil,
      steps: steps, totalHours: total, heatProfile: profile, subBatches: [])
  }

  /// Turns the element surplus (moles supplied − moles in the product) into released species:
  /// all H as H2O, the O left over as O2; other elements by themselves. Amounts below 1e-9 of
  /// the product moles are rounding noise and dropped.
  static func releasedSpecies(_ surplus: [String: Double], scale: Double) -> [String: Double] {
    let noise = 1e-9 * max(scale, 1e-300)
    var released: [String: Double] = [:]
    let hydrogen = surplus["H"] ?? 0
    var oxygen = surplus["O"] ?? 0
    if hydrogen > noise {
      released["H2O"] = hydrogen / 2
      oxygen -= hydrogen / 2
    }
    if abs(oxygen) > noise { released["O2"] = oxygen / 2 }
    for (symbol, moles) in surplus where symbol != "H" && symbol != "O" && abs(moles) > noise {
      released[symbol] = moles
    }
    return released
  }

  private func scaledComposite(
    _ productGrams: Double, _ components: [CompositeComponent], _ resolve: (String) -> Recipe?,
    _ visiting: [String]
  ) throws -> RecipeBatch {
    let totalParts = components.reduce(0) { $0 + $1.massParts }
    guard totalParts > 0 else {
      throw InputError("composite `\(name)` has no positive mass parts", file: file)
    }
    var lines: [PrecursorLine] = []
    var subBatches: [RecipeBatch] = []
    for component in components {
      let mass = productGrams * component.massParts / totalParts
      var formula = component.formula
      if let reference = component.recipe {
        guard let recipe = resolve(reference) else {
          throw InputError(
            "unknown recipe `\(reference)` (component \(component.name))", file: file,
            line: component.line)
        }
        formula = formula ?? recipe.product
        subBatches.append(try recipe.scaled(toGrams: mass, resolve: resolve, visiting: visiting))
      }
      lines.append(
        PrecursorLine(
          formula: formula?.text ?? component.name,
          label: component.name == formula?.text ? nil : component.name,
          moles: formula.map { mass / $0.molarMass }, pureMassGrams: mass,
          weighMassGrams: mass / (component.purityPercent / 100),
          purityPercent: component.purityPercent, basis: "purity", excessPercent: 0))
    }
    let shares = components.map {
      "\(LabFormat.number($0.massParts / totalParts * 100, digits: 3)) % \($0.name)"
    }
    let (steps, total, profile) = processLines(
      powderBeforeHeat: lines.reduce(0) { $0 + $1.weighMassGrams }, powderAfterHeat: productGrams)
    return RecipeBatch(
      recipeName: name, title: title, product: product?.text, productGrams: productGrams,
      productMoles: product.map { productGrams / $0.molarMass }, precursors: lines,
      stoichiometry: nil, chargeBalance: nil, massBalance: nil,
      mixtureDescription: shares.joined(separator: ", ") + " by mass", steps: steps,
      totalHours: total, heatProfile: profile, subBatches: subBatches)
  }
}
