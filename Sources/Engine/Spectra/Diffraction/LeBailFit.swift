import Formats
import Foundation

/// A Le Bail whole-pattern fit of one phase (A. Le Bail, H. Duroy & J. L. Fourquet, Mater. Res.
/// Bull. 23 (1988) 447): the cell, a zero shift, the peak shape and a background are refined by
/// least squares against the whole measured pattern, while the reflection intensities are not
/// parameters but re-extracted before every refinement cycle by Le Bail's partition
///   I_k ← Σᵢ Δxᵢ · I_k φ_k(xᵢ) (yᵢ − bᵢ) / Σⱼ I_j φ_j(xᵢ),
/// with φ_k the unit-area profile of reflection k and b the background.
///
/// Model: y_calc(2θ) = b(2θ) + Σ_k I_k φ(2θ − 2θ_k − Z), where
/// - 2θ_k from Bragg's law with 1/d² of the crystal system (cubic a; tetragonal and hexagonal a, c;
///   orthorhombic a, b, c), Z the zero shift (degrees, added to every peak position);
/// - φ a unit-area pseudo-Voigt η·L + (1 − η)·G with Caglioti width H² = U tan²θ + V tan θ + W
///   (degrees²; V is held at the given value, 0 by default, because U, V and W are nearly
///   collinear over short ranges), cut at ±12 H;
/// - b a polynomial of the given degree in the scaled angle (2θ − mid)/half-range.
/// The reflection list is the structure's stick pattern (its hkl families; absences as the
/// structure factors give them, which includes accidental ones). Weights 1/max(y, 1) (counting
/// statistics). Standard errors are those of the last least-squares cycle with the intensities
/// held (the usual Le Bail convention; they ignore the intensity–cell correlation).
public enum LeBailFit {
  public struct Settings: Sendable {
    public var wavelength: Double
    public var backgroundDegree = 2
    public var cycles = 30
    /// Starting Caglioti U and W (degrees²) and η; V is held.
    public var u = 0.01, v = 0.0, w = 0.005, eta = 0.5
    public var zeroShift = 0.0
    public init(wavelength: Double) { self.wavelength = wavelength }
  }

  public struct Reflection: Sendable, Equatable {
    public var h: Int, k: Int, l: Int
    public var twoTheta: Double
    public var intensity: Double
  }

  public struct Result: Sendable {
    public var system: LatticeRefinement.CrystalSystem
    public var a: Estimate, b: Estimate, c: Estimate
    public var zeroShift: Estimate
    public var u: Estimate, w: Estimate, eta: Estimate
    public var reflections: [Reflection]
    public var calculated: [Double]
    public var background: [Double]
    /// Weighted-profile R factor √(Σ wᵢ(yᵢ − y_calc,i)² / Σ wᵢ yᵢ²).
    public var rwp: Double
    public var cycles: Int
    public var success: Bool
    public var message: String
  }

  /// Fits `structure`'s cell to the pattern (x in degrees 2θ, ascending or not; the result's
  /// curves are in ascending 2θ).
  public static func fit(_ structure: CrystalStructure, x unsortedX: [Double], y unsortedY: [Double], settings: Settings) throws -> Result {
    guard unsortedX.count == unsortedY.count, unsortedX.count >= 20 else { throw InputError("Le Bail needs 2θ and intensities of equal length ≥ 20") }
    let order = unsortedX.indices.sorted { unsortedX[$0] < unsortedX[$1] }
    let x = order.map { unsortedX[$0] }, y = order.map { unsortedY[$0] }
    guard x.allSatisfy({ $0 > 0 && $0 < 180 }), y.allSatisfy(\.isFinite) else {
      throw InputError("Le Bail needs 0 < 2θ < 180° and finite intensities")
    }
    guard let system = LatticeRefinement.system(of: structure.cell) else {
      throw InputError("Le Bail handles cubic, tetragonal, hexagonal and orthorhombic cells; \(structure.name) is none of them")
    }
    guard settings.backgroundDegree >= 0, settings.backgroundDegree <= 6, settings.cycles >= 1 else {
      throw InputError("Le Bail needs a background degree 0…6 and at least one cycle")
    }
    let lo = x.min() ?? 0, hi = x.max() ?? 0
    let pattern = try structure.powderPattern(PowderPatternSettings(
      wavelength: settings.wavelength, twoThetaMin: max(0.5, lo - 2), twoThetaMax: min(179, hi + 2)))
    let hkl = pattern.peaks.map { ($0.h, $0.k, $0.l) }
    guard !hkl.isEmpty else { throw InputError("\(structure.name) has no reflection between \(lo)° and \(hi)°") }
    let profile = Profile(x: x, hkl: hkl, system: system, lambda: settings.wavelength, v: settings.v,
                          degree: settings.backgroundDegree, mid: (lo + hi) / 2, half: max((hi - lo) / 2, 1e-9))
    let weights = y.map { 1 / max($0, 1).squareRoot() }
    // Parameters: cell…, Z, U, W, η, background coefficients.
    var start: [Parameter] = []
    switch system {
    case .cubic: start.append(Parameter("a", value: structure.cell.a, min: 0.5))
    case .tetragonal, .hexagonal:
      start += [Parameter("a", value: structure.cell.a, min: 0.5), Parameter("c", value: structure.cell.c, min: 0.5)]
    case .orthorhombic:
      start += [Parameter("a", value: structure.cell.a, min: 0.5), Parameter("b", value: structure.cell.b, min: 0.5),
                Parameter("c", value: structure.cell.c, min: 0.5)]
    }
    let minimum = y.min() ?? 0
    start += [Parameter("zero", value: settings.zeroShift, min: -1, max: 1), Parameter("U", value: settings.u, min: 0, max: 10),
              Parameter("W", value: settings.w, min: 1e-8, max: 10), Parameter("eta", value: settings.eta, min: 0, max: 1)]
    start += (0...settings.backgroundDegree).map { Parameter("bg\($0)", value: $0 == 0 ? minimum : 0) }
    var parameters = Parameters(start)
    var intensities = [Double](repeating: 1, count: hkl.count)
    // A first scale: the net counts shared equally.
    let net = zip(x.indices.dropFirst(), x.indices).reduce(0.0) { $0 + abs(x[$1.0] - x[$1.1]) * max(y[$1.0] - minimum, 0) }
    intensities = intensities.map { _ in max(net / Double(hkl.count), 1e-9) }
    var last: FitResult?
    var previousRwp = Double.infinity
    var cycles = 0
    for cycle in 1...settings.cycles {
      cycles = cycle
      for _ in 0..<3 { intensities = profile.extract(parameters.values, intensities: intensities, y: y) }
      let frozen = intensities
      let model = FitModel(residualCount: y.count, residuals: { p in
        let calc = profile.evaluate(p, intensities: frozen).total
        return (0..<y.count).map { (y[$0] - calc[$0]) * weights[$0] }
      })
      let result = Minimizer(model: model).minimize(parameters)
      parameters = result.parameters
      last = result
      let rwp = Self.rwp(y, profile.evaluate(parameters.values, intensities: intensities).total, weights)
      if abs(previousRwp - rwp) <= 1e-10 * max(rwp, 1e-300) { break }
      previousRwp = rwp
    }
    intensities = profile.extract(parameters.values, intensities: intensities, y: y)
    let final = profile.evaluate(parameters.values, intensities: intensities)
    let errors = last.map { r in Dictionary(uniqueKeysWithValues: zip(r.freeNames, r.standardErrors)) } ?? [:]
    func estimate(_ name: String) -> Estimate {
      Estimate(parameters[name]?.value ?? .nan, errors[name] ?? .nan)
    }
    let a = estimate("a")
    let b = system == .orthorhombic ? estimate("b") : a
    let c = system == .cubic ? a : estimate("c")
    let positions = profile.positions(parameters.values)
    let reflections = hkl.indices.map { Reflection(h: hkl[$0].0, k: hkl[$0].1, l: hkl[$0].2, twoTheta: positions[$0], intensity: intensities[$0]) }
    let rwp = Self.rwp(y, final.total, weights)
    let success = (last?.success ?? false) && rwp.isFinite
    return Result(system: system, a: a, b: b, c: c, zeroShift: estimate("zero"), u: estimate("U"), w: estimate("W"),
                  eta: estimate("eta"), reflections: reflections, calculated: final.total, background: final.background,
                  rwp: rwp, cycles: cycles, success: success,
                  message: success ? "converged after \(cycles) cycle(s)" : (last?.message ?? "no refinement cycle ran"))
  }

  static func rwp(_ y: [Double], _ calc: [Double], _ weights: [Double]) -> Double {
    var num = 0.0, den = 0.0
    for i in y.indices {
      let w2 = weights[i] * weights[i]
      num += w2 * (y[i] - calc[i]) * (y[i] - calc[i])
      den += w2 * y[i] * y[i]
    }
    return den > 0 ? (num / den).squareRoot() : .nan
  }
}
