import Formats
import Foundation

/// Least-squares refinement of lattice parameters from indexed powder peak positions.
///
/// Model: 1/d² = Q(hkl) is linear in the reciprocal-metric unknowns of the crystal system —
/// cubic Q = (h² + k² + l²) A; tetragonal (h² + k²) A + l² C; hexagonal (and trigonal on
/// hexagonal axes) 4/3 (h² + hk + k²) A + l² C; orthorhombic h² A + k² B + l² C, with A = 1/a²,
/// B = 1/b², C = 1/c² — and 2θ = 2 asin(λ √Q / 2). The unknowns minimise Σ (2θ_obs − 2θ_calc)²
/// (equal weights in 2θ, no zero shift), by Gauss–Newton from the linear solution in Q; standard
/// errors are s √diag((JᵀJ)⁻¹) with s² = Σ r² / (n − p), propagated to a = A^(−1/2) as
/// σ_a = a³ σ_A / 2. Monoclinic and triclinic cells are not handled.
public struct LatticeRefinement: Sendable {
  public enum CrystalSystem: String, Sendable {
    case cubic, tetragonal, hexagonal, orthorhombic
  }

  public struct IndexedPeak: Sendable, Equatable {
    public var h: Int, k: Int, l: Int
    /// Observed 2θ, degrees.
    public var twoTheta: Double
    public init(h: Int, k: Int, l: Int, twoTheta: Double) {
      self.h = h; self.k = k; self.l = l; self.twoTheta = twoTheta
    }
  }

  public var system: CrystalSystem
  /// Refined edges a, b, c (Å; b = a and c = a where the system ties them) and their standard
  /// errors (nil when n = p: no degrees of freedom).
  public var a: Double, b: Double, c: Double
  public var aError: Double?, bError: Double?, cError: Double?
  /// 2θ_obs − 2θ_calc per peak, degrees.
  public var residuals: [Double]
  /// √(Σ r² / (n − p)), degrees (nil when n = p).
  public var standardDeviation: Double?

  /// The crystal system of a cell (angles within 0.01°, edges within 10⁻⁴ relative); nil for
  /// monoclinic and triclinic cells.
  public static func system(of cell: UnitCell) -> CrystalSystem? {
    let right = [cell.alpha, cell.beta].allSatisfy { abs($0 - 90) < 0.01 }
    let equal = { (x: Double, y: Double) in abs(x - y) <= 1e-4 * max(x, y) }
    guard right else { return nil }
    if abs(cell.gamma - 120) < 0.01 && equal(cell.a, cell.b) { return .hexagonal }
    guard abs(cell.gamma - 90) < 0.01 else { return nil }
    if equal(cell.a, cell.b) { return equal(cell.a, cell.c) ? .cubic : .tetragonal }
    return .orthorhombic
  }

  /// Design row: ∂Q/∂(A, [B,] C) for one reflection.
  static func row(_ p: IndexedPeak, _ system: CrystalSystem) -> [Double] {
    let h = Double(p.h), k = Double(p.k), l = Double(p.l)
    switch system {
    case .cubic: return [h * h + k * k + l * l]
    case .tetragonal: return [h * h + k * k, l * l]
    case .hexagonal: return [4.0 / 3 * (h * h + h * k + k * k), l * l]
    case .orthorhombic: return [h * h, k * k, l * l]
    }
  }

  public init(peaks: [IndexedPeak], system: CrystalSystem, wavelength lambda: Double) throws(InputError) {
    let p = Self.row(IndexedPeak(h: 0, k: 0, l: 0, twoTheta: 0), system).count
    guard peaks.count >= p else {
      throw InputError("at least \(p) indexed peaks to refine a \(system.rawValue) cell (got \(peaks.count))")
    }
    guard lambda.isFinite, lambda > 0 else { throw InputError("a positive wavelength (got \(lambda))") }
    for peak in peaks {
      guard peak.twoTheta > 0, peak.twoTheta < 180 else {
        throw InputError("peak positions with 0 < 2θ < 180° (got \(peak.twoTheta))")
      }
      guard !(peak.h == 0 && peak.k == 0 && peak.l == 0) else { throw InputError("Miller indices other than 000") }
    }
    let rows = peaks.map { Self.row($0, system) }
    // Every unknown must be reached by some reflection (c needs an l ≠ 0 peak, …).
    for j in 0..<p where !rows.contains(where: { $0[j] != 0 }) {
      throw InputError("peaks that determine every lattice parameter (none of these involves parameter \(j + 1) of the \(system.rawValue) cell)")
    }
    let observedQ = peaks.map { peak -> Double in
      let s = sin(peak.twoTheta * .pi / 360)
      return 4 * s * s / (lambda * lambda)
    }
    // Start: linear least squares in Q.
    var x = try Self.solveNormalEquations(rows, observedQ).solution
    var jacobian: [[Double]] = []
    var residuals: [Double] = []
    for _ in 0..<50 {
      jacobian = []
      residuals = []
      for (i, peak) in peaks.enumerated() {
        let q = zip(rows[i], x).reduce(0) { $0 + $1.0 * $1.1 }
        let sinTheta = lambda * q.squareRoot() / 2
        guard q > 0, sinTheta < 1 else { throw InputError("a lattice for which every peak is reachable at this wavelength") }
        let theta = asin(sinTheta)
        residuals.append(peak.twoTheta - 2 * theta * 180 / .pi)
        // d(2θ)/dQ in degrees: λ / (2 √Q cos θ) rad, times 180/π.
        let derivative = lambda / (2 * q.squareRoot() * cos(theta)) * 180 / .pi
        jacobian.append(rows[i].map { $0 * derivative })
      }
      let step = try Self.solveNormalEquations(jacobian, residuals).solution
      x = zip(x, step).map { $0 + $1 }
      if zip(step, x).allSatisfy({ abs($0) <= 1e-14 * abs($1) }) { break }
    }
    // Final residuals and covariance at the solution.
    let normal = try Self.solveNormalEquations(jacobian, residuals)
    let n = peaks.count
    let ssr = residuals.reduce(0) { $0 + $1 * $1 }
    let s2: Double? = n > p ? ssr / Double(n - p) : nil
    let errors: [Double?] = (0..<p).map { j in s2.map { ($0 * normal.inverse[j][j]).squareRoot() } }
    guard x.allSatisfy({ $0 > 0 }) else { throw InputError("peaks consistent with a real cell (a refined 1/a² is not positive)") }
    let edges = x.map { 1 / $0.squareRoot() }
    let edgeErrors: [Double?] = zip(edges, errors).map { edge, e in e.map { edge * edge * edge * $0 / 2 } }
    self.system = system
    self.residuals = residuals
    self.standardDeviation = s2.map { $0.squareRoot() }
    switch system {
    case .cubic:
      (a, b, c) = (edges[0], edges[0], edges[0])
      (aError, bError, cError) = (edgeErrors[0], edgeErrors[0], edgeErrors[0])
    case .tetragonal, .hexagonal:
      (a, b, c) = (edges[0], edges[0], edges[1])
      (aError, bError, cError) = (edgeErrors[0], edgeErrors[0], edgeErrors[1])
    case .orthorhombic:
      (a, b, c) = (edges[0], edges[1], edges[2])
      (aError, bError, cError) = (edgeErrors[0], edgeErrors[1], edgeErrors[2])
    }
  }

  /// Solves (XᵀX) β = Xᵀy for at most three unknowns by Gauss–Jordan with partial pivoting;
  /// returns β and (XᵀX)⁻¹. A singular system (reflections that do not separate the unknowns) is
  /// an error.
  static func solveNormalEquations(_ x: [[Double]], _ y: [Double]) throws(InputError) -> (solution: [Double], inverse: [[Double]]) {
    let p = x[0].count
    var m = [[Double]](repeating: [Double](repeating: 0, count: 2 * p + 1), count: p)
    for i in 0..<p {
      for j in 0..<p { m[i][j] = zip(x, x).reduce(0) { $0 + $1.0[i] * $1.1[j] } }
      m[i][p + i] = 1
      m[i][2 * p] = zip(x, y).reduce(0) { $0 + $1.0[i] * $1.1 }
    }
    let scale = (0..<p).map { m[$0][$0] }.max() ?? 1
    for column in 0..<p {
      guard let pivot = (column..<p).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
        abs(m[pivot][column]) > 1e-12 * scale
      else { throw InputError("reflections that separate the lattice parameters (the normal equations are singular)") }
      m.swapAt(column, pivot)
      let d = m[column][column]
      for j in 0..<(2 * p + 1) { m[column][j] /= d }
      for i in 0..<p where i != column {
        let f = m[i][column]
        if f != 0 { for j in 0..<(2 * p + 1) { m[i][j] -= f * m[column][j] } }
      }
    }
    return ((0..<p).map { m[$0][2 * p] }, (0..<p).map { Array(m[$0][p..<(2 * p)]) })
  }
}
