import Engine
import Foundation

/// The cell behind `glovebox demo instrument`: a Li|LPSC|Li-type symmetric cell whose bulk and
/// interfacial resistances drift as it cycles, measured by impedance every few seconds and by a
/// galvanostatic cycler in between. Pure: time in, numbers out (the command does the writing).
///
/// Impedance: the circuit R0-p(R1,CPE1)-p(R2,CPE2) simulated with the impedance engine
/// (`Circuit.impedance`), R1 (bulk) growing 2 % and R2 (interface) 25 % per hour of test time,
/// plus Gaussian noise of `noise` × |Z| on each part. Cycling: ±`currentDensity` for
/// `halfCycleSeconds`, V = ±j·A·(R1 + R2)(t) (the cell's DC resistance) + 0.3 mV noise;
/// positive current charges the working electrode.
struct LiveCellModel {
  static let circuit = "R0-p(R1,CPE1)-p(R2,CPE2)"
  /// Electrode area, cm² (10 mm die).
  var area = 0.785398
  /// mA/cm².
  var currentDensity = 0.1
  var halfCycleSeconds = 600.0
  var noise = 0.005
  var rng: SplitMix64

  init(seed: UInt64) { rng = SplitMix64(seed: seed) }

  /// Circuit values at test time `t` (s): R0, R1, Q1, n1, R2, Q2, n2.
  func parameters(at t: Double) -> [Double] {
    let hours = t / 3600
    return [5, 400 * (1 + 0.02 * hours), 1.5e-8, 0.9, 600 * (1 + 0.25 * hours), 6e-5, 0.8]
  }

  /// 1 MHz to 0.1 Hz, 8 points a decade.
  static let frequencies = (0...56).map { pow(10, 6 - Double($0) / 8) }

  mutating func spectrum(at t: Double) throws -> [(f: Double, re: Double, im: Double)] {
    let circuit = try Circuit(Self.circuit)
    let z = circuit.impedance(parameters(at: t), frequencies: Self.frequencies)
    return zip(Self.frequencies, z).map { f, z in
      let scale = noise * (z.re * z.re + z.im * z.im).squareRoot()
      return (f, z.re + scale * rng.normal(), z.im + scale * rng.normal())
    }
  }

  /// Cell voltage and current at test time `t` (s).
  mutating func cyclerPoint(at t: Double) -> (voltage: Double, current: Double) {
    let sign: Double = Int(t / halfCycleSeconds) % 2 == 0 ? 1 : -1
    let currentA = sign * currentDensity * area / 1000
    let p = parameters(at: t)
    return (currentA * (p[1] + p[4]) + 3e-4 * rng.normal(), currentA)
  }
}
