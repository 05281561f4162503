/// Equation 4 of the Li model coupled into equation 1: plane-strain elasticity with
/// C(ξ) = h(ξ)C_Li + (1 − h(ξ))C_e (isotropic, from E and ν; an upper electrolyte layer may
/// differ) and the in-plane Vegard eigenstrain ε⁰ = λ_V·h(ξ)·I₂, solved by `MechanicsSolver` on
/// the rows 0…Ny−1 as a periodic cell (the electrodes are not clamped; the mean strain is 0).
/// The phase-field driving force is ∂f_els/∂ξ = h′(ξ)[½ε^E:(C_Li − C_e):ε^E − λ_V(σ_xx + σ_yy)],
/// f_els = ½ε^E:C:ε^E, ε^E = ε − ε⁰ (J/m³).
final class LiModelMechanics {
  let solver: MechanicsSolver
  let settings: SimulationConfig.MechanicsSettings
  let nx: Int
  let rows: Int
  let metal: (lambda: Double, mu: Double)
  let lower: (lambda: Double, mu: Double)
  let upper: (lambda: Double, mu: Double)
  let layerRow: Int

  /// Relative CG residual of the coupled mechanics solve. The elastic force enters the ξ step
  /// lagged (solved on ξⁿ, used for ξⁿ⁺¹), an O(Δξ) splitting error of up to
  /// max_phase_change = 2 % of the force per step; a residual of 1e-5 bounds the strain error
  /// by κ·1e-5 ≈ 5e-5 relative (κ ≤ 4.7, the larger of the shear and bulk contrasts Li/LPSC
  /// under the solver's geometric-mean reference medium), 400 times below that;
  /// `MechanicsSchemeTests.testProductionToleranceMatchesTightSolve` checks stress and force
  /// against a 1e-11 solve. Warm-started from the strain extrapolated in time from the last
  /// three solves (`LiModel.extrapolatedStrain`) this takes 1–2 iterations per step at 1024²
  /// (`sim bench model --mechanics`: 1.6 on average; 4.2 from the previous strain alone).
  /// At this tolerance the preconditioner runs in single precision
  /// (`MechanicsSolver.singlePrecisionTolerance`).
  static let tolerance = 1e-5

  init(settings: SimulationConfig.MechanicsSettings, physics: LiModelPhysics, numerics: LiModelNumerics) {
    self.settings = settings
    nx = numerics.nx
    rows = numerics.ny
    solver = MechanicsSolver(nx: numerics.nx, ny: numerics.ny, lengthX: numerics.lengthX,
                             lengthY: numerics.lengthY, tolerance: Self.tolerance)
    metal = MechanicsSolver.lame(young: settings.metalYoungModulus, poisson: settings.metalPoissonRatio)
    lower = MechanicsSolver.lame(young: settings.electrolyteYoungModulus, poisson: settings.electrolytePoissonRatio)
    upper = MechanicsSolver.lame(young: settings.upperElectrolyteYoungModulus ?? settings.electrolyteYoungModulus,
                                 poisson: settings.upperElectrolytePoissonRatio ?? settings.electrolytePoissonRatio)
    let layered = settings.upperElectrolyteYoungModulus != nil || settings.upperElectrolytePoissonRatio != nil
    layerRow = layered
      ? (0..<numerics.ny).first { Double($0) * numerics.spacingY >= physics.layerHeight * numerics.lengthY } ?? numerics.ny
      : numerics.ny
  }

  /// Stiffness and eigenstrain of the last ξ, kept so a step allocates only its results.
  private var lame: [Double] = []
  private var shear: [Double] = []
  private var eigen: [Double] = []

  /// Solves for the strain of ξ and returns the driving force on all node rows (0…Ny), the new
  /// strain, CG iterations and the largest von Mises stress. The stress is formed node by node
  /// in the pass that makes the force (no stress fields are stored).
  /// `previousStrain` (the warm start) is consumed: the solver writes the new strain over it.
  func drivingForce(xi: [Double], previousStrain: consuming [[Double]]?)
    -> (force: [Double], strain: [[Double]], iterations: Int, maxVonMises: Double)
  {
    let n = nx * rows
    if lame.count != n {
      lame = [Double](repeating: 0, count: n)
      shear = lame
      eigen = lame
    }
    let vegard = settings.vegardCoefficient
    let nx = self.nx, rows = self.rows, layerRow = self.layerRow
    let metal = self.metal, lower = self.lower, upper = self.upper
    xi.withUnsafeBufferPointer { xi in
    lame.withUnsafeMutableBufferPointer { lame in
    shear.withUnsafeMutableBufferPointer { shear in
    eigen.withUnsafeMutableBufferPointer { eigen in
      for j in 0..<rows {
        let matrix = j >= layerRow ? upper : lower
        for i in 0..<nx {
          let k = j * nx + i
          let x = min(max(xi[k], 0), 1)
          let h = x * x * x * (6 * x * x - 15 * x + 10)
          lame[k] = h * metal.lambda + (1 - h) * matrix.lambda
          shear[k] = h * metal.mu + (1 - h) * matrix.mu
          eigen[k] = vegard * h
        }
      }
    }
    }
    }
    }
    let result = solver.solveStrain(lame: lame, shear: shear, eigenstrain: eigen, initialStrain: consume previousStrain)
    var force = [Double](repeating: 0, count: nx * (rows + 1))
    var maxVonMises = 0.0
    // λ, μ and e⁰ are formed again from ξ (the same expressions, so the same bits as the
    // solve's) rather than read back: three fewer fields streamed through memory.
    xi.withUnsafeBufferPointer { xi in
    result.strain[0].withUnsafeBufferPointer { e0 in
    result.strain[1].withUnsafeBufferPointer { e1 in
    result.strain[2].withUnsafeBufferPointer { e2 in
    force.withUnsafeMutableBufferPointer { force in
      for j in 0..<rows {
        let matrix = j >= layerRow ? upper : lower
        let deltaLame = metal.lambda - matrix.lambda, deltaShear = metal.mu - matrix.mu
        var rowMax = 0.0
        for i in 0..<nx {
          let k = j * nx + i
          let x = min(max(xi[k], 0), 1)
          let h = x * x * x * (6 * x * x - 15 * x + 10)
          let hPrime = 30 * x * x * (1 - x) * (1 - x)
          let lame = h * metal.lambda + (1 - h) * matrix.lambda
          let shear = h * metal.mu + (1 - h) * matrix.mu
          let eigen = vegard * h
          let exx = e0[k] - eigen, eyy = e1[k] - eigen, exy = e2[k]
          let trace = exx + eyy
          let energy = 0.5 * (deltaLame * trace * trace + 2 * deltaShear * (exx * exx + eyy * eyy + 2 * exy * exy))
          let sxx = lame * trace + 2 * shear * exx, syy = lame * trace + 2 * shear * eyy
          force[k] = hPrime * (energy - vegard * (sxx + syy))
          let vonMises = MechanicsSolver.vonMises(xx: sxx, yy: syy, zz: lame * trace, xy: 2 * shear * exy)
          rowMax = max(rowMax, vonMises)
        }
        maxVonMises = max(maxVonMises, rowMax)
      }
      for i in 0..<nx { force[rows * nx + i] = force[(rows - 1) * nx + i] }
    }
    }
    }
    }
    }
    return (force, result.strain, result.iterations, maxVonMises)
  }
}
