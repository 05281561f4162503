import Formats
import Foundation

extension XylibReader {
  /// The wavelengths a diffraction file's header states, as xylib passes them on: UXD `WL1`,
  /// `WL2`, `WLRATIO` with `WL_UNIT` ('A' or absent: Å; 'nm' is converted), Bruker RAW `alpha1`,
  /// `alpha2`, `alpha_ratio`, and the generic `wavelength`/`lambda`. The metadata returned says
  /// which key the Kα1 came from (`wavelength_source`) and carries `kalpha2_angstrom` and
  /// `kalpha2_ratio` when stated, for Kα2 stripping. A stated value that is not a positive finite
  /// number, or an unknown unit, is an error naming the key.
  static func statedWavelengths(_ meta: [String: String], file: String)
    throws -> (kAlpha1: Double?, metadata: [String: String]) {
    let unitText = (meta["WL_UNIT"] ?? "A").trimmingCharacters(in: CharacterSet(charactersIn: "' \t"))
    let scale: Double
    switch unitText.lowercased() {
    case "a", "å", "angstrom", "": scale = 1
    case "nm": scale = 10
    default: throw InputError("xylib: the header's WL_UNIT is '\(unitText)'; expected A (Å) or nm", file: file)
    }
    func value(_ key: String) throws -> Double? {
      guard let text = meta[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
      guard let v = Double(text), v.isFinite, v > 0 else {
        throw InputError("xylib: the header's \(key) is '\(text)', not a positive wavelength", file: file)
      }
      return v
    }
    var out: [String: String] = [:]
    var kAlpha1: Double?
    for key in ["WL1", "alpha1", "wavelength", "lambda"] {
      if let v = try value(key) {
        kAlpha1 = key == "WL1" ? v * scale : v
        out["wavelength_source"] = "file header \(key) (through xylib)"
        break
      }
    }
    if let v = try value("WL2") ?? value("alpha2") { out["kalpha2_angstrom"] = String(meta["WL2"] != nil ? v * scale : v) }
    if let text = meta["WLRATIO"] ?? meta["alpha_ratio"], let r = Double(text.trimmingCharacters(in: .whitespaces)),
       r.isFinite, r > 0, r < 1 {
      out["kalpha2_ratio"] = String(r)
    }
    return (kAlpha1, out)
  }

  /// SPECS constant-final-state or constant-initial-state scans: the x column is the excitation
  /// energy (SpecsLab still labels it kinetic energy), so it is not turned into binding energy.
  static func isPhotonEnergyScan(_ meta: [String: String]) -> Bool {
    let mode = (meta["Scan Mode"] ?? "").lowercased()
    return mode.contains("constantfinalstate") || mode.contains("constantinitialstate")
  }
}
