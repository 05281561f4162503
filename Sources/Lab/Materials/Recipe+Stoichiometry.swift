import Engine
import Formats

/// Supplied versus needed atoms of one element per product formula unit.
public struct ElementCheck: Sendable, Hashable, Codable {
  public let symbol: String
  public let needed: Double
  public let supplied: Double
  /// supplied / needed − 1 (0 = exact).
  public var relativeDeviation: Double { needed == 0 ? 0 : supplied / needed - 1 }
}

/// Moles of each precursor per mole of product, and how well they balance the product.
public struct StoichiometrySolution: Sendable, Hashable {
  /// Stoichiometric moles of each precursor per mole of product (before excess), recipe order.
  public let molesPerProduct: [Double]
  /// The elements whose balance fixed the amounts (oxygen and hydrogen usually exchange with
  /// the atmosphere and are left out).
  public let balancedElements: [String]
  /// For ratio recipes: product formula units made by one ratio set.
  public let yield: Double?
  public let checks: [ElementCheck]
  /// True when every balanced element is within `tolerance` of the product.
  public let isExact: Bool
  /// A sentence for people.
  public let verdict: String

  /// Relative tolerance on the element balance (0.1 %).
  public static let tolerance = 1e-3
}

extension Recipe {
  /// The elements balanced by default: the product's elements except O and H, which exchange
  /// with the atmosphere (O2 uptake, H2O release) in oxide and hydroxide routes; O, then H, are
  /// added back only when the others leave the amounts undetermined.
  func defaultBalancedElements(product: Formula, precursors: [Precursor]) -> [String] {
    if let explicit = balanceElements { return explicit }
    var elements = product.symbols.filter { $0 != "O" && $0 != "H" }
    for extra in ["O", "H"] where product.count(of: extra) > 0 {
      if Self.rank(of: Self.matrix(elements, precursors)) >= precursors.count { break }
      elements.append(extra)
    }
    return elements
  }

  /// Solves the precursor amounts. Product mode: least squares of the element balance
  /// A·x = b (A[e][j] atoms of element e in precursor j, b[e] atoms in the product) over the
  /// balanced elements, then checks that every balanced element is met within 0.1 % and every
  /// amount is positive. Ratio mode: x = ratio / yield, with the yield (product units per ratio
  /// set) given or fitted as yield = Σₑ sₑbₑ / Σₑ bₑ² (sₑ atoms supplied by one set); the
  /// element checks then say whether the stated ratio makes the product (a deliberate
  /// deviation is reported, not refused). Errors name the recipe file and line.
  public func solveStoichiometry() throws -> StoichiometrySolution {
    guard case .synthesis(let precursors, let stoichiometry) = kind else {
      throw InputError("recipe `\(name)` is a composite: it has no element balance", file: file)
    }
    guard let product else {
      throw InputError("recipe `\(name)` needs a `product` formula to balance against", file: file)
    }
    guard !precursors.isEmpty else {
      throw InputError("recipe `\(name)` has no precursors", file: file)
    }
    let elements = defaultBalancedElements(product: product, precursors: precursors)
    for symbol in elements where !precursors.contains(where: { $0.formula.count(of: symbol) > 0 }) {
      throw InputError(
        "no precursor supplies \(symbol), which the product \(product.text) contains", file: file)
    }
    let a = Self.matrix(elements, precursors)
    let b = elements.map { product.count(of: $0) }
    var moles: [Double]
    var yield: Double?
    switch stoichiometry {
    case .product:
      guard let solution = Self.leastSquares(a, b) else {
        throw InputError(
          "precursor amounts are not fixed by the balance of \(elements.joined(separator: ", ")): "
            + "give molar ratios (`stoichiometry = \"ratio\"`) or `balance_elements`", file: file)
      }
      moles = solution
      for (j, x) in moles.enumerated() where x <= 0 {
        throw InputError(
          "precursor \(precursors[j].displayName) would need \(LabFormat.number(x, digits: 3)) mol "
            + "per mol \(product.text): these precursors cannot make the product",
          file: file, line: precursors[j].line)
      }
    case .ratio(let statedYield):
      var ratios: [Double] = []
      for p in precursors {
        guard let r = p.ratio, r > 0 else {
          throw InputError(
            "precursor \(p.displayName) needs a positive `ratio` in a ratio recipe", file: file,
            line: p.line)
        }
        ratios.append(r)
      }
      let supplied = a.map { row in zip(row, ratios).reduce(0) { $0 + $1.0 * $1.1 } }
      let fitted = zip(supplied, b).reduce(0) { $0 + $1.0 * $1.1 } / b.reduce(0) { $0 + $1 * $1 }
      let y = statedYield ?? fitted
      guard y > 0, y.isFinite else {
        throw InputError("recipe `\(name)`: the ratio set makes no \(product.text)", file: file)
      }
      yield = y
      moles = ratios.map { $0 / y }
    }
    let checks = elements.indices.map { e in
      ElementCheck(
        symbol: elements[e], needed: b[e],
        supplied: zip(a[e], moles).reduce(0) { $0 + $1.0 * $1.1 })
    }
    let worst = checks.max { abs($0.relativeDeviation) < abs($1.relativeDeviation) }
    let exact = (worst.map { abs($0.relativeDeviation) } ?? 0) <= StoichiometrySolution.tolerance
    var verdict: String
    if case .ratio = stoichiometry, let yield {
      let ratioText = precursors.compactMap(\.ratio).map { LabFormat.number($0, digits: 4) }
        .joined(separator: " : ")
      verdict = "ratio \(ratioText) makes \(LabFormat.number(yield, digits: 4)) \(product.text) per set"
    } else {
      verdict = "amounts solved from the element balance of \(product.text)"
    }
    if exact {
      verdict += "; \(elements.joined(separator: ", ")) balanced within 0.1 %"
    } else if let worst {
      let percent = LabFormat.number(worst.relativeDeviation * 100, digits: 3)
      verdict += "; NOT stoichiometric: \(worst.symbol) off by \(percent) %"
    }
    return StoichiometrySolution(
      molesPerProduct: moles, balancedElements: elements, yield: yield, checks: checks,
      isExact: exact, verdict: verdict)
  }

  static func matrix(_ elements: [String], _ precursors: [Precursor]) -> [[Double]] {
    elements.map { symbol in precursors.map { $0.formula.count(of: symbol) } }
  }

  /// Rank of a small dense matrix by Gaussian elimination with partial pivoting.
  static func rank(of matrix: [[Double]]) -> Int {
    var m = matrix
    guard let columns = m.first?.count else { return 0 }
    var rank = 0
    for column in 0..<columns where rank < m.count {
      let pivot = (rank..<m.count).max { abs(m[$0][column]) < abs(m[$1][column]) } ?? rank
      guard abs(m[pivot][column]) > 1e-10 else { continue }
      m.swapAt(rank, pivot)
      for r in 0..<m.count where r != rank {
        let f = m[r][column] / m[rank][column]
        for c in column..<columns { m[r][c] -= f * m[rank][c] }
      }
      rank += 1
    }
    return rank
  }

  /// Least-squares solution of A·x = b through the normal equations AᵀA x = Aᵀb (tiny,
  /// well-scaled systems: a few elements × a few precursors); nil when AᵀA is singular.
  static func leastSquares(_ a: [[Double]], _ b: [Double]) -> [Double]? {
    guard let n = a.first?.count, n > 0 else { return nil }
    var m = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
    for i in 0..<n {
      for j in 0..<n { m[i][j] = a.indices.reduce(0) { $0 + a[$1][i] * a[$1][j] } }
      m[i][n] = a.indices.reduce(0) { $0 + a[$1][i] * b[$1] }
    }
    for column in 0..<n {
      let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) } ?? column
      guard abs(m[pivot][column]) > 1e-10 else { return nil }
      m.swapAt(column, pivot)
      for r in 0..<n where r != column {
        let f = m[r][column] / m[column][column]
        for c in column...n { m[r][c] -= f * m[column][c] }
      }
    }
    return (0..<n).map { m[$0][n] / m[$0][$0] }
  }
}
