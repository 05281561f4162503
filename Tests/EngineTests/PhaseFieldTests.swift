import XCTest
@testable import Engine
import Formats

final class PhaseFieldTests: XCTestCase {
  /// A quasi-1-D column (8 × 256, h = δ/5) with a flat Li layer, driven by the phase-field
  /// equation alone at uniform η and c.
  private func planarSetup() -> (LiModelPhysics, LiModelNumerics, LiPhaseFieldEquation, [Double]) {
    let physics = LiModelPhysics()
    var numerics = LiModelNumerics()
    let h = physics.interfaceWidth / 5
    numerics.nx = 8
    numerics.ny = 256
    numerics.lengthX = 8 * h
    numerics.lengthY = 256 * h
    var nucleus = LiNucleus()
    nucleus.layerThickness = 0.3 * numerics.lengthY
    nucleus.radius = 0
    let xi = nucleus.initialPhase(numerics: numerics, width: physics.interfaceWidth)
    return (physics, numerics, LiPhaseFieldEquation(physics: physics, numerics: numerics), xi)
  }

  /// Front position ∫ξ dy (trapezoid) averaged over the columns.
  private func frontPosition(_ xi: [Double], _ n: LiModelNumerics) -> Double {
    var sum = 0.0
    for j in 0...n.ny {
      let w = (j == 0 || j == n.ny) ? 0.5 : 1.0
      for i in 0..<n.nx { sum += w * xi[j * n.nx + i] }
    }
    return sum * n.spacingY / Double(n.nx)
  }

  private func advance(_ equation: LiPhaseFieldEquation, _ xi: [Double], dt: Double, steps: Int) -> [Double] {
    var state = SpectralState(u: xi, transform: equation.transform)
    for _ in 0..<steps { IMEXEulerStepper().advance(&state, problem: equation, dt: dt) }
    return state.u
  }

  /// Planar growth at η = −10 mV, c = c0: the front speed is within 3 % of the sharp-interface
  /// v = 3δ·Lη·[(c/c0)e^(−αFη/RT) − e^((1−α)Fη/RT)] (δ = √(2κ0/W); the factor 3δ is 1/∫ξ′²dy
  /// of the tanh profile). Hand value: B = e^(−0.1953) − e^(0.1953) = −0.3937, v = 1.81e-8 m/s.
  func testPlanarGrowthSpeed() {
    let (physics, numerics, equation, xi0) = planarSetup()
    let eta = -0.01
    equation.overpotential = [Double](repeating: eta, count: xi0.count)
    let expected = physics.planarSpeed(overpotential: eta, concentration: physics.referenceConcentration)
    XCTAssertEqual(expected, 3 * 30.55e-9 * 0.5 * 0.3937, accuracy: 0.01 * expected)
    let dt = 0.005
    let xi1 = advance(equation, xi0, dt: dt, steps: 1000)  // transient to the travelling profile
    let xi2 = advance(equation, xi1, dt: dt, steps: 3000)
    let speed = (frontPosition(xi2, numerics) - frontPosition(xi1, numerics)) / (3000 * dt)
    XCTAssertEqual(speed, expected, accuracy: 0.03 * expected)
  }

  /// Nernst equilibrium: c = 2c0 and η = (RT/F)ln 2 make the Butler–Volmer bracket vanish, so
  /// the interface stays put; the same interface at η = 0 (control) advances by ~0.9 µm·… .
  func testNernstEquilibriumInterfaceDoesNotMove() {
    let (physics, numerics, equation, xi0) = planarSetup()
    let c = 2 * physics.referenceConcentration
    equation.concentration = [Double](repeating: c, count: xi0.count)
    equation.overpotential = [Double](repeating: log(2) / physics.fOverRT, count: xi0.count)
    let start = frontPosition(xi0, numerics)
    let still = frontPosition(advance(equation, xi0, dt: 0.01, steps: 1000), numerics)
    XCTAssertLessThan(abs(still - start), 1e-3 * physics.interfaceWidth)
    equation.overpotential = [Double](repeating: 0, count: xi0.count)
    let moved = frontPosition(advance(equation, xi0, dt: 0.01, steps: 1000), numerics)
    XCTAssertGreaterThan(moved - start, 0.5 * physics.planarSpeed(overpotential: 0, concentration: c) * 10)
  }

  private func smallCoupledModel(nucleusCentre: Double = 0.5) throws -> LiModel {
    let physics = LiModelPhysics()
    var numerics = LiModelNumerics()
    // Gauss–Seidel sweeps run left to right, so φ is mirror-symmetric only to the solver
    // tolerance; solve tightly so the check sees the model's symmetry, not the tolerance.
    numerics.potentialTolerance = 1e-13
    let h = physics.interfaceWidth / 2
    numerics.nx = 64
    numerics.ny = 64
    numerics.lengthX = 64 * h
    numerics.lengthY = 64 * h
    var nucleus = LiNucleus()
    nucleus.layerThickness = 6 * h
    nucleus.radius = 12 * h
    nucleus.centre = nucleusCentre
    let state = LiModel.initialState(physics: physics, numerics: numerics, nucleus: nucleus)
    return try LiModel(physics: physics, numerics: numerics, state: state)
  }

  /// A centred seed without noise stays mirror-symmetric about the centre line (x ↔ Lx − x),
  /// and the coupled potentials stay between the electrode potentials (−0.1 V … 0 V) up to the
  /// solver tolerance.
  func testCentredSeedStaysMirrorSymmetric() throws {
    let model = try smallCoupledModel()
    for _ in 0..<40 { try model.step() }
    let n = model.numerics.nx
    var worst = 0.0
    for j in 0...model.numerics.ny {
      for i in 0..<n {
        worst = max(worst, abs(model.state.xi[j * n + i] - model.state.xi[j * n + (n - i) % n]))
      }
    }
    XCTAssertLessThan(worst, 1e-12)
    XCTAssertGreaterThan(model.state.time, 0)
    let phi = model.state.potential
    XCTAssertGreaterThanOrEqual(phi.min() ?? .nan, -0.1 - 1e-6)
    XCTAssertLessThanOrEqual(phi.max() ?? .nan, 1e-6)
    XCTAssertGreaterThan(model.lastDiagnostics?.maxXi ?? 0, 0.99)
  }

  func testInvalidGridIsAnInputError() {
    var numerics = LiModelNumerics()
    numerics.nx = 7
    let state = LiModel.initialState(physics: LiModelPhysics(), numerics: LiModelNumerics(), nucleus: LiNucleus())
    XCTAssertThrowsError(try LiModel(physics: LiModelPhysics(), numerics: numerics, state: state)) {
      XCTAssertTrue("\($0)".contains("nx"))
    }
  }
}
