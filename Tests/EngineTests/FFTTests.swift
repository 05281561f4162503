import XCTest
@testable import Engine

final class FFTTests: XCTestCase {
  private func randomField(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
  }

  func testRoundTripEveryBoundary() {
    for boundary in SpectralBoundary.allCases {
      let t = SpectralTransform2D(nx: 24, ny: 15, lengthX: 2, lengthY: 3, boundary: boundary)
      let u = randomField(t.fieldCount, seed: 7)
      var hat = [Double](), back = [Double]()
      t.forward(u, into: &hat)
      t.inverse(hat, into: &back)
      let err = zip(u, back).map { abs($0 - $1) }.max() ?? 1
      XCTAssertLessThan(err, 1e-14, "\(boundary)")
    }
  }

  /// The single-precision batched transform: inverse(forward(u)) = nx·ny·u to Float rounding,
  /// both fields of the batch; and the exported wisdom holds one form per precision, which
  /// `wisdomForms` separates (a text with an unclosed or stray parenthesis has none).
  func testSinglePrecisionTransformAndWisdomForms() {
    let nx = 24, ny = 10, n = nx * ny
    let input = FFTScratchSingle(count: 2 * n), output = FFTScratchSingle(count: 2 * n)
    let spectra = FFTScratchSingle(count: 2 * 2 * ny * (nx / 2 + 1))
    let transform = FFTBatchedPeriodicTransformSingle(nx: nx, ny: ny, count: 2, input: input, spectra: spectra,
                                                      output: output)
    let u = randomField(2 * n, seed: 5)
    for k in 0..<(2 * n) { input.pointer[k] = Float(u[k]) }
    transform.forward()
    transform.inverse()
    let worst = (0..<(2 * n)).map { abs(Double(output.pointer[$0]) / Double(n) - u[$0]) }.max() ?? 1
    XCTAssertLessThan(worst, 1e-6)

    let forms = FFTPlanning.wisdomForms(FFTPlanning.exportedWisdom())
    XCTAssertEqual(forms.count, 2)
    XCTAssertTrue(forms.first?.hasPrefix("(fftw-3") ?? false)
    XCTAssertTrue(forms.first?.prefix(64).contains("fftw_wisdom") ?? false)
    XCTAssertTrue(forms.last?.prefix(64).contains("fftwf_wisdom") ?? false)
    XCTAssertEqual(FFTPlanning.wisdomForms("(a (b c)) x\n(d)"), ["(a (b c))", "(d)"])
    XCTAssertEqual(FFTPlanning.wisdomForms("(a (b c)"), [])
    XCTAssertEqual(FFTPlanning.wisdomForms("a) (b"), [])
    XCTAssertEqual(FFTPlanning.wisdomForms("not wisdom\n"), [])
  }

  func testPlansAreCachedAndReused() {
    _ = SpectralTransform2D(nx: 30, ny: 10, lengthX: 1, lengthY: 1, boundary: .dirichlet)
    let before = FFTPlanCache.shared.count
    _ = SpectralTransform2D(nx: 30, ny: 10, lengthX: 1, lengthY: 1, boundary: .dirichlet)
    XCTAssertEqual(FFTPlanCache.shared.count, before)
  }

  /// Laplacian symbol applied to analytic eigenfunctions, one per boundary kind:
  /// ∇²[cos(2πax/Lx)·Y(y)] = −[(2πa/Lx)² + k_y²]·(same), with Y = sin(πby/Ly) (Dirichlet),
  /// cos(πby/Ly) (Neumann, nodes or cells), cos(π(b+½)y/Ly) (Neumann at 0, Dirichlet at Ly),
  /// cos(2πby/Ly) (periodic).
  func testLaplacianSymbolOnEigenfunctions() {
    let lx = 2.0, ly = 3.0, a = 3.0, b = 2.0
    for boundary in SpectralBoundary.allCases {
      let t = SpectralTransform2D(nx: 32, ny: 17, lengthX: lx, lengthY: ly, boundary: boundary)
      let hy = t.spacingY
      func yAt(_ j: Int) -> Double {
        switch boundary {
        case .periodic, .neumann, .neumannDirichlet: return Double(j) * hy
        case .dirichlet: return Double(j + 1) * hy
        case .neumannCell: return (Double(j) + 0.5) * hy
        }
      }
      let ky = boundary == .periodic ? 2 * Double.pi * b / ly
        : boundary == .neumannDirichlet ? Double.pi * (b + 0.5) / ly : Double.pi * b / ly
      let kx = 2 * Double.pi * a / lx
      var u = [Double](repeating: 0, count: t.fieldCount)
      for j in 0..<t.ny {
        let yy = boundary == .dirichlet ? sin(ky * yAt(j)) : cos(ky * yAt(j))
        for i in 0..<t.nx { u[j * t.nx + i] = cos(kx * Double(i) * t.spacingX) * yy }
      }
      var hat = [Double](), lap = [Double]()
      t.forward(u, into: &hat)
      let symbol = t.laplacianSymbol(.spectral)
      for k in 0..<hat.count { hat[k] *= symbol[k] }
      t.inverse(hat, into: &lap)
      let expected = -(kx * kx + ky * ky)
      let err = zip(lap, u).map { abs($0 - expected * $1) }.max() ?? 1
      XCTAssertLessThan(err, 1e-11 * abs(expected), "\(boundary)")
    }
  }

  /// The five-point symbol inverts the 3-point stencil exactly (Dirichlet walls).
  func testFivePointSymbolMatchesStencil() {
    let t = SpectralTransform2D(nx: 16, ny: 11, lengthX: 1, lengthY: 1, boundary: .dirichlet)
    let u = randomField(t.fieldCount, seed: 3)
    var hat = [Double](), lap = [Double]()
    t.forward(u, into: &hat)
    let symbol = t.laplacianSymbol(.fivePoint)
    for k in 0..<hat.count { hat[k] *= symbol[k] }
    t.inverse(hat, into: &lap)
    let hx = t.spacingX, hy = t.spacingY
    var worst = 0.0
    for j in 0..<t.ny {
      for i in 0..<t.nx {
        let c = u[j * t.nx + i]
        let e = u[j * t.nx + (i + 1) % t.nx], w = u[j * t.nx + (i + t.nx - 1) % t.nx]
        let n = j + 1 < t.ny ? u[(j + 1) * t.nx + i] : 0
        let s = j > 0 ? u[(j - 1) * t.nx + i] : 0
        let stencil = (e - 2 * c + w) / (hx * hx) + (n - 2 * c + s) / (hy * hy)
        worst = max(worst, abs(stencil - lap[j * t.nx + i]))
      }
    }
    XCTAssertLessThan(worst, 1e-9)
  }

  func testSpectralGradientOfTrigonometricField() {
    let t = SpectralTransform2D(nx: 20, ny: 12, lengthX: 4, lengthY: 3, boundary: .periodic)
    var u = [Double](repeating: 0, count: t.fieldCount)
    let kx = 2 * Double.pi * 2 / 4, ky = 2 * Double.pi / 3
    for j in 0..<t.ny {
      for i in 0..<t.nx {
        u[j * t.nx + i] = sin(kx * Double(i) * t.spacingX) * cos(ky * Double(j) * t.spacingY)
      }
    }
    var hat = [Double](), gx = [Double](), gy = [Double]()
    t.forward(u, into: &hat)
    t.gradient(spectrum: hat, dx: &gx, dy: &gy)
    for j in 0..<t.ny {
      for i in 0..<t.nx {
        let x = Double(i) * t.spacingX, y = Double(j) * t.spacingY
        XCTAssertEqual(gx[j * t.nx + i], kx * cos(kx * x) * cos(ky * y), accuracy: 1e-12)
        XCTAssertEqual(gy[j * t.nx + i], -ky * sin(kx * x) * sin(ky * y), accuracy: 1e-12)
      }
    }
  }
}
