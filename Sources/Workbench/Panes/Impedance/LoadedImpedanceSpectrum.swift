import Engine

/// One spectrum in the Impedance pane's list: where it came from and its fit, if any.
public struct LoadedImpedanceSpectrum: Sendable {
  public var path: String
  /// Position within a multi-spectrum file.
  public var index: Int
  public var spectrum: ImpedanceSpectrum
  public var fit: ImpedanceFitOutcome?

  /// "cell.DTA" or "cycles.mpt #3".
  public func label(spectraInFile: Int) -> String {
    spectraInFile > 1 ? "\(path) #\(index + 1)" : path
  }
}

/// Circuits researchers reach for first, offered by `C`.
public enum CommonCircuits {
  public static let all: [(circuit: String, description: String)] = [
    ("R0-p(R1,CPE1)", "electrolyte: bulk + one arc"),
    ("R0-p(R1,CPE1)-p(R2,CPE2)", "bulk + grain boundary"),
    ("R0-p(R1,CPE1)-CPE2", "one arc + blocking electrode"),
    ("R0-p(R1,CPE1)-p(R2,CPE2)-CPE3", "two arcs + blocking electrode"),
    ("L0-R0-p(R1,CPE1)-p(R2,CPE2)", "with lead inductance"),
    ("R0-p(R1-W1,CPE1)", "Randles with Warburg"),
    ("R0-p(R1,C1)", "ideal RC"),
    ("R0-Zarc1-Zarc2", "two ZARC elements"),
  ]
}
