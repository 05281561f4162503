import XCTest
@testable import Engine

/// Powder stick patterns: geometry against closed forms, structure factors against hand
/// calculations, and whole patterns against pymatgen's XRDCalculator.
final class PowderPatternTests: XCTestCase {
  func testDSpacingsAgainstClosedForms() throws {
    let cubic = try UnitCell(a: 9.85, b: 9.85, c: 9.85, alpha: 90, beta: 90, gamma: 90)
    XCTAssertEqual(cubic.dSpacing(3, 1, 1), 9.85 / sqrt(11), accuracy: 1e-12)
    // Hexagonal: 1/d² = 4(h² + hk + k²)/(3a²) + l²/c².
    let hexagonal = try UnitCell(a: 2.8156, b: 2.8156, c: 14.0542, alpha: 90, beta: 90, gamma: 120)
    let inv = 4.0 * (1 + 0 + 0) / (3 * 2.8156 * 2.8156) + 16 / (14.0542 * 14.0542)
    XCTAssertEqual(hexagonal.dSpacing(1, 0, 4), 1 / sqrt(inv), accuracy: 1e-12)
    XCTAssertEqual(hexagonal.volume, sqrt(3) / 2 * 2.8156 * 2.8156 * 14.0542, accuracy: 1e-9)
    // Triclinic: d = 1/|h a* + k b* + l c*| with the reciprocal vectors built from Cartesian
    // direct vectors (a* = b × c / V, …), independent of the metric-tensor code.
    let (a, b, c, al, be, ga) = (5.1, 6.3, 7.7, 81.0, 97.0, 103.0)
    let triclinic = try UnitCell(a: a, b: b, c: c, alpha: al, beta: be, gamma: ga)
    let r = Double.pi / 180
    let va = SIMD3(a, 0, 0)
    let vb = SIMD3(b * cos(ga * r), b * sin(ga * r), 0)
    let cx = c * cos(be * r)
    let cy = c * (cos(al * r) - cos(be * r) * cos(ga * r)) / sin(ga * r)
    let vc = SIMD3(cx, cy, sqrt(c * c - cx * cx - cy * cy))
    func cross(_ u: SIMD3<Double>, _ v: SIMD3<Double>) -> SIMD3<Double> {
      SIMD3(u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x)
    }
    let volume = (va * cross(vb, vc)).sum()
    XCTAssertEqual(triclinic.volume, volume, accuracy: 1e-9)
    let astar = cross(vb, vc) / volume, bstar = cross(vc, va) / volume, cstar = cross(va, vb) / volume
    for (h, k, l) in [(1, 0, 0), (1, -2, 3), (-2, 1, 1), (0, 3, -4)] {
      let g = Double(h) * astar + Double(k) * bstar + Double(l) * cstar
      XCTAssertEqual(triclinic.dSpacing(h, k, l), 1 / sqrt((g * g).sum()), accuracy: 1e-12, "\(h)\(k)\(l)")
    }
  }

  /// Rock-salt LiCl by hand: F(111) = 4(f_Li − f_Cl), F(200) = 4(f_Li + f_Cl), multiplicities 8
  /// and 6, LP = (1 + cos² 2θ)/(sin² θ cos θ), 2θ from Bragg's law; (100), (110), (210) absent.
  func testRockSaltAgainstAHandCalculation() throws {
    let structure = try CIFReaderTests.example("LiCl.cif")
    let lambda = 1.540562
    let pattern = try structure.powderPattern(PowderPatternSettings(wavelength: lambda, twoThetaMax: 90))
    XCTAssertEqual(pattern.scatteringFactors.map(\.key), ["Li1+", "Cl1-"])
    let fLi = try XCTUnwrap(AtomicScatteringFactor.cromerMann(element: "Li", charge: 1)).factor
    let fCl = try XCTUnwrap(AtomicScatteringFactor.cromerMann(element: "Cl", charge: -1)).factor
    func expected(_ h: Int, _ k: Int, _ l: Int, multiplicity: Double, sign: Double) -> (twoTheta: Double, raw: Double) {
      let d = 5.1295 / sqrt(Double(h * h + k * k + l * l))
      let theta = asin(lambda / (2 * d))
      let s = 1 / (2 * d)
      let f = 4 * (fLi.value(s: s) + sign * fCl.value(s: s))
      let lp = (1 + cos(2 * theta) * cos(2 * theta)) / (sin(theta) * sin(theta) * cos(theta))
      return (2 * theta * 180 / .pi, multiplicity * f * f * lp)
    }
    let e111 = expected(1, 1, 1, multiplicity: 8, sign: -1)
    let e200 = expected(2, 0, 0, multiplicity: 6, sign: 1)
    let e220 = expected(2, 2, 0, multiplicity: 12, sign: 1)
    let p111 = try XCTUnwrap(pattern.peaks.first { ($0.h, $0.k, $0.l) == (1, 1, 1) })
    let p200 = try XCTUnwrap(pattern.peaks.first { ($0.h, $0.k, $0.l) == (2, 0, 0) })
    let p220 = try XCTUnwrap(pattern.peaks.first { ($0.h, $0.k, $0.l) == (2, 2, 0) })
    XCTAssertEqual(p111.multiplicity, 8)
    XCTAssertEqual(p200.multiplicity, 6)
    XCTAssertEqual(p220.multiplicity, 12)
    XCTAssertEqual(p111.twoTheta, e111.twoTheta, accuracy: 1e-9)
    XCTAssertEqual(p200.twoTheta, e200.twoTheta, accuracy: 1e-9)
    // Scaled so the strongest peak is 100; ratios by hand.
    XCTAssertEqual(pattern.peaks.map(\.intensity).max() ?? 0, 100, accuracy: 1e-9)
    XCTAssertEqual(p111.intensity / p200.intensity, e111.raw / e200.raw, accuracy: 1e-9)
    XCTAssertEqual(p220.intensity / p200.intensity, e220.raw / e200.raw, accuracy: 1e-9)
    // F-centring: h, k, l all odd or all even; nothing else appears.
    for p in pattern.peaks {
      let parities = Set([p.h, p.k, p.l].map { abs($0) % 2 })
      XCTAssertEqual(parities.count, 1, "\(p.h)\(p.k)\(p.l) should be absent")
    }
    // h² + k² + l² ≤ (a/d_min)² = (5.1295 · 2 sin 45° / λ)² = 22.2: 111 200 220 311 222 400 331 420.
    XCTAssertEqual(pattern.peaks.map { $0.h * $0.h + $0.k * $0.k + $0.l * $0.l }, [3, 4, 8, 11, 12, 16, 19, 20])
  }

  /// Debye–Waller: with B on every site, each |F|² carries exp(−2B s²) (one B for both sites here).
  func testDebyeWallerFactor() throws {
    var structure = try CIFReaderTests.example("LiCl.cif")
    let settings = PowderPatternSettings(wavelength: 1.540562, twoThetaMax: 90, debyeWaller: true)
    XCTAssertThrowsError(try structure.powderPattern(settings))  // the file has no U or B
    for i in structure.sites.indices { structure.sites[i].displacement = .uIso(0.02) }
    let warm = try structure.powderPattern(settings)
    let cold = try structure.powderPattern(PowderPatternSettings(wavelength: 1.540562, twoThetaMax: 90))
    let b = 8 * Double.pi * Double.pi * 0.02
    for (w, c) in zip(warm.peaks, cold.peaks) {
      let s = 1 / (2 * w.d)
      XCTAssertEqual(w.structureFactorSquared / c.structureFactorSquared, exp(-2 * b * s * s), accuracy: 1e-12)
    }
  }

  /// A monochromator changes only the polarisation term: LP ratio by hand for graphite 2θm = 26.6°.
  func testMonochromatorPolarisation() throws {
    let structure = try CIFReaderTests.example("LiCl.cif")
    let plain = try structure.powderPattern(PowderPatternSettings(wavelength: 1.540562, twoThetaMax: 90))
    let mono = try structure.powderPattern(PowderPatternSettings(wavelength: 1.540562, twoThetaMax: 90, monochromatorTwoTheta: 26.6))
    let m = pow(cos(26.6 * .pi / 180), 2)
    for (p, q) in zip(plain.peaks, mono.peaks) {
      let c2 = pow(cos(p.twoTheta * .pi / 180), 2)
      XCTAssertEqual(q.lorentzPolarisation / p.lorentzPolarisation, (1 + m * c2) / ((1 + m) * (1 + c2)), accuracy: 1e-12)
    }
  }

  func testScatteringFactorTable() throws {
    // f(0) = Σa + c is the electron count of the atom or ion to within the fit's error at s = 0
    // (ITC Vol. C Table 6.1.1.4: 0.03 e for Zr and Ge).
    let electrons: [(String, Int?, Double)] = [
      ("Li", nil, 3), ("Li", 1, 2), ("O", nil, 8), ("O", -2, 10), ("Al", nil, 13), ("Al", 3, 10), ("P", nil, 15),
      ("S", nil, 16), ("Cl", nil, 17), ("Cl", -1, 18), ("Ti", nil, 22), ("Ti", 4, 18), ("Co", nil, 27), ("Co", 3, 24),
      ("Zr", nil, 40), ("Zr", 4, 36), ("La", nil, 57), ("La", 3, 54), ("Ge", nil, 32), ("Ge", 4, 28),
    ]
    for (element, charge, n) in electrons {
      let choice = try XCTUnwrap(AtomicScatteringFactor.cromerMann(element: element, charge: charge))
      XCTAssertFalse(choice.neutralSubstitutedForIon)
      XCTAssertEqual(choice.factor.value(s: 0), n, accuracy: 0.04, choice.key)
    }
    // The b's: Waasmaier & Kirfel's independent five-Gaussian fit to the same Hartree–Fock values
    // (Acta Cryst. A51 (1995) 416; evaluated with the periodictable package's f0_WaasKirf.dat) at
    // s = 0.3 and 0.5 Å⁻¹; the two fits agree to about 1 %.
    let waasmaierKirfel: [(String, Int?, Double, Double)] = [
      ("Li", nil, 1.5121, 1.0333), ("O", nil, 4.0893, 2.3379), ("P", nil, 8.5988, 6.6742),
      ("S", nil, 9.0385, 7.0192), ("Cl", nil, 9.5760, 7.3090), ("Co", nil, 17.7098, 12.2165),
      ("Ti", 4, 12.9816, 9.1531), ("Cl", -1, 9.5264, 7.3100),
    ]
    for (element, charge, f3, f5) in waasmaierKirfel {
      let f = try XCTUnwrap(AtomicScatteringFactor.cromerMann(element: element, charge: charge)).factor
      XCTAssertEqual(f.value(s: 0.3), f3, accuracy: 0.01 * f3 + 0.02, element)
      XCTAssertEqual(f.value(s: 0.5), f5, accuracy: 0.01 * f5 + 0.02, element)
    }
    // S2- is not in the table: neutral S, said so.
    let sulfide = try XCTUnwrap(AtomicScatteringFactor.cromerMann(element: "S", charge: -2))
    XCTAssertTrue(sulfide.neutralSubstitutedForIon)
    XCTAssertEqual(sulfide.key, "S")
    XCTAssertNil(AtomicScatteringFactor.cromerMann(element: "U", charge: nil))
  }

  func testWavelengthNames() throws {
    XCTAssertEqual(try XRayWavelength.parse("CuKa1"), 1.540562)
    XCTAssertEqual(try XRayWavelength.parse("cukα"), (2 * 1.540562 + 1.544390) / 3, accuracy: 1e-15)
    XCTAssertEqual(try XRayWavelength.parse("MoKa1"), 0.709300)
    XCTAssertEqual(try XRayWavelength.parse("CoKa1"), 1.788965)
    XCTAssertEqual(try XRayWavelength.parse("1.2"), 1.2)
    for bad in ["CuKb", "", "-1", "nan", "100"] { XCTAssertThrowsError(try XRayWavelength.parse(bad), bad) }
  }
}
