import Engine
import Formats
import Foundation

/// What the pane's XPS quantification computed: at.% per group and what went into it.
struct SpectraQuantificationOutcome {
  var percent: [String: Estimate]
  /// Per group, in order: where its factor came from ("given", "Scofield Ti 2p AlKa (unverified)").
  var factorSources: [(group: String, factor: Double, source: String)]
  var charge: (group: String, correction: XPSChargeCorrection)?
  var corrections: XPSQuantification.Corrections
  /// Where hν came from: the source chosen, or the file's "source energy".
  var sourceEnergyOrigin: String?
}

extension SpectraPane {
  /// Atomic % per group as `glovebox xps quantify` computes it: components grouped by their name
  /// before "_", areas of a group summed (errors added linearly: a doublet's areas are tied), the
  /// factor typed or taken from Scofield's table (`ScofieldCrossSection.entry`), the binding
  /// energy the group's lowest centre moved by the charge correction, then
  /// `XPSQuantification.atomicPercent` with the transmission and mean-free-path corrections.
  /// hν is the chosen source's, else the file's stated source energy. nil without a successful
  /// XPS fit; the reason when a factor is missing or a correction cannot be made.
  var quantification: Result<SpectraQuantificationOutcome, InputError>? {
    guard let spectrum = current?.spectrum, spectrum.technique == .xps, let fit = currentFit, fit.result.success else { return nil }
    var order: [String] = []
    var members: [String: [PeakComponentResult]] = [:]
    for c in fit.result.components {
      let g = Self.group(of: c.name)
      if members[g] == nil { order.append(g) }
      members[g, default: []].append(c)
    }
    let settings = analysis.quantification
    let missing = order.filter { analysis.sensitivities[$0] == nil && settings.scofieldLevels[$0] == nil }
    guard missing.isEmpty else { return .failure(InputError("no sensitivity factor for \(missing.joined(separator: ", ")) (Q)")) }
    do {
      var charge: (group: String, correction: XPSChargeCorrection)?
      if let ref = settings.referenceGroup(among: order) {
        guard let centre = members[ref]?.map(\.center.value).min() else {
          throw InputError("charge reference \(ref): the model has no group \(ref)")
        }
        charge = (ref, try XPSChargeCorrection(referenceEnergy: settings.referenceEnergy, measuredEnergy: centre))
      }
      var sources: [(group: String, factor: Double, source: String)] = []
      let lines = try order.map { g -> XPSQuantification.Line in
        var factor = analysis.sensitivities[g] ?? 0
        var origin = "given"
        if analysis.sensitivities[g] == nil, let level = settings.scofieldLevels[g] {
          guard let source = settings.source else { throw InputError("\(g)=\(level) needs source=AlKa or MgKa") }
          let entry = try ScofieldCrossSection.entry(level, source: source)
          factor = entry.relativeCrossSection
          origin = "Scofield \(entry.element) \(entry.core) \(source.rawValue) (\(entry.verification.rawValue))"
        }
        sources.append((g, factor, origin))
        let m = members[g] ?? []
        let measured = m.map(\.center.value).min() ?? .nan
        return XPSQuantification.Line(name: g, area: Estimate(m.reduce(0) { $0 + $1.area.value }, m.reduce(0) { $0 + $1.area.error }),
                                      bindingEnergy: charge?.correction.corrected(measured) ?? measured, sensitivity: factor)
      }
      let stated = spectrum.metadata["source energy"].flatMap(Double.init).flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
      let corrections = XPSQuantification.Corrections(sourceEnergy: settings.source?.photonEnergy ?? stated,
                                                      transmissionExponent: settings.transmissionExponent,
                                                      meanFreePath: settings.meanFreePath)
      let percent = try XPSQuantification.atomicPercent(lines, corrections: corrections)
      let origin = settings.source.map { "\($0.rawValue)" } ?? stated.map { _ in "the file" }
      return .success(SpectraQuantificationOutcome(percent: Dictionary(uniqueKeysWithValues: zip(order, percent).map { ($0, $1) }),
                                                   factorSources: sources, charge: charge, corrections: corrections, sourceEnergyOrigin: origin))
    } catch let error as InputError {
      return .failure(error)
    } catch {
      return .failure(InputError("\(error)"))
    }
  }

  /// The at.% column's values (nil: no quantification shown).
  var atomicPercent: Result<[String: Estimate], InputError>? { quantification.map { $0.map(\.percent) } }

  /// The notes line under an XPS table: the factors and their sources (unverified Scofield values
  /// flagged as the CLI does), the charge correction and the KE corrections, as applied.
  var quantificationNotes: [String] {
    switch quantification {
    case .success(let q)?:
      var lines = ["at.% = A/(S·T·λ) normalised; S: " + q.factorSources.map { "\($0.group)=\(Self.format($0.factor)) [\($0.source)]" }.joined(separator: " ")]
      if q.factorSources.contains(where: { $0.source.hasSuffix("(unverified)") }) {
        lines.append("unverified Scofield factors: check them against Scofield 1976 before publishing")
      }
      var applied: [String] = []
      if let c = q.charge {
        applied.append("charge: \(c.group) \(Self.format(c.correction.measuredEnergy)) → \(Self.format(c.correction.referenceEnergy)) eV (shift \(Self.format(c.correction.shift)) eV)")
      } else {
        applied.append("no charge correction (Q ref=GROUP)")
      }
      let hv = q.corrections.sourceEnergy.map { "hν \(Self.format($0)) eV from \(q.sourceEnergyOrigin ?? "")" }
      applied.append(q.corrections.transmissionExponent == 0 ? "no transmission correction" : "T = KE^\(Self.format(q.corrections.transmissionExponent))")
      switch q.corrections.meanFreePath {
      case .powerLaw(let m)?: applied.append("λ = KE^\(Self.format(m))")
      case .tpp2m?: applied.append("λ: TPP-2M")
      case nil: applied.append("no IMFP correction")
      }
      if let hv, q.corrections.transmissionExponent != 0 || q.corrections.meanFreePath != nil { applied.append(hv) }
      lines.append(applied.joined(separator: " · "))
      return lines
    case .failure(let error)?: return ["at.%: \(error.message)"]
    case nil: return []
    }
  }
}
