import Foundation

/// The electronic-path variant of the Li model: a separate electronic potential φₑ, electrons
/// moving through the metal and, with the electrolyte's own (small) electronic conductivity,
/// through the electrolyte, and Li⁺ reduced wherever electrons and Li⁺ meet with a driving
/// force — at the anode interface (the model's equation 1, unchanged) and inside the electrolyte
/// (the bulk reaction R_b below), so Li can form away from the anode. The mechanism is the one
/// of Tian, Liu, Ji, Chen & Qi, Chem. Mater. 31 (2019) 7351 (electrons in the electrolyte reduce
/// Li⁺ inside it; their sites are grain boundaries, voids and interfaces) and of Han et al.,
/// Nat. Energy 4 (2019) 187 (electronic conductivity as the cause of Li forming inside solid
/// electrolytes). The equations are worked out here, not transcribed from either paper:
///
/// 1. Electrons: ∇·(σ_n∇φₑ) = −F·c_s·∂ξ/∂t, σ_n = m·σ_n,metal + (1 − m)·σ_n,el(y), m = ξ less
///    the Li reduced inside the electrolyte, clamped to [0, 1] (σ_n,el per layer as in model 3;
///    why this and not h(ξ) as σ_eff: `conductivity`), φₑ = φ_bottom at the Li electrode (y = 0), 0 at the
///    counter electrode (y = Ly, Li at E⁰ = 0), periodic in x. Every Li formed (∂ξ/∂t, at the
///    interface or in the bulk) takes one electron; equation 3 of the model,
///    ∇·(σ_eff∇φ) = +F·c_s·∂ξ/∂t, takes one Li⁺ for it, so j_ion + j_e = −σ_eff∇φ − σ_n∇φₑ is
///    divergence-free: the current through every cross-section y = const is the same.
/// 2. Bulk reduction Li⁺ + e⁻ → Li inside the electrolyte, Butler–Volmer in
///    η_b = φₑ − φ − E⁰ (E⁰ = 0: Li/Li⁺ at c0, the same reference as the interface's
///    η = φ − E_eq), first order in the electron density n_e = σ_n,el/(F·μ_e) (Drude):
///    R_b = Lη·(n_e/c_s)·(1 − h(ξ))·max(0, (c/c0)e^(−αFη_b/RT) − e^((1−α)Fη_b/RT))  [1/s],
///    added to ∂ξ/∂t (so equation 2's sink −c_s∂ξ/∂t takes the Li⁺ it uses). Lη is the
///    interface's rate constant per metal site, where the electron density is c_s (one
///    conduction electron per Li atom); in the electrolyte the electrons are n_e/c_s as many
///    (mass action). (1 − h) keeps it to the electrolyte; max(0, …) keeps it a reduction (Li
///    that does not exist cannot dissolve; Li formed in the bulk dissolves or grows through
///    equation 1 once it is a phase). Explicit: R_b uses φₑ, φ and c of the step's start.
/// Assumptions: n_e is set by the electrolyte (defects, dopants) and not depleted by the
/// reaction; μ_e is not measured for argyrodites (a config value, `electron_mobility`); the
/// electrolyte's sites are uniform (no grain-boundary enhancement: the model's only
/// heterogeneity is model 3's layer boundary, where σ_n,el jumps). With σ_n,el = 0 there are no
/// electrons in the electrolyte, R_b = 0 and φₑ is not defined there: the model is the
/// single-potential one, and `LiModel` does not build this type.
final class ElectronicPath {
  let settings: ElectronicPathSettings
  let physics: LiModelPhysics
  let numerics: LiModelNumerics
  let solver: PotentialSolver

  init(settings: ElectronicPathSettings, physics: LiModelPhysics, numerics: LiModelNumerics) {
    self.settings = settings
    self.physics = physics
    self.numerics = numerics
    solver = PotentialSolver(nx: numerics.nx, intervals: numerics.ny, lengthX: numerics.lengthX,
                             lengthY: numerics.lengthY, tolerance: numerics.potentialTolerance)
  }

  /// σ_n,el of node row j (the upper layer from layerHeight·Ly up, as `LiModel.conductivity`).
  func electrolyteConductivity(row j: Int) -> Double {
    let upper = Double(j) * numerics.spacingY >= physics.layerHeight * numerics.lengthY
    return upper ? (settings.upperElectrolyteConductivity ?? settings.electrolyteConductivity)
      : settings.electrolyteConductivity
  }

  /// σ_n = mσ_n,metal + (1 − m)σ_n,el on every node (S/m), m = ξ − (bulk deposit) clamped to
  /// [0, 1]. Linear in ξ because the electrons for the Li that forms in the electrolyte-side tail of the
  /// diffuse interface (∂ξ/∂t ∝ ξ there, the profile moving) must reach it from the metal: with
  /// h(ξ) ≈ 10ξ³ the tail's conductance fell faster than its sink and, at the contrast of 1e10,
  /// φₑ jumped by 16–30 mV across the tail (measured, model 1 at 128², 50 nm), shifting φₑ in
  /// the whole electrolyte; linear in ξ the conductance keeps pace with the sink. The price: for
  /// electrons the metal reaches to where ξ·σ_n,metal ≈ σ_n,el, (δ/2)·ln(σ_n,metal/σ_n,el) ≈ 11δ
  /// ≈ 0.35 µm beyond the ξ = ½ contour (δ = √(2κ0/W) = 30.6 nm) with the presets' values.
  /// The Li reduced inside the electrolyte (`bulkDeposit`, Σ Δt·R_b) is taken off: it is
  /// dispersed, sub-critical ξ (the double well turns it back, README), not a connected metal;
  /// counted as metal, ξ ≈ 1e-5 of it made a probe's electrolyte 5× more conductive for
  /// electrons (measured). Σ Δt·R_b is the gross amount, at least the net ξ it left.
  func conductivity(_ xi: [Double], bulkDeposit: [Double]?) -> [Double] {
    let nx = numerics.nx, rows = numerics.ny + 1, metal = settings.metalConductivity
    var sigma = [Double](repeating: 0, count: nx * rows)
    for j in 0..<rows {
      let electrolyte = electrolyteConductivity(row: j)
      for i in 0..<nx {
        let k = j * nx + i
        let fraction = min(max(xi[k] - (bulkDeposit?[k] ?? 0), 0), 1)
        sigma[k] = fraction * metal + (1 - fraction) * electrolyte
      }
    }
    return sigma
  }

  /// h(ξ) = ξ³(6ξ² − 15ξ + 10) of ξ clamped to [0, 1] (as σ_eff of the model).
  static func interpolation(_ value: Double) -> Double {
    let x = min(max(value, 0), 1)
    return x * x * x * (6 * x * x - 15 * x + 10)
  }

  /// R_b (1/s) on every node from ξ, φₑ, φ and c (the type's equation 2); zero on the
  /// electrode rows (there φₑ = φ, η_b = 0, and the electrode is not electrolyte).
  func bulkRate(xi: [Double], electronicPotential phiE: [Double], potential phi: [Double],
                concentration c: [Double]) -> [Double] {
    let nx = numerics.nx, rows = numerics.ny + 1, p = physics
    let f = p.fOverRT, alpha = p.transferCoefficient, c0 = p.referenceConcentration
    var rate = [Double](repeating: 0, count: nx * rows)
    for j in 1..<(rows - 1) {
      // Lη·n_e/c_s with n_e = σ_n,el/(F μ_e)
      let k = p.reactionConstant * electrolyteConductivity(row: j)
        / (p.faraday * settings.electronMobility * p.siteDensity)
      for i in 0..<nx {
        let node = j * nx + i
        let eta = phiE[node] - phi[node]
        let reduction = c[node] / c0 * exp(-alpha * f * eta) - exp((1 - alpha) * f * eta)
        guard reduction > 0 else { continue }
        rate[node] = k * (1 - Self.interpolation(xi[node])) * reduction
      }
    }
    return rate
  }

  /// Solves equation 1 for φₑ with the step's ∂ξ/∂t and σ_n of ξ and the bulk deposit, from `guess`, with a multigrid
  /// preconditioner built from this σ_n (a fresh one each step: it depends on the state only,
  /// so a restart repeats it).
  func solve(xi: [Double], bulkDeposit: [Double]?, rate: [Double], guess: [Double]) -> PotentialSolver.Result {
    let sigma = conductivity(xi, bulkDeposit: bulkDeposit)
    return solver.solve(fine: solver.finestLevel(sigma: sigma), source: rate,
                        sourceScale: -physics.faraday * physics.siteDensity,
                        bottom: physics.electrodePotential, top: 0, initialGuess: guess, preconditioner: nil)
  }

  /// Current per unit depth (A/m) through each face between node rows j and j + 1
  /// (j = 0…Ny−1) for node conductivities `sigma` and potential `phi`, with the solver's
  /// harmonic-mean faces: Σ_i σ_face(φ_{j+1,i} − φ_{j,i})/hy·hx, positive when it flows in −y
  /// (from the counter electrode towards the Li electrode, as `PotentialSolver.topCurrent`).
  static func rowCurrents(sigma: [Double], phi: [Double], numerics: LiModelNumerics) -> [Double] {
    let nx = numerics.nx, hx = numerics.spacingX, hy = numerics.spacingY
    return (0..<numerics.ny).map { j in
      var total = 0.0
      for i in 0..<nx {
        let a = sigma[j * nx + i], b = sigma[(j + 1) * nx + i]
        let face = a + b > 0 ? 2 * a * b / (a + b) : 0
        total += face * (phi[(j + 1) * nx + i] - phi[j * nx + i]) / hy * hx
      }
      return total
    }
  }
}
