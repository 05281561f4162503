extension RecipeBatch {
  /// The first number of the weigh-out sheet that is not finite, named as a person reads it;
  /// nil when every mass, amount and time is a number. A purity of 1e-320 % or an excess of
  /// 1e308 % parses as a positive number but divides or multiplies to inf, and a sheet must
  /// never print `inf g` or `nan g`.
  func firstNonFiniteQuantity() -> String? {
    var named: [(String, Double)] = [("the product mass", productGrams), ("the total time", totalHours)]
    if let productMoles { named.append(("the product amount", productMoles)) }
    for line in precursors {
      named += [("the pure mass of \(line.formula)", line.pureMassGrams), ("the weigh-out of \(line.formula)", line.weighMassGrams)]
      if let moles = line.moles { named.append(("the amount of \(line.formula)", moles)) }
    }
    if let balance = massBalance {
      named += [
        ("the weighed total", balance.weighedGrams), ("the reaction volatiles", balance.reactionVolatilesGrams),
        ("the excess precursor mass", balance.excessPrecursorGrams), ("the impurities", balance.impuritiesGrams),
        ("the solvent mass", balance.solventGrams), ("the hydrate water", balance.hydrateWaterGrams),
      ]
      named += balance.releasedMoles.sorted { $0.key < $1.key }.map { ("the released \($0.key)", $0.value) }
    }
    for step in steps {
      if let powder = step.powderMassGrams { named.append(("the powder mass of step \(step.number)", powder)) }
      if let balls = step.ballMassGrams { named.append(("the ball mass of step \(step.number)", balls)) }
      named.append(("the duration of step \(step.number)", step.hours))
    }
    if let (what, _) = named.first(where: { !$0.1.isFinite }) { return what }
    return subBatches.lazy.compactMap { $0.firstNonFiniteQuantity() }.first
  }
}
