import Formats

/// The X-ray source of an XPS measurement.
public enum XPSSource: String, Sendable, Equatable, CaseIterable {
  case alKalpha = "AlKa"
  case mgKalpha = "MgKa"

  /// Photon energy hν, eV (Al Kα 1486.6 eV, Mg Kα 1253.6 eV).
  public var photonEnergy: Double {
    switch self {
    case .alKalpha: return 1486.6
    case .mgKalpha: return 1253.6
    }
  }

  /// `AlKa`, `Al`, `MgKa`, `Mg` (any case); nil otherwise.
  public static func named(_ text: String) -> XPSSource? {
    switch text.lowercased().replacingOccurrences(of: " ", with: "") {
    case "alka", "al", "alkalpha", "alkα": return .alKalpha
    case "mgka", "mg", "mgkalpha", "mgkα": return .mgKalpha
    default: return nil
    }
  }
}

/// Photoionisation cross-sections of the study's core levels relative to C 1s = 1, for use as
/// relative sensitivity factors S in n = A/(S·T·λ).
///
/// Source: J. H. Scofield, "Hartree–Slater subshell photoionization cross-sections at 1254 and
/// 1487 eV", J. Electron Spectrosc. Relat. Phenom. 8 (1976) 129–137, total of both spin–orbit
/// components, divided by the C 1s value at the same photon energy (the normalisation CasaXPS and
/// Kratos libraries use).
///
/// Provenance, stated per entry (`verification`):
/// - C 1s is 1 by definition.
/// - O 1s 2.93 and Si 2p 0.817 (Al Kα) are confirmed by a secondary source quoting the Scofield
///   library (a University of Utah thesis appendix on CasaXPS quantification).
/// - All other Al Kα values were entered from the normalised Scofield library as recalled, NOT
///   transcribed from the paper: check them against Scofield 1976 before publishing numbers.
/// - Mg Kα: no value could be verified in this session, so none is entered; asking for one is an
///   error that says so (give the factor with `--rsf` instead). Never a silent stand-in.
public enum ScofieldCrossSection {
  public enum Verification: String, Sendable, Equatable {
    case definition, secondarySource = "secondary-source", unverified
  }

  public struct Entry: Sendable, Equatable {
    public var element: String
    public var core: String
    public var source: XPSSource
    public var relativeCrossSection: Double
    public var verification: Verification
  }

  /// The table (Al Kα only; see the type's comment for Mg Kα).
  public static let table: [Entry] = [
    Entry(element: "Li", core: "1s", source: .alKalpha, relativeCrossSection: 0.0568, verification: .unverified),
    Entry(element: "C", core: "1s", source: .alKalpha, relativeCrossSection: 1.0, verification: .definition),
    Entry(element: "N", core: "1s", source: .alKalpha, relativeCrossSection: 1.80, verification: .unverified),
    Entry(element: "O", core: "1s", source: .alKalpha, relativeCrossSection: 2.93, verification: .secondarySource),
    Entry(element: "F", core: "1s", source: .alKalpha, relativeCrossSection: 4.43, verification: .unverified),
    Entry(element: "Al", core: "2p", source: .alKalpha, relativeCrossSection: 0.537, verification: .unverified),
    Entry(element: "Si", core: "2p", source: .alKalpha, relativeCrossSection: 0.817, verification: .secondarySource),
    Entry(element: "P", core: "2p", source: .alKalpha, relativeCrossSection: 1.19, verification: .unverified),
    Entry(element: "S", core: "2p", source: .alKalpha, relativeCrossSection: 1.68, verification: .unverified),
    Entry(element: "Cl", core: "2p", source: .alKalpha, relativeCrossSection: 2.29, verification: .unverified),
    Entry(element: "Ti", core: "2p", source: .alKalpha, relativeCrossSection: 7.81, verification: .unverified),
    Entry(element: "Zr", core: "3d", source: .alKalpha, relativeCrossSection: 7.31, verification: .unverified),
  ]

  /// The entry for a core level written `Ti 2p`, `Ti2p` or `ti 2p` at `source`; an error naming
  /// the level (and what the table has) when there is none.
  public static func entry(_ level: String, source: XPSSource) throws -> Entry {
    let (element, core) = try split(level)
    if let e = table.first(where: { $0.element.lowercased() == element && $0.core == core && $0.source == source }) {
      return e
    }
    if source == .mgKalpha {
      throw InputError("no Scofield cross-section for \(level) at Mg Kα: the Mg Kα table is not entered (no value could be verified); give the factor as a number")
    }
    let known = table.filter { $0.source == source }.map { "\($0.element) \($0.core)" }.joined(separator: ", ")
    throw InputError("no Scofield cross-section for '\(level)' at \(source.rawValue); the table has \(known)")
  }

  /// `Ti 2p` → ("ti", "2p").
  static func split(_ level: String) throws -> (String, String) {
    let compact = level.replacingOccurrences(of: " ", with: "").lowercased()
    guard let digit = compact.firstIndex(where: { $0.isNumber }), digit != compact.startIndex else {
      throw InputError("'\(level)' is not a core level like 'Ti 2p' or 'C1s'")
    }
    let core = String(compact[digit...])
    guard core.count == 2, let shell = core.last, "spdf".contains(shell) else {
      throw InputError("'\(level)' is not a core level like 'Ti 2p' or 'C1s'")
    }
    return (String(compact[..<digit]), core)
  }
}
