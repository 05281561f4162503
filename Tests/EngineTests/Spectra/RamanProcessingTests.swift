import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct RamanProcessingTests {
  /// A Lorentzian band (height 600, FWHM 16 cm⁻¹ at 425 cm⁻¹) on a 500-count fluorescence
  /// baseline with shot noise (Gaussian, σ = √counts, fixed seed), 1 cm⁻¹ steps from 300 to 550 cm⁻¹.
  private func band() -> (x: [Double], clean: [Double], y: [Double]) {
    var state: UInt64 = 12345
    func uniform() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return (Double(state >> 11) + 0.5) / Double(1 << 53)
    }
    let x = (0...250).map { 300 + Double($0) }
    let clean = x.map { 500 + 600 / (1 + 4 * ($0 - 425) * ($0 - 425) / 256) }
    let y = clean.map { c -> Double in
      let gauss = (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
      return c + c.squareRoot() * gauss
    }
    return (x, clean, y)
  }

  @Test func spikeIsRemovedAndTheBandKept() throws {
    let spectrum = band()
    var y = spectrum.y
    y[60] += 5000  // a one-pixel cosmic ray at 360 cm⁻¹
    y[200] += 3000; y[201] += 2500  // a two-pixel one at 500–501 cm⁻¹
    let r = try RamanSpikeRemoval.despike(y, threshold: 6, window: 3)
    // Replaced: each spike and its two neighbours (both ends of each large difference).
    #expect(r.replaced == [59, 60, 61, 199, 200, 201, 202])
    // Spike points come back to the noise-free baseline (≈ 501) within 5 σ of a 4-point mean (σ ≈ 11).
    for i in [60, 200, 201] { #expect(abs(r.y[i] - spectrum.clean[i]) < 55) }
    // The band itself (425 cm⁻¹, index 125) is untouched.
    #expect(r.y[95...155] == y[95...155])
    #expect(throws: InputError.self) { try RamanSpikeRemoval.despike(y, threshold: 0) }
    #expect(throws: InputError.self) { try RamanSpikeRemoval.despike([1, 2, .nan, 4, 5]) }
    // A wide flat-topped spike with a 1-point window has no clean neighbour: an error, not a guess.
    var wide = [Double](repeating: 10, count: 40)
    for i in 18...22 { wide[i] = 1e4 }
    #expect(throws: InputError.self) { try RamanSpikeRemoval.despike(wide, threshold: 6, window: 1) }
    // With a wide enough window the whole 5-point spike (and its two neighbours) goes back to 10.
    let cleared = try RamanSpikeRemoval.despike(wide, threshold: 6, window: 4)
    #expect(cleared.replaced == Array(17...23) && cleared.y == [Double](repeating: 10, count: 40))
  }

  @Test func modifiedZScoreByHand() {
    // values 1,2,3,4,100: median 3, |dev| = 2,1,0,1,97 → MAD 1; z(100) = 0.6745·97 = 65.4265.
    let z = RamanSpikeRemoval.modifiedZScores([1, 2, 3, 4, 100])
    #expect(abs(z[4] - 65.4265) < 1e-12 && abs(z[0] - -1.349) < 1e-12)
  }

  @Test func normalisationsByHand() throws {
    let x: [Double] = [0, 1, 2, 3], y: [Double] = [1, 3, 2, 4]
    #expect(try RamanNormalisation.maximum.apply(x: x, y: y) == [0.25, 0.75, 0.5, 1])
    // Trapezoid: (1+3)/2 + (3+2)/2 + (2+4)/2 = 7.5, the same on the reversed (descending) axis.
    #expect(try RamanNormalisation.area.divisor(x: x, y: y) == 7.5)
    #expect(try RamanNormalisation.area.divisor(x: x.reversed(), y: y.reversed()) == 7.5)
    #expect(try RamanNormalisation.band(center: 1.2, halfWidth: 0.9).divisor(x: x, y: y) == 3)
    #expect(throws: InputError.self) { try RamanNormalisation.band(center: 10, halfWidth: 1).apply(x: x, y: y) }
    #expect(throws: InputError.self) { try RamanNormalisation.maximum.apply(x: x, y: [-1, -2, -3, -4]) }
  }

  @Test func bandRatioOfAFit() throws {
    // Two Gaussians: heights 800 and 200, FWHM 10 and 20 → area ratio 800·10/(200·20) = 2, height ratio 4.
    let x = (0..<400).map { 300 + Double($0) * 0.5 }
    let g = { (c: Double, h: Double, w: Double, v: Double) in h * exp(-4 * log(2.0) * (v - c) * (v - c) / (w * w)) }
    let y = x.map { 5 + g(380, 800, 10, $0) + g(440, 200, 20, $0) }
    let model = try PeakModelStart.build(try PeakModelSpec.parse("constant + gaussian(381) + gaussian(438)"), x: x, y: y, axis: .ramanShift)
    let result = fitPeaks(PeakFitRequest(x: x, y: y, model: model))
    let names = result.components.map(\.name)
    let area = try RamanBandRatio.ratio(result, numerator: names[0], denominator: names[1], by: .area)
    let height = try RamanBandRatio.ratio(result, numerator: names[0], denominator: names[1], by: .height)
    #expect(abs(area.value - 2) < 1e-6 && abs(height.value - 4) < 1e-6)
    #expect(throws: InputError.self) { try RamanBandRatio.ratio(result, numerator: "nope", denominator: names[1], by: .area) }
    // By hand: (6 ± 0.3)/(2 ± 0.2) = 3 ± 3·√(0.05² + 0.1²) = 3 ± 0.33541019662496846.
    let r = try RamanBandRatio.ratio(Estimate(6, 0.3), Estimate(2, 0.2))
    #expect(r.value == 3 && abs(r.error - 0.33541019662496846) < 1e-12)
    #expect(throws: InputError.self) { try RamanBandRatio.ratio(Estimate(1, 0), Estimate(0, 0)) }
  }
}
