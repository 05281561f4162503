import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct LeBailFitTests {
  private static func structure(_ name: String) throws -> CrystalStructure {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/structures/\(name)")
    return try CrystalStructure(cif: try String(contentsOf: url, encoding: .utf8), file: name)
  }

  /// A pattern built here from the structure's sticks at a known cell: unit-area pseudo-Voigt
  /// peaks (η = 0.4, H² = 0.02 tan²θ + 0.003) of 50 × the stick intensity on 30 + 5·(2θ − 40)/25.
  private func synthetic(_ s: CrystalStructure, lambda: Double) throws -> (x: [Double], y: [Double]) {
    let sticks = try s.powderPattern(PowderPatternSettings(wavelength: lambda, twoThetaMin: 10, twoThetaMax: 75)).peaks
    let x = (0..<5500).map { 15 + Double($0) * 0.01 }
    let y = x.map { v -> Double in
      var sum = 30 + 5 * (v - 40) / 25
      for p in sticks {
        let t = tan(p.twoTheta * .pi / 360)
        let h = (0.02 * t * t + 0.003).squareRoot()
        let q = (v - p.twoTheta) / h
        let g = 2 / h * (log(2.0) / .pi).squareRoot() * exp(-4 * log(2.0) * q * q)
        let l = 2 / (.pi * h) / (1 + 4 * q * q)
        sum += 50 * p.intensity * (0.4 * l + 0.6 * g)
      }
      return sum
    }
    return (x, y)
  }

  @Test func recoversTheCubicCellOfLPSC() throws {
    let lambda = 1.540562
    var truth = try Self.structure("Li6PS5Cl.cif")
    let start = truth.cell.a
    truth.cell = try UnitCell(a: start + 0.01, b: start + 0.01, c: start + 0.01, alpha: 90, beta: 90, gamma: 90)
    let data = try synthetic(truth, lambda: lambda)
    var settings = LeBailFit.Settings(wavelength: lambda)
    settings.backgroundDegree = 1
    let r = try LeBailFit.fit(try Self.structure("Li6PS5Cl.cif"), x: data.x, y: data.y, settings: settings)
    #expect(r.success, "\(r.message)")
    #expect(abs(r.a.value - (start + 0.01)) < 1e-4, "a = \(r.a.value)")
    #expect(abs(r.zeroShift.value) < 1e-3 && abs(r.eta.value - 0.4) < 0.01)
    // The model cuts each peak at ±12 H, dropping the ≈ 2.6 % of a Lorentzian's area beyond it that
    // the pattern here keeps (2/(π·24) per unit η): Rwp ≈ 3 %, not 0.
    #expect(r.rwp < 0.04, "Rwp = \(r.rwp)")
  }

  @Test func refusesWhatItCannotFit() throws {
    let s = try Self.structure("Li6PS5Cl.cif")
    let settings = LeBailFit.Settings(wavelength: 1.540562)
    #expect(throws: InputError.self) { try LeBailFit.fit(s, x: [20, 21], y: [1, 2], settings: settings) }
    let x = (0..<50).map { 20 + Double($0) }
    #expect(throws: InputError.self) { try LeBailFit.fit(s, x: x, y: x.map { _ in .nan }, settings: settings) }
  }
}
