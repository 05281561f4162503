import Engine
import Formats
import Foundation
import TUI

/// The pane's line editors (circuit, bounds, pellet geometry) and the common-circuit picker:
/// while one is open every key comes here first (`capturesInput`).
extension ImpedancePane {
  /// Keys while an editor or the picker is open.
  mutating func typed(_ key: Key) -> [Effect] {
    if var editor = circuitEditor {
      let outcome = editor.handle(key)
      switch outcome {
      case .cancelled:
        circuitEditor = nil
        circuitError = nil
        return [.render]
      case .submitted(let text):
        do {
          let parsed = try Circuit(text)
          circuitEditor = nil
          circuitError = nil
          setCircuit(parsed, text: text)
          return [.render, .status(StatusMessage("circuit \(parsed): \(parsed.parameterNames.joined(separator: ", "))"))]
        } catch {
          circuitEditor = editor
          validate(text)
          return [.render]
        }
      default:
        circuitEditor = editor
        validate(editor.text)
        return [.render]
      }
    }
    if var editor = boundsEditor {
      switch editor.handle(key) {
      case .cancelled:
        boundsEditor = nil
        return [.render]
      case .submitted(let text):
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { Self.parseBound(String($0)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low < high, var p = selectedParameterValue else {
          boundsEditor = editor
          return [.status(.error("bounds: expected two numbers, min < max (e.g. '0 inf')"))]
        }
        boundsEditor = nil
        p.min = low
        p.max = high
        p.value = min(high, max(low, p.value))
        return change { $0.given = $0.given.setting(p) }
      default:
        boundsEditor = editor
        return [.render]
      }
    }
    if var editor = geometryEditor {
      switch editor.handle(key) {
      case .cancelled:
        geometryEditor = nil
        return [.render]
      case .submitted(let text):
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        let geometry: PelletGeometry?
        switch numbers.count {
        case 1: geometry = try? PelletGeometry(cellConstantPerCm: numbers[0])
        case 2: geometry = try? PelletGeometry(thicknessCm: numbers[0], diameterCm: numbers[1])
        default: geometry = nil
        }
        guard let geometry else {
          geometryEditor = editor
          return [.status(.error("geometry: expected thickness and diameter in cm (e.g. '0.1 1.0') or one L/A in cm⁻¹"))]
        }
        geometryEditor = nil
        cellConstant = geometry.cellConstantPerCm
        return [.render, .status(StatusMessage(String(format: "cell constant L/A = %.4g cm⁻¹", cellConstant)))]
      default:
        geometryEditor = editor
        return [.render]
      }
    }
    if let pick = circuitPicker {
      switch key {
      case .up, .character("k"): circuitPicker = max(0, pick - 1)
      case .down, .character("j"): circuitPicker = min(CommonCircuits.all.count - 1, pick + 1)
      case .escape: circuitPicker = nil
      case .enter:
        circuitPicker = nil
        let text = CommonCircuits.all[pick].circuit
        if let parsed = try? Circuit(text) { setCircuit(parsed, text: text) }
      default: return []
      }
      return [.render]
    }
    return []
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

  mutating func setCircuit(_ parsed: Circuit, text: String) {
    guard parsed != circuit else { return }
    undoStack.append(settings)
    redoStack.removeAll()
    circuit = parsed
    circuitText = parsed.description
    settings.given = Parameters()
    selectedParameter = 0
    if let fit = current?.fit, fit.circuit == parsed { settings.given = fit.result.parameters }
    updateCurve()
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
