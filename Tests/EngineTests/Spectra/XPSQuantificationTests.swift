import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct XPSQuantificationTests {
  @Test func atomicPercentByHand() throws {
    // n = A/S: 300/1 = 300 and 200/2 = 100 → 75 % and 25 %.
    // σ(P₁)² = (100·(N − n₁)/N²·σ₁)² + (100·n₁/N²·σ₂)² with σ₁ = 6/1, σ₂ = 8/2, N = 400:
    //   (100·100/160000·6)² + (100·300/160000·4)² = 0.375² + 0.75² → σ = 0.8385254915624212.
    let p = try XPSQuantification.atomicPercent([
      .init(name: "C", area: Estimate(300, 6), bindingEnergy: 284.8, sensitivity: 1),
      .init(name: "O", area: Estimate(200, 8), bindingEnergy: 531, sensitivity: 2),
    ])
    #expect(abs(p[0].value - 75) < 1e-12 && abs(p[1].value - 25) < 1e-12)
    #expect(abs(p[0].error - 0.8385254915624212) < 1e-12 && abs(p[1].error - 0.8385254915624212) < 1e-12)
    // With λ ∝ KE^0.75 at hν = 1486.6 eV: n_C = 300/(1201.8^0.75), n_O = 100/(955.6^0.75).
    let corrected = try XPSQuantification.atomicPercent([
      .init(name: "C", area: Estimate(300, 0), bindingEnergy: 284.8, sensitivity: 1),
      .init(name: "O", area: Estimate(200, 0), bindingEnergy: 531, sensitivity: 2),
    ], corrections: .init(sourceEnergy: 1486.6, meanFreePathExponent: 0.75))
    let nC = 300 / pow(1201.8, 0.75), nO = 100 / pow(955.6, 0.75)
    #expect(abs(corrected[0].value - 100 * nC / (nC + nO)) < 1e-10)
    #expect(throws: InputError.self) {
      try XPSQuantification.atomicPercent([.init(name: "C", area: Estimate(1, 0), bindingEnergy: 1, sensitivity: 1)],
                                          corrections: .init(meanFreePathExponent: 0.75))
    }
  }

  @Test func studyTablesAsWritten() {
    // paper.md: Ti⁴⁺ 2p½/2p3/2 at 465.77/460.08 eV; P 2p 161.54/160.33; ten Raman bands.
    let ti4 = StudyReferenceLines.xps.first { $0.species == "Ti⁴⁺" }
    #expect(abs((ti4?.splitting ?? 0) - 5.69) < 1e-9)
    #expect(StudyReferenceLines.xps.filter { $0.core == "P 2p" }.first?.bindingEnergy == 160.33)
    #expect(StudyReferenceLines.raman.count == 10)
    #expect(StudyReferenceLines.ramanBands(near: 420).first?.compound == "LPSC")
  }
}
