/// A semilinear evolution equation u_t = L u + N(u, t) on a spectral grid, split for IMEX
/// stepping: `linearSymbol` is the eigenvalue of the implicit part L for every double of the
/// spectrum (it must be ≤ 0; a stabilisation −S is folded in here and +S·u in N), and
/// `explicitPart` evaluates N̂(u, t), the transform of the explicit part, at a physical state.
/// Models implement this; steppers (`SpectralStepper`) know nothing of the physics.
public protocol SemilinearProblem: AnyObject {
  var transform: SpectralTransform2D { get }
  var linearSymbol: [Double] { get }
  /// Writes N̂(u, t) into `hat` (spectrum layout of `transform`).
  func explicitPart(_ u: [Double], time: Double, into hat: inout [Double])
}

/// A problem whose explicit part N(u, t) is evaluated entirely in physical space (stencils and
/// pointwise terms, no spectral derivative applied after the transform). Because the transform
/// is linear, F(u) + Δt·F(N) = F(u + Δt·N): an IMEX Euler step then needs one forward and one
/// inverse transform instead of three, and needs no spectrum of u carried between steps, so a
/// step depends only on the physical state (what a checkpoint stores).
public protocol PhysicalSpaceExplicitProblem: SemilinearProblem {
  /// Writes u + Δt·N(u, t) on every grid point of `transform` into `field` (`fieldCount`
  /// values; the transform's own input buffer, so the step needs no copy).
  func writeExplicitUpdate(_ u: [Double], time: Double, dt: Double, into field: UnsafeMutableBufferPointer<Double>)
}

extension PhysicalSpaceExplicitProblem {
  /// Writes the transform of u + Δt·N(u, t) into `hat` (spectrum layout of `transform`).
  public func explicitUpdate(_ u: [Double], time: Double, dt: Double, into hat: inout [Double]) {
    transform.forward(into: &hat) { writeExplicitUpdate(u, time: time, dt: dt, into: $0) }
  }
}

/// The state a stepper advances: the physical field, its spectrum, the time, and the history
/// a multistep scheme needs (previous spectrum and previous explicit term).
public struct SpectralState: Sendable {
  public var u: [Double]
  /// The spectrum of `u`; empty for a state made with `physical:` until a step computes it.
  public var uHat: [Double]
  public var time: Double
  public var step: Int
  var previousUHat: [Double]?
  var previousExplicit: [Double]?
  var previousStepSize: Double?

  public init(u: [Double], transform: SpectralTransform2D, time: Double = 0) {
    self.u = u
    var hat = [Double]()
    transform.forward(u, into: &hat)
    uHat = hat
    self.time = time
    step = 0
  }

  /// A state without its spectrum: steppers take the one-transform path of a
  /// `PhysicalSpaceExplicitProblem` (and transform `u` first for any other problem).
  public init(physical u: [Double], time: Double = 0) {
    self.u = u
    uHat = []
    self.time = time
    step = 0
  }
}
