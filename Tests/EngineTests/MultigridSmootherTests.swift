import XCTest
@testable import Engine

/// The potential multigrid's multicolour smoothers and their threading: the four-colour sweep
/// on the 9-point coarse levels against Gauss–Seidel written node by node, the V-cycle's
/// symmetry (conjugate gradients needs a symmetric preconditioner), and the same bits from
/// the cycle and the whole solve on any number of threads.
final class MultigridSmootherTests: XCTestCase {
  private func randomField(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
  }

  /// Node conductivities with a contrast of 1e4 (random islands).
  private func contrastSigma(nx: Int, intervals: Int, seed: UInt64) -> [Double] {
    randomField(nx * (intervals + 1), seed: seed).map { $0 > 0.2 ? 1e4 : 1 + $0 }
  }

  private func hierarchy(nx: Int, intervals: Int) -> Multigrid {
    let solver = PotentialSolver(nx: nx, intervals: intervals, lengthX: 1, lengthY: 1.5)
    return solver.preconditioner(sigma: contrastSigma(nx: nx, intervals: intervals, seed: 43))
  }

  /// Gauss–Seidel in the order (column parity, row parity) = (0,0), (1,0), (0,1), (1,1), each
  /// node solved for its unknown from the current values of its 8 neighbours (Dirichlet rows
  /// zero, x periodic): written here from the 9-per-node coefficients, independently of the
  /// library's sweeps.
  private func fourColourByNodes(_ level: StencilLevel, _ u: inout [Double], rhs: [Double], forward: Bool) {
    let nx = level.nx, rows = level.rows, a = level.coefficients
    let colours = [(0, 0), (1, 0), (0, 1), (1, 1)]
    for (cx, cy) in forward ? colours : colours.reversed() {
      for r in 0..<rows where r % 2 == cy {
        for i in 0..<nx where i % 2 == cx {
          let k = r * nx + i
          var s = rhs[k]
          for dy in -1...1 where r + dy >= 0 && r + dy < rows {
            for dx in -1...1 where dx != 0 || dy != 0 {
              s -= a[9 * k + 3 * (dy + 1) + dx + 1] * u[(r + dy) * nx + (i + dx + nx) % nx]
            }
          }
          u[k] = s / a[9 * k + 4]
        }
      }
    }
  }

  private func maxRelativeDifference(_ a: [Double], _ b: [Double]) -> Double {
    let scale = a.map(abs).max() ?? 0
    XCTAssertGreaterThan(scale, 0)
    XCTAssertEqual(a.count, b.count)
    return (zip(a, b).map { abs($0 - $1) }.max() ?? 1) / scale
  }

  /// The threaded planes sweep and the library's reference sweep are both four-colour
  /// Gauss–Seidel on a Galerkin coarse level (a full 9-point stencil), forward and backward
  /// from a non-zero start; after a forward sweep the nodes of the last colour satisfy their
  /// equations exactly (they were solved last), which the other colours do not.
  func testFourColourSweepIsGaussSeidelByNodes() {
    let multigrid = hierarchy(nx: 32, intervals: 32)
    let level = multigrid.levels[1]
    XCTAssertEqual(level.coefficients.count, 9 * level.count)
    XCTAssertTrue(level.coefficients.enumerated().contains { $0.offset % 9 == 0 && $0.element != 0 },
                  "the coarse operator must have corner couplings for the test to mean something")
    let rhs = randomField(level.count, seed: 47), start = randomField(level.count, seed: 53)
    var byNodes = start, reference = start, threaded = start
    let planes = level.planes(), inverse = level.inverseCentre()
    for forward in [true, false, true] {
      fourColourByNodes(level, &byNodes, rhs: rhs, forward: forward)
      level.relax(&reference, rhs: rhs, forward: forward)
      level.relaxFourColour(&threaded, rhs: rhs, planes: planes, inverseCentre: inverse, forward: forward)
    }
    XCTAssertLessThan(maxRelativeDifference(byNodes, reference), 1e-12)
    XCTAssertLessThan(maxRelativeDifference(byNodes, threaded), 1e-12)
    var product: [Double] = [Double](repeating: 0, count: level.count)
    level.apply(byNodes, into: &product)
    let scale = rhs.map(abs).max() ?? 1
    var lastColour = 0.0, others = 0.0
    for r in 0..<level.rows {
      for i in 0..<level.nx {
        let k = r * level.nx + i, residual = abs(rhs[k] - product[k]) / scale
        if r % 2 == 1 && i % 2 == 1 { lastColour = max(lastColour, residual) } else { others = max(others, residual) }
      }
    }
    XCTAssertLessThan(lastColour, 1e-9)
    XCTAssertGreaterThan(others, 1e-3)
  }

  /// x·M y = (M x)·y and x·M x > 0 for the V-cycle M (fused passes and separate ones), the
  /// properties conjugate gradients relies on (the backward sweep must be the forward one's
  /// adjoint: the same colours in reverse order).
  func testVCycleIsSymmetricPositiveDefinite() {
    let fused = hierarchy(nx: 64, intervals: 64)
    var separate = fused
    separate.fusesFinestLevel = false
    XCTAssertGreaterThan(fused.levels.count, 3)
    let x = randomField(fused.levels[0].count, seed: 59), y = randomField(fused.levels[0].count, seed: 61)
    for multigrid in [fused, separate] {
      var mx: [Double] = [], my: [Double] = []
      multigrid.vCycle(x, into: &mx)
      multigrid.vCycle(y, into: &my)
      let xMy = zip(x, my).map { $0 * $1 }.reduce(0, +), yMx = zip(y, mx).map { $0 * $1 }.reduce(0, +)
      let xMx = zip(x, mx).map { $0 * $1 }.reduce(0, +)
      XCTAssertGreaterThan(xMx, 0)
      XCTAssertLessThan(abs(xMy - yMx) / xMx, 1e-11)
    }
  }

  /// One, two and three threads give the same V-cycle and the same solve, bit for bit
  /// (at least 5 rows a thread here, dot products over two fixed blocks).
  func testCycleAndSolveAreBitIdenticalOnAnyThreadCount() {
    let threads = ParallelWork.threads, minimum = ParallelWork.minimumNodesPerChunk
    defer {
      ParallelWork.threads = threads
      ParallelWork.minimumNodesPerChunk = minimum
    }
    ParallelWork.minimumNodesPerChunk = 512
    let nx = 96, intervals = 96
    let solver = PotentialSolver(nx: nx, intervals: intervals, lengthX: 1, lengthY: 1)
    let sigma = contrastSigma(nx: nx, intervals: intervals, seed: 67)
    let source = randomField(nx * (intervals + 1), seed: 71)
    let rhs = randomField(nx * (intervals - 1), seed: 73)
    func run(_ count: Int) -> (cycle: [UInt64], phi: [UInt64], iterations: Int) {
      ParallelWork.threads = count
      let multigrid = solver.preconditioner(sigma: sigma)
      var z: [Double] = []
      multigrid.vCycle(rhs, into: &z)
      let result = solver.solve(fine: solver.finestLevel(sigma: sigma), source: source, sourceScale: 1, bottom: -0.2,
                                top: 0, initialGuess: nil, preconditioner: multigrid)
      XCTAssertTrue(result.converged)
      return (z.map(\.bitPattern), result.phi.map(\.bitPattern), result.iterations)
    }
    let one = run(1)
    XCTAssertGreaterThan(one.iterations, 2)
    for count in [2, 3] {
      let other = run(count)
      XCTAssertEqual(other.cycle, one.cycle, "\(count) threads: V-cycle")
      XCTAssertEqual(other.phi, one.phi, "\(count) threads: φ")
      XCTAssertEqual(other.iterations, one.iterations)
    }
  }
}
