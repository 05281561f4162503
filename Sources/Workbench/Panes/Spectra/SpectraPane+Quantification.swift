import Engine
import Formats
import Foundation
import TUI

extension SpectraPane {
  /// A component's quantification group: its name before "_" (a doublet's p1_3/2 and p1_1/2 are
  /// p1), as `glovebox xps quantify` groups them.
  static func group(of component: String) -> String {
    component.split(separator: "_").first.map(String.init) ?? component
  }

  /// The model's groups in component order.
  var quantificationGroups: [String] {
    var groups: [String] = []
    for c in settings.model.components where !groups.contains(Self.group(of: c.name)) { groups.append(Self.group(of: c.name)) }
    return groups
  }

  mutating func openSensitivityPrompt() -> [Effect] {
    guard current?.spectrum.technique == .xps else { return [.status(.error("sensitivity factors are for XPS"))] }
    let groups = quantificationGroups
    guard !groups.isEmpty else { return [.status(.error("no peaks: the sensitivity factors belong to peak groups"))] }
    let factors = groups.compactMap { g in
      analysis.sensitivities[g].map { "\(g)=\(Self.format($0))" } ?? analysis.quantification.scofieldLevels[g].map { "\(g)=\($0)" }
    }
    let text = (factors + [analysis.quantification.text]).filter { !$0.isEmpty }.joined(separator: " ")
    modal = .prompt(.sensitivities, TextInput(text: text, prompt: "quantify: GROUP=S or GROUP=LEVEL (Scofield, e.g. C1s) for \(groups.joined(separator: ", ")); "
      + "source=AlKa|MgKa t=EXP imfp=power:m|tpp2m:ρ,Nv,M,Eg ref=GROUP[@BE]|none: "))
    return [.render]
  }

  /// Parses "GROUP=S", "GROUP=LEVEL" and the option words of `SpectraQuantification` (the
  /// options of `glovebox xps quantify`); the line replaces every earlier setting. A Scofield
  /// level needs the source and must be in the engine's table.
  mutating func setSensitivities(_ text: String) -> [Effect] {
    let groups = quantificationGroups
    var factors: [String: Double] = [:]
    var settings = SpectraQuantification()
    for item in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[1].isEmpty else { return [.status(.error("sensitivity: GROUP=S with S > 0, found \"\(item)\""))] }
      let (key, value) = (parts[0], parts[1])
      if !groups.contains(key) {
        do {
          if try settings.apply(key: key, value: value) { continue }
        } catch {
          return [.status(.error(error.message))]
        }
        return [.status(.error("sensitivity: the model has no group \(key) (groups \(groups.joined(separator: ", ")))"))]
      }
      if let v = Double(value) {
        guard v > 0, v.isFinite else { return [.status(.error("sensitivity: GROUP=S with S > 0, found \"\(item)\""))] }
        factors[key] = v
      } else {
        settings.scofieldLevels[key] = value
      }
    }
    for (group, level) in settings.scofieldLevels.sorted(by: { $0.key < $1.key }) {
      guard let source = settings.source else { return [.status(.error("sensitivity: \(group)=\(level) is a Scofield level and needs source=AlKa or MgKa"))] }
      do { _ = try ScofieldCrossSection.entry(level, source: source) } catch { return [.status(.error("sensitivity: \(group)=\(level): \(error)"))] }
    }
    if let ref = settings.chargeReference, !groups.contains(ref) {
      return [.status(.error("sensitivity: ref=\(ref): the model has no group \(ref) (groups \(groups.joined(separator: ", ")))"))]
    }
    analysis.sensitivities = factors
    analysis.quantification = settings
    return [.render, .status(StatusMessage("sensitivity factors for \(factors.count + settings.scofieldLevels.count) of \(groups.count) groups"))]
  }
}
