import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox xps …`: XPS-specific analysis.
struct XPSCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "xps",
    abstract: "XPS: quantification to atomic % from fitted peak areas.",
    subcommands: [XPSQuantify.self]
  )
}

/// `glovebox xps quantify FILE --model MODEL --rsf NAME=S …`: fit, then atomic % per group.
struct XPSQuantify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quantify",
    abstract: "Fit a peak model and turn the areas into atomic % with relative sensitivity factors.",
    discussion: """
      Every component belongs to a group: its name, or for a doublet (p1_3/2, p1_1/2) the name before \
      '_' (p1). Each group needs --rsf GROUP=S. n = A/(S·KE^t·KE^m), KE = hν − BE; --transmission-exponent t \
      and --imfp-exponent m (0 = off) need --source-energy. A doublet's areas are tied, so their errors \
      add linearly. --scofield GROUP=LEVEL takes S from Scofield's cross-sections (relative to C 1s) at       --xray-source; --imfp names a mean-free-path model (power:m or tpp2m:ρ,Nv,M,Eg).       --charge-reference GROUP[=BE] shifts the scale so GROUP's fitted centre lands at BE (284.8 eV       when not given); the shift is reported.
      """
  )

  @Argument(help: "XPS spectrum file (one region or survey).") var file: String
  @Option(help: "Model file (.toml) or inline model.") var model: String
  @Option(name: .customLong("rsf"), help: "Relative sensitivity factor GROUP=S, once per group.") var rsf: [String] = []
  @Option(help: "Only x inside LO:HI.") var range: String?
  @Option(help: "Analyser transmission exponent t in T = KE^t.") var transmissionExponent: Double = 0
  @Option(help: "Inelastic mean free path exponent m in λ = KE^m.") var imfpExponent: Double = 0
  @Option(name: .customLong("scofield"), help: "GROUP=LEVEL (e.g. Ti=Ti2p): S from Scofield's cross-section, needs --xray-source.")
  var scofield: [String] = []
  @Option(help: "X-ray source: AlKa or MgKa (its hν is used when --source-energy is not given).") var xraySource: String?
  @Option(help: "Mean free path model: power:m (λ = KE^m) or tpp2m:density,valence-electrons,formula-mass,band-gap.")
  var imfp: String?
  @Option(help: "Charge correction: GROUP[=BE], the group's fitted centre is moved to BE (default 284.8 eV).")
  var chargeReference: String?
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Group: Encodable {
    var name: String; var components: [String]; var binding_energy: Double?; var area: Double?; var area_err: Double?
    var rsf: Double; var rsf_source: String; var atomic_percent: Double?; var atomic_percent_err: Double?
  }
  struct Output: Encodable {
    var file: String; var spectrum: String; var fit_success: Bool; var message: String
    var charge_reference: String?; var charge_shift: Double?; var groups: [Group]
  }

  mutating func run() throws {
    var factors: [String: Double] = [:]
    for item in rsf {
      let parts = item.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, let v = Double(parts[1]), v > 0, v.isFinite else {
        throw ValidationError("--rsf must be GROUP=S with S > 0, found '\(item)'")
      }
      factors[String(parts[0])] = v
    }
    let source = try xraySource.map { name -> XPSSource in
      guard let s = XPSSource.named(name) else { throw ValidationError("--xray-source must be AlKa or MgKa, found '\(name)'") }
      return s
    }
    var factorSource: [String: String] = factors.mapValues { _ in "given" }
    for item in scofield {
      let parts = item.split(separator: "=", maxSplits: 1)
      guard parts.count == 2 else { throw ValidationError("--scofield must be GROUP=LEVEL (e.g. Ti=Ti2p), found '\(item)'") }
      guard let source else { throw ValidationError("--scofield needs --xray-source AlKa|MgKa") }
      let group = String(parts[0])
      guard factors[group] == nil else { throw ValidationError("group \(group) has both --rsf and --scofield") }
      do {
        let entry = try ScofieldCrossSection.entry(String(parts[1]), source: source)
        factors[group] = entry.relativeCrossSection
        factorSource[group] = "Scofield \(entry.element) \(entry.core) \(source.rawValue) (\(entry.verification.rawValue))"
      } catch let e as InputError {
        throw ValidationError("--scofield \(item): \(e.message)")
      }
    }
    let meanFreePath = try imfp.map(Self.parseMeanFreePath)
    let charge = try chargeReference.map(Self.parseChargeReference)
    let range = try parseSpectrumRange(self.range)
    do {
      let spectra = try input.spectra(file)
      guard spectra.count == 1, let s = spectra.first else {
        throw InputError("quantify reads one spectrum; the file has \(spectra.count)", file: file)
      }
      guard s.axis == .bindingEnergy else {
        throw InputError("quantify needs a binding-energy axis (give --source-energy for kinetic energy), found \(s.axis.label)", file: file)
      }
      let w = try spectrumWindow(s, range, file: file)
      let peakModel: PeakModel
      if model.lowercased().hasSuffix(".toml") {
        guard let text = try? String(contentsOfFile: model, encoding: .utf8) else { throw ValidationError("\(model): cannot read the model file") }
        peakModel = try PeakModelFile.read(text, file: model)
      } else {
        peakModel = try PeakModelStart.build(try PeakModelSpec.parse(model), x: w.x, y: w.y, axis: s.axis)
      }
      let result = fitPeaks(PeakFitRequest(x: w.x, y: w.y, model: peakModel))
      var order: [String] = []
      var members: [String: [PeakComponentResult]] = [:]
      for c in result.components {
        let group = c.name.split(separator: "_").first.map(String.init) ?? c.name
        if members[group] == nil { order.append(group) }
        members[group, default: []].append(c)
      }
      guard result.success else {
        throw InputError("the fit did not converge (\(result.fit.message)); no quantification", file: file)
      }
      var correction: XPSChargeCorrection?
      if let charge {
        guard let m = members[charge.group], let centre = m.map(\.center.value).min() else {
          throw ValidationError("--charge-reference \(charge.group): the model has no group \(charge.group) (groups: \(order.joined(separator: ", ")))")
        }
        correction = try XPSChargeCorrection(referenceEnergy: charge.energy, measuredEnergy: centre)
      }
      let lines = try order.map { g -> XPSQuantification.Line in
        guard let s = factors[g] else { throw ValidationError("--rsf \(g)=S or --scofield \(g)=LEVEL is missing (groups: \(order.joined(separator: ", ")))") }
        let m = members[g] ?? []
        let area = Estimate(m.reduce(0) { $0 + $1.area.value }, m.reduce(0) { $0 + $1.area.error })
        let measured = m.map(\.center.value).min() ?? .nan
        return XPSQuantification.Line(name: g, area: area, bindingEnergy: correction?.corrected(measured) ?? measured, sensitivity: s)
      }
      for name in factors.keys where !order.contains(name) {
        throw ValidationError("--rsf/--scofield \(name): the model has no group \(name) (groups: \(order.joined(separator: ", ")))")
      }
      let percent = try XPSQuantification.atomicPercent(lines, corrections: XPSQuantification.Corrections(
        sourceEnergy: input.sourceEnergy ?? source?.photonEnergy, transmissionExponent: transmissionExponent,
        meanFreePathExponent: imfpExponent, meanFreePath: meanFreePath))
      let groups = zip(lines, percent).map { l, p in
        Group(name: l.name, components: (members[l.name] ?? []).map(\.name), binding_energy: finite(l.bindingEnergy),
              area: finite(l.area.value), area_err: finite(l.area.error), rsf: l.sensitivity,
              rsf_source: factorSource[l.name] ?? "given",
              atomic_percent: finite(p.value), atomic_percent_err: finite(p.error))
      }
      let output = Output(file: file, spectrum: s.name, fit_success: result.success, message: result.fit.message,
                          charge_reference: charge.map { "\($0.group)=\($0.energy)" }, charge_shift: correction.map(\.shift),
                          groups: groups)
      if json {
        try printJSON(output)
      } else {
        if let c = correction, let charge {
          print("charge correction: \(charge.group) \(formatSpectrumNumber(c.measuredEnergy)) → \(formatSpectrumNumber(c.referenceEnergy)) eV, shift \(formatSpectrumNumber(c.shift)) eV")
        }
        for g in groups {
          print("\(g.name) (\(g.components.joined(separator: ", "))): BE \(formatSpectrumNumber(g.binding_energy)) eV, area \(formatSpectrumNumber(g.area)) ± \(formatSpectrumNumber(g.area_err)), RSF \(g.rsf) [\(g.rsf_source)]: \(formatSpectrumNumber(g.atomic_percent)) ± \(formatSpectrumNumber(g.atomic_percent_err)) at.%")
        }
      }
    } catch let e as ValidationError {
      throw e
    } catch {
      _ = reportSpectrumError(error, file: file)
      throw ExitCode(2)
    }
  }
}

extension XPSQuantify {
  /// `power:m` or `tpp2m:ρ,Nv,M,Eg`.
  static func parseMeanFreePath(_ text: String) throws -> InelasticMeanFreePath {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    let numbers = parts.count == 2 ? parts[1].split(separator: ",").map { Double($0) } : []
    guard parts.count == 2, !numbers.isEmpty, numbers.allSatisfy({ $0?.isFinite ?? false }) else {
      throw ValidationError("--imfp must be power:m or tpp2m:density,valence-electrons,formula-mass,band-gap, found '\(text)'")
    }
    let v = numbers.compactMap { $0 }
    switch parts[0].lowercased() {
    case "power" where v.count == 1: return .powerLaw(exponent: v[0])
    case "tpp2m" where v.count == 4: return .tpp2m(density: v[0], valenceElectrons: v[1], formulaMass: v[2], bandGap: v[3])
    default:
      throw ValidationError("--imfp must be power:m or tpp2m:density,valence-electrons,formula-mass,band-gap, found '\(text)'")
    }
  }

  /// `GROUP` (284.8 eV) or `GROUP=BE`.
  static func parseChargeReference(_ text: String) throws -> (group: String, energy: Double) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard let group = parts.first, !group.isEmpty else { throw ValidationError("--charge-reference must be GROUP or GROUP=BE, found '\(text)'") }
    guard parts.count == 2 else { return (group, XPSChargeCorrection.adventitiousCarbon) }
    guard let be = Double(parts[1]), be.isFinite else {
      throw ValidationError("--charge-reference must be GROUP or GROUP=BE with BE in eV, found '\(text)'")
    }
    return (group, be)
  }
}
