import Formats
import Foundation

/// XPS quantification from peak areas: the amount of element i is
///   nᵢ = Aᵢ/(Sᵢ · T(KEᵢ) · λ(KEᵢ)),  atomic % = 100·nᵢ/Σⱼnⱼ,
/// with Sᵢ the relative sensitivity factor the user gives (e.g. from Scofield's photoionisation
/// cross-sections, J. Electron Spectrosc. 8 (1976) 129, as normalised by the instrument maker),
/// the analyser transmission T(KE) = KE^t and the inelastic mean free path λ(KE) = KE^m, KE = hν − BE
/// or a named model (`InelasticMeanFreePath`: power law or TPP-2M)
/// (t = 0 and m = 0 switch a correction off; m ≈ 0.75 is Seah & Dench's metal/inorganic
/// dependence, Surf. Interface Anal. 1 (1979) 2; t is the instrument's, often −0.5…−1 for
/// fixed-analyser-transmission mode). Standard errors from the areas' errors, taken as independent:
///   σ(Pᵢ)² = Σⱼ (100(δᵢⱼN − nᵢ)/N² · σ(nⱼ))², N = Σnⱼ.
public enum XPSQuantification {
  public struct Line: Sendable, Equatable {
    public var name: String
    public var area: Estimate
    public var bindingEnergy: Double
    public var sensitivity: Double
    public init(name: String, area: Estimate, bindingEnergy: Double, sensitivity: Double) {
      self.name = name; self.area = area; self.bindingEnergy = bindingEnergy; self.sensitivity = sensitivity
    }
  }

  public struct Corrections: Sendable, Equatable {
    public var sourceEnergy: Double?
    public var transmissionExponent: Double
    public var meanFreePathExponent: Double
    /// A named mean-free-path model (power law or TPP-2M); when set, `meanFreePathExponent` must be 0.
    public var meanFreePath: InelasticMeanFreePath?
    public init(sourceEnergy: Double? = nil, transmissionExponent: Double = 0, meanFreePathExponent: Double = 0,
                meanFreePath: InelasticMeanFreePath? = nil) {
      self.sourceEnergy = sourceEnergy
      self.transmissionExponent = transmissionExponent
      self.meanFreePathExponent = meanFreePathExponent
      self.meanFreePath = meanFreePath
    }
  }

  public static func atomicPercent(_ lines: [Line], corrections: Corrections = Corrections()) throws -> [Estimate] {
    guard !lines.isEmpty else { throw InputError("quantification needs at least one line") }
    if corrections.meanFreePath != nil && corrections.meanFreePathExponent != 0 {
      throw InputError("give either a mean-free-path exponent or a mean-free-path model, not both")
    }
    let needsKE = corrections.transmissionExponent != 0 || corrections.meanFreePathExponent != 0
      || corrections.meanFreePath != nil
    var n: [Double] = [], sigma: [Double] = []
    for line in lines {
      guard line.sensitivity > 0, line.sensitivity.isFinite else {
        throw InputError("\(line.name): the sensitivity factor must be positive, got \(line.sensitivity)")
      }
      guard line.area.value.isFinite, line.area.value >= 0 else { throw InputError("\(line.name): the area is not a finite, non-negative number") }
      var factor = line.sensitivity
      if needsKE {
        guard let hv = corrections.sourceEnergy else {
          throw InputError("transmission and mean-free-path corrections need the source energy hν")
        }
        let ke = hv - line.bindingEnergy
        guard ke > 0 else { throw InputError("\(line.name): kinetic energy hν − BE = \(ke) eV is not positive") }
        factor *= Foundation.pow(ke, corrections.transmissionExponent) * Foundation.pow(ke, corrections.meanFreePathExponent)
        if let model = corrections.meanFreePath { factor *= try model.value(kineticEnergy: ke) }
      }
      n.append(line.area.value / factor)
      sigma.append(line.area.error / factor)
    }
    let total = n.reduce(0, +)
    guard total > 0 else { throw InputError("all areas are zero") }
    return n.indices.map { i in
      var variance = 0.0
      for j in n.indices {
        let d = 100 * ((i == j ? total : 0) - n[i]) / (total * total)
        variance += d * d * sigma[j] * sigma[j]
      }
      return Estimate(100 * n[i] / total, variance.squareRoot())
    }
  }
}
