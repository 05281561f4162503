import Foundation

/// Allen–Cahn on a periodic square: ∂η/∂t = −L[f′(η) − κ∇²η], f = W η²(1−η)².
/// Implicit part −L(S − κ∇²) (symbol −L(S + κk²)), explicit part −L(f′(η) − S η); S = W/2·… is
/// chosen as max|f″|/2 = W (f″ ranges over [−W, 2W] on [0, 1]) for energy stability with IMEX
/// Euler. Used for speed benchmarks and as the simplest model on the stepper registry.
public final class AllenCahnProblem: SemilinearProblem {
  public let transform: SpectralTransform2D
  public let linearSymbol: [Double]
  public let mobility: Double
  public let barrier: Double
  public let stabilization: Double
  private var buffer: [Double]

  public init(size: Int, length: Double, mobility: Double = 1, kappa: Double = 1, barrier: Double = 1) {
    transform = SpectralTransform2D(nx: size, ny: size, lengthX: length, lengthY: length,
                                    boundary: .periodic)
    self.mobility = mobility
    self.barrier = barrier
    stabilization = barrier
    let s = barrier
    linearSymbol = transform.laplacianSymbol(.spectral).map { mobility * (kappa * $0 - s) }
    buffer = [Double](repeating: 0, count: transform.fieldCount)
  }

  public func explicitPart(_ u: [Double], time: Double, into hat: inout [Double]) {
    let w = barrier, l = mobility, s = stabilization
    u.withUnsafeBufferPointer { eta in
      buffer.withUnsafeMutableBufferPointer { out in
        for index in 0..<eta.count {
          let e = eta[index]
          out[index] = -l * (2 * w * e * (1 - e) * (1 - 2 * e) - s * e)
        }
      }
    }
    transform.forward(buffer, into: &hat)
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
