import Engine
import Foundation
import TUI

/// Which table a file gets: a symmetric Li|Li cell's steps (current density, plating capacity,
/// overpotential) or a full cell's cycles (charge/discharge capacity, CE).
public enum CellKindChoice: String, CaseIterable, Sendable {
  case detected = "detected"
  case symmetric = "symmetric (chosen)"
  case fullCell = "full cell (chosen)"
}

/// The cycle keys: a cursor on one cycle (`,` `.`), a prompt to go to cycle N (`g`), the set of
/// cycles overlaid in the V–Q and dQ/dV views (`c`), and the table's cell kind (`y`).
extension CyclingPane {
  /// The cycle the keys act on: the cursor when the file has that cycle, else its first cycle.
  public var activeCycle: Int? {
    guard let file = current else { return nil }
    if let cycleCursor, file.cycles.contains(where: { $0.cycle == cycleCursor }) { return cycleCursor }
    return file.cycles.first?.cycle
  }

  /// The cycles the V–Q and dQ/dV views draw: the chosen ones, else the cursor's.
  public var overlaidCycles: [Int] {
    chosenCycles.isEmpty ? (activeCycle.map { [$0] } ?? []) : chosenCycles
  }

  /// Whether the selected file's table is a symmetric cell's, and why (for the title).
  public func showsSymmetricTable(_ file: CyclingFileAnalysis) -> (symmetric: Bool, reason: String) {
    switch cellKind {
    case .detected:
      return (file.isSymmetric, file.isSymmetric ? "Li|Li: detected (median |V| < 0.5 V, ± current)" : "full cell: detected")
    case .symmetric: return (true, "Li|Li: chosen (y)")
    case .fullCell: return (false, "full cell: chosen (y)")
    }
  }

  mutating func performCycleAction(_ action: Action) -> [Effect] {
    switch action {
    case .cellKind:
      let all = CellKindChoice.allCases
      cellKind = all[((all.firstIndex(of: cellKind) ?? 0) + 1) % all.count]
      tableOffset = 0
      return [.render, .status(StatusMessage("cell table: \(cellKind.rawValue)"))]
    case .goToCycle:
      guard let file = current, !file.cycles.isEmpty else { return [.status(.error("no cycles in the selected file"))] }
      cyclePrompt = TextInput(text: "", prompt: "go to cycle (\(file.cycles.first?.cycle ?? 1)–\(file.cycles.last?.cycle ?? 1)): ")
      return [.render]
    case .nextCycle, .previousCycle:
      guard let file = current, let cycle = activeCycle, let k = file.cycles.firstIndex(where: { $0.cycle == cycle }) else { return [] }
      let next = k + (action == .nextCycle ? 1 : -1)
      guard file.cycles.indices.contains(next) else { return [] }
      moveCursor(to: file.cycles[next].cycle, in: file)
      return [.render]
    case .chooseCycle:
      guard let cycle = activeCycle else { return [.status(.error("no cycles in the selected file"))] }
      if let k = chosenCycles.firstIndex(of: cycle) {
        chosenCycles.remove(at: k)
        return [.render, .status(StatusMessage("cycle \(cycle) removed from the overlay"))]
      }
      chosenCycles.append(cycle)
      chosenCycles.sort()
      return [.render, .status(StatusMessage("overlaid cycles: " + chosenCycles.map(String.init).joined(separator: ", ")))]
    default:
      return []
    }
  }

  /// Puts the cursor on `cycle` and scrolls the table to it.
  mutating func moveCursor(to cycle: Int, in file: CyclingFileAnalysis) {
    cycleCursor = cycle
    if showsSymmetricTable(file).symmetric {
      tableOffset = file.halfCycles.firstIndex { $0.cycleNumber == cycle } ?? 0
    } else {
      tableOffset = file.cycles.firstIndex { $0.cycle == cycle } ?? 0
    }
  }

  /// Keys typed into the "go to cycle" prompt: a cycle number of the file, else an error that
  /// keeps the prompt open.
  mutating func typedCycle(_ key: Key) -> [Effect] {
    guard var prompt = cyclePrompt else { return [] }
    switch prompt.handle(key) {
    case .cancelled:
      cyclePrompt = nil
      return [.render]
    case .submitted(let text):
      guard let file = current else {
        cyclePrompt = nil
        return [.render]
      }
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      guard let number = Int(trimmed), file.cycles.contains(where: { $0.cycle == number }) else {
        cyclePrompt = prompt
        let range = "\(file.cycles.first?.cycle ?? 1)–\(file.cycles.last?.cycle ?? 1)"
        return [.status(.error("go to cycle: expected a cycle number of this file (\(range)), found '\(trimmed)'"))]
      }
      cyclePrompt = nil
      moveCursor(to: number, in: file)
      return [.render, .status(StatusMessage("cycle \(number)"))]
    default:
      cyclePrompt = prompt
      return [.render]
    }
  }

  /// Voltage against the charge passed in each half-cycle of `cycle`, Q scaled by `scale`
  /// (Ah → the unit shown), at most `limit` points a half-cycle (evenly thinned).
  static func voltageCapacityCurves(_ file: CyclingFileAnalysis, cycle: Int, scale: Double, limit: Int = 400) -> [(kind: HalfCycleKind, points: [PlotPoint])] {
    file.halfCycles.filter { $0.cycleNumber == cycle }.map { h in
      let count = h.lastPoint - h.firstPoint + 1
      let stride = max(1, count / max(1, limit))
      var points: [PlotPoint] = []
      var i = h.firstPoint
      while i <= h.lastPoint {
        if file.capacity.indices.contains(i) { points.append(PlotPoint(x: file.capacity[i] * scale, y: file.voltage[i])) }
        i += stride
      }
      if (h.lastPoint - h.firstPoint) % stride != 0, file.capacity.indices.contains(h.lastPoint) {
        points.append(PlotPoint(x: file.capacity[h.lastPoint] * scale, y: file.voltage[h.lastPoint]))
      }
      return (h.kind, points)
    }
  }

  /// dQ/dV's grid step (V) and moving-average width (grid points), as the view states them.
  static let differentialVoltageStep = 0.005
  static let differentialSmoothingPoints = 5

  /// dQ/dV of each half-cycle of `cycle` (Engine's `differentialCapacity`: Q(V) on a 5 mV grid,
  /// central differences, a 5-point moving average, i.e. a 25 mV window), in Ah/V.
  static func differentialCapacityCurves(_ file: CyclingFileAnalysis, cycle: Int) -> [DifferentialCapacityCurve] {
    var data = CyclingData()
    data.voltage = file.voltage
    data.capacity = file.capacity
    data.stepType = file.stepType
    return file.halfCycles.filter { $0.cycleNumber == cycle }.compactMap {
      differentialCapacity(data, halfCycle: $0, voltageStep: differentialVoltageStep, smoothingPoints: differentialSmoothingPoints)
    }
  }
}
