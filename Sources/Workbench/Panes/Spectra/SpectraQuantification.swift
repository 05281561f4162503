import Engine
import Formats
import Foundation

/// The XPS quantification settings `Q` sets besides typed factors, the options of `glovebox xps
/// quantify`: Scofield levels per group (`--scofield`), the X-ray source (`--xray-source`), the
/// transmission exponent (`--transmission-exponent`), the mean free path (`--imfp`) and the
/// charge reference (`--charge-reference`).
public struct SpectraQuantification: Equatable, Sendable {
  /// Scofield core level per group ("C1s", "Ti2p"); its factor is the engine's table entry.
  public var scofieldLevels: [String: String] = [:]
  public var source: XPSSource?
  /// t in T = KE^t (0: no transmission correction).
  public var transmissionExponent: Double = 0
  public var meanFreePath: InelasticMeanFreePath?
  /// The group whose fitted centre is moved to `referenceEnergy`; nil with `chargeReferenceOff`
  /// false: the group given the level C 1s, if any, at 284.8 eV.
  public var chargeReference: String?
  public var referenceEnergy: Double = XPSChargeCorrection.adventitiousCarbon
  /// `ref=none`: no charge correction even with a C 1s group.
  public var chargeReferenceOff = false

  public init() {}

  /// The reference group in force: the one given, else the group with the level C 1s.
  func referenceGroup(among groups: [String]) -> String? {
    if chargeReferenceOff { return nil }
    if let chargeReference { return chargeReference }
    return groups.first { g in scofieldLevels[g].map { $0.replacingOccurrences(of: " ", with: "").lowercased() == "c1s" } ?? false }
  }

  /// The option words as the prompt shows them back.
  var text: String {
    var words: [String] = []
    if let source { words.append("source=\(source.rawValue)") }
    if transmissionExponent != 0 { words.append("t=\(SpectraPane.format(transmissionExponent))") }
    switch meanFreePath {
    case .powerLaw(let m)?: words.append("imfp=power:\(SpectraPane.format(m))")
    case .tpp2m(let d, let v, let m, let g)?: words.append("imfp=tpp2m:\([d, v, m, g].map(SpectraPane.format).joined(separator: ","))")
    case nil: break
    }
    if chargeReferenceOff { words.append("ref=none") } else if let chargeReference {
      words.append("ref=\(chargeReference)@\(SpectraPane.format(referenceEnergy))")
    }
    return words.joined(separator: " ")
  }

  /// One option word of the prompt (`source=`, `t=`, `imfp=`, `ref=`); false when `key` names
  /// none, an error when its value is malformed.
  mutating func apply(key: String, value: String) throws(InputError) -> Bool {
    switch key {
    case "source":
      guard let s = XPSSource.named(value) else { throw InputError("quantify: source is AlKa or MgKa, found \"\(value)\"") }
      source = s
    case "t":
      guard let t = Double(value), t.isFinite else { throw InputError("quantify: t (transmission exponent) is a number, found \"\(value)\"") }
      transmissionExponent = t
    case "imfp":
      meanFreePath = try Self.parseMeanFreePath(value)
    case "ref":
      if value.lowercased() == "none" {
        chargeReferenceOff = true
        chargeReference = nil
        return true
      }
      let parts = value.split(separator: "@", maxSplits: 1).map(String.init)
      guard let group = parts.first, !group.isEmpty else { throw InputError("quantify: ref=GROUP or ref=GROUP@BE, found \"\(value)\"") }
      var energy = XPSChargeCorrection.adventitiousCarbon
      if parts.count == 2 {
        guard let be = Double(parts[1]), be.isFinite else { throw InputError("quantify: ref=GROUP@BE with BE in eV, found \"\(value)\"") }
        energy = be
      }
      chargeReference = group
      referenceEnergy = energy
      chargeReferenceOff = false
    default:
      return false
    }
    return true
  }

  /// `power:m` (λ = KE^m) or `tpp2m:ρ,Nv,M,Eg`, the forms `glovebox xps quantify --imfp` takes.
  static func parseMeanFreePath(_ text: String) throws(InputError) -> InelasticMeanFreePath {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    let numbers = parts.count == 2 ? parts[1].split(separator: ",").compactMap { Double($0) }.filter(\.isFinite) : []
    let given = parts.count == 2 ? parts[1].split(separator: ",").count : 0
    switch (parts.first?.lowercased(), numbers.count) {
    case ("power"?, 1) where given == 1: return .powerLaw(exponent: numbers[0])
    case ("tpp2m"?, 4) where given == 4:
      return .tpp2m(density: numbers[0], valenceElectrons: numbers[1], formulaMass: numbers[2], bandGap: numbers[3])
    default:
      throw InputError("quantify: imfp=power:m or imfp=tpp2m:density,valence-electrons,formula-mass,band-gap, found \"\(text)\"")
    }
  }
}
