import Foundation

/// Allen–Cahn on a periodic square: ∂η/∂t = −L[f′(η) − κ∇²η], f = W η²(1−η)².
/// Implicit part −L(S − κ∇²) (symbol −L(S + κk²)), explicit part −L(f′(η) − S η); S = W/2·… is
/// chosen as max|f″|/2 = W (f″ ranges over [−W, 2W] on [0, 1]) for energy stability with IMEX
/// Euler. Used for speed benchmarks and as the simplest model on the stepper registry. The
/// explicit part is pointwise, so IMEX Euler may take the one-transform path
/// (`PhysicalSpaceExplicitProblem`): û^{n+1} = F(η + Δt·N(η))/(1 − Δt λ).
public final class AllenCahnProblem: PhysicalSpaceExplicitProblem {
  public let transform: SpectralTransform2D
  public let linearSymbol: [Double]
  public let mobility: Double
  public let barrier: Double
  public let stabilization: Double

  public init(size: Int, length: Double, mobility: Double = 1, kappa: Double = 1, barrier: Double = 1) {
    transform = SpectralTransform2D(nx: size, ny: size, lengthX: length, lengthY: length,
                                    boundary: .periodic)
    self.mobility = mobility
    self.barrier = barrier
    stabilization = barrier
    let s = barrier
    linearSymbol = transform.laplacianSymbol(.spectral).map { mobility * (kappa * $0 - s) }
  }

  public func explicitPart(_ u: [Double], time: Double, into hat: inout [Double]) {
    transform.forward(into: &hat) { evaluate(u, dt: 0, into: $0) }
  }

  /// η + Δt·N(η) straight into the transform's input buffer.
  public func writeExplicitUpdate(_ u: [Double], time: Double, dt: Double,
                                  into field: UnsafeMutableBufferPointer<Double>) {
    evaluate(u, dt: dt, into: field)
  }

  /// N(η) = −L(f′(η) − Sη) when `dt` is 0 (the explicit part alone), else η + Δt·N(η).
  private func evaluate(_ u: [Double], dt: Double, into out: UnsafeMutableBufferPointer<Double>) {
    let w = barrier, l = mobility, s = stabilization
    let keep: Double = dt == 0 ? 0 : 1, scale = dt == 0 ? 1 : dt
    u.withUnsafeBufferPointer { eta in
      for index in 0..<eta.count {
        let e = eta[index]
        out[index] = keep * e + scale * (-l * (2 * w * e * (1 - e) * (1 - 2 * e) - s * e))
      }
    }
  }

  /// A reproducible random initial state around ½ (a linear congruential sequence, so the
  /// benchmark does the same work every run).
  public func noisyInitialState(amplitude: Double = 0.05, seed: UInt64 = 1) -> [Double] {
    var state = seed
    return (0..<transform.fieldCount).map { _ in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return 0.5 + amplitude * (Double(state >> 11) / Double(1 << 53) - 0.5)
    }
  }
}
