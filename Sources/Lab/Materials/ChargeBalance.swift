/// One element's oxidation state in a charge-balance assignment.
public struct OxidationAssignment: Sendable, Hashable, Codable {
  public let symbol: String
  public let state: Int
  /// Atoms per formula unit.
  public let count: Double
}

/// The outcome of a charge-balance check: the assignment of common oxidation states whose total
/// charge is closest to zero (preferring each element's most common states), and whether it is
/// within tolerance.
public struct ChargeBalance: Sendable, Hashable {
  public let isBalanced: Bool
  /// One state per element, in the formula's element order; empty when some element has no
  /// common oxidation state.
  public let assignment: [OxidationAssignment]
  /// Σ nᵢ·zᵢ of `assignment`, in elementary charges per formula unit.
  public let residualCharge: Double
  /// A sentence for people: the assignment, or why none balances.
  public let explanation: String
}

extension Formula {
  /// Charge-balance check: searches one common oxidation state zᵢ per element
  /// (`Element.commonOxidationStates`) so that Σ nᵢ·zᵢ = 0 within `tolerance` elementary charges
  /// per formula unit. The default 0.02 absorbs subscripts rounded to two decimals
  /// (Li0.33La0.56TiO3 sums to +0.01) but no whole-electron error: the source's typo
  /// Li1.3Al0.3Ti1.7(PO3)4 leaves +5 with P(V) and −3 with P(III) and is reported unbalanced.
  /// Mixed valence of one element (Fe3O4) is deliberately not tried — it would let almost any
  /// typo balance. A single-element formula (a metal foil, carbon) is balanced at state 0.
  /// Among balanced assignments the one using the most common states (lowest summed rank in
  /// each element's list) wins.
  public func chargeBalance(tolerance: Double = 0.02) -> ChargeBalance {
    if amounts.count == 1, let only = amounts.first {
      return ChargeBalance(
        isBalanced: true,
        assignment: [OxidationAssignment(symbol: only.element.symbol, state: 0, count: only.count)],
        residualCharge: 0, explanation: "element, oxidation state 0")
    }
    if let missing = amounts.first(where: { $0.element.commonOxidationStates.isEmpty }) {
      return ChargeBalance(
        isBalanced: false, assignment: [], residualCharge: .nan,
        explanation: "no common oxidation state is known for \(missing.element.symbol)")
    }
    let states = amounts.map(\.element.commonOxidationStates)
    let counts = amounts.map(\.count)
    // Bounds of the charge the remaining elements can still contribute, for pruning.
    var minRest = [Double](repeating: 0, count: counts.count + 1)
    var maxRest = [Double](repeating: 0, count: counts.count + 1)
    for i in stride(from: counts.count - 1, through: 0, by: -1) {
      let values = states[i].map { Double($0) * counts[i] }
      minRest[i] = minRest[i + 1] + (values.min() ?? 0)
      maxRest[i] = maxRest[i + 1] + (values.max() ?? 0)
    }
    var bestBalanced: (rank: Int, choice: [Int], sum: Double)?
    var bestNear: (residual: Double, choice: [Int])?
    var choice = [Int](repeating: 0, count: counts.count)
    func search(_ i: Int, _ sum: Double, _ rank: Int) {
      if i == counts.count {
        if abs(sum) <= tolerance {
          if bestBalanced == nil || rank < bestBalanced?.rank ?? Int.max {
            bestBalanced = (rank, choice, sum)
          }
        } else if bestNear == nil || abs(sum) < bestNear?.residual ?? .infinity {
          bestNear = (abs(sum), choice)
        }
        return
      }
      // Branch and bound: the remaining elements can bring the total only into
      // [sum + minRest, sum + maxRest]; skip a branch that can neither balance nor (while
      // nothing balances) come closer to zero than the best so far.
      let distance = max(0, sum + minRest[i], -(sum + maxRest[i]))
      if distance > tolerance,
        bestBalanced != nil || distance >= bestNear?.residual ?? .infinity
      {
        return
      }
      for (k, z) in states[i].enumerated() {
        choice[i] = k
        search(i + 1, sum + Double(z) * counts[i], rank + k)
      }
    }
    search(0, 0, 0)
    let picked = bestBalanced?.choice ?? bestNear?.choice ?? choice
    let assignment = amounts.indices.map {
      OxidationAssignment(
        symbol: amounts[$0].element.symbol, state: states[$0][picked[$0]], count: counts[$0])
    }
    let residual = assignment.reduce(0) { $0 + Double($1.state) * $1.count }
    let listing = assignment.map { "\($0.symbol)\(Self.signed($0.state))" }.joined(separator: " ")
    if bestBalanced != nil {
      return ChargeBalance(
        isBalanced: true, assignment: assignment, residualCharge: residual,
        explanation: "balanced: \(listing)")
    }
    return ChargeBalance(
      isBalanced: false, assignment: assignment, residualCharge: residual,
      explanation: "not charge-balanced: closest is \(listing), net charge "
        + "\(LabFormat.number(residual, digits: 3)) per formula unit")
  }

  static func signed(_ z: Int) -> String { z > 0 ? "+\(z)" : z == 0 ? "0" : "−\(-z)" }
}
