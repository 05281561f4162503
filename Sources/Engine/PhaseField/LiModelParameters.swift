import Foundation

/// Physical parameters of the Li dendrite model (paper.md's four equations), SI units.
/// Field conventions: ξ = 1 lithium metal, 0 electrolyte; the Li electrode is the bottom wall
/// (y = 0, potential `electrodePotential`, negative while plating), the counter electrode the top
/// wall (y = Ly, φ = 0, which is also the reference of the overpotential: η = φ − E_eq, E_eq = 0).
public struct LiModelPhysics: Sendable, Equatable, Codable {
  public var transferCoefficient = 0.5  // α
  public var gasConstant = 8.314  // J/(mol K)
  public var temperature = 297.15  // K
  public var faraday = 96500.0  // C/mol
  public var interfaceMobility = 5e-6  // Lσ, m³/(J s)
  public var reactionConstant = 0.5  // Lη, 1/s
  public var referenceConcentration = 1000.0  // c0, mol/m³
  public var siteDensity = 7.69e4  // c_s, mol/m³ (534 kg/m³ / 6.941 g/mol)
  public var anisotropyStrength = 0.1  // δ
  public var anisotropyMode = 4.0  // ω
  public var anisotropyAngle = 0.0  // θ0, rad: cos ω(θ − θ0), θ the normal's angle to x
  public var barrierHeight = 1.5e6  // W, J/m³
  public var gradientCoefficient = 7e-10  // κ0, J/m
  public var diffusivity = 1e-11  // D, m²/s
  public var sigmaMetal = 1e7  // S/m, σ of ξ = 1
  public var sigmaElectrolyte = 1.19  // S/m, σ of ξ = 0
  /// Optional upper layer (y ≥ layerHeight·Ly) with its own conductivities (model 3).
  public var upperSigmaMetal: Double?
  public var upperSigmaElectrolyte: Double?
  /// Li⁺ diffusivity of the upper layer's electrolyte (m²/s); nil = `diffusivity`. A layer with
  /// its own ionic conductivity needs its own D so that σ = F²Dc0/RT holds on both sides
  /// (Examples/sim/README.md); at most `diffusivity` (the migration Δt limit uses `diffusivity`).
  public var upperDiffusivity: Double?
  public var layerHeight = 0.5
  public var electrodePotential = -0.1  // V at y = 0 (top is 0 V)

  public init() {}

  /// Nernst–Einstein ionic conductivity of a single-ion conductor (only Li⁺ mobile):
  /// σ = F²·D·c0/(RT) in S/m (D in m²/s, c0 in mol/m³). The conductivity of equation 3's
  /// electrolyte that carries the same current as equation 2's Li⁺ migration flux D c (F/RT)∇φ
  /// at c = c0 (Bard & Faulkner, Electrochemical Methods, 2nd ed., eq. 4.2.17 with z = 1).
  public func nernstEinsteinConductivity(diffusivity d: Double) -> Double {
    faraday * fOverRT * d * referenceConcentration
  }

  /// F/RT in 1/V.
  public var fOverRT: Double { faraday / (gasConstant * temperature) }
  /// Equilibrium interface width δ = √(2κ0/W) of the profile ½[1 − tanh(x/δ)].
  public var interfaceWidth: Double { (2 * gradientCoefficient / barrierHeight).squareRoot() }

  /// The Butler–Volmer bracket B(η, c) = exp((1−α)Fη/RT) − (c/c0)exp(−αFη/RT); the phase field
  /// grows where B < 0 (η < 0 at c = c0) and B = 0 at Nernst equilibrium η = (RT/F)ln(c/c0).
  public func butlerVolmer(overpotential eta: Double, concentration c: Double) -> Double {
    let f = fOverRT
    return exp((1 - transferCoefficient) * f * eta)
      - c / referenceConcentration * exp(-transferCoefficient * f * eta)
  }

  /// Sharp-interface speed of a planar front at uniform η and c:
  /// v = 3δ·Lη·[(c/c0)e^(−αFη/RT) − e^((1−α)Fη/RT)] (verification.md), positive = growth.
  public func planarSpeed(overpotential eta: Double, concentration c: Double) -> Double {
    -3 * interfaceWidth * reactionConstant * butlerVolmer(overpotential: eta, concentration: c)
  }
}

/// Numerical settings, kept apart from the physics: grid, domain, Δt limits, solver tolerances.
public struct LiModelNumerics: Sendable, Equatable, Codable {
  /// Periodic columns along x.
  public var nx = 256
  /// Intervals along y (Ny + 1 node rows including both electrodes); powers of two keep the
  /// DCT-I (size Ny+1) and DST-I (size Ny−1) fast and let multigrid coarsen fully.
  public var ny = 256
  public var lengthX = 12.8e-6
  public var lengthY = 12.8e-6
  public var dtMin = 1e-6
  public var dtMax = 0.05
  /// Largest allowed |Δξ| at any node in one step.
  public var maxPhaseChange = 0.02
  /// Fraction of the migration limit h/|v_drift|, v_drift = D(F/RT)|∇φ|.
  public var migrationCourant = 0.5
  /// Stabilisation S of the ξ equation in units of W (S = 1·W ≥ max|g″|/2 = W).
  public var stabilization = 1.0
  /// Stop criterion of the potential solve: max|r_i/A_ii| / max|b_i/A_ii| (a Jacobi-scaled
  /// residual, in volts relative to the applied potential). 1e-6 of 0.1–0.2 V is 0.1–0.2 µV,
  /// five orders below RT/F = 25.7 mV, the voltage scale of every rate the potential drives
  /// (Butler–Volmer, migration); the φ it accepts at contrast 1e5 with a tip source is within
  /// 1e-3·RT/F of a 1e-12 solve (PotentialToleranceTests). The former 1e-8 bought nothing
  /// physical and cost two extra multigrid-PCG iterations per step at 1024².
  public var potentialTolerance = 1e-6
  public var stepper = "euler"

  public init() {}

  public var spacingX: Double { lengthX / Double(nx) }
  public var spacingY: Double { lengthY / Double(ny) }
}
