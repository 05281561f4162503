import Engine
import Foundation
import TUI

extension SpectraPane {
  /// Keys while a typed prompt is open: Enter applies it (a refused entry keeps the prompt open
  /// with the reason on the status line), Esc closes it.
  mutating func typedPrompt(_ prompt: SpectraPrompt, _ editor: TextInput, _ key: Key) -> [Effect] {
    var input = editor
    switch input.handle(key) {
    case .cancelled:
      modal = .none
      return [.render]
    case .submitted(let raw):
      let text = raw.trimmingCharacters(in: .whitespaces)
      modal = .none
      let effects: [Effect]
      switch prompt {
      case .doublet(let center): effects = addDoublet(center: center, text: text)
      case .bounds(let name): effects = setBounds(name, text: text)
      case .tie(let name): effects = setTie(name, text: text)
      case .wavelength: effects = setWavelength(text)
      case .phases: effects = choosePhases(text)
      case .sensitivities: effects = setSensitivities(text)
      case .instrumentWidth: effects = setInstrumentWidth(text)
      case .seriesAxis: effects = setSeriesAxis(text)
      }
      if effects.contains(where: { if case .status(let m) = $0 { return m.kind == .error } else { return false } }) {
        modal = .prompt(prompt, input)
      }
      return merge([.render], effects)
    default:
      modal = .prompt(prompt, input)
      return [.render]
    }
  }

  /// Ties one parameter to another: "TARGET + OFFSET", "TARGET - OFFSET" or "TARGET * RATIO";
  /// TARGET is a parameter name (p1.center) or a component (p1: the same quantity of p1). An empty
  /// line unties. Ties do not chain: the target must be untied and nothing may be tied to `name`.
  mutating func setTie(_ name: String, text: String) -> [Effect] {
    let model = settings.model
    guard let p = model[name] else { return [.status(.error("no parameter \(name)"))] }
    if text.isEmpty {
      guard p.tie != nil else { return [.status(StatusMessage("\(name) is not tied"))] }
      return merge(change { $0.model[name]?.tie = nil }, [.status(StatusMessage("\(name) untied (free)"))])
    }
    guard let opIndex = text.firstIndex(where: { "+-*".contains($0) }) else {
      return [.status(.error("tie: \"TARGET + OFFSET\" or \"TARGET * RATIO\", found \"\(text)\""))]
    }
    var target = text[..<opIndex].trimmingCharacters(in: .whitespaces)
    let op = text[opIndex]
    guard let number = Double(text[text.index(after: opIndex)...].trimmingCharacters(in: .whitespaces)), number.isFinite else {
      return [.status(.error("tie: a number after \(op), found \"\(text)\""))]
    }
    if !target.contains("."), let owner = model.components.first(where: { name.hasPrefix($0.name + ".") }) {
      target += String(name.dropFirst(owner.name.count))
    }
    guard let t = model[target] else { return [.status(.error("tie: the model has no parameter \(target)"))] }
    guard target != name else { return [.status(.error("tie: \(name) cannot follow itself"))] }
    guard t.tie == nil else { return [.status(.error("tie: \(target) is itself tied (ties do not chain)"))] }
    if let follower = model.parameters.first(where: { $0.tie?.target == name }) {
      return [.status(.error("tie: \(follower.name) follows \(name) (ties do not chain)"))]
    }
    let tie: PeakParameter.Tie = op == "*" ? .ratio(target, number) : .offset(target, op == "-" ? -number : number)
    let value = tie.value(from: t.value)
    guard value.isFinite else { return [.status(.error("tie: \(name) would be \(Self.format(value))"))] }
    return merge(change {
      $0.model[name]?.tie = tie
      $0.model[name]?.fixed = false
      $0.model[name]?.value = value
    }, [.status(StatusMessage("\(name) = \(target) \(op) \(Self.format(number))"))])
  }
}
