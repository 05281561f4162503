import Foundation
import XCTest
@testable import Engine

/// The complex-FFT path of the cosine transforms (`CosineColumns`) against the transforms'
/// definitions summed directly (O(N²)), and against FFTW's r2r kinds.
final class CosineColumnsTests: XCTestCase {
  private func randomField(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
  }

  /// Weight of field row r in spectral row k of the forward y transform, FFTW's definitions:
  /// REDFT00 (N+1 rows) Y_k = x_0 + (−1)^k x_N + 2Σ_{r=1}^{N−1} x_r cos(πrk/N);
  /// REDFT01 (N rows) Y_k = x_0 + 2Σ_{r=1}^{N−1} x_r cos(πr(k+½)/N).
  private func forwardWeight(_ boundary: SpectralBoundary, rows: Int, r: Int, k: Int) -> Double {
    if boundary == .neumann {
      let n = rows - 1
      if r == 0 { return 1 }
      if r == n { return k % 2 == 0 ? 1 : -1 }
      return 2 * cos(Double.pi * Double(r * k) / Double(n))
    }
    return r == 0 ? 1 : 2 * cos(Double.pi * Double(r) * (Double(k) + 0.5) / Double(rows))
  }

  /// Weight of spectral row k in field row r of the inverse y transform: REDFT00 again, or
  /// REDFT10 Y_r = 2Σ_k X_k cos(π(k+½)r/N).
  private func inverseWeight(_ boundary: SpectralBoundary, rows: Int, k: Int, r: Int) -> Double {
    if boundary == .neumann { return forwardWeight(boundary, rows: rows, r: k, k: r) }
    return 2 * cos(Double.pi * (Double(k) + 0.5) * Double(r) / Double(rows))
  }

  /// û[k][i] = Σ_r Σ_x u[r][x] w(r, k) e^{−2πi·xi/nx}, i = 0…nx/2.
  private func directForward(_ u: [Double], _ t: SpectralTransform2D) -> [Double] {
    let columns = t.nx / 2 + 1
    var hat = [Double](repeating: 0, count: 2 * columns * t.ny)
    for k in 0..<t.ny {
      for i in 0..<columns {
        var re = 0.0, im = 0.0
        for r in 0..<t.ny {
          let w = forwardWeight(t.boundary, rows: t.ny, r: r, k: k)
          for x in 0..<t.nx {
            let angle = -2 * Double.pi * Double(x * i) / Double(t.nx)
            re += w * u[r * t.nx + x] * cos(angle)
            im += w * u[r * t.nx + x] * sin(angle)
          }
        }
        hat[2 * (k * columns + i)] = re
        hat[2 * (k * columns + i) + 1] = im
      }
    }
    return hat
  }

  /// u[r][x] = (1/norm)[Re v_0 + (−1)^x Re v_{nx/2} + 2Σ_{i=1}^{nx/2−1} Re(v_i e^{2πi·xi/nx})],
  /// v_i = Σ_k û[k][i] w(k, r): FFTW's c2r (the imaginary parts of columns 0 and nx/2 unused).
  private func directInverse(_ hat: [Double], _ t: SpectralTransform2D) -> [Double] {
    let columns = t.nx / 2 + 1
    var u = [Double](repeating: 0, count: t.fieldCount)
    for r in 0..<t.ny {
      var vr = [Double](repeating: 0, count: columns), vi = vr
      for i in 0..<columns {
        for k in 0..<t.ny {
          let w = inverseWeight(t.boundary, rows: t.ny, k: k, r: r)
          vr[i] += w * hat[2 * (k * columns + i)]
          vi[i] += w * hat[2 * (k * columns + i) + 1]
        }
      }
      for x in 0..<t.nx {
        var sum = vr[0] + (x % 2 == 0 ? 1 : -1) * vr[t.nx / 2]
        for i in 1..<(t.nx / 2) {
          let angle = 2 * Double.pi * Double(x * i) / Double(t.nx)
          sum += 2 * (vr[i] * cos(angle) - vi[i] * sin(angle))
        }
        u[r * t.nx + x] = sum / t.normalization
      }
    }
    return u
  }

  private func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
  }

  /// Each kind at N even with N/2 even and odd, and an odd number of complex columns (nx = 6).
  private let cases: [(SpectralBoundary, nx: Int, ny: Int)] = [
    (.neumann, 8, 9), (.neumann, 6, 7), (.neumann, 10, 13),
    (.neumannDirichlet, 8, 8), (.neumannDirichlet, 6, 6), (.neumannDirichlet, 10, 12),
  ]

  func testFastPathAppliesToTheseSizes() {
    for (boundary, nx, ny) in cases {
      XCTAssertNotNil(CosineColumns.supports(boundary: boundary, nx: nx, ny: ny), "\(boundary) \(nx)×\(ny)")
    }
    XCTAssertNil(CosineColumns.supports(boundary: .neumannDirichlet, nx: 8, ny: 7))
    XCTAssertNil(CosineColumns.supports(boundary: .neumann, nx: 8, ny: 8))
    XCTAssertNil(CosineColumns.supports(boundary: .dirichlet, nx: 8, ny: 8))
  }

  func testForwardMatchesDirectSum() {
    for (boundary, nx, ny) in cases {
      let t = SpectralTransform2D(nx: nx, ny: ny, lengthX: 1, lengthY: 1, boundary: boundary)
      let u = randomField(t.fieldCount, seed: 11)
      var hat = [Double]()
      t.forward(u, into: &hat)
      let expected = directForward(u, t)
      XCTAssertLessThan(maxDifference(hat, expected), 1e-13, "\(boundary) \(nx)×\(ny)")
    }
  }

  func testInverseMatchesDirectSum() {
    for (boundary, nx, ny) in cases {
      let t = SpectralTransform2D(nx: nx, ny: ny, lengthX: 1, lengthY: 1, boundary: boundary)
      let hat = randomField(t.spectrumCount, seed: 5)
      var u = [Double]()
      t.inverse(hat, into: &u)
      let expected = directInverse(hat, t)
      XCTAssertLessThan(maxDifference(u, expected), 1e-14, "\(boundary) \(nx)×\(ny)")
    }
  }

  /// At the model's kind of size, the complex-FFT path and FFTW's r2r path agree to round-off
  /// (relative to the spectrum's largest entry) and both round-trip.
  func testAgreesWithFFTWRealToRealKinds() {
    for (boundary, ny) in [(SpectralBoundary.neumann, 129), (.neumannDirichlet, 128)] {
      let fast = SpectralTransform2D(nx: 128, ny: ny, lengthX: 2, lengthY: 1, boundary: boundary)
      let reference = SpectralTransform2D(nx: 128, ny: ny, lengthX: 2, lengthY: 1, boundary: boundary,
                                          cosineColumns: false)
      let u = randomField(fast.fieldCount, seed: 3)
      var a = [Double](), b = [Double]()
      fast.forward(u, into: &a)
      reference.forward(u, into: &b)
      let scale = b.map(abs).max() ?? 1
      XCTAssertLessThan(maxDifference(a, b) / scale, 1e-14, "\(boundary) forward")
      var back = [Double](), referenceBack = [Double]()
      fast.inverse(a, into: &back)
      reference.inverse(a, into: &referenceBack)
      XCTAssertLessThan(maxDifference(back, referenceBack), 1e-14, "\(boundary) inverse")
      XCTAssertLessThan(maxDifference(back, u), 1e-14, "\(boundary) round trip")
    }
  }
}
