import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct XPSScofieldAndChargeTests {
  @Test func scofieldLookupAndRefusals() throws {
    #expect(try ScofieldCrossSection.entry("Ti 2p", source: .alKalpha).relativeCrossSection == 7.81)
    #expect(try ScofieldCrossSection.entry("ti2p", source: .alKalpha).relativeCrossSection == 7.81)
    #expect(try ScofieldCrossSection.entry("C1s", source: .alKalpha).verification == .definition)
    #expect(try ScofieldCrossSection.entry("O 1s", source: .alKalpha).verification == .secondarySource)
    // No Mg Kα value is entered: an error that says so, not an Al Kα value in its place.
    #expect(throws: InputError.self) { try ScofieldCrossSection.entry("C 1s", source: .mgKalpha) }
    #expect(throws: InputError.self) { try ScofieldCrossSection.entry("Xe 3d", source: .alKalpha) }
    #expect(throws: InputError.self) { try ScofieldCrossSection.entry("Ti", source: .alKalpha) }
    #expect(throws: InputError.self) { try ScofieldCrossSection.entry("2p", source: .alKalpha) }
    #expect(XPSSource.named("Al") == .alKalpha && XPSSource.named("mgka")?.photonEnergy == 1253.6)
  }

  @Test func licl_byHandWithScofieldFactors() throws {
    // Li 1s area 100, Cl 2p area 2000, S = 0.0568 and 2.29:
    // n_Li = 1760.5633802816901, n_Cl = 873.3624454148471 → Li 66.84179801517806 %.
    let li = try ScofieldCrossSection.entry("Li 1s", source: .alKalpha).relativeCrossSection
    let cl = try ScofieldCrossSection.entry("Cl 2p", source: .alKalpha).relativeCrossSection
    let p = try XPSQuantification.atomicPercent([
      .init(name: "Li", area: Estimate(100, 0), bindingEnergy: 56, sensitivity: li),
      .init(name: "Cl", area: Estimate(2000, 0), bindingEnergy: 199, sensitivity: cl),
    ])
    #expect(abs(p[0].value - 66.84179801517806) < 1e-9)
    #expect(abs(p[1].value - (100 - 66.84179801517806)) < 1e-9)
  }

  @Test func tpp2mByHand() throws {
    // LiCl-like: ρ = 2.07 g/cm³, Nv = 8, M = 42.39 g/mol, Eg = 9.4 eV, E = 1000 eV.
    // U = 8·2.07/42.39 = 0.3906581740976645; Ep² = 829.4·U = 324.0118895966;
    // β = −0.10 + 0.944/√(324.0119 + 88.36) + 0.069·2.07^0.1 = 0.020693779951373927;
    // γ = 0.191/√2.07 = 0.13275417694967095; C = 1.97 − 0.91U = 1.6145010615711253;
    // D = 53.4 − 20.8U = 45.27430997876858;
    // λ = 1000/(Ep²(β ln(γ·1000) − C/1000 + D/10⁶)) = 30.98940928185482 Å.
    let model = InelasticMeanFreePath.tpp2m(density: 2.07, valenceElectrons: 8, formulaMass: 42.39, bandGap: 9.4)
    #expect(abs(try model.value(kineticEnergy: 1000) - 30.98940928185482) < 1e-9)
    #expect(abs(try InelasticMeanFreePath.powerLaw(exponent: 0.75).value(kineticEnergy: 16) - 8) < 1e-12)
    #expect(throws: InputError.self) { try model.value(kineticEnergy: 0) }
    #expect(throws: InputError.self) {
      try InelasticMeanFreePath.tpp2m(density: -1, valenceElectrons: 8, formulaMass: 42, bandGap: 0).value(kineticEnergy: 100)
    }
    // In the quantification the model multiplies S: equal areas and S, KE 1000 and 500 eV with
    // λ ∝ KE^0.5 → n ∝ 1/√KE → 1/(1 + √2) = 41.42135623730950 % for the faster electrons.
    let p = try XPSQuantification.atomicPercent([
      .init(name: "A", area: Estimate(1, 0), bindingEnergy: 486.6, sensitivity: 1),
      .init(name: "B", area: Estimate(1, 0), bindingEnergy: 986.6, sensitivity: 1),
    ], corrections: .init(sourceEnergy: 1486.6, meanFreePath: .powerLaw(exponent: 0.5)))
    #expect(abs(p[0].value - 41.42135623730950) < 1e-9)
    #expect(throws: InputError.self) {
      try XPSQuantification.atomicPercent([.init(name: "A", area: Estimate(1, 0), bindingEnergy: 1, sensitivity: 1)],
                                          corrections: .init(sourceEnergy: 1486.6, meanFreePathExponent: 0.75, meanFreePath: .powerLaw(exponent: 0.75)))
    }
  }

  @Test func chargeCorrectionMovesTheScale() throws {
    // C 1s measured at 286.1 eV → shift −1.3 eV; an O 1s at 532.9 becomes 531.6.
    let c = try XPSChargeCorrection(measuredEnergy: 286.1)
    #expect(c.referenceEnergy == 284.8)
    #expect(abs(c.shift - -1.3) < 1e-12)
    #expect(abs(c.corrected(532.9) - 531.6) < 1e-12)
    let s = Spectrum(name: "r", axis: .bindingEnergy, x: [290, 286.1, 280], y: [1, 2, 1])
    #expect(try c.corrected(s).x.map { ($0 * 1e9).rounded() / 1e9 } == [288.7, 284.8, 278.7])
    #expect(throws: InputError.self) { try c.corrected(Spectrum(name: "k", axis: .kineticEnergy, x: [1], y: [1])) }
    #expect(throws: InputError.self) { try XPSChargeCorrection(measuredEnergy: .nan) }
  }
}
