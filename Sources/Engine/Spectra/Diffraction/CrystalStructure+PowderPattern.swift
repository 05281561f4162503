import Formats
import Foundation

extension CrystalStructure {
  /// Most (h, k, l) points a pattern may visit: bounds the work for a huge cell or a short
  /// wavelength.
  public static let maximumReciprocalPoints = 20_000_000

  /// The powder stick pattern (kinematic, unpolarised laboratory source).
  ///
  /// For every reflection family with θ in the window:
  /// - d from the reciprocal metric, 1/d² = hᵀ G* h (any cell); Bragg's law λ = 2d sin θ.
  /// - F(h) = Σⱼ oⱼ fⱼ(s) exp(−Bⱼ s²) exp(2πi h·xⱼ) over every atom of the unit cell
  ///   (`unitCellAtoms`), s = sin θ/λ = 1/(2d), oⱼ the occupancy, fⱼ the Cromer–Mann factor of the
  ///   site's ion or atom, the Debye–Waller term only with `settings.debyeWaller`.
  /// - Lorentz–polarisation for Bragg–Brentano without monochromator
  ///   LP = (1 + cos² 2θ) / (sin² θ cos θ); with a monochromator at 2θₘ
  ///   LP = (1 + cos² 2θₘ cos² 2θ) / ((1 + cos² 2θₘ) sin² θ cos θ).
  /// - Families: the orbit of (h, k, l) under the rotations of the listed operations and
  ///   inversion (Friedel's law — f is real, no anomalous scattering), so members share d and |F|²
  ///   exactly; multiplicity is the orbit's size. Reflections of different families at the same
  ///   d (cubic 333 and 511) stay separate peaks.
  /// - I = multiplicity · |F|² · LP, scaled so the strongest is 100; families whose |F|² is below
  ///   10⁻⁹ of (Σ|oⱼ fⱼ|)² are systematic absences and left out.
  public func powderPattern(_ settings: PowderPatternSettings) throws(InputError) -> PowderPattern {
    let lambda = settings.wavelength
    guard lambda.isFinite, lambda >= 0.01, lambda <= 10 else {
      throw InputError("a wavelength between 0.01 and 10 Å (got \(lambda))")
    }
    guard settings.twoThetaMin >= 0, settings.twoThetaMax > settings.twoThetaMin, settings.twoThetaMax < 180 else {
      throw InputError("a 2θ window with 0 ≤ min < max < 180° (got \(settings.twoThetaMin)–\(settings.twoThetaMax))")
    }
    if let mono = settings.monochromatorTwoTheta, !(mono >= 0 && mono < 180) {
      throw InputError("a monochromator 2θ between 0 and 180° (got \(mono))")
    }
    // Per-site factor, Debye–Waller B and occupancy.
    var factors: [AtomicScatteringFactor] = []
    var keys: [(site: String, key: String)] = []
    var notes: [String] = []
    var substituted: [String] = []
    for site in sites {
      if let override = settings.scatteringFactorOverrides[site.element] {
        factors.append(override)
        keys.append((site.label, site.element + " (given)"))
        continue
      }
      guard let choice = AtomicScatteringFactor.cromerMann(element: site.element, charge: site.charge,
                                                           useIons: settings.useIonScatteringFactors) else {
        throw InputError("""
          a scattering factor for \(site.element) (site \(site.label)); the table has \
          \(AtomicScatteringFactor.tabulatedKeys.joined(separator: " "))
          """)
      }
      factors.append(choice.factor)
      keys.append((site.label, choice.key))
      if choice.neutralSubstitutedForIon, let charge = site.charge {
        let ion = site.element + String(abs(charge)) + (charge > 0 ? "+" : "-")
        if !substituted.contains(ion) { substituted.append(ion) }
      }
    }
    if !substituted.isEmpty {
      notes.append("no Cromer–Mann coefficients for \(substituted.joined(separator: ", ")) in ITC Vol. C Table 6.1.1.4: neutral-atom factors used")
    }
    var bValues = [Double](repeating: 0, count: sites.count)
    if settings.debyeWaller {
      let missing = sites.filter { $0.displacement == nil }.map(\.label)
      guard missing.isEmpty else {
        throw InputError("U_iso or B_iso for every site to apply Debye–Waller factors (missing: \(missing.joined(separator: ", ")))")
      }
      bValues = sites.map { $0.displacement?.b ?? 0 }
    }
    let atoms = try unitCellAtoms()
    let families = try reflectionFamilies(wavelength: lambda, twoThetaMin: settings.twoThetaMin, twoThetaMax: settings.twoThetaMax)

    let cosMono2: Double? = settings.monochromatorTwoTheta.map { let c = cos($0 * .pi / 180); return c * c }
    var peaks: [PowderPeak] = []
    peaks.reserveCapacity(families.count)
    var siteAmplitude = [Double](repeating: 0, count: sites.count)
    let atomSite = atoms.map(\.site)
    let atomPosition = atoms.map { $0.fractional * (2 * Double.pi) }
    for family in families {
      let s = 1 / (2 * family.d)
      var scale = 0.0
      for (i, site) in sites.enumerated() {
        siteAmplitude[i] = site.occupancy * factors[i].value(s: s) * exp(-bValues[i] * s * s)
      }
      var re = 0.0, im = 0.0
      let hv = SIMD3<Double>(Double(family.h), Double(family.k), Double(family.l))
      for j in 0..<atomSite.count {
        let amplitude = siteAmplitude[atomSite[j]]
        let phase = (hv * atomPosition[j]).sum()
        re += amplitude * cos(phase)
        im += amplitude * sin(phase)
        scale += abs(amplitude)
      }
      let f2 = re * re + im * im
      if f2 < 1e-9 * scale * scale { continue }
      let theta = asin(lambda / (2 * family.d))
      let sinT = sin(theta), cosT = cos(theta), cos2T = cos(2 * theta)
      var lp = (1 + cos2T * cos2T) / (sinT * sinT * cosT)
      if let m = cosMono2 { lp = (1 + m * cos2T * cos2T) / ((1 + m) * sinT * sinT * cosT) }
      peaks.append(PowderPeak(twoTheta: 2 * theta * 180 / .pi, d: family.d, h: family.h, k: family.k, l: family.l,
                              multiplicity: family.multiplicity, structureFactorSquared: f2, lorentzPolarisation: lp,
                              intensity: Double(family.multiplicity) * f2 * lp))
    }
    peaks.sort { $0.twoTheta < $1.twoTheta }
    if let strongest = peaks.map(\.intensity).max(), strongest > 0 {
      for i in peaks.indices { peaks[i].intensity *= 100 / strongest }
    }
    return PowderPattern(peaks: peaks, wavelength: lambda, scatteringFactors: keys, notes: notes,
                         unitCellAtomCount: atoms.count)
  }
}
