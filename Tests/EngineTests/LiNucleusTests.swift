import XCTest
@testable import Engine

/// The initial filament (capsule) of `LiNucleus`: ξ = ½[1 − tanh(d/δ)] with d the exact signed
/// distance, so ξ = ½ exactly on its outline. Grid: 64² nodes at 50 nm, centre x = 1.6 µm
/// (column 32), radius 0.25 µm (5 nodes), tip 1.0 µm (row 20), no layer.
final class LiNucleusTests: XCTestCase {
  private let numerics: LiModelNumerics = {
    var n = LiModelNumerics()
    n.nx = 64
    n.ny = 64
    n.lengthX = 3.2e-6
    n.lengthY = 3.2e-6
    return n
  }()
  private let width = 30.6e-9

  private func nucleus(height: Double?) -> LiNucleus {
    var n = LiNucleus()
    n.layerThickness = 0
    n.radius = 0.25e-6
    n.height = height
    return n
  }

  func testFilamentOutlineTipAndFlanks() {
    let xi = nucleus(height: 1.0e-6).initialPhase(numerics: numerics, width: width)
    func at(_ i: Int, _ j: Int) -> Double { xi[j * 64 + i] }
    XCTAssertEqual(at(32, 20), 0.5, accuracy: 1e-12)  // round tip at y = 1.0 µm
    XCTAssertEqual(at(27, 10), 0.5, accuracy: 1e-12)  // flanks at x = 1.6 ∓ 0.25 µm
    XCTAssertEqual(at(37, 10), 0.5, accuracy: 1e-12)
    // 0.25 µm inside (the axis) and 0.25 µm above the tip: ½[1 ∓ tanh(0.25 µm / 30.6 nm)].
    let deep = 0.5 * (1 + tanh(0.25e-6 / width))
    XCTAssertEqual(at(32, 10), deep, accuracy: 1e-12)
    XCTAssertEqual(at(32, 25), 1 - deep, accuracy: 1e-12)
    // Between the flank and the tip the outline is the circle about (1.6, 0.75) µm.
    XCTAssertEqual(at(32 + 3, 15 + 4), 0.5, accuracy: 1e-12)  // 3-4-5 triangle, 5 nodes = r
  }

  func testWithoutHeightTheNucleusIsTheSemicircle() {
    let xi = nucleus(height: nil).initialPhase(numerics: numerics, width: width)
    XCTAssertEqual(xi[5 * 64 + 32], 0.5, accuracy: 1e-12)
    XCTAssertEqual(xi[4 * 64 + 35], 0.5, accuracy: 1e-12)  // 3-4-5 on the semicircle
    XCTAssertEqual(nucleus(height: 0.25e-6).initialPhase(numerics: numerics, width: width), xi)
  }
}
