import Workbench

/// Text tables: instrument headers, then the column names of a line with letters,
/// then the shape of a header-less numeric table.
extension SniffedHead {
  func tableKind() -> WorkspaceFileKind {
    if hasImpedanceMarker { return .impedance }
    // The column names may follow a few lines of instrument header (Maccor's second line).
    for header in lines where header.contains(where: \.isLetter) {
      let columns = header.lowercased()
      if Self.namesImpedance(columns) { return .impedance }
      if Self.namesCycling(columns) { return .cycling }
      if Self.namesSpectrum(columns) { return .spectrum }
    }
    guard let first = lines.first(where: { !$0.trimmingSpaces().isEmpty }), let numbers = Self.numericFieldCount(first) else {
      return .other
    }
    // Header-less: frequency, Z′, Z″ (impedance.py's CSV) or x, intensity (a spectrum's XY).
    if numbers >= 3 { return .impedance }
    if numbers == 2 { return .spectrum }
    return .other
  }

  /// Headers of impedance software (ZPlot/ZView, NOVA's ZView export, CH Instruments).
  var hasImpedanceMarker: Bool {
    let first = firstLine
    return first.hasPrefix("ZPLOT2 ASCII") || first.containsASCII("Data File: Version") || first.containsASCII("Z60W")
      || lowered.containsASCII("a.c. impedance") || lowered.containsASCII("impedance spectroscopy")
  }

  /// A frequency column beside a real or imaginary impedance column.
  static func namesImpedance(_ header: String) -> Bool {
    guard header.containsASCII("freq") else { return false }
    return ["re(z)", "im(z)", "zre", "zim", "z_re", "z_im", "z'", "z real", "zreal", "z_real", "z_imag", "|z|", "impedance"]
      .contains { header.containsASCII($0) }
  }

  /// Time, voltage and current columns (BDF, Arbin/Neware CSV, EC-Lab, Maccor).
  static func namesCycling(_ header: String) -> Bool {
    let time = header.containsASCII("time") || header.containsASCII("(min)")
    let voltage = ["volt", "ewe", "potential", "ecell", "v/v", "(v)"].contains { header.containsASCII($0) }
    let current = ["current", "amps", "<i>", "i/ma", "(a)", "(ma)"].contains { header.containsASCII($0) }
    return time && voltage && current
  }

  /// Raman shift, 2θ or an electron energy against intensity.
  static func namesSpectrum(_ header: String) -> Bool {
    ["raman", "wavenumber", "cm-1", "cm^-1", "1/cm", "2theta", "2-theta", "two theta", "binding energy", "kinetic energy", "counts",
     "intensity"]
      .contains { header.containsASCII($0) }
  }

  /// How many fields of a line are numbers (comma, semicolon, tab or blank separated); nil
  /// when one is not.
  static func numericFieldCount(_ line: String) -> Int? {
    let fields = line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" || $0 == " " })
    guard !fields.isEmpty else { return nil }
    for field in fields where Double(field) == nil { return nil }
    return fields.count
  }
}
