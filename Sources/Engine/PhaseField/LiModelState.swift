import Foundation

/// The full state of a Li model run on the node grid (nx columns × (Ny+1) rows, row-major):
/// everything a restart needs to continue bit for bit.
public struct LiModelState: Sendable, Equatable {
  public var xi: [Double]
  /// Li⁺ concentration c (mol/m³), all rows (the electrode rows hold c0).
  public var concentration: [Double]
  /// Potential φ (V), all rows (the electrode rows hold the applied values).
  public var potential: [Double]
  public var time: Double
  public var step: Int
  /// The Δt the next step will try (from the last step's ξ change).
  public var nextDt: Double
  /// Total strain (xx, yy, xy) on rows 0…Ny−1 when mechanics is coupled: the warm start of the
  /// next mechanics solve, so it is part of the restart state.
  public var strain: [[Double]]?
  /// Δt from the ξ `strain` was solved on to this state's ξ (the last step's Δt); the strains
  /// of the ξ one and two steps before, each with the Δt from its ξ to the next strain's ξ (nil
  /// until that many strains exist, or when a checkpoint predates them): the next mechanics
  /// solve starts from the strain extrapolated in time (`LiModel.extrapolatedStrain`), so a
  /// restart needs them to take the same iterations and reach the same bits.
  public var strainDt: Double?
  public var previousStrain: [[Double]]?
  public var previousStrainDt: Double?
  public var olderStrain: [[Double]]?
  public var olderStrainDt: Double?
  /// The conductivity the potential's multigrid preconditioner was built from (it is reused
  /// while it keeps CG short), so a restart rebuilds the identical preconditioner.
  public var preconditionerSigma: [Double]?
  /// φⁿ⁻¹ and Δtⁿ (the last step's, from φⁿ⁻¹ to φⁿ), and φⁿ⁻² and Δtⁿ⁻¹ one step further back
  /// (nil until that many solved potentials exist): the potential solve starts from φ
  /// extrapolated in time with them, so a restart needs them to take the same iterations.
  public var previousPotential: [Double]?
  public var previousDt: Double?
  public var olderPotential: [Double]?
  public var olderDt: Double?
  /// φₑ and the bulk deposit of the electronic-path variant (nil in the single-potential model).
  public var electronic: ElectronicPathState?

  public init(xi: [Double], concentration: [Double], potential: [Double], time: Double = 0,
              step: Int = 0, nextDt: Double) {
    self.xi = xi
    self.concentration = concentration
    self.potential = potential
    self.time = time
    self.step = step
    self.nextDt = nextDt
  }
}

/// The initial lithium: a flat layer on the Li electrode plus a nucleus, both with the
/// equilibrium profile ξ = ½[1 − tanh(d/δ)], d the exact signed distance to the union (m).
/// The nucleus is a capsule standing on the electrode: the points within `radius` of the
/// vertical segment from the electrode up to `height − radius`, i.e. a filament of width
/// 2·radius with a round tip at `height`; height = radius (the default) is the semicircle.
public struct LiNucleus: Sendable, Equatable, Codable {
  public var layerThickness = 0.5e-6
  public var radius = 1.0e-6
  /// Tip height above the electrode (m); nil = radius (a semicircle). Never below radius.
  public var height: Double?
  /// Centre of the nucleus along x, as a fraction of the width (0.5 = middle).
  public var centre = 0.5
  /// Amplitude of uniform random noise added to ξ in the interface (0 = none), and its seed.
  public var noise = 0.0
  public var seed: UInt64 = 1

  public init() {}

  public func initialPhase(numerics: LiModelNumerics, width: Double) -> [Double] {
    let nx = numerics.nx, rows = numerics.ny + 1
    let hx = numerics.spacingX, hy = numerics.spacingY
    let cx = centre * numerics.lengthX
    var random = seed
    let stem = max((height ?? radius) - radius, 0)
    var xi = [Double](repeating: 0, count: nx * rows)
    for j in 0..<rows {
      let y = Double(j) * hy
      let dy = y - min(max(y, 0), stem)
      for i in 0..<nx {
        let x = Double(i) * hx
        let dx = x - cx
        let distance = min(y - layerThickness, (dx * dx + dy * dy).squareRoot() - radius)
        var value = 0.5 * (1 - tanh(distance / width))
        if noise > 0, value > 0.01, value < 0.99 {
          random = random &* 6364136223846793005 &+ 1442695040888963407
          value += noise * (Double(random >> 11) / Double(1 << 53) - 0.5)
        }
        xi[j * nx + i] = value
      }
    }
    return xi
  }
}

/// What one step did: the per-step diagnostics of the issue.
public struct LiStepDiagnostics: Sendable, Equatable {
  public var step: Int
  public var time: Double
  public var dt: Double
  public var minXi: Double
  public var maxXi: Double
  public var maxPhaseChange: Double
  public var minConcentration: Double
  /// ∫(c + c_s ξ) dA per unit depth (mol/m).
  public var lithiumTotal: Double
  public var potentialIterations: Int
  public var potentialResidual: Double
  /// Current density at the top electrode (A/m², positive into the cell, i.e. plating).
  public var current: Double
  public var mechanicsIterations = 0
  /// Largest von Mises stress (Pa), nil without mechanics.
  public var maxVonMises: Double?
}

/// A step that produced a non-finite value or a runaway field; the run keeps its last good state.
public struct LiModelDivergence: Error, Sendable, CustomStringConvertible {
  public var step: Int
  public var time: Double
  public var reason: String
  public var description: String { "diverged at step \(step) (t = \(time) s): \(reason)" }
}
