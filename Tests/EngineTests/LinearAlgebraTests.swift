import XCTest
@testable import Engine

final class LinearAlgebraTests: XCTestCase {
  /// A = U S Vᵀ is reconstructed, U and V are orthonormal, singular values are sorted; the
  /// singular values of [[3, 0], [4, 5]] are √45 and √5 by hand (AᵀA = [[25, 20], [20, 25]],
  /// eigenvalues 45 and 5).
  func testSVDByHandAndReconstruction() {
    let a = Matrix([[3, 0], [4, 5]])
    let svd = SingularValueDecomposition(a)
    XCTAssertEqual(svd.singularValues[0], 45.0.squareRoot(), accuracy: 1e-13)
    XCTAssertEqual(svd.singularValues[1], 5.0.squareRoot(), accuracy: 1e-13)
    let tall = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10], [1, -1, 2], [0.5, 3, -2]])
    let s = SingularValueDecomposition(tall)
    for i in 0..<tall.rows {
      for j in 0..<tall.columns {
        var v = 0.0
        for k in 0..<3 { v += s.u[k][i] * s.singularValues[k] * s.v[k][j] }
        XCTAssertEqual(v, tall[i, j], accuracy: 1e-12)
      }
    }
    for p in 0..<3 {
      for q in 0..<3 {
        XCTAssertEqual(Vector.dot(s.v[p], s.v[q]), p == q ? 1 : 0, accuracy: 1e-13)
        XCTAssertEqual(Vector.dot(Array(s.u[p].prefix(5)), Array(s.u[q].prefix(5))), p == q ? 1 : 0, accuracy: 1e-13)
      }
    }
    XCTAssertGreaterThanOrEqual(s.singularValues[0], s.singularValues[1])
    XCTAssertGreaterThanOrEqual(s.singularValues[1], s.singularValues[2])
  }

  /// Least squares through SVD and through QR agree with the normal-equation solution worked by
  /// hand: fitting y = a + b x to (0, 1), (1, 3), (2, 4) gives b = 1.5, a = 7/6.
  func testLeastSquaresByHand() throws {
    let a = Matrix([[1, 0], [1, 1], [1, 2]])
    let y = [1.0, 3, 4]
    let x = SingularValueDecomposition(a).solve(y)
    XCTAssertEqual(x[0], 7.0 / 6, accuracy: 1e-14)
    XCTAssertEqual(x[1], 1.5, accuracy: 1e-14)
    let qr = QRDecomposition(a, y)
    // Back substitution on R x = Qᵀy.
    let x1 = qr.qTransposeB[1] / qr.r[1, 1]
    let x0 = (qr.qTransposeB[0] - qr.r[0, 1] * x1) / qr.r[0, 0]
    XCTAssertEqual(x0, 7.0 / 6, accuracy: 1e-14)
    XCTAssertEqual(x1, 1.5, accuracy: 1e-14)
    let chol = try XCTUnwrap(Cholesky(a.gram()))
    let xc = chol.solve(a.transposeTimes(y))
    XCTAssertEqual(xc[0], 7.0 / 6, accuracy: 1e-13)
    XCTAssertEqual(xc[1], 1.5, accuracy: 1e-13)
    let line = try XCTUnwrap(LinearRegression(x: [0, 1, 2], y: y))
    XCTAssertEqual(line.slope, 1.5, accuracy: 1e-14)
    XCTAssertEqual(line.intercept, 7.0 / 6, accuracy: 1e-14)
    // Residuals −1/6, 1/3, −1/6: s² = (1/36 + 1/9 + 1/36)/1 = 1/6, Sxx = 2 → se(b) = √(1/12).
    XCTAssertEqual(line.slopeStandardError, (1.0 / 12).squareRoot(), accuracy: 1e-14)
    XCTAssertEqual(line.rSquared, 1 - (1.0 / 6) / (14.0 / 3 - 0), accuracy: 1e-14)
  }

  func testCholeskyRejectsIndefiniteMatrix() {
    XCTAssertNil(Cholesky(Matrix([[1, 2], [2, 1]])))
  }

  /// Complex helpers against hand values: √(−4) = 2j, tanh(jπ/4) = j, (j·4)^0.5 = √2(1 + j).
  func testComplexHelpers() {
    let r = ComplexNumber.sqrt(ComplexNumber(-4, 0))
    XCTAssertEqual(r.re, 0, accuracy: 1e-15)
    XCTAssertEqual(r.im, 2, accuracy: 1e-15)
    let t = ComplexNumber.tanh(ComplexNumber(0, Double.pi / 4))
    XCTAssertEqual(t.re, 0, accuracy: 1e-15)
    XCTAssertEqual(t.im, 1, accuracy: 1e-15)
    let p = ComplexNumber.powImaginary(omega: 4, 0.5)
    XCTAssertEqual(p.re, 2.0.squareRoot(), accuracy: 1e-15)
    XCTAssertEqual(p.im, 2.0.squareRoot(), accuracy: 1e-15)
    let q = ComplexNumber(1e-300, 1e-300) / ComplexNumber(1e-300, -1e-300)
    XCTAssertEqual(q.re, 0, accuracy: 1e-15)
    XCTAssertEqual(q.im, 1, accuracy: 1e-15)
  }
}
