import Foundation
import TUI

/// The new-run form (issue #14 §3): after a config is picked, the common overrides of
/// `glovebox sim run`, each empty meaning "as in the config". Enter checks every field and starts
/// `sim run CONFIG --out FOLDER --detach` with the given ones; a bad field keeps the form open
/// with an error naming it.
public struct NewRunForm: Equatable, Sendable {
  /// One override: its label, unit, and the `sim run` option it becomes.
  public enum Field: Int, CaseIterable, Sendable {
    case grid, length, electrodePotential, until, outputInterval

    public var label: String {
      switch self {
      case .grid: return "grid (points a side)"
      case .length: return "domain length (µm)"
      case .electrodePotential: return "electrode potential (V)"
      case .until: return "end time (s)"
      case .outputInterval: return "output interval (s)"
      }
    }
  }

  /// Grid points a side the form accepts (`sim run` also wants an even count).
  public static let gridRange = 8...8192

  public let config: String
  public internal(set) var texts: [String] = Array(repeating: "", count: Field.allCases.count)
  public internal(set) var focus: Field = .grid
  public internal(set) var error: String?

  public init(config: String) {
    self.config = config
  }

  public func text(_ field: Field) -> String { texts[field.rawValue] }

  mutating func setText(_ field: Field, _ text: String) { texts[field.rawValue] = text }

  /// µm to m by moving the decimal exponent, so 3.2 µm is passed as "3.2e-6" and parses to the
  /// same Double as typing 3.2e-6 (3.2 / 1e6 rounds to 3.2000000000000003e-06).
  static func metres(fromMicrometres value: Double) -> String {
    let shortest = "\(value)"
    guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(shortest[shortest.index(after: e)...]) else {
      return shortest + "e-6"
    }
    return "\(shortest[..<e])e\(exponent - 6)"
  }

  /// The `sim run` options of the filled fields, or the first bad field's error.
  /// Length is typed in µm and passed in m (`--length` is in m).
  public func overrideArguments() -> Result<[String], FormError> {
    var arguments: [String] = []
    for field in Field.allCases {
      let raw = text(field).trimmingCharacters(in: .whitespaces)
      guard !raw.isEmpty else { continue }
      switch field {
      case .grid:
        guard let n = Int(raw), Self.gridRange.contains(n), n % 2 == 0 else {
          return .failure(FormError(field: field, message: "\(field.label): an even whole number from 8 to 8192, got \"\(raw)\""))
        }
        arguments += ["--grid", "\(n)"]
      case .length, .until, .outputInterval:
        guard let value = Double(raw), value.isFinite, value > 0 else {
          return .failure(FormError(field: field, message: "\(field.label): a finite number > 0, got \"\(raw)\""))
        }
        switch field {
        case .length: arguments += ["--length", Self.metres(fromMicrometres: value)]
        case .until: arguments += ["--until", "\(value)"]
        default: arguments += ["--output-interval", "\(value)"]
        }
      case .electrodePotential:
        guard let value = Double(raw), value.isFinite else {
          return .failure(FormError(field: field, message: "\(field.label): a finite number, got \"\(raw)\""))
        }
        // One argument: a separate "-0.2" could be read as an option.
        arguments.append("--electrode-potential=\(value)")
      }
    }
    return .success(arguments)
  }

  public struct FormError: Error, Equatable, Sendable {
    public let field: Field
    public let message: String
  }
}

extension SimulationPane {
  /// A key in the new-run form: move between fields, edit the focused one, start, or cancel.
  /// Every printable key is text here (the pane captures input while the form is open).
  mutating func formTyped(_ key: Key, form: NewRunForm) -> [Effect] {
    var form = form
    let count = NewRunForm.Field.allCases.count
    switch key {
    case .tab, .down:
      form.focus = NewRunForm.Field(rawValue: (form.focus.rawValue + 1) % count) ?? .grid
    case .backTab, .up:
      form.focus = NewRunForm.Field(rawValue: (form.focus.rawValue + count - 1) % count) ?? .grid
    case .backspace, .delete:
      var text = form.text(form.focus)
      guard !text.isEmpty else { return [] }
      text.removeLast()
      form.setText(form.focus, text)
    case .character(let c):
      guard !c.isNewline, c.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) }) else { return [] }
      form.setText(form.focus, form.text(form.focus) + String(c))
    case .escape:
      modal = .none
      return [.render]
    case .enter:
      switch form.overrideArguments() {
      case .failure(let failure):
        form.error = failure.message
        form.focus = failure.field
        modal = .newRunForm(form)
        return [.render]
      case .success(let overrides):
        modal = .none
        let arguments = ["sim", "run", form.config, "--out", newRunFolder(for: form.config), "--detach"] + overrides
        return [.runProcess(executable: "", arguments: arguments, pane: id), .render]
      }
    default:
      return []
    }
    modal = .newRunForm(form)
    return [.render]
  }
}
