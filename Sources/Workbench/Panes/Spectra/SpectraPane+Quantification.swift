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
    let text = groups.compactMap { g in analysis.sensitivities[g].map { "\(g)=\(Self.format($0))" } }.joined(separator: " ")
    modal = .prompt(.sensitivities, TextInput(text: text, prompt: "relative sensitivity factors GROUP=S (groups \(groups.joined(separator: ", "))): "))
    return [.render]
  }

  /// Parses "GROUP=S …" (S > 0) for groups of the model; replaces the factors given.
  mutating func setSensitivities(_ text: String) -> [Effect] {
    let groups = quantificationGroups
    var factors: [String: Double] = [:]
    for item in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
      let parts = item.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, let v = Double(parts[1]), v > 0, v.isFinite else {
        return [.status(.error("sensitivity: GROUP=S with S > 0, found \"\(item)\""))]
      }
      guard groups.contains(String(parts[0])) else {
        return [.status(.error("sensitivity: the model has no group \(parts[0]) (groups \(groups.joined(separator: ", ")))"))]
      }
      factors[String(parts[0])] = v
    }
    analysis.sensitivities = factors
    return [.render, .status(StatusMessage("sensitivity factors for \(factors.count) of \(groups.count) groups"))]
  }

  /// Atomic % per group from the current fit's areas and the typed sensitivity factors
  /// (`XPSQuantification.atomicPercent`, no transmission or mean-free-path correction, no charge
  /// correction); nil without a successful XPS fit, or the reason when a factor is missing.
  var atomicPercent: Result<[String: Estimate], InputError>? {
    guard current?.spectrum.technique == .xps, let fit = currentFit, fit.result.success else { return nil }
    var order: [String] = []
    var members: [String: [PeakComponentResult]] = [:]
    for c in fit.result.components {
      let g = Self.group(of: c.name)
      if members[g] == nil { order.append(g) }
      members[g, default: []].append(c)
    }
    let missing = order.filter { analysis.sensitivities[$0] == nil }
    guard missing.isEmpty else { return .failure(InputError("no sensitivity factor for \(missing.joined(separator: ", ")) (Q)")) }
    let lines = order.map { g -> XPSQuantification.Line in
      let m = members[g] ?? []
      // A doublet's areas are tied, so their errors add linearly (as the CLI does).
      return XPSQuantification.Line(name: g, area: Estimate(m.reduce(0) { $0 + $1.area.value }, m.reduce(0) { $0 + $1.area.error }),
                                    bindingEnergy: m.map(\.center.value).min() ?? .nan, sensitivity: analysis.sensitivities[g] ?? 1)
    }
    do {
      let percent = try XPSQuantification.atomicPercent(lines)
      return .success(Dictionary(uniqueKeysWithValues: zip(order, percent).map { ($0, $1) }))
    } catch let error as InputError {
      return .failure(error)
    } catch {
      return .failure(InputError("\(error)"))
    }
  }
}
