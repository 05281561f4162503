/// What a column of an impedance table holds, in the units the reader converts to (Hz, Ω, degrees).
public enum ImpedanceQuantity: String, Sendable, CaseIterable, Codable {
  case frequency
  /// Z' (Ω).
  case real
  /// Z'' (Ω), negative for a capacitive response.
  case imaginary
  /// −Z'' (Ω), as EC-Lab (`-Im(Z)/Ohm`) and NOVA (`-Z''`) write it.
  case negativeImaginary
  /// |Z| (Ω).
  case modulus
  /// The phase of Z in degrees, negative for a capacitive response.
  case phase
  /// −phase in degrees (NOVA's `-Phase (°)`).
  case negativePhase
}

/// A column recognised from its header name: what it holds and the factor that converts its
/// unit to Hz, Ω or degrees (kHz → 1000, mΩ → 0.001, rad → 180/π).
struct RecognisedColumn: Sendable, Equatable {
  let quantity: ImpedanceQuantity
  let scale: Double
}

enum ImpedanceColumnNames {
  /// Recognises the header names instruments write: `freq/Hz`, `Frequency (Hz)`, `Freq(Hz)`,
  /// `Re(Z)/Ohm`, `-Im(Z)/Ohm`, `Z'(a)`, `Z''(b)`, `Z' (Ω)`, `-Z'' (Ω)`, `Zre (ohms)`, `Zimg`,
  /// `Z Real`, `Zmod`, `Zphz`, `|Z|/Ohm`, `Phase(Z)/deg`, `Z/ohm`, `-Phase (°)`, `Zs'[ohm]` and
  /// `Zs''[ohm]` (Zahner/RelaxIS), `Real(Z)`, `Imag(Z)`, `-Z'` (−Z', negated back), pyimpspec's
  /// `Re(Z) (ohm)`, `Phase(Z) (deg.)` and `real_impedances`. Names that mean
  /// something else (admittance `Re(Y)`, a second channel `Z2 Real`) are not recognised.
  static func recognise(_ header: Substring) -> RecognisedColumn? {
    let (rawBase, unit) = splitUnit(String(header))
    var base = normalise(rawBase)
    var negated = false
    if base.hasPrefix("-") {
      negated = true
      base.removeFirst()
    }
    let quantity: ImpedanceQuantity
    if frequencyNames.contains(base) {
      guard !negated else { return nil }
      quantity = .frequency
    } else if realNames.contains(base) {
      // A `-Z'` column holds −Z' (pyimpspec accepts it): read as Z' with the sign turned back
      // through the scale, so every later step sees Z' itself.
      quantity = .real
      if negated {
        guard let scale = unitScale(unit, for: .real) else { return nil }
        return RecognisedColumn(quantity: .real, scale: -scale)
      }
    } else if imaginaryNames.contains(base) {
      quantity = negated ? .negativeImaginary : .imaginary
    } else if modulusNames.contains(base) {
      guard !negated else { return nil }
      quantity = .modulus
    } else if phaseNames.contains(base) {
      quantity = negated ? .negativePhase : .phase
    } else {
      return nil
    }
    guard let scale = unitScale(unit, for: quantity) else { return nil }
    return RecognisedColumn(quantity: quantity, scale: scale)
  }

  static let frequencyNames: Set<String> = ["freq", "frequency", "f", "fre", "freq.", "frequency(hz)", "freq(hz)", "frequencies"]
  static let realNames: Set<String> = [
    "z'", "zre", "zreal", "re(z)", "z'(a)", "zr", "real", "re", "realz", "z_re", "z_real", "realpart",
    "impedancereal", "zreal(ohm)", "zs'", "real(z)", "rez", "z.re", "z.real", "zreal'", "realimpedance",
    "z'real", "re[z]", "realimpedances", "zre'",
  ]
  static let imaginaryNames: Set<String> = [
    "z''", "zim", "zimag", "zimg", "im(z)", "z''(b)", "zi", "imag", "imaginary", "imz", "zimaginary",
    "z_im", "z_imag", "imagpart", "impedanceimaginary", "zs''", "imag(z)", "z.im", "z.imag", "imaginaryimpedance",
    "z''imag", "im[z]", "zimag''", "imaginaryimpedances",
  ]
  static let modulusNames: Set<String> = ["|z|", "zmod", "z", "mod(z)", "modulus", "zabs", "abs(z)", "|z|(ohm)", "impedance", "mag", "magnitude"]
  static let phaseNames: Set<String> = ["phase", "phase(z)", "zphz", "phi", "θ", "theta", "phaseangle", "phz", "zphase", "phase(°)"]

  /// Splits `Re(Z)/Ohm` into (`Re(Z)`, `Ohm`) and `Zre (ohms)` into (`Zre`, `ohms`). A trailing
  /// parenthesis is a unit only when its content is a unit (`Z'(a)` keeps its `(a)`); so is the
  /// last word of a snake-case name (`z_real_ohm`).
  static func splitUnit(_ name: String) -> (String, String) {
    var name = name.trimmingBlanks
    if let slash = name.lastIndex(of: "/"), slash != name.startIndex {
      let unit = String(name[name.index(after: slash)...]).trimmingBlanks
      if unitFactor(unit) != nil { return (String(name[..<slash]), unit) }
    }
    // Snake-case names carry the unit as their last word: `frequency_hz`, `z_real_ohm` (the
    // names Glovebox's own `eis read --json` and exports use).
    if let underscore = name.lastIndex(of: "_"), underscore != name.startIndex {
      let unit = String(name[name.index(after: underscore)...])
      if unit.count > 1, unitFactor(unit) != nil { return (String(name[..<underscore]), unit) }
    }
    for (open, close) in [("(", ")"), ("[", "]")] {
      if name.hasSuffix(close), let start = name.lastIndex(of: Character(open)) {
        let unit = String(name[name.index(after: start)..<name.index(before: name.endIndex)]).trimmingBlanks
        if unitFactor(unit) != nil {
          name = String(name[..<start])
          return (name, unit)
        }
      }
    }
    return (name, "")
  }

  /// Lower case, blanks and underscores removed, the several quote and minus signs unified.
  static func normalise(_ base: String) -> String {
    var out = ""
    for scalar in base.unicodeScalars {
      switch scalar {
      case " ", "\t", "_": continue
      case "\u{2212}", "\u{2013}": out.append("-")
      case "\"", "\u{2033}", "\u{201D}": out.append("''")
      case "\u{2032}", "\u{2019}", "`": out.append("'")
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out.lowercased()
  }

  /// The factor of a unit name, case-sensitive where SI prefixes need it (mHz vs MHz).
  static func unitFactor(_ unit: String) -> Double? {
    switch unit {
    case "Hz", "hz", "HZ", "1/s", "s-1": return 1
    case "kHz", "khz", "KHz": return 1e3
    case "MHz": return 1e6
    case "mHz": return 1e-3
    case "Ohm", "ohm", "ohms", "Ohms", "OHM", "Ω", "ohm.", "a", "b": return 1
    case "kOhm", "kohm", "kΩ", "kohms", "KOhm": return 1e3
    case "MOhm", "Mohm", "MΩ": return 1e6
    case "mOhm", "mohm", "mΩ": return 1e-3
    case "deg", "deg.", "°", "degree", "degrees", "Deg", "º": return 1
    case "rad", "radian", "radians": return 180 / Double.pi
    default: return nil
    }
  }

  private static func unitScale(_ unit: String, for quantity: ImpedanceQuantity) -> Double? {
    if unit.isEmpty { return 1 }
    guard let factor = unitFactor(unit) else { return nil }
    let isFrequencyUnit = unit.lowercased().hasSuffix("hz") || unit == "1/s" || unit == "s-1"
    let isAngleUnit = ["deg", "deg.", "°", "degree", "degrees", "Deg", "º", "rad", "radian", "radians"].contains(unit)
    switch quantity {
    case .frequency: return isFrequencyUnit ? factor : nil
    case .phase, .negativePhase: return isAngleUnit ? factor : nil
    case .real, .imaginary, .negativeImaginary, .modulus: return isFrequencyUnit || isAngleUnit ? nil : factor
    }
  }
}

extension String {
  var trimmingBlanks: String {
    String(Substring(self).trimmed)
  }
}
