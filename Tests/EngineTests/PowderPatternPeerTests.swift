import XCTest
@testable import Engine

/// Stick patterns of the study's phases against pymatgen's XRDCalculator (pymatgen 2026.10.24),
/// on the same CIF files (Examples/structures), λ = 1.540562 Å, 2θ 0–90°. The numbers below were
/// printed by this script (run in a venv outside the repository):
///
///     import sys, warnings; warnings.filterwarnings("ignore")
///     from pymatgen.io.cif import CifParser
///     from pymatgen.analysis.diffraction.xrd import XRDCalculator
///     for path in sys.argv[1:]:
///         s = CifParser(path).parse_structures(primitive=False)[0]
///         p = XRDCalculator(wavelength=1.540562).get_pattern(s, two_theta_range=(0, 90))
///         for x, y, h in zip(p.x, p.y, p.hkls):
///             print("(%.6f, %.6f), // %s" % (x, y, ",".join("%s:%d" % (f["hkl"], f["multiplicity"]) for f in h)))
///
/// Conventions: pymatgen merges reflections within 10⁻⁵° of 2θ into one peak (cubic 511 and 333
/// together); ours keeps symmetry families apart, so ours are summed at equal 2θ before comparing.
/// pymatgen's multiplicities count every (hkl) at that 2θ, systematically absent ones included
/// (LiCoO2 "10-11": 12 where 6 reflect), so they are not compared. pymatgen uses neutral atoms and
/// its own scattering factors, f = Z − 41.78214 s² Σ aᵢ exp(−bᵢ s²) (the Mott–Bethe form of
/// electron-factor fits); with those factors given to our code the patterns agree to 10⁻⁴; with our
/// ITC Vol. C Cromer–Mann factors, the tables' own difference (up to 2 % in f for Cl and Li at
/// s ≈ 0.45 Å⁻¹) moves weak high-angle peaks by up to 2 %.
final class PowderPatternPeerTests: XCTestCase {
  /// pymatgen's atomic_scattering_params.json rows (aᵢ, bᵢ) for the elements of the two phases.
  static let pymatgenFactors: [String: AtomicScatteringFactor] = [
    "Li": .mottBethe(z: 3, a: [1.611, 1.246, 0.326, 0.099], b: [107.638, 30.48, 4.533, 0.495]),
    "O": .mottBethe(z: 8, a: [0.455, 0.917, 0.472, 0.138], b: [23.78, 7.622, 2.144, 0.296]),
    "P": .mottBethe(z: 15, a: [1.888, 2.469, 0.805, 0.32], b: [44.876, 13.538, 2.642, 0.361]),
    "S": .mottBethe(z: 16, a: [1.659, 2.386, 0.79, 0.321], b: [36.65, 11.488, 2.469, 0.34]),
    "Cl": .mottBethe(z: 17, a: [1.452, 2.292, 0.787, 0.322], b: [30.935, 9.98, 2.234, 0.323]),
    "Co": .mottBethe(z: 27, a: [2.367, 2.236, 1.724, 0.515], b: [61.431, 14.18, 2.725, 0.344]),
  ]

  static let licoo2: [(Double, Double)] = [
    (18.927511, 100.000000), // 0003:2
    (37.400583, 37.827217), // 10-11:12
    (38.397655, 5.378042), // 0006:2
    (39.069228, 13.681165), // 10-12:12
    (45.227682, 67.143605), // 10-14:12
    (49.441732, 11.935271), // 10-15:12
    (59.111603, 1.683830), // 0009:2
    (59.600010, 13.928146), // 10-17:12
    (65.422955, 17.661859), // 10-18:12
    (66.343734, 18.196427), // 2-1-10:6
    (69.685166, 13.364928), // 2-1-13:12
    (78.484363, 2.757565), // 10-110:12
    (78.716884, 3.664421), // 20-21:12
    (79.340756, 4.644504), // 2-1-16:12
    (79.768038, 2.118412), // 20-22:12
    (82.248578, 2.550876), // 00012:2
    (83.941719, 8.373940), // 20-24:12
    (85.786604, 5.114546), // 10-111:12
    (87.049697, 2.229026), // 20-25:12
  ]

  static let li6ps5cl: [(Double, Double)] = [
    (15.569088, 42.416812), // 111:8
    (17.996261, 16.892403), // 200:6
    (25.557423, 82.381440), // 220:12
    (30.064627, 100.000000), // 311:24
    (31.435255, 74.771722), // 222:8
    (36.456644, 0.908996), // 400:6
    (39.859869, 8.296890), // 331:24
    (40.941117, 1.690945), // 420:24
    (45.052376, 38.254606), // 422:24
    (47.950869, 41.558921), // 511:24,333:8
    (52.510685, 55.945863), // 440:12
    (55.115710, 11.025086), // 531:48
    (55.965628, 3.427561), // 442:24,600:6
    (59.285079, 12.849006), // 620:24
    (61.700903, 10.111868), // 533:24
    (62.493870, 18.948257), // 622:24
    (65.611591, 0.427156), // 444:8
    (67.899787, 4.088646), // 551:24,711:24
    (68.654138, 3.794202), // 640:24
    (71.634746, 15.748213), // 642:48
    (73.836394, 19.804348), // 553:24,731:48
    (77.453791, 7.326986), // 800:6
    (79.599109, 0.751441), // 733:24
    (80.310798, 0.794705), // 820:24,644:24
    (83.143661, 11.902101), // 822:24,660:12
    (85.256923, 10.200824), // 751:48,555:8
    (85.959765, 10.315927), // 662:24
    (88.766117, 0.672234), // 840:24
  ]

  /// Our peaks summed where 2θ coincides (within 10⁻⁴°), rescaled to a strongest of 100.
  static func merged(_ pattern: PowderPattern) -> [(Double, Double)] {
    var out: [(Double, Double)] = []
    for p in pattern.peaks {
      if let last = out.last, abs(last.0 - p.twoTheta) < 1e-4 {
        out[out.count - 1].1 += p.intensity
      } else {
        out.append((p.twoTheta, p.intensity))
      }
    }
    let top = out.map(\.1).max() ?? 1
    return out.map { ($0.0, $0.1 * 100 / top) }
  }

  /// Largest relative intensity difference over all peaks and over peaks of 10 or more; positions
  /// must agree to 0.01°.
  func compare(_ file: String, _ reference: [(Double, Double)], overrides: [String: AtomicScatteringFactor],
                line: UInt = #line) throws -> (all: Double, strong: Double) {
    let structure = try CIFReaderTests.example(file)
    let settings = PowderPatternSettings(wavelength: 1.540562, twoThetaMax: 90, useIonScatteringFactors: false,
                                         scatteringFactorOverrides: overrides)
    let ours = Self.merged(try structure.powderPattern(settings))
    XCTAssertEqual(ours.count, reference.count, file, line: line)
    var worst = 0.0, worstStrong = 0.0
    for (o, r) in zip(ours, reference) {
      XCTAssertEqual(o.0, r.0, accuracy: 0.01, "\(file) 2θ", line: line)
      worst = max(worst, abs(o.1 - r.1) / r.1)
      if r.1 >= 10 { worstStrong = max(worstStrong, abs(o.1 - r.1) / r.1) }
    }
    return (worst, worstStrong)
  }

  func testLiCoO2AndLi6PS5ClMatchPymatgenWithItsScatteringFactors() throws {
    let a = try compare("LiCoO2.cif", Self.licoo2, overrides: Self.pymatgenFactors)
    let b = try compare("Li6PS5Cl.cif", Self.li6ps5cl, overrides: Self.pymatgenFactors)
    XCTAssertLessThan(a.all, 0.01, "LiCoO2 worst relative intensity difference")
    XCTAssertLessThan(b.all, 0.01, "Li6PS5Cl worst relative intensity difference")
    print(String(format: "pymatgen factors: worst relative intensity difference LiCoO2 %.2e, Li6PS5Cl %.2e", a.all, b.all))
  }

  func testLiCoO2AndLi6PS5ClWithCromerMannFactorsStayCloseToPymatgen() throws {
    let a = try compare("LiCoO2.cif", Self.licoo2, overrides: [:])
    let b = try compare("Li6PS5Cl.cif", Self.li6ps5cl, overrides: [:])
    print(String(format: "ITC Cromer–Mann factors: worst relative intensity difference LiCoO2 %.4f (peaks ≥ 10: %.4f), Li6PS5Cl %.4f (%.4f)",
                 a.all, a.strong, b.all, b.strong))
    // The strong peaks, which phase identification and refinement lean on, within 1 %; the weak
    // high-angle ones within the tables' 3 %.
    XCTAssertLessThan(a.strong, 0.01)
    XCTAssertLessThan(b.strong, 0.01)
    XCTAssertLessThan(a.all, 0.03)
    XCTAssertLessThan(b.all, 0.03)
  }
}
