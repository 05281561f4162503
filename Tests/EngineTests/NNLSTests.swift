import XCTest
@testable import Engine

final class NNLSTests: XCTestCase {
  /// Lawson & Hanson's kind of example worked by hand: A = I₂, b = (1, −1): the unconstrained
  /// solution (1, −1) violates x ≥ 0; the constrained one is (1, 0).
  func testClipsNegativeComponent() {
    let x = NonNegativeLeastSquares.solve(Matrix([[1, 0], [0, 1]]), [1, -1])
    XCTAssertEqual(x[0], 1, accuracy: 1e-14)
    XCTAssertEqual(x[1], 0)
  }

  /// A feasible exact system is solved exactly.
  func testRecoversNonNegativeSolution() {
    let a = Matrix([[1, 2, 0], [0, 1, 1], [1, 0, 3], [2, 1, 1]])
    let truth = [0.5, 0, 2]
    let x = NonNegativeLeastSquares.solve(a, a * truth)
    for k in 0..<3 { XCTAssertEqual(x[k], truth[k], accuracy: 1e-12) }
  }

  /// Hand case: min (x − 2)² + (x + y − 1)² with y ≥ 0: unconstrained optimum x = 2, y = −1;
  /// with y = 0 the best x is 1.5 (d/dx: (x − 2) + (x − 1) = 0).
  func testKKTPointOnTheBoundary() {
    let x = NonNegativeLeastSquares.solve(Matrix([[1, 0], [1, 1]]), [2, 1])
    XCTAssertEqual(x[0], 1.5, accuracy: 1e-14)
    XCTAssertEqual(x[1], 0)
  }

  /// A free variable may go negative: min (x + 1)² + (x + y + 2)² with x free, y ≥ 0. Unconstrained
  /// x = −1, y = −1; with y held at 0, (x + 1) + (x + 2) = 0 gives x = −1.5.
  func testFreeVariableMayBeNegative() {
    let x = NonNegativeLeastSquares.solve(Matrix([[1, 0], [1, 1]]), [-1, -2], free: [0])
    XCTAssertEqual(x[0], -1.5, accuracy: 1e-14)
    XCTAssertEqual(x[1], 0)
  }
}
