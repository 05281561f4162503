/// How to compute a powder stick pattern.
public struct PowderPatternSettings: Sendable {
  /// Wavelength λ, Å.
  public var wavelength: Double
  /// 2θ window, degrees; 0 ≤ min < max < 180.
  public var twoThetaMin: Double
  public var twoThetaMax: Double
  /// Use an ion's own Cromer–Mann factor when the site's type symbol gives a charge (neutral atoms
  /// otherwise; ions missing from the table fall back to neutral and are listed in `notes`).
  public var useIonScatteringFactors: Bool
  /// Multiply each site's factor by exp(−B s²) with the site's U_iso or B_iso; every site must
  /// then have one (an error names those without).
  public var debyeWaller: Bool
  /// 2θ of a monochromator crystal in the diffracted (or incident) beam, degrees; nil for none.
  public var monochromatorTwoTheta: Double?
  /// Scattering factors to use instead of the table, keyed by element symbol (for comparing with
  /// programs that use other tables).
  public var scatteringFactorOverrides: [String: AtomicScatteringFactor]

  public init(wavelength: Double, twoThetaMin: Double = 0, twoThetaMax: Double = 90,
              useIonScatteringFactors: Bool = true, debyeWaller: Bool = false,
              monochromatorTwoTheta: Double? = nil, scatteringFactorOverrides: [String: AtomicScatteringFactor] = [:]) {
    self.wavelength = wavelength
    self.twoThetaMin = twoThetaMin
    self.twoThetaMax = twoThetaMax
    self.useIonScatteringFactors = useIonScatteringFactors
    self.debyeWaller = debyeWaller
    self.monochromatorTwoTheta = monochromatorTwoTheta
    self.scatteringFactorOverrides = scatteringFactorOverrides
  }
}

/// One reflection family of a stick pattern.
public struct PowderPeak: Sendable, Equatable {
  /// Diffraction angle 2θ, degrees.
  public var twoTheta: Double
  /// d-spacing, Å.
  public var d: Double
  /// A representative (h, k, l) of the family: fewest negative indices, then lexicographically largest.
  public var h: Int
  public var k: Int
  public var l: Int
  /// Number of reflections (hkl and −h−k−l counted separately) in the family.
  public var multiplicity: Int
  /// |F(hkl)|², electrons², per reflection.
  public var structureFactorSquared: Double
  /// The Lorentz–polarisation factor applied.
  public var lorentzPolarisation: Double
  /// multiplicity · |F|² · LP, scaled so the strongest peak of the pattern is 100.
  public var intensity: Double
}

/// A computed powder stick pattern.
public struct PowderPattern: Sendable {
  public var peaks: [PowderPeak]
  public var wavelength: Double
  /// Scattering factor used per site label ("Li1" → "Li1+"), in site order.
  public var scatteringFactors: [(site: String, key: String)]
  /// What the reader of the pattern should know (ions replaced by neutral atoms, …).
  public var notes: [String]
  /// Atoms in the unit cell after applying the symmetry operations.
  public var unitCellAtomCount: Int
}
