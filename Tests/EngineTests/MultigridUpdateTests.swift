import XCTest
@testable import Engine

/// The potential preconditioner updated in place where σ changed (`Multigrid.update`,
/// `PotentialSolver.updatePreconditioner`) against a fresh build from the new σ: every
/// array of every level must be the same number for number, or a restarted run (which builds
/// afresh from the checkpointed σ) would not continue bit for bit.
final class MultigridUpdateTests: XCTestCase {
  /// A dendrite-like conductivity: metal (1e5) below a front at row `front` with a bump,
  /// electrolyte (1) above, a smoothstep interface three rows wide (σ exactly 1e5 and 1 away
  /// from it, as h(ξ) makes it in a run).
  private func dendriteSigma(nx: Int, intervals: Int, front: Double) -> [Double] {
    var sigma = [Double](repeating: 1, count: nx * (intervals + 1))
    for j in 0...intervals {
      for i in 0..<nx {
        let x = Double(i) / Double(nx) - 0.5
        let height = front + 0.3 * Double(intervals) * exp(-x * x / 0.01)
        let s = min(max((height - Double(j)) / 3 + 0.5, 0), 1)
        let h = s * s * (3 - 2 * s)
        sigma[j * nx + i] = 1 + (1e5 - 1) * h
      }
    }
    return sigma
  }

  private func assertSame(_ a: Multigrid, _ b: Multigrid, _ label: String, file: StaticString = #filePath,
                          line: UInt = #line) {
    XCTAssertEqual(a.levels.count, b.levels.count, label, file: file, line: line)
    for (x, y) in zip(a.levels, b.levels) {
      XCTAssertTrue(x.coefficients == y.coefficients, "\(label): level \(x.nx)×\(x.rows) operator", file: file, line: line)
    }
    for (index, (x, y)) in zip(a.transfers, b.transfers).enumerated() {
      XCTAssertNotNil(x.corners, label, file: file, line: line)
      XCTAssertTrue(x.corners?.planes == y.corners?.planes, "\(label): transfer \(index)", file: file, line: line)
    }
    XCTAssertTrue(a.transferCornerWeights == b.transferCornerWeights, "\(label): corner weights", file: file, line: line)
    XCTAssertTrue(a.coefficientPlanes == b.coefficientPlanes, "\(label): planes", file: file, line: line)
    XCTAssertTrue(a.inverseCentres == b.inverseCentres, "\(label): inverse centres", file: file, line: line)
    XCTAssertTrue(a.finest?.east == b.finest?.east && a.finest?.north == b.finest?.north
                  && a.finest?.inverseCentre == b.finest?.inverseCentre, "\(label): finest level", file: file, line: line)
    // the coarsest factor, through the whole cycle
    let rhs = (0..<(a.finest?.count ?? 0)).map { sin(Double($0) * 0.37) }
    var za: [Double] = [], zb: [Double] = []
    a.vCycle(rhs, into: &za)
    b.vCycle(rhs, into: &zb)
    XCTAssertFalse(za.isEmpty, label, file: file, line: line)
    XCTAssertTrue(za == zb, "\(label): V-cycle", file: file, line: line)
  }

  /// σ changed in bands of rows at the bottom electrode, in the middle, at the top electrode,
  /// in one row, and everywhere; and the front moved as between two rebuilds of a run, on a
  /// square and on a non-square grid (each coarsening down to the dense coarsest level).
  func testUpdateEqualsFreshBuild() {
    for (nx, intervals) in [(64, 64), (32, 96)] {
      let solver = PotentialSolver(nx: nx, intervals: intervals, lengthX: 1, lengthY: Double(intervals) / Double(nx))
      let before = dendriteSigma(nx: nx, intervals: intervals, front: 0.2 * Double(intervals))
      let bands: [(String, ClosedRange<Int>)] = [
        ("bottom", 0...3), ("middle", 30...41), ("top", (intervals - 2)...intervals), ("row 17", 17...17),
        ("row 18", 18...18), ("everywhere", 0...intervals),
      ]
      for (name, band) in bands {
        var after = before
        for j in band {
          for i in 0..<nx where (i + j) % 3 != 0 { after[j * nx + i] *= 1 + 0.25 * sin(Double(i + 7 * j)) }
        }
        var updated = solver.preconditioner(sigma: before)
        solver.updatePreconditioner(&updated, from: before, to: after)
        assertSame(updated, solver.preconditioner(sigma: after), "\(nx)×\(intervals), \(name)")
      }
      let moved = dendriteSigma(nx: nx, intervals: intervals, front: 0.2 * Double(intervals) + 0.7)
      var updated = solver.preconditioner(sigma: before)
      solver.updatePreconditioner(&updated, from: before, to: moved)
      assertSame(updated, solver.preconditioner(sigma: moved), "\(nx)×\(intervals), moved front")
      // unchanged σ: nothing to do, and still the same preconditioner
      var same = solver.preconditioner(sigma: before)
      solver.updatePreconditioner(&same, from: before, to: before)
      assertSame(same, solver.preconditioner(sigma: before), "\(nx)×\(intervals), unchanged")
    }
  }

  /// A hierarchy without corner forms (`init(reference:)`) is built afresh by an update.
  func testReferenceHierarchyIsRebuilt() {
    let solver = PotentialSolver(nx: 32, intervals: 32, lengthX: 1, lengthY: 1)
    let before = dendriteSigma(nx: 32, intervals: 32, front: 6)
    let after = dendriteSigma(nx: 32, intervals: 32, front: 7)
    var multigrid = Multigrid(reference: solver.finestLevel(sigma: before))
    XCTAssertTrue(multigrid.transferCornerWeights.isEmpty)
    solver.updatePreconditioner(&multigrid, from: before, to: after)
    assertSame(multigrid, solver.preconditioner(sigma: after), "from a reference hierarchy")
  }
}
