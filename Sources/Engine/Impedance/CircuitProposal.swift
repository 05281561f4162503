import Foundation

/// An equivalent circuit suited to a spectrum's shape, with the reason — what a person does
/// before fitting: look at the Nyquist plot's arcs and its low-frequency end.
public struct CircuitProposal: Sendable, Equatable {
  public var circuit: String
  public var reason: String

  /// The proposal for `spectrum`:
  /// - blocking electrodes (the low-frequency phase tends to −90°, `SeriesElementChoice`):
  ///   `R0-p(R1,CPE1)-CPE2` — bulk (R0), grain boundary (R1‖CPE1), the electrodes' double layer
  ///   (CPE2). A solid-electrolyte pellet between steel, as in the study;
  /// - otherwise one R‖CPE per arc seen (`SpectrumFeatures.arcs`, at most two; one when none is
  ///   seen), `R0-p(R1,CPE1)` or `R0-p(R1,CPE1)-p(R2,CPE2)`, with a Warburg `W1` in series when
  ///   the low-frequency end rises at 35°…55° in the Nyquist plot (semi-infinite diffusion) —
  ///   a symmetric Li cell or a Li-ion cell;
  /// - `L0-` in front when Z'' > 0 at the highest frequency (lead inductance).
  public static func propose(for spectrum: ImpedanceSpectrum) -> CircuitProposal {
    let features = SpectrumFeatures(spectrum)
    let inductive = SeriesElementChoice.inductance(for: spectrum, mode: .automatic).included
    let prefix = inductive ? "L0-" : ""
    let lead = inductive ? ", lead inductance (Z'' > 0 at the highest frequency)" : ""
    let blocking = SeriesElementChoice.capacitance(for: spectrum, mode: .automatic)
    if blocking.included {
      return CircuitProposal(
        circuit: prefix + "R0-p(R1,CPE1)-CPE2",
        reason: "blocking electrodes (\(blocking.reason)): bulk R0, grain boundary R1‖CPE1, double layer CPE2" + lead)
    }
    let arcs = max(1, min(2, features.arcs.count))
    var circuit = prefix + (arcs == 1 ? "R0-p(R1,CPE1)" : "R0-p(R1,CPE1)-p(R2,CPE2)")
    var reason = "\(features.arcs.count) arc\(features.arcs.count == 1 ? "" : "s") seen: \(arcs) R‖CPE" + lead
    if let angle = lowFrequencyTailAngleDegrees(spectrum), angle >= 35, angle <= 55 {
      circuit += "-W1"
      reason += String(format: ", diffusion tail (rising at %.0f° in the Nyquist plot): Warburg W1", angle)
    }
    return CircuitProposal(circuit: circuit, reason: reason)
  }

  /// The angle (degrees) at which the Nyquist curve rises over the three lowest frequencies:
  /// atan(Δ(−Z'')/ΔZ'); 45° for semi-infinite diffusion, near 90° for a capacitor, negative
  /// for an arc returning to the real axis. Nil with fewer than three points or no ΔZ'.
  static func lowFrequencyTailAngleDegrees(_ spectrum: ImpedanceSpectrum) -> Double? {
    let order = spectrum.frequencies.indices.sorted { spectrum.frequencies[$0] < spectrum.frequencies[$1] }
    guard order.count >= 3 else { return nil }
    let low = order[0], higher = order[2]
    let dReal = spectrum.real[low] - spectrum.real[higher]
    let dMinusImaginary = -spectrum.imaginary[low] + spectrum.imaginary[higher]
    guard dReal != 0 || dMinusImaginary != 0 else { return nil }
    return atan2(dMinusImaginary, dReal) * 180 / Double.pi
  }
}
