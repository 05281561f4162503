import Formats
import XCTest
@testable import Engine

final class CircuitTests: XCTestCase {
  func testParsesNamesUnitsAndStructure() throws {
    let c = try Circuit("L0-R0-p(R1,CPE1)-p(R2,CPE2)")
    XCTAssertEqual(c.parameterNames, ["L0", "R0", "R1", "CPE1_0", "CPE1_1", "R2", "CPE2_0", "CPE2_1"])
    XCTAssertEqual(c.parameterUnits, ["H", "Ohm", "Ohm", "Ohm^-1 s^n", "", "Ohm", "Ohm^-1 s^n", ""])
    let nested = try Circuit("R0-p(R1-Wo1, C1)-ZARC2-K3-G4-Ws5-La6-W7")
    XCTAssertEqual(nested.parameterNames, ["R0", "R1", "Wo1_0", "Wo1_1", "C1", "ZARC2_0", "ZARC2_1", "ZARC2_2",
                                           "K3_0", "K3_1", "G4_0", "G4_1", "Ws5_0", "Ws5_1", "La6_0", "La6_1", "W7"])
    XCTAssertEqual(try Circuit("p(p(R1,C1),R2)").parameterCount, 3)
  }

  func testMalformedCircuitsNameColumnAndExpectation() {
    func error(_ s: String) -> InputError? {
      do { _ = try Circuit(s); return nil } catch let e as InputError { return e } catch { return nil }
    }
    XCTAssertEqual(error("R0-X1")?.column, 4)
    XCTAssertTrue(error("R0-X1")?.message.contains("unknown element 'X'") ?? false)
    XCTAssertEqual(error("R0-p(R1,C1")?.column, 11)
    XCTAssertTrue(error("R0-p(R1,C1")?.message.contains("expected ')'") ?? false)
    XCTAssertEqual(error("R0-")?.column, 4)
    XCTAssertEqual(error("R-C1")?.column, 2)
    XCTAssertTrue(error("R-C1")?.message.contains("index") ?? false)
    XCTAssertEqual(error("R0-R0")?.column, 4)
    XCTAssertTrue(error("R0-R0")?.message.contains("twice") ?? false)
    XCTAssertEqual(error("p(R1)")?.column, 5)
    XCTAssertEqual(error("R0 R1")?.column, 4)
    XCTAssertEqual(error("")?.column, 1)
    XCTAssertEqual(error("p R1")?.column, 3)
    XCTAssertEqual(error("R0-p(R1;C1)")?.column, 8)
  }

  /// Hand values: R∥C at ω = 1/(RC) is R/2 − jR/2; a CPE with n = 1 is a capacitor; Ws → Z₀ and
  /// Wo → Z₀/(jωτ) + Z₀/3 as ω → 0; Gerischer → R at ω → 0 and R/√(1+j) at ωτ = 1; Zarc with
  /// φ = 1 is R∥C with C = τ/R; W is A(1 − j)/√ω.
  func testAnalyticValues() throws {
    let rc = try Circuit("p(R1,C1)")
    let w = 1 / (100 * 1e-6)
    let z = rc.impedance([100, 1e-6], frequency: w / (2 * .pi))
    XCTAssertEqual(z.re, 50, accuracy: 1e-12)
    XCTAssertEqual(z.im, -50, accuracy: 1e-12)
    let cpe = try Circuit("CPE1").impedance([1e-6, 1], frequency: 1000)
    let c = try Circuit("C1").impedance([1e-6], frequency: 1000)
    XCTAssertEqual(cpe.re, c.re, accuracy: 1e-9)
    XCTAssertEqual(cpe.im, c.im, accuracy: 1e-9 * abs(c.im))
    let ws = try Circuit("Ws1").impedance([10, 1], frequency: 1e-7)
    XCTAssertEqual(ws.re, 10, accuracy: 1e-6)
    let woF = 1e-5, wo = try Circuit("Wo1").impedance([10, 1], frequency: woF)
    XCTAssertEqual(wo.re, 10.0 / 3, accuracy: 1e-6)
    XCTAssertEqual(wo.im, -10 / (2 * .pi * woF), accuracy: 1e-3)
    let g = try Circuit("G1").impedance([7, 1e-3], frequency: 1 / (2 * .pi * 1e-3))
    let expected = 7 / ComplexNumber.sqrt(ComplexNumber(1, 1))
    XCTAssertEqual(g.re, expected.re, accuracy: 1e-12)
    XCTAssertEqual(g.im, expected.im, accuracy: 1e-12)
    let zarc = try Circuit("Zarc1").impedance([100, 1e-4, 1], frequency: 123)
    let rc2 = rc.impedance([100, 1e-6], frequency: 123)
    XCTAssertEqual(zarc.re, rc2.re, accuracy: 1e-10)
    XCTAssertEqual(zarc.im, rc2.im, accuracy: 1e-10)
    let warburg = try Circuit("W1").impedance([3], frequency: 2 / (2 * .pi))
    XCTAssertEqual(warburg.re, 3 / 2.0.squareRoot(), accuracy: 1e-12)
    XCTAssertEqual(warburg.im, -3 / 2.0.squareRoot(), accuracy: 1e-12)
    let la = try Circuit("La1").impedance([2e-6, 1], frequency: 1000)
    XCTAssertEqual(la.im, 2e-6 * 2 * .pi * 1000, accuracy: 1e-12)
    XCTAssertEqual(la.re, 0, accuracy: 1e-15)
  }

  /// The analytic gradient agrees with central differences for every element, in series and in
  /// parallel.
  func testGradientMatchesFiniteDifferences() throws {
    let c = try Circuit("L0-R0-p(R1,CPE1)-p(R2-Wo1,C2)-p(Ws1,La1)-G1-Zarc1-K1-W1")
    let p: [Double] = [2e-7, 5, 40, 2e-5, 0.85, 30, 20, 0.5, 3e-6, 15, 0.2, 1e-4, 0.7, 12, 1e-3, 25, 1e-2, 0.75, 8, 1e-5, 4]
    XCTAssertEqual(p.count, c.parameterCount)
    for f in [1e5, 310.0, 2.7, 0.05] {
      var g = [ComplexNumber](repeating: .zero, count: p.count)
      _ = c.impedance(p, frequency: f, gradient: &g)
      for k in 0..<p.count {
        var up = p, down = p
        let h = p[k] * 1e-6
        up[k] += h
        down[k] -= h
        let d = (c.impedance(up, frequency: f) - c.impedance(down, frequency: f)) / (2 * h)
        // Central differences lose about ε·|Z|/h to rounding; allow that plus 1e-5 relative.
        let tolerance = 1e-5 * d.magnitude + 1e-9 * c.impedance(p, frequency: f).magnitude / p[k]
        XCTAssertEqual(g[k].re, d.re, accuracy: tolerance, "\(c.parameterNames[k]) at \(f) Hz")
        XCTAssertEqual(g[k].im, d.im, accuracy: tolerance, "\(c.parameterNames[k]) at \(f) Hz")
      }
    }
  }
}
