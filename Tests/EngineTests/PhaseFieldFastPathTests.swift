import Foundation
import XCTest
@testable import Engine

/// The speed paths of the phase-field engine against the plain definitions they replace:
/// blocked y transforms against the DST-I sum, the one-transform IMEX Euler step against the
/// three-transform one, the compact multigrid pieces against the general 9-point ones.
final class PhaseFieldFastPathTests: XCTestCase {
  private func randomField(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
  }

  /// FFTW's RODFT00 along y then r2c along x, written out as sums (FFTW's definitions):
  /// û[m][k] = Σ_j Σ_i u[j][i]·2 sin(π(j+1)(m+1)/(ny+1))·e^(−2πi·k·i/nx). Block widths 16
  /// (nx = 48), 2 (nx = 10) and 8 (nx = 24) are all exercised.
  func testBlockedDirichletTransformMatchesTheDefiningSum() {
    for nx in [48, 10, 24] {
      let ny = 9
      let t = SpectralTransform2D(nx: nx, ny: ny, lengthX: 1, lengthY: 1, boundary: .dirichlet)
      let u = randomField(t.fieldCount, seed: UInt64(nx))
      var hat = [Double]()
      t.forward(u, into: &hat)
      let columns = nx / 2 + 1
      var worst = 0.0
      for m in 0..<ny {
        for k in 0..<columns {
          var re = 0.0, im = 0.0
          for j in 0..<ny {
            let s = 2 * sin(Double.pi * Double((j + 1) * (m + 1)) / Double(ny + 1))
            for i in 0..<nx {
              let angle = -2 * Double.pi * Double(k * i) / Double(nx)
              re += u[j * nx + i] * s * cos(angle)
              im += u[j * nx + i] * s * sin(angle)
            }
          }
          let base = 2 * (m * columns + k)
          worst = max(worst, abs(hat[base] - re), abs(hat[base + 1] - im))
        }
      }
      XCTAssertLessThan(worst, 1e-12, "nx \(nx)")
    }
  }

  /// F⁻¹[(F u + Δt F N)/(1 − Δtλ)] and F⁻¹[F(u + Δt N)/(1 − Δtλ)] are the same step (F linear):
  /// the model's one-transform path agrees with the stepper's three-transform path to round-off,
  /// for ξ (with the elastic force term) and for c.
  func testOneTransformEulerStepMatchesThreeTransformStep() {
    let physics = LiModelPhysics()
    var numerics = LiModelNumerics()
    numerics.nx = 32
    numerics.ny = 32
    numerics.lengthX = 32 * 50e-9
    numerics.lengthY = 32 * 50e-9
    var nucleus = LiNucleus()
    nucleus.layerThickness = 0.2 * numerics.lengthY
    nucleus.radius = 0.3 * numerics.lengthY
    let state = LiModel.initialState(physics: physics, numerics: numerics, nucleus: nucleus)
    let phase = LiPhaseFieldEquation(physics: physics, numerics: numerics)
    phase.overpotential = state.potential.map { $0 * 0.5 }
    phase.concentration = state.concentration.map { $0 * 0.8 }
    phase.elasticForce = randomField(state.xi.count, seed: 3).map { $0 * 1e5 }
    let dt = 1e-3
    var spectral = SpectralState(u: state.xi, transform: phase.transform)
    var physical = SpectralState(physical: state.xi)
    IMEXEulerStepper().advance(&spectral, problem: phase, dt: dt)
    IMEXEulerStepper().advance(&physical, problem: phase, dt: dt)
    let change = zip(spectral.u, state.xi).map { abs($0 - $1) }.max() ?? 0
    XCTAssertGreaterThan(change, 1e-4, "the step must move ξ for the comparison to mean something")
    XCTAssertLessThan(zip(spectral.u, physical.u).map { abs($0 - $1) }.max() ?? 1, 1e-13)

    let concentration = LiConcentrationEquation(physics: physics, numerics: numerics)
    concentration.potential = state.potential
    concentration.phaseRate = randomField(state.xi.count, seed: 5).map { $0 * 1e-2 }
    let lifted = randomField(numerics.nx * numerics.ny, seed: 9).map { $0 * 100 }
    var cSpectral = SpectralState(u: lifted, transform: concentration.transform)
    var cPhysical = SpectralState(physical: lifted)
    IMEXEulerStepper().advance(&cSpectral, problem: concentration, dt: 1e-4)
    IMEXEulerStepper().advance(&cPhysical, problem: concentration, dt: 1e-4)
    let scale = lifted.map(abs).max() ?? 1
    XCTAssertLessThan((zip(cSpectral.u, cPhysical.u).map { abs($0 - $1) }.max() ?? 1) / scale, 1e-13)
  }

  /// A fine level with a conductivity contrast of 1e4, as the solver builds it.
  private func contrastLevel(nx: Int, intervals: Int) -> PotentialLevel {
    let solver = PotentialSolver(nx: nx, intervals: intervals, lengthX: 1, lengthY: 1.5)
    let sigma = randomField(nx * (intervals + 1), seed: 11).map { $0 > 0.2 ? 1e4 : 1 + $0 }
    return solver.finestLevel(sigma: sigma)
  }

  /// The compact five-point red–black sweep is Gauss–Seidel in red–black order on the general
  /// 9-point form of the fine operator, written here node by node (red: i + r even, each node
  /// solved for its unknown from the current neighbours), forward and backward, several
  /// sweeps so every coupling matters; and the compact product equals the general one.
  func testFivePointSweepIsRedBlackGaussSeidel() {
    let level = contrastLevel(nx: 16, intervals: 12)
    let general = StencilLevel(level), compact = FivePointLevel(level)
    let rhs = randomField(level.count, seed: 13)
    var a = [Double](repeating: 0, count: level.count), b = a
    let nx = level.nx, rows = level.rows, c = general.coefficients
    for forward in [true, false, true] {
      for colour in forward ? [0, 1] : [1, 0] {
        for r in 0..<rows {
          for i in 0..<nx where (i + r) % 2 == colour {
            let k = r * nx + i
            var s = rhs[k]
            for dy in -1...1 where r + dy >= 0 && r + dy < rows {
              for dx in -1...1 where dx != 0 || dy != 0 {
                s -= c[9 * k + 3 * (dy + 1) + dx + 1] * a[(r + dy) * nx + (i + dx + nx) % nx]
              }
            }
            a[k] = s / c[9 * k + 4]
          }
        }
      }
      compact.relax(&b, rhs: rhs, forward: forward)
    }
    let scale = a.map(abs).max() ?? 1
    XCTAssertGreaterThan(scale, 0)
    XCTAssertLessThan((zip(a, b).map { abs($0 - $1) }.max() ?? 1) / scale, 1e-12)
    var ya = [Double](repeating: 0, count: level.count), yb = ya
    general.apply(a, into: &ya)
    compact.apply(a, into: &yb)
    let yScale = ya.map(abs).max() ?? 1
    XCTAssertLessThan((zip(ya, yb).map { abs($0 - $1) }.max() ?? 1) / yScale, 1e-12)
  }

  /// Restriction and prolongation with implicit corner indices equal the (index, weight) form.
  func testCornerWeightsMatchIndexedTransfer() {
    let level = StencilLevel(contrastLevel(nx: 16, intervals: 16))
    let indexed = StencilTransfer(fine: level)
    var compact = indexed
    compact.compact(fineNx: level.nx)
    XCTAssertNotNil(compact.corners, "grids the multigrid coarsens must compact")
    let fine = randomField(level.count, seed: 17)
    var ra: [Double] = [], rb: [Double] = []
    indexed.restrict(fine, into: &ra)
    compact.restrict(fine, into: &rb)
    XCTAssertEqual(ra.count, rb.count)
    XCTAssertLessThan(zip(ra, rb).map { abs($0 - $1) }.max() ?? 1, 1e-12)
    let coarse = randomField(ra.count, seed: 19)
    var pa = fine, pb = fine
    indexed.prolongAdd(coarse, into: &pa)
    compact.prolongAdd(coarse, into: &pb)
    XCTAssertLessThan(zip(pa, pb).map { abs($0 - $1) }.max() ?? 1, 1e-12)
  }
}

extension PhaseFieldFastPathTests {
  /// The fused finest-level passes (sweep from zero with the residual restricted row by row,
  /// prolongation inside the backward sweep) give the V-cycle of the separate passes, on a
  /// grid with three levels and a conductivity contrast of 1e4.
  func testFusedFinestLevelCycleMatchesSeparatePasses() {
    let nx = 32, intervals = 32
    let solver = PotentialSolver(nx: nx, intervals: intervals, lengthX: 1, lengthY: 1)
    let sigma = randomField(nx * (intervals + 1), seed: 23).map { $0 > 0.2 ? 1e4 : 1 + $0 }
    let fused = solver.preconditioner(sigma: sigma)
    var separate = fused
    separate.fusesFinestLevel = false
    XCTAssertGreaterThan(fused.levels.count, 2)
    XCTAssertNotNil(fused.transfers[0].corners)
    let rhs = randomField(fused.levels[0].count, seed: 29)
    var za: [Double] = [], zb: [Double] = []
    fused.vCycle(rhs, into: &za)
    separate.vCycle(rhs, into: &zb)
    let scale = zb.map(abs).max() ?? 0
    XCTAssertGreaterThan(scale, 0)
    XCTAssertEqual(za.count, zb.count)
    XCTAssertLessThan((zip(za, zb).map { abs($0 - $1) }.max() ?? 1) / scale, 1e-12)
  }
}

extension PhaseFieldFastPathTests {
  /// The one-pass assembly of the finest potential level from node conductivities equals the
  /// definition: face conductivities by the harmonic mean 2ab/(a + b) formed here, the level
  /// built from them (`init(sx:sy:)`), its diagonal and inverse — number for number, on a
  /// grid with the periodic wrap and a contrast of 1e5.
  func testOnePassFinestLevelMatchesDefinition() {
    let nx = 12, intervals = 9, hx = 0.3, hy = 0.7
    let sigma = randomField(nx * (intervals + 1), seed: 31).map { $0 > 0.1 ? 1e5 : 1.5 + $0 }
    func harmonic(_ a: Double, _ b: Double) -> Double { 2 * a * b / (a + b) }
    var sx: [Double] = [], sy: [Double] = []
    for r in 0..<(intervals - 1) {
      for i in 0..<nx { sx.append(harmonic(sigma[(r + 1) * nx + i], sigma[(r + 1) * nx + (i + 1) % nx])) }
    }
    for f in 0..<intervals {
      for i in 0..<nx { sy.append(harmonic(sigma[f * nx + i], sigma[(f + 1) * nx + i])) }
    }
    let reference = PotentialLevel(nx: nx, intervals: intervals, hx: hx, hy: hy, sx: sx, sy: sy)
    let fast = PotentialLevel(nx: nx, intervals: intervals, hx: hx, hy: hy, sigma: sigma)
    XCTAssertEqual(fast.sx, reference.sx)
    XCTAssertEqual(fast.sy, reference.sy)
    XCTAssertEqual(fast.diagonal, reference.diagonal)
    XCTAssertEqual(fast.inverseDiagonal, reference.inverseDiagonal)
    XCTAssertEqual(reference.inverseDiagonal.count, nx * (intervals - 1))
    // the residual pass: b − A′u against the definition through `apply`
    let u = randomField(fast.count, seed: 32), b = randomField(fast.count, seed: 33)
    var product: [Double] = [], residual: [Double] = []
    fast.apply(u, into: &product)
    fast.residual(b, u, into: &residual)
    XCTAssertEqual(residual, zip(b, product).map { $0 - $1 })
    // A′u node by node from the definition: diagonal·u_k minus the face-weighted neighbours
    // (Dirichlet rows 0), the diagonal from `computeDiagonal` (apply forms it on the fly)
    let diagonal = reference.diagonal, rows = intervals - 1
    var worst = 0.0
    for r in 0..<rows {
      for i in 0..<nx {
        let k = r * nx + i, west = r * nx + (i + nx - 1) % nx, east = r * nx + (i + 1) % nx
        var value = diagonal[k] * u[k] - (sx[k] * u[east] + sx[west] * u[west]) / (hx * hx)
        if r > 0 { value -= sy[k] * u[k - nx] / (hy * hy) }
        if r < rows - 1 { value -= sy[k + nx] * u[k + nx] / (hy * hy) }
        worst = max(worst, abs(value - product[k]) / max(abs(value), diagonal[k] * 1e-3))
      }
    }
    XCTAssertLessThan(worst, 1e-12)
  }
}

extension PhaseFieldFastPathTests {
  /// The fused CG passes equal the separate ones number for number: the start (b assembled
  /// with the electrode terms, r = b − A′x on φ's interior rows, both Jacobi-scaled norms)
  /// and A′p with p·A′p — on a width that is a multiple of 4 (the lanes of the fused dot) and
  /// on one that is not (the separate dot), with one row and with many.
  func testFusedConjugateGradientPassesMatchSeparatePasses() {
    for (nx, intervals) in [(12, 9), (10, 7), (8, 2)] {
      let hx = 0.3, hy = 0.7, scale = 2.5, bottom = -0.2, top = 0.05
      let sigma = randomField(nx * (intervals + 1), seed: 51).map { $0 > 0.1 ? 1e5 : 1.5 + $0 }
      let level = PotentialLevel(nx: nx, intervals: intervals, hx: hx, hy: hy, sigma: sigma)
      let source = randomField(nx * (intervals + 1), seed: 52), guess = randomField(nx * (intervals + 1), seed: 53)
      let rows = intervals - 1, ihy2 = 1 / (hy * hy)
      var b = [Double](repeating: 0, count: level.count)
      for r in 0..<rows {
        for i in 0..<nx { b[r * nx + i] = -(scale * source[(r + 1) * nx + i]) }
      }
      for i in 0..<nx {
        b[i] += level.sy[i] * bottom * ihy2
        b[(rows - 1) * nx + i] += level.sy[rows * nx + i] * top * ihy2
      }
      let xSeparate = Array(guess[nx..<(nx * intervals)])
      var rSeparate: [Double] = []
      level.residual(b, xSeparate, into: &rSeparate)
      func scaledNorm(_ v: [Double]) -> Double {
        v.withUnsafeBufferPointer { v in
          level.inverseDiagonal.withUnsafeBufferPointer { d in
            VectorReductions.maxAbsProduct(v.baseAddress!, d.baseAddress!, count: v.count)
          }
        }
      }
      var r: [Double] = []
      let norms = guess.withUnsafeBufferPointer { all in
        level.startConjugateGradient(source: source, sourceScale: scale, bottom: bottom, top: top,
                                     x: all.baseAddress! + nx, residual: &r)
      }
      XCTAssertEqual(r, rSeparate, "\(nx)×\(intervals)")
      XCTAssertEqual(norms.rhsNorm, scaledNorm(b), "\(nx)×\(intervals)")
      XCTAssertEqual(norms.residualNorm, scaledNorm(rSeparate), "\(nx)×\(intervals)")
      XCTAssertGreaterThan(norms.residualNorm, 0)
      // A′p and p·A′p
      let p = randomField(level.count, seed: 54)
      var product: [Double] = [], fused: [Double] = []
      level.apply(p, into: &product)
      let sum = level.applyWithDot(p, into: &fused)
      XCTAssertEqual(fused, product, "\(nx)×\(intervals)")
      XCTAssertEqual(sum, dot(p, product), "\(nx)×\(intervals)")
    }
  }
}
