import Foundation

/// Plane-strain small-strain elasticity with a phase-dependent isotropic stiffness and an
/// in-plane dilatational eigenstrain, on a periodic nx × ny cell (spacing hx, hy):
/// ∇·σ = 0, σ = C(x):(ε − ε⁰), C = λ(x) tr(·)I + 2μ(x)(·), ε⁰ = e⁰(x)·I₂ (paper.md eq. 4 with
/// e⁰ = λ_V·h(ξ)), mean strain E = 0 (the cell is held at its size). Units: Pa, strain 1.
///
/// Discretisation: Willot's rotated scheme (C. R. Mécanique 343 (2015) 232), written in real
/// space. The displacement u lives on the staggered points (i+½, j+½) and the strain on the nodes,
/// ε = D u with the four-corner differences of `MechanicsSolver+Staggered`; in Fourier space D is
/// i·k̃ times a phase, k̃ = (2/h)(sin(kx·hx/2)cos(ky·hy/2), cos(kx·hx/2)sin(ky·hy/2)), so the
/// compatible fields are those of the discrete Green operator of Willot's scheme. Unlike the
/// projection form it needs no special case at the Nyquist modes: D is a real stencil.
///
/// Method: the Lippmann–Schwinger equation with an isotropic reference medium C⁰ is, on
/// compatible fields, the displacement system K u = Dᵀ C (ε⁰ − ε_start), K = Dᵀ C D, solved by
/// conjugate gradients preconditioned with K⁰ = Dᵀ C⁰ D, which FFTs invert exactly
/// (`MechanicsSolver+ReferenceMedium`). With C⁰ = identity this generates the iterates of Zeman
/// et al. (J. Comput. Phys. 229 (2010) 8065); here C⁰ has the geometric means of the bulk
/// (λ+μ) and shear (μ) moduli of the field, which bounds the condition number by the larger of
/// the bulk and shear contrasts instead of the whole stiffness contrast (Li/LPSC: 4.7, not 18).
/// A CG iteration costs 2 forward and 2 inverse periodic transforms (batched, single precision
/// at loose tolerances) and two pointwise passes.
public final class MechanicsSolver {
  public var tolerance: Double
  public var maxIterations: Int
  let nx: Int
  let ny: Int
  let hx: Double
  let hy: Double
  /// FFT plans, spectra, and the CG vectors, made at the first solve and reused.
  lazy var workspace = MechanicsWorkspace(nx: nx, ny: ny, hx: hx, hy: hy)

  public struct Result: Sendable {
    /// Total strain and stress components (xx, yy, xy), and σ_zz (plane strain), per node.
    public var strain: [[Double]]
    public var stress: [[Double]]
    public var stressZZ: [Double]
    public var iterations: Int
    public var relativeResidual: Double
  }

  /// - Precondition: nx, ny ≥ 2; lengths > 0 (checked by the callers that read them).
  public init(nx: Int, ny: Int, lengthX: Double, lengthY: Double, tolerance: Double = 1e-8,
              maxIterations: Int = 500) {
    precondition(nx >= 2 && ny >= 2 && lengthX > 0 && lengthY > 0, "invalid mechanics grid")
    self.nx = nx
    self.ny = ny
    self.tolerance = tolerance
    self.maxIterations = maxIterations
    hx = lengthX / Double(nx)
    hy = lengthY / Double(ny)
  }

  /// Solves for the strain with Lamé fields λ(x), μ(x) (Pa) and eigenstrain e⁰(x), warm-started
  /// from `initialStrain` (a previous total strain, compatible; E = 0 so strain = fluctuation),
  /// and returns it with the stress σ = C:(ε − ε⁰) and σ_zz = λ tr(ε − ε⁰) (ε_zz = ε⁰_zz = 0).
  public func solve(lame: [Double], shear: [Double], eigenstrain: [Double],
                    initialStrain: [[Double]]? = nil) -> Result {
    let solved = solveStrain(lame: lame, shear: shear, eigenstrain: eigenstrain, initialStrain: initialStrain)
    let n = nx * ny
    var sxx = [Double](repeating: 0, count: n), syy = sxx, sxy = sxx, zz = sxx
    for k in 0..<n {
      let exx = solved.strain[0][k] - eigenstrain[k], eyy = solved.strain[1][k] - eigenstrain[k]
      let trace = exx + eyy
      sxx[k] = lame[k] * trace + 2 * shear[k] * exx
      syy[k] = lame[k] * trace + 2 * shear[k] * eyy
      sxy[k] = 2 * shear[k] * solved.strain[2][k]
      zz[k] = lame[k] * trace
    }
    return Result(strain: solved.strain, stress: [sxx, syy, sxy], stressZZ: zz, iterations: solved.iterations,
                  relativeResidual: solved.relativeResidual)
  }

  /// von Mises stress of plane-strain stress states.
  public static func vonMises(_ result: Result) -> [Double] {
    (0..<result.stressZZ.count).map { k in
      vonMises(xx: result.stress[0][k], yy: result.stress[1][k], zz: result.stressZZ[k], xy: result.stress[2][k])
    }
  }

  @inline(__always)
  static func vonMises(xx sx: Double, yy sy: Double, zz sz: Double, xy t: Double) -> Double {
    (0.5 * ((sx - sy) * (sx - sy) + (sy - sz) * (sy - sz) + (sz - sx) * (sz - sx)) + 3 * t * t).squareRoot()
  }

  /// Lamé constants (λ, μ) from Young's modulus and Poisson's ratio.
  public static func lame(young: Double, poisson: Double) -> (lambda: Double, mu: Double) {
    (young * poisson / ((1 + poisson) * (1 - 2 * poisson)), young / (2 * (1 + poisson)))
  }
}
