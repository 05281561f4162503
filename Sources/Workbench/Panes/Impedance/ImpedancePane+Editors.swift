import Engine
import Formats
import Foundation
import TUI

/// The pane's line editors (circuit, bounds, pellet geometry) and the common-circuit picker:
/// while one is open every key comes here first (`capturesInput`).
extension ImpedancePane {
  /// Keys while an editor or the picker is open.
  mutating func typed(_ key: Key) -> [Effect] {
    switch modal {
    case .none: return []
    case .circuitEditor(let editor): return circuitEditorTyped(key, editor)
    case .boundsEditor(let editor): return boundsEditorTyped(key, editor)
    case .geometryEditor(let editor): return geometryEditorTyped(key, editor)
    case .circuitPicker(let pick): return pickerTyped(key, pick)
    }
  }

  private mutating func circuitEditorTyped(_ key: Key, _ editor: TextInput) -> [Effect] {
    var editor = editor
    switch editor.handle(key) {
    case .cancelled:
      modal = .none
      circuitError = nil
      return [.render]
    case .submitted(let text):
      do {
        let parsed = try Circuit(text)
        modal = .none
        circuitError = nil
        setCircuit(parsed, text: text, origin: "entered")
        return [.render, .status(StatusMessage("circuit \(parsed): \(parsed.parameterNames.joined(separator: ", "))"))]
      } catch {
        modal = .circuitEditor(editor)
        validate(text)
        return [.render]
      }
    default:
      modal = .circuitEditor(editor)
      validate(editor.text)
      return [.render]
    }
  }

  private mutating func boundsEditorTyped(_ key: Key, _ editor: TextInput) -> [Effect] {
    var editor = editor
    switch editor.handle(key) {
    case .cancelled:
      modal = .none
      return [.render]
    case .submitted(let text):
      let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { Self.parseBound(String($0)) }
      guard parts.count == 2, let low = parts[0], let high = parts[1], low < high, var p = selectedParameterValue else {
        modal = .boundsEditor(editor)
        return [.status(.error("bounds: expected two numbers, min < max (e.g. '0 inf')"))]
      }
      modal = .none
      p.min = low
      p.max = high
      p.value = min(high, max(low, p.value))
      return change { $0.given = $0.given.setting(p) }
    default:
      modal = .boundsEditor(editor)
      return [.render]
    }
  }

  private mutating func geometryEditorTyped(_ key: Key, _ editor: TextInput) -> [Effect] {
    var editor = editor
    switch editor.handle(key) {
    case .cancelled:
      modal = .none
      return [.render]
    case .submitted(let text):
      guard let geometry = Self.parseGeometry(text) else {
        modal = .geometryEditor(editor)
        return [.status(.error("geometry: expected thickness and diameter in cm (e.g. '0.068 1.0') or one L/A in cm⁻¹ (e.g. '0.0867')"))]
      }
      modal = .none
      enteredGeometry = geometry
      return [.render, .status(StatusMessage(String(format: "pellet geometry entered: L/A = %.4g cm⁻¹", geometry.cellConstantPerCm)))]
    default:
      modal = .geometryEditor(editor)
      return [.render]
    }
  }

  private mutating func pickerTyped(_ key: Key, _ pick: Int) -> [Effect] {
    switch key {
    case .up, .character("k"): modal = .circuitPicker(max(0, pick - 1))
    case .down, .character("j"): modal = .circuitPicker(min(CommonCircuits.all.count - 1, pick + 1))
    case .escape: modal = .none
    case .enter:
      modal = .none
      let text = CommonCircuits.all[pick].circuit
      if let parsed = try? Circuit(text) { setCircuit(parsed, text: text, origin: "picked: " + CommonCircuits.all[pick].description) }
    default: return []
    }
    return [.render]
  }

  mutating func validate(_ text: String) {
    do {
      _ = try Circuit(text)
      circuitError = nil
    } catch let error as InputError {
      circuitError = (error.column ?? 1, error.message)
    } catch {
      circuitError = (1, "\(error)")
    }
  }

  mutating func setCircuit(_ parsed: Circuit, text: String, origin: String) {
    guard parsed != circuit else { return }
    undoStack.append(settings)
    redoStack.removeAll()
    circuit = parsed
    circuitText = parsed.description
    circuitOrigin = origin
    startOrigin = "automatic start"
    neighbourStart = Parameters()
    settings.given = Parameters()
    selectedParameter = 0
    if let fit = current?.fit, fit.circuit == parsed { settings.given = fit.result.parameters }
    updateCurve()
  }

  /// "t d" (thickness and diameter, cm) or "L/A" (cm⁻¹); nil for anything else, including
  /// non-positive or non-finite numbers (`PelletGeometry` refuses them).
  static func parseGeometry(_ text: String) -> PelletGeometry? {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "," })
    let numbers = parts.compactMap { Double($0) }
    guard numbers.count == parts.count else { return nil }
    switch numbers.count {
    case 1: return try? PelletGeometry(cellConstantPerCm: numbers[0])
    case 2: return try? PelletGeometry(thicknessCm: numbers[0], diameterCm: numbers[1])
    default: return nil
    }
  }

  static func parseBound(_ text: String) -> Double? {
    switch text.lowercased() {
    case "inf", "+inf", "∞": return .infinity
    case "-inf", "-∞": return -.infinity
    default: return Double(text)
    }
  }

  static func format(_ value: Double) -> String {
    if value == .infinity { return "inf" }
    if value == -.infinity { return "-inf" }
    return String(format: "%.4g", value)
  }
}
