import Formats
import Foundation

/// Checks that a list of symmetry operations read from a file is a whole space group in the
/// file's setting, so a truncated list, operators of another setting, or a wrong cell is an error
/// rather than a wrong pattern.
enum SpaceGroupValidation {
  /// Order of the point group of space groups 1…230 (International Tables Vol. A, Table 10.1.2.2
  /// read by crystal class): the number of distinct rotation parts.
  static func pointGroupOrder(spaceGroupNumber n: Int) -> Int? {
    switch n {
    case 1: return 1
    case 2...9: return 2  // 1̄, 2, m
    case 10...15: return 4  // 2/m
    case 16...46: return 4  // 222, mm2
    case 47...74: return 8  // mmm
    case 75...82: return 4  // 4, 4̄
    case 83...122: return 8  // 4/m, 422, 4mm, 4̄2m
    case 123...142: return 16  // 4/mmm
    case 143...146: return 3  // 3
    case 147...161: return 6  // 3̄, 32, 3m
    case 162...167: return 12  // 3̄m
    case 168...176: return 6  // 6, 6̄, (6/m is 12, below)
    case 177...190: return 12  // 622, 6mm, 6̄m2
    case 191...194: return 24  // 6/mmm
    case 195...199: return 12  // 23
    case 200...220: return 24  // m3̄, 432, 4̄3m
    case 221...230: return 48  // m3̄m
    default: return nil
    }
  }

  /// 6/m (175, 176) has order 12, not 6.
  static func expectedRotations(spaceGroupNumber n: Int) -> Int? {
    (n == 175 || n == 176) ? 12 : pointGroupOrder(spaceGroupNumber: n)
  }

  /// Lattice centring translations implied by the first letter of a Hermann–Mauguin symbol:
  /// P 1, A/B/C/I 2, F 4, R 3 on hexagonal axes (γ = 120°) and 1 on rhombohedral axes.
  static func centringCount(symbol: String, cell: UnitCell) -> Int? {
    guard let letter = symbol.trimmingCharacters(in: .whitespaces).first?.uppercased() else { return nil }
    switch letter {
    case "P": return 1
    case "A", "B", "C", "I": return 2
    case "F": return 4
    case "R", "H": return abs(cell.gamma - 120) < 0.5 ? 3 : 1
    default: return nil
    }
  }

  /// Throws unless the operations contain the identity, are distinct, close under composition
  /// (modulo lattice translations), preserve the cell metric (RᵀGR = G), and — when the file
  /// names them — match the space group number's point-group order and the symbol's centring.
  /// `lines[i]` is the file line of operation i (for messages).
  static func validate(_ operations: [SymmetryOperation], lines: [Int], cell: UnitCell,
                       symbol: String?, number: Int?) throws(InputError) {
    let line = { (i: Int) in i < lines.count ? lines[i] : nil }
    guard operations.contains(where: { $0.isEquivalent(to: .identity) }) else {
      throw InputError("the identity x,y,z among the symmetry operators", line: line(0))
    }
    for i in operations.indices {
      for j in 0..<i where operations[i].isEquivalent(to: operations[j]) {
        throw InputError("distinct symmetry operators ('\(operations[i])' is listed twice)", line: line(i))
      }
    }
    // Metric invariance: a rotation of the cell's lattice maps G to itself. A mismatch means the
    // operators belong to another setting (e.g. hexagonal operators with a rhombohedral cell).
    let g = cell.metric
    let scale = max(g[0], g[4], g[8])
    for (i, op) in operations.enumerated() {
      let r = op.rotation.map(Double.init)
      for p in 0..<3 {
        for q in 0..<3 {
          var sum = 0.0
          for k in 0..<3 { for l in 0..<3 { sum += r[3 * k + p] * g[3 * k + l] * r[3 * l + q] } }
          if abs(sum - g[3 * p + q]) > 2e-3 * scale {
            throw InputError("""
              symmetry operators of the cell's setting: '\(op)' does not map the cell \
              (a \(cell.a), b \(cell.b), c \(cell.c) Å, α \(cell.alpha)°, β \(cell.beta)°, γ \(cell.gamma)°) onto itself; \
              the operators belong to another setting or the cell is wrong
              """, line: line(i))
          }
        }
      }
    }
    // Closure: a list with an operator missing is not a group.
    // Rotations as inline 3×3 integer matrices and a 63-bit key (7 bits per element), so the
    // n² products allocate nothing and hash one integer. Listed elements are at most 6 in
    // magnitude; a product element beyond ±60 cannot be in the list.
    func key(_ m: SIMD16<Int32>) -> UInt64? {
      var k: UInt64 = 0
      for i in 0..<9 {
        guard abs(m[i]) <= 60 else { return nil }
        k = k << 7 | UInt64(m[i] + 64)
      }
      return k
    }
    let compact: [(r: SIMD16<Int32>, t: SIMD3<Double>)] = operations.map { op in
      var m = SIMD16<Int32>()
      for i in 0..<9 { m[i] = Int32(op.rotation[i]) }
      return (m, op.translation)
    }
    var translationsByRotation: [UInt64: [SIMD3<Double>]] = [:]
    for op in compact { if let k = key(op.r) { translationsByRotation[k, default: []].append(op.t) } }
    for (i, a) in compact.enumerated() {
      for (j, b) in compact.enumerated() {
        var r = SIMD16<Int32>()
        for row in 0..<3 {
          for column in 0..<3 {
            r[3 * row + column] = a.r[3 * row] &* b.r[column] &+ a.r[3 * row + 1] &* b.r[3 + column]
              &+ a.r[3 * row + 2] &* b.r[6 + column]
          }
        }
        let t = SIMD3<Double>(
          Double(a.r[0]) * b.t.x + Double(a.r[1]) * b.t.y + Double(a.r[2]) * b.t.z,
          Double(a.r[3]) * b.t.x + Double(a.r[4]) * b.t.y + Double(a.r[5]) * b.t.z,
          Double(a.r[6]) * b.t.x + Double(a.r[7]) * b.t.y + Double(a.r[8]) * b.t.z) + a.t
        let found = key(r).flatMap { translationsByRotation[$0] }?.contains { candidate in
          let d = candidate - t
          let w = d - d.rounded(.toNearestOrAwayFromZero)
          return abs(w.x) <= 1e-4 && abs(w.y) <= 1e-4 && abs(w.z) <= 1e-4
        } ?? false
        if !found {
          let product = operations[i].composed(with: operations[j])
          throw InputError("""
            a complete list of symmetry operators: '\(operations[i])' ∘ '\(operations[j])' = '\(product)' is not in the list \
            (\(operations.count) operators; some are missing or mistyped)
            """, line: line(0))
        }
      }
    }
    var rotations: [[Int]] = []
    for op in operations where !rotations.contains(op.rotation) { rotations.append(op.rotation) }
    let centring = operations.count / rotations.count
    if let number {
      guard let expected = expectedRotations(spaceGroupNumber: number) else {
        throw InputError("a space group number from 1 to 230 (got \(number))")
      }
      guard expected == rotations.count else {
        throw InputError("""
          the \(expected) rotations of space group \(number); the operators listed have \(rotations.count) \
          distinct rotations (\(operations.count) operators) — a different group or an incomplete list
          """, line: line(0))
      }
    }
    if let symbol, let expected = centringCount(symbol: symbol, cell: cell), expected != centring {
      throw InputError("""
        \(expected) centring translation\(expected == 1 ? "" : "s") for '\(symbol)' in this cell's setting; \
        the operators listed have \(centring) — the setting (e.g. R on hexagonal or rhombohedral axes) \
        does not match the operators
        """, line: line(0))
    }
  }
}
