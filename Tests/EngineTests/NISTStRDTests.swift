import XCTest
@testable import Engine

/// The NIST Statistical Reference Datasets for nonlinear regression
/// (https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml; public-domain data of the U.S.
/// National Institute of Standards and Technology). Data, both starting points and the certified
/// values (to 11 digits as NIST prints them) are typed in from the NIST pages; the LM core must
/// reach the certified parameters to 6 significant digits from both starts, and the certified
/// standard errors to 4.
final class NISTStRDTests: XCTestCase {
  struct Problem {
    var name: String
    var x: [Double]
    var y: [Double]
    var starts: [[Double]]
    var certified: [Double]
    var certifiedStandardErrors: [Double]
    var certifiedRSS: Double
    var f: @Sendable (Double, [Double]) -> Double
    var grad: @Sendable (Double, [Double]) -> [Double]
  }

  func check(_ p: Problem, file: StaticString = #filePath, line: UInt = #line) {
    for (k, start) in p.starts.enumerated() {
      let x = p.x, y = p.y, f = p.f, grad = p.grad
      let model = FitModel(
        residualCount: x.count,
        residuals: { b in (0..<x.count).map { f(x[$0], b) - y[$0] } },
        jacobian: { b in Matrix((0..<x.count).map { grad(x[$0], b) }) })
      let params = Parameters(start.enumerated().map { Parameter("b\($0.offset + 1)", value: $0.element) })
      let result = Minimizer(model: model).minimize(params)
      XCTAssertTrue(result.success, "\(p.name) start \(k + 1): \(result.message)", file: file, line: line)
      for i in 0..<p.certified.count {
        let rel = abs(result.values[i] - p.certified[i]) / abs(p.certified[i])
        XCTAssertLessThan(rel, 5e-7, "\(p.name) start \(k + 1) b\(i + 1) = \(result.values[i]), certified \(p.certified[i])", file: file, line: line)
        let relSE = abs(result.standardErrors[i] - p.certifiedStandardErrors[i]) / p.certifiedStandardErrors[i]
        XCTAssertLessThan(relSE, 5e-4, "\(p.name) start \(k + 1) se(b\(i + 1)) = \(result.standardErrors[i])", file: file, line: line)
      }
      XCTAssertEqual(result.chiSquare, p.certifiedRSS, accuracy: p.certifiedRSS * 1e-6, "\(p.name) RSS", file: file, line: line)
    }
  }

  func testMisra1a() {
    check(Problem(
      name: "Misra1a",
      x: [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0],
      y: [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78],
      starts: [[500, 1e-4], [250, 5e-4]],
      certified: [2.3894212918E+02, 5.5015643181E-04],
      certifiedStandardErrors: [2.7070075241E+00, 7.2668688436E-06],
      certifiedRSS: 1.2455138894E-01,
      f: { x, b in b[0] * (1 - exp(-b[1] * x)) },
      grad: { x, b in [1 - exp(-b[1] * x), b[0] * x * exp(-b[1] * x)] }))
  }

  func testThurber() {
    check(Problem(
      name: "Thurber",
      x: [-3.067, -2.981, -2.921, -2.912, -2.840, -2.797, -2.702, -2.699, -2.633, -2.481, -2.363, -2.322,
          -1.501, -1.460, -1.274, -1.212, -1.100, -1.046, -0.915, -0.714, -0.566, -0.545, -0.400, -0.309,
          -0.109, -0.103, 0.010, 0.119, 0.377, 0.790, 0.963, 1.006, 1.115, 1.572, 1.841, 2.047, 2.200],
      y: [80.574, 84.248, 87.264, 87.195, 89.076, 89.608, 89.868, 90.101, 92.405, 95.854, 100.696, 101.060,
          401.672, 390.724, 567.534, 635.316, 733.054, 759.087, 894.206, 990.785, 1090.109, 1080.914,
          1122.643, 1178.351, 1260.531, 1273.514, 1288.339, 1327.543, 1353.863, 1414.509, 1425.208,
          1421.384, 1442.962, 1464.350, 1468.705, 1447.894, 1457.628],
      starts: [[1000, 1000, 400, 40, 0.7, 0.3, 0.03], [1300, 1500, 500, 75, 1, 0.4, 0.05]],
      certified: [1.2881396800E+03, 1.4910792535E+03, 5.8323836877E+02, 7.5416644291E+01,
                  9.6629502864E-01, 3.9797285797E-01, 4.9727297349E-02],
      certifiedStandardErrors: [4.6647963344E+00, 3.9571156086E+01, 2.8698696102E+01, 5.5675370270E+00,
                                3.1333340687E-02, 1.4984928198E-02, 6.5842344623E-03],
      certifiedRSS: 5.6427082397E+03,
      f: { x, b in
        (b[0] + b[1] * x + b[2] * x * x + b[3] * x * x * x) / (1 + b[4] * x + b[5] * x * x + b[6] * x * x * x)
      },
      grad: { x, b in
        let num = b[0] + b[1] * x + b[2] * x * x + b[3] * x * x * x
        let den = 1 + b[4] * x + b[5] * x * x + b[6] * x * x * x
        let q = -num / (den * den)
        return [1 / den, x / den, x * x / den, x * x * x / den, q * x, q * x * x, q * x * x * x]
      }))
  }

  func testMGH09() {
    check(Problem(
      name: "MGH09",
      x: [4.0, 2.0, 1.0, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625],
      y: [0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246],
      starts: [[25, 39, 41.5, 39], [0.25, 0.39, 0.415, 0.39]],
      certified: [1.9280693458E-01, 1.9128232873E-01, 1.2305650693E-01, 1.3606233068E-01],
      certifiedStandardErrors: [1.1435312227E-02, 1.9633220911E-01, 8.0842031232E-02, 9.0025542308E-02],
      certifiedRSS: 3.0750560385E-04,
      f: { x, b in b[0] * (x * x + x * b[1]) / (x * x + x * b[2] + b[3]) },
      grad: { x, b in
        let num = x * x + x * b[1], den = x * x + x * b[2] + b[3]
        return [num / den, b[0] * x / den, -b[0] * num * x / (den * den), -b[0] * num / (den * den)]
      }))
  }

  func testLanczos3() {
    check(Problem(
      name: "Lanczos3",
      x: (0..<24).map { Double($0) * 0.05 },
      y: [2.5134, 2.0443, 1.6684, 1.3664, 1.1232, 0.9269, 0.7679, 0.6389, 0.5338, 0.4479, 0.3776, 0.3197,
          0.2720, 0.2325, 0.1997, 0.1723, 0.1493, 0.1301, 0.1138, 0.1000, 0.0883, 0.0783, 0.0698, 0.0624],
      starts: [[1.2, 0.3, 5.6, 5.5, 6.5, 7.6], [0.5, 0.7, 3.6, 4.2, 4.0, 6.3]],
      certified: [8.6816414977E-02, 9.5498101505E-01, 8.4400777463E-01, 2.9515951832E+00,
                  1.5825685901E+00, 4.9863565084E+00],
      certifiedStandardErrors: [1.7197908859E-02, 9.7041624475E-02, 4.1488663282E-02, 1.0766312506E-01,
                                5.8371576281E-02, 3.4436403035E-02],
      certifiedRSS: 1.6117193594E-08,
      f: { x, b in b[0] * exp(-b[1] * x) + b[2] * exp(-b[3] * x) + b[4] * exp(-b[5] * x) },
      grad: { x, b in
        let e1 = exp(-b[1] * x), e2 = exp(-b[3] * x), e3 = exp(-b[5] * x)
        return [e1, -b[0] * x * e1, e2, -b[2] * x * e2, e3, -b[4] * x * e3]
      }))
  }
}
