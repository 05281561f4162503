import Foundation

/// Whether a series element (a capacitance for blocking electrodes, an inductance for the
/// leads) is part of a DRT or Kramers–Kronig model, and why — so a view can say "series C
/// included: low-frequency phase −88.9°" instead of silently deciding either way.
public struct SeriesElementChoice: Sendable, Equatable {
  /// The user's override, or nil to decide from the spectrum.
  public enum Mode: String, Sendable, CaseIterable {
    case automatic = "auto", on, off
  }
  public var included: Bool
  /// True when the user set it; false when it was decided from the data.
  public var given: Bool
  /// What the data showed (for an automatic choice) or "set by the user".
  public var reason: String

  public init(included: Bool, given: Bool, reason: String) {
    self.included = included
    self.given = given
    self.reason = reason
  }

  /// "series C: included (auto: low-frequency phase −88.9°, still falling)".
  public func summary(element: String) -> String {
    "series \(element): \(included ? "included" : "not included") (\(given ? "set" : "auto"): \(reason))"
  }

  /// The series-capacitance decision for `spectrum` under `mode`.
  ///
  /// A blocking electrode (SS|electrolyte|SS, as the study's pellets) charges its double layer
  /// at low frequency: Z → R + 1/(jωC), so the phase arg Z tends to −90° as f → 0 and −Z''
  /// grows like 1/f. A reversible (Li|electrolyte|Li) or a Warburg-limited cell instead turns
  /// back to the real axis (phase → 0°) or levels at −45°. Rule: the lowest-frequency point's
  /// phase is at or below −60° (beyond a semi-infinite Warburg tail, −45°, and the low side of
  /// a depressed arc) and the phase over the three lowest frequencies is
  /// not turning back towards 0° (non-increasing by more than 1° towards low f), so a capacitive
  /// tail is established rather than the low side of an arc. This is the criterion pyDRTtools
  /// and pyimpspec leave to the user; deciding it here is shown, never silent.
  public static func capacitance(for spectrum: ImpedanceSpectrum, mode: Mode) -> SeriesElementChoice {
    switch mode {
    case .on: return SeriesElementChoice(included: true, given: true, reason: "set by the user")
    case .off: return SeriesElementChoice(included: false, given: true, reason: "set by the user")
    case .automatic: break
    }
    let order = spectrum.frequencies.indices.sorted { spectrum.frequencies[$0] < spectrum.frequencies[$1] }
    guard order.count >= 3 else {
      return SeriesElementChoice(included: false, given: false, reason: "fewer than 3 points")
    }
    func phase(_ k: Int) -> Double {
      let i = order[k]
      return atan2(spectrum.imaginary[i], spectrum.real[i]) * 180 / Double.pi
    }
    let lowest = phase(0), third = phase(2)
    let text = String(format: "low-frequency phase %.1f°", lowest)
    guard lowest <= -60 else {
      return SeriesElementChoice(included: false, given: false, reason: text + " (above −60°: no capacitive tail)")
    }
    guard lowest <= third + 1 else {
      return SeriesElementChoice(included: false, given: false, reason: text + String(format: ", turning back (%.1f° a decade up)", third))
    }
    return SeriesElementChoice(included: true, given: false, reason: text + ", tending to −90° (blocking electrodes)")
  }

  /// The series-inductance decision: automatic when Z'' > 0 at the highest frequency (the
  /// leads' inductance dominates there), as the DRT and KK models always decided it.
  public static func inductance(for spectrum: ImpedanceSpectrum, mode: Mode) -> SeriesElementChoice {
    switch mode {
    case .on: return SeriesElementChoice(included: true, given: true, reason: "set by the user")
    case .off: return SeriesElementChoice(included: false, given: true, reason: "set by the user")
    case .automatic: break
    }
    guard let top = spectrum.frequencies.indices.max(by: { spectrum.frequencies[$0] < spectrum.frequencies[$1] }) else {
      return SeriesElementChoice(included: false, given: false, reason: "no points")
    }
    let positive = spectrum.imaginary[top] > 0
    return SeriesElementChoice(
      included: positive, given: false,
      reason: String(format: "Z'' %@ 0 at %.3g Hz", positive ? ">" : "≤", spectrum.frequencies[top]))
  }
}
