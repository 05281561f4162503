import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct LATPPatternTests {
  @Test func strongestLinesAreTheNASICONOnes() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/structures/LATP.cif")
    let s = try CrystalStructure(cif: try String(contentsOf: url, encoding: .utf8), file: "LATP.cif")
    #expect(try s.unitCellAtoms().count == 6 + 12 + 12 + 18 + 36 + 36)
    let peaks = try s.powderPattern(PowderPatternSettings(wavelength: 1.540562, twoThetaMin: 10, twoThetaMax: 60)).peaks
    // LiTi2(PO4)3 / LATP with Cu Kα (the ICDD card 35-0754 pattern as usually quoted in LATP
    // papers; recalled, not looked up here): the strongest line is (113) near 24.4°, with (104)
    // near 20.8°, (024) near 29.6°, (012) near 14.8° and (116) near 33.3° among the strong ones.
    let strongest = try #require(peaks.max { $0.intensity < $1.intensity })
    #expect([strongest.h, strongest.k, strongest.l] == [1, 1, 3] && abs(strongest.twoTheta - 24.4) < 0.3)
    let top = peaks.sorted { $0.intensity > $1.intensity }.prefix(6).map { [$0.h, $0.k, $0.l] }
    for hkl in [[1, 0, 4], [0, 2, 4], [0, 1, 2], [1, 1, 6]] { #expect(top.contains(hkl), "\(hkl) not among \(top)") }
    let d104 = try #require(peaks.first { [$0.h, $0.k, $0.l] == [1, 0, 4] })
    #expect(abs(d104.twoTheta - 20.8) < 0.3)
  }
}
