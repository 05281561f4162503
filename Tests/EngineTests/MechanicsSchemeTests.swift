import XCTest
@testable import Engine

/// The pieces of the displacement-form mechanics solver: the staggered stencils, the reference
/// preconditioner, and the solution at the production tolerance against a tight solve.
final class MechanicsSchemeTests: XCTestCase {
  private func randomField(_ count: Int, seed: UInt64) -> [Double] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in rng.uniform() - 0.5 }
  }

  /// Dᵀ is the adjoint of D: ⟨D u, σ⟩ (xy counted twice) = ⟨u, Dᵀσ⟩ for arbitrary fields, on a
  /// non-square grid with unequal spacings so every index and spacing is exercised.
  func testDivergenceIsAdjointOfStrain() {
    let nx = 12, ny = 10, n = nx * ny
    let work = MechanicsWorkspace(nx: nx, ny: ny, hx: 0.3, hy: 0.7)
    let u = randomField(2 * n, seed: 1)
    let sxx = randomField(n, seed: 2), syy = randomField(n, seed: 3), sxy = randomField(n, seed: 4)
    var strainDotStress = 0.0
    u.withUnsafeBufferPointer { u in
      for j in 0..<ny {
        work.forEachStrain(of: u.baseAddress!, row: j) { i, e in
          let k = j * nx + i
          strainDotStress += e.xx * sxx[k] + e.yy * syy[k] + 2 * e.xy * sxy[k]
        }
      }
    }
    let f = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
    defer { f.deallocate() }
    let uDotF = u.withUnsafeBufferPointer { u in
      work.applyDivergence(into: f, dotWith: u.baseAddress!) { j, row in
        for i in 0..<nx {
          row.xx[i] = sxx[j * nx + i]
          row.yy[i] = syy[j * nx + i]
          row.xy[i] = sxy[j * nx + i]
        }
      }
    }
    XCTAssertEqual(uDotF, strainDotStress, accuracy: 1e-12 * abs(strainDotStress) + 1e-12)
    XCTAssertGreaterThan(abs(strainDotStress), 1e-3, "the check needs a non-trivial pairing")
  }

  /// The FFT preconditioner inverts the stencil operator K⁰ = Dᵀ C⁰ D: with f = K⁰u built by the
  /// stencils, z = K⁰⁻¹f gives back the same strain D z = D u (u itself up to its mean and the
  /// hourglass mode, which D does not see), and r·z = u·K⁰u.
  func testReferencePreconditionerInvertsStencilOperator() {
    let nx = 16, ny = 12, n = nx * ny
    let work = MechanicsWorkspace(nx: nx, ny: ny, hx: 0.5, hy: 0.25)
    let (lambda0, mu0) = (2.0, 0.7)
    let medium = MechanicsReferenceMedium(bulk: (lambda0 + mu0, lambda0 + mu0), shear: (mu0, mu0))
    let u = randomField(2 * n, seed: 7)
    let uDotKu = u.withUnsafeBufferPointer { u in
      work.applyDivergence(into: work.residual.pointer, dotWith: u.baseAddress!) { j, row in
        work.forEachStrain(of: u.baseAddress!, row: j) { i, e in
          let trace = e.xx + e.yy
          row.xx[i] = lambda0 * trace + 2 * mu0 * e.xx
          row.yy[i] = lambda0 * trace + 2 * mu0 * e.yy
          row.xy[i] = 2 * mu0 * e.xy
        }
      }
    }
    let rz = work.precondition(medium)
    XCTAssertEqual(rz, uDotKu, accuracy: 1e-10 * uDotKu)
    let z = Array(UnsafeBufferPointer(start: work.product.pointer, count: 2 * n))
    var worst = 0.0, scale = 0.0
    u.withUnsafeBufferPointer { u in
      z.withUnsafeBufferPointer { z in
        for j in 0..<ny {
          var fromU: [(xx: Double, yy: Double, xy: Double)] = []
          work.forEachStrain(of: u.baseAddress!, row: j) { _, e in fromU.append(e) }
          work.forEachStrain(of: z.baseAddress!, row: j) { i, e in
            worst = max(worst, abs(e.xx - fromU[i].xx), abs(e.yy - fromU[i].yy), abs(e.xy - fromU[i].xy))
            scale = max(scale, abs(fromU[i].xx), abs(fromU[i].yy))
          }
        }
      }
    }
    XCTAssertLessThan(worst, 1e-11 * scale)
  }

  /// The single-precision preconditioner is the double one to Float rounding: on the field f =
  /// K⁰u of the test above, z and r·z agree within 1e-6 relative (Float's 6e-8 rounding,
  /// accumulated over log₂N butterfly stages), so CG at 1e-5 sees the same operator.
  func testSinglePrecisionPreconditionerMatchesDouble() {
    let nx = 16, ny = 12, n = nx * ny
    let work = MechanicsWorkspace(nx: nx, ny: ny, hx: 0.5, hy: 0.25)
    let medium = MechanicsReferenceMedium(bulk: (2.7, 9.1), shear: (0.7, 3.2))
    let f = randomField(2 * n, seed: 11)
    for k in 0..<(2 * n) {
      work.residual.pointer[k] = f[k]
      work.single.input.pointer[k] = Float(f[k])
    }
    let rzDouble = work.precondition(medium)
    let rzSingle = work.startPreconditioningSingle(medium)
    work.finishPreconditioningSingle()
    XCTAssertEqual(rzSingle, rzDouble, accuracy: 1e-6 * rzDouble)
    let zDouble = UnsafeBufferPointer(start: work.product.pointer, count: 2 * n)
    let zSingle = UnsafeBufferPointer(start: work.single.output.pointer, count: 2 * n)
    let scale = zDouble.map(abs).max() ?? 0
    XCTAssertGreaterThan(scale, 0)
    let worst = zip(zDouble, zSingle).map { abs($0 - Double($1)) }.max() ?? 1
    XCTAssertLessThan(worst, 1e-6 * scale)
  }

  /// Production tolerance against a tight solve on a Li/LPSC configuration like the model's:
  /// a Li half-disc on the bottom row in LPSC (stiffness contrast 18, Vegard 0.05), cold and
  /// warm-started after the interface moves by one cell. The tolerance 1e-5 must leave the
  /// largest stress and the elastic driving force of `LiModelMechanics` within 1e-4 of their
  /// largest magnitudes (the bound argued in `LiModelMechanics.tolerance`).
  func testProductionToleranceMatchesTightSolve() {
    let n = 128
    let metal = MechanicsSolver.lame(young: 4.9e9, poisson: 0.42)
    let matrix = MechanicsSolver.lame(young: 22e9, poisson: 0.37)
    func fields(radius: Double) -> (lame: [Double], shear: [Double], eigen: [Double]) {
      var lame = [Double](repeating: 0, count: n * n), shear = lame, eigen = lame
      for j in 0..<n {
        for i in 0..<n {
          let d = (Double((i - n / 2) * (i - n / 2)) + Double(j * j)).squareRoot()
          let x = 0.5 * (1 - tanh((d - radius) / 2))
          let h = x * x * x * (6 * x * x - 15 * x + 10)
          lame[j * n + i] = h * metal.lambda + (1 - h) * matrix.lambda
          shear[j * n + i] = h * metal.mu + (1 - h) * matrix.mu
          eigen[j * n + i] = 0.05 * h
        }
      }
      return (lame, shear, eigen)
    }
    let loose = MechanicsSolver(nx: n, ny: n, lengthX: 1e-4, lengthY: 1e-4, tolerance: 1e-5)
    let tight = MechanicsSolver(nx: n, ny: n, lengthX: 1e-4, lengthY: 1e-4, tolerance: 1e-11)
    let first = fields(radius: 20)
    let previous = tight.solve(lame: first.lame, shear: first.shear, eigenstrain: first.eigen)
    XCTAssertLessThan(previous.relativeResidual, 1e-11)
    let moved = fields(radius: 21)
    for start in [nil, previous.strain] {
      let a = loose.solve(lame: moved.lame, shear: moved.shear, eigenstrain: moved.eigen, initialStrain: start)
      let b = tight.solve(lame: moved.lame, shear: moved.shear, eigenstrain: moved.eigen, initialStrain: start)
      XCTAssertLessThan(a.relativeResidual, 1e-5)
      let stressScale = b.stress.flatMap { $0 }.map(abs).max() ?? 0
      var stressError = 0.0
      for c in 0..<3 {
        for k in 0..<(n * n) { stressError = max(stressError, abs(a.stress[c][k] - b.stress[c][k])) }
      }
      XCTAssertGreaterThan(stressScale, 1e8, "Vegard 0.05 in LPSC stresses to GPa")
      XCTAssertLessThan(stressError, 1e-4 * stressScale)
      let forceA = force(a, moved, metal: metal, matrix: matrix), forceB = force(b, moved, metal: metal, matrix: matrix)
      let forceScale = forceB.map(abs).max() ?? 0
      let forceError = zip(forceA, forceB).map { abs($0 - $1) }.max() ?? 0
      XCTAssertLessThan(forceError, 1e-4 * forceScale)
    }
  }

  /// h′(ξ)[½ε^E:(C_Li − C_e):ε^E − λ_V(σ_xx + σ_yy)] as `LiModelMechanics` forms it, with h′ taken
  /// as 1 (only the strain-dependent factor is compared).
  private func force(_ result: MechanicsSolver.Result, _ fields: (lame: [Double], shear: [Double], eigen: [Double]),
                     metal: (lambda: Double, mu: Double), matrix: (lambda: Double, mu: Double)) -> [Double] {
    (0..<fields.eigen.count).map { k in
      let exx = result.strain[0][k] - fields.eigen[k], eyy = result.strain[1][k] - fields.eigen[k]
      let exy = result.strain[2][k], trace = exx + eyy
      let energy = 0.5 * ((metal.lambda - matrix.lambda) * trace * trace
        + 2 * (metal.mu - matrix.mu) * (exx * exx + eyy * eyy + 2 * exy * exy))
      return energy - 0.05 * (result.stress[0][k] + result.stress[1][k])
    }
  }
}
