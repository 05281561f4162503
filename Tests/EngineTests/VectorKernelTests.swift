import Foundation
import XCTest
@testable import Engine

/// The four-lane kernels of the solvers against the scalar definitions they replace: the
/// exponential against the C library's, the reductions against plain loops (with NaN still
/// reported), and Allen–Cahn's one-transform Euler step against the three-transform one.
final class VectorKernelTests: XCTestCase {
  private func values(_ count: Int, from low: Double, to high: Double, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return low + (high - low) * Double(state >> 11) / Double(1 << 53)
    }
  }

  /// Within 2 ulp of `Foundation.exp` over the range the Butler–Volmer factors use (|x| ≲ 40)
  /// and out to ±700; exact at 0; and the library's own answers beyond (overflow to +∞,
  /// underflow to subnormals and 0, NaN), for an odd count so the padded tail is exercised.
  func testExponentialIsWithinTwoUlpOfTheLibrary() {
    var x = values(4001, from: -40, to: 40, seed: 1) + values(2001, from: -700, to: 700, seed: 2)
    x += [0, 1, -1, 1e-300, -1e-300, 709.7, -708.5, -740, 710, -800, .infinity, -.infinity, .nan, 3]
    var out = [Double](repeating: 0, count: x.count)
    x.withUnsafeBufferPointer { x in
      out.withUnsafeMutableBufferPointer { out in
        guard let input = x.baseAddress, let output = out.baseAddress else { return }
        VectorExponential.exponentials(of: input, times: 1, count: x.count, into: output)
      }
    }
    var worstUlps = 0.0
    for (value, result) in zip(x, out) {
      let expected = Foundation.exp(value)
      if expected.isNaN {
        XCTAssertTrue(result.isNaN, "exp(\(value))")
      } else if expected == 0 || expected.isInfinite || expected < Double.leastNormalMagnitude {
        XCTAssertEqual(result, expected, "exp(\(value))")
      } else {
        worstUlps = max(worstUlps, abs(result - expected) / expected.ulp)
      }
    }
    XCTAssertLessThanOrEqual(worstUlps, 2)
    XCTAssertEqual(out[6002], 1)  // e⁰
    // the scale factor reaches the step's factors through `times`
    var scaled = [0.0, 0.0, 0.0]
    [0.5, -0.25, 2.0].withUnsafeBufferPointer { x in
      scaled.withUnsafeMutableBufferPointer { out in
        guard let input = x.baseAddress, let output = out.baseAddress else { return }
        VectorExponential.exponentials(of: input, times: -2, count: 3, into: output)
      }
    }
    for (result, expected) in zip(scaled, [Foundation.exp(-1), Foundation.exp(0.5), Foundation.exp(-4)]) {
      XCTAssertEqual(result, expected, accuracy: 2 * expected.ulp)
    }
  }

  /// Lane sums equal the sequential sum to rounding; the maximum is exact (no rounding in a
  /// comparison) and a NaN anywhere, lane or tail, is returned rather than compared away.
  func testReductionsMatchSequentialLoopsAndKeepNaN() {
    let a = values(1027, from: -1, to: 1, seed: 5), b = values(1027, from: -2, to: 2, seed: 6)
    var sequential = 0.0, largest = 0.0
    for (x, y) in zip(a, b) {
      sequential += x * y
      largest = max(largest, abs(x * y))
    }
    let magnitude = zip(a, b).reduce(0) { $0 + abs($1.0 * $1.1) }
    XCTAssertEqual(dot(a, b), sequential, accuracy: 1e-14 * magnitude)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        guard let x = a.baseAddress, let y = b.baseAddress else { return XCTFail("empty") }
        XCTAssertEqual(VectorReductions.maxAbsProduct(x, y, count: a.count), largest)
      }
    }
    for position in [0, 3, 513, 1026] {  // lanes 0 and 3, the middle, the scalar tail
      var poisoned = a
      poisoned[position] = .nan
      poisoned.withUnsafeBufferPointer { p in
        b.withUnsafeBufferPointer { b in
          guard let x = p.baseAddress, let y = b.baseAddress else { return XCTFail("empty") }
          XCTAssertTrue(VectorReductions.maxAbsProduct(x, y, count: p.count).isNaN, "NaN at \(position)")
        }
      }
    }
    let range = FieldExtremes(a + [.infinity])
    XCTAssertFalse(range.allFinite)
    let finite = FieldExtremes(a)
    XCTAssertTrue(finite.allFinite)
    XCTAssertEqual(finite.minimum, a.min())
    XCTAssertEqual(finite.maximum, a.max())
  }

  /// Allen–Cahn's one-transform step F⁻¹[F(η + Δt·N)/(1 − Δt λ)] equals the three-transform
  /// IMEX Euler step (F(η) + Δt·F(N))/(1 − Δt λ) to rounding: the transform is linear.
  func testAllenCahnOneTransformStepMatchesThreeTransformStep() {
    let model = AllenCahnProblem(size: 32, length: 32)
    let start = model.noisyInitialState(amplitude: 0.4)
    var spectral = SpectralState(u: start, transform: model.transform)
    var next: [Double] = []
    IMEXEulerStepper().advance(&spectral, problem: model, dt: 0.5)
    IMEXEulerStepper().advancePhysical(start, into: &next, problem: model, time: 0, dt: 0.5)
    let change = zip(spectral.u, start).map { abs($0 - $1) }.max() ?? 0
    XCTAssertGreaterThan(change, 1e-3, "the step must move η for the comparison to mean something")
    XCTAssertLessThan(zip(spectral.u, next).map { abs($0 - $1) }.max() ?? 1, 1e-13)
  }
}
