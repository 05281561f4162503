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
      add linearly.
      """
  )

  @Argument(help: "XPS spectrum file (one region or survey).") var file: String
  @Option(help: "Model file (.toml) or inline model.") var model: String
  @Option(name: .customLong("rsf"), help: "Relative sensitivity factor GROUP=S, once per group.") var rsf: [String] = []
  @Option(help: "Only x inside LO:HI.") var range: String?
  @Option(help: "Analyser transmission exponent t in T = KE^t.") var transmissionExponent: Double = 0
  @Option(help: "Inelastic mean free path exponent m in λ = KE^m.") var imfpExponent: Double = 0
  @OptionGroup var input: SpectrumInputOptions
  @Flag(help: "Print one JSON document.") var json = false

  struct Group: Encodable {
    var name: String; var components: [String]; var binding_energy: Double?; var area: Double?; var area_err: Double?
    var rsf: Double; var atomic_percent: Double?; var atomic_percent_err: Double?
  }
  struct Output: Encodable { var file: String; var spectrum: String; var fit_success: Bool; var message: String; var groups: [Group] }

  mutating func run() throws {
    var factors: [String: Double] = [:]
    for item in rsf {
      let parts = item.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, let v = Double(parts[1]), v > 0, v.isFinite else {
        throw ValidationError("--rsf must be GROUP=S with S > 0, found '\(item)'")
      }
      factors[String(parts[0])] = v
    }
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
      let lines = try order.map { g -> XPSQuantification.Line in
        guard let s = factors[g] else { throw ValidationError("--rsf \(g)=S is missing (groups: \(order.joined(separator: ", ")))") }
        let m = members[g] ?? []
        let area = Estimate(m.reduce(0) { $0 + $1.area.value }, m.reduce(0) { $0 + $1.area.error })
        let be = m.map(\.center.value).min() ?? .nan
        return XPSQuantification.Line(name: g, area: area, bindingEnergy: be, sensitivity: s)
      }
      for name in factors.keys where !order.contains(name) {
        throw ValidationError("--rsf \(name): the model has no group \(name) (groups: \(order.joined(separator: ", ")))")
      }
      let percent = try XPSQuantification.atomicPercent(lines, corrections: XPSQuantification.Corrections(
        sourceEnergy: input.sourceEnergy, transmissionExponent: transmissionExponent, meanFreePathExponent: imfpExponent))
      let groups = zip(lines, percent).map { l, p in
        Group(name: l.name, components: (members[l.name] ?? []).map(\.name), binding_energy: jsonNumber(l.bindingEnergy),
              area: jsonNumber(l.area.value), area_err: jsonNumber(l.area.error), rsf: l.sensitivity,
              atomic_percent: jsonNumber(p.value), atomic_percent_err: jsonNumber(p.error))
      }
      let output = Output(file: file, spectrum: s.name, fit_success: result.success, message: result.fit.message, groups: groups)
      if json {
        try printJSON(output)
      } else {
        for g in groups {
          print("\(g.name) (\(g.components.joined(separator: ", "))): BE \(formatSpectrumNumber(g.binding_energy)) eV, area \(formatSpectrumNumber(g.area)) ± \(formatSpectrumNumber(g.area_err)), RSF \(g.rsf): \(formatSpectrumNumber(g.atomic_percent)) ± \(formatSpectrumNumber(g.atomic_percent_err)) at.%")
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
