import Formats
/// Characteristic X-ray wavelengths of laboratory anodes, in ångström.
///
/// Kα1 and Kα2: International Tables for Crystallography Vol. C (1992), Table 4.2.2.1 (Bearden,
/// Rev. Mod. Phys. 39 (1967) 78, on the Å* scale): Cu 1.540562 / 1.544390, Mo 0.709300 /
/// 0.713590, Co 1.788965 / 1.792850. "Kα" is the intensity-weighted mean (2 Kα1 + Kα2)/3 of the
/// unresolved doublet (Kα2 : Kα1 = 1 : 2), e.g. Cu 1.541838.
public enum XRayWavelength {
  public static let named: [(name: String, angstrom: Double)] = [
    ("CuKa1", 1.540562), ("CuKa2", 1.544390), ("CuKa", (2 * 1.540562 + 1.544390) / 3),
    ("MoKa1", 0.709300), ("MoKa2", 0.713590), ("MoKa", (2 * 0.709300 + 0.713590) / 3),
    ("CoKa1", 1.788965), ("CoKa2", 1.792850), ("CoKa", (2 * 1.788965 + 1.792850) / 3),
  ]

  /// A name from `named` (case-insensitive, "Kα" accepted for "Ka") or a number in Å between
  /// 0.01 and 10.
  public static func parse(_ text: String) throws(InputError) -> Double {
    let key = text.replacingOccurrences(of: "α", with: "a").lowercased()
    if let match = named.first(where: { $0.name.lowercased() == key }) { return match.angstrom }
    guard let value = Double(text), value.isFinite else {
      throw InputError("a wavelength name (\(named.map(\.name).joined(separator: ", "))) or a number in Å (got '\(text)')")
    }
    guard value >= 0.01 && value <= 10 else {
      throw InputError("a wavelength between 0.01 and 10 Å (got \(value))")
    }
    return value
  }
}
