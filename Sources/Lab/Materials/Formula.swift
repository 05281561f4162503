/// How much of one element a formula unit contains.
public struct ElementAmount: Sendable, Hashable, Codable {
  public let element: Element
  /// Atoms per formula unit (fractional for non-stoichiometric compounds, e.g. Li 1.3 in LATP).
  public let count: Double

  public init(element: Element, count: Double) {
    self.element = element
    self.count = count
  }
}

/// One `·`-separated part of a formula: the main compound or an adduct such as the water of a
/// hydrate, with its multiplier (5 in `CuSO4·5H2O`).
public struct FormulaComponent: Sendable, Hashable {
  /// The part as written, without the multiplier (`H2O`).
  public let text: String
  public let multiplier: Double
  /// Element amounts of one unit of this part (not multiplied).
  public let amounts: [ElementAmount]

  /// Molar mass of `multiplier` units of this part, g/mol.
  public var molarMass: Double {
    multiplier * amounts.reduce(0) { $0 + $1.count * $1.element.atomicWeight }
  }
}

/// A parsed chemical formula. Built by `Formula.parse`; the element amounts are the totals over
/// groups and hydrate parts, in order of first appearance.
public struct Formula: Sendable, Hashable, CustomStringConvertible {
  /// The formula as written (trimmed).
  public let text: String
  /// The main compound first, then adducts (hydrate water …).
  public let components: [FormulaComponent]
  /// Total atoms per formula unit for each element, in order of first appearance.
  public let amounts: [ElementAmount]

  init(text: String, components: [FormulaComponent]) {
    self.text = text
    self.components = components
    var order: [Element] = []
    var totals: [String: Double] = [:]
    for component in components {
      for amount in component.amounts {
        if totals[amount.element.symbol] == nil { order.append(amount.element) }
        totals[amount.element.symbol, default: 0] += amount.count * component.multiplier
      }
    }
    self.amounts = order.map { ElementAmount(element: $0, count: totals[$0.symbol] ?? 0) }
  }

  public var description: String { text }

  /// Atoms of `symbol` per formula unit (0 when absent).
  public func count(of symbol: String) -> Double {
    amounts.first { $0.element.symbol == symbol }?.count ?? 0
  }

  /// The element symbols in order of first appearance.
  public var symbols: [String] { amounts.map(\.element.symbol) }

  /// Molar mass M = Σ nᵢ·Aᵢ in g/mol, with Aᵢ the standard atomic weights of `PeriodicTable`.
  public var molarMass: Double {
    amounts.reduce(0) { $0 + $1.count * $1.element.atomicWeight }
  }

  /// Molar mass of the adduct parts (hydrate water …), g/mol: the mass a hydrate loses on
  /// drying per mole of compound.
  public var adductMolarMass: Double {
    components.dropFirst().reduce(0) { $0 + $1.molarMass }
  }

  /// Total atoms per formula unit.
  public var atomCount: Double { amounts.reduce(0) { $0 + $1.count } }

  /// Mole (atom) fraction and mass fraction of every element, in order of first appearance.
  public var composition: [ElementShare] {
    let atoms = atomCount
    let mass = molarMass
    return amounts.map {
      ElementShare(
        symbol: $0.element.symbol, count: $0.count,
        moleFraction: atoms > 0 ? $0.count / atoms : 0,
        massFraction: mass > 0 ? $0.count * $0.element.atomicWeight / mass : 0)
    }
  }
}

/// One element's share of a formula.
public struct ElementShare: Sendable, Hashable, Codable {
  public let symbol: String
  /// Atoms per formula unit.
  public let count: Double
  /// Atom fraction nᵢ / Σn.
  public let moleFraction: Double
  /// Mass fraction nᵢAᵢ / M.
  public let massFraction: Double
}
