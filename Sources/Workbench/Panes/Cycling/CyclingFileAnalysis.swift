import Engine
import Foundation

/// Everything the Cycling pane shows about one cycler file, computed in a background job: the
/// trace, its half-cycles and cycle table, and for a symmetric Li|Li cell the overpotentials and
/// the critical current density.
public struct CyclingFileAnalysis: Equatable, Sendable {
  public var path: String
  public var format: String
  public var time: [Double]
  public var voltage: [Double]
  public var current: [Double]
  /// Charge passed since the start of each point's half-cycle, Ah (the data model's column):
  /// the x of voltage-against-capacity curves and the Q of dQ/dV.
  public var capacity: [Double]
  public var stepType: [StepType]
  public var halfCycles: [HalfCycle]
  public var cycles: [CycleSummary]
  /// A symmetric cell: |V| small and both signs present (Li|Li plating and stripping).
  public var isSymmetric: Bool
  public var overpotential: OverpotentialReport?
  public var criticalCurrent: CriticalCurrentResult?
  /// Electrode area used for the areal numbers, cm²; nil when the file's area is not known, and
  /// then there are no areal numbers (overpotential against j, CCD) rather than assumed ones.
  public var area: Double?

  /// The analysis of a cycler trace read from `path` (pure: the runtime reads the file).
  public static func analyse(_ data: CyclingData, path: String, area: Double?) -> CyclingFileAnalysis {
    let halfCycles = data.halfCycles()
    let magnitudes = data.voltage.map(abs).sorted()
    let median = magnitudes.isEmpty ? 0 : magnitudes[magnitudes.count / 2]
    let symmetric = median < 0.5 && (data.voltage.contains { $0 < -1e-4 }) && (data.voltage.contains { $0 > 1e-4 })
    return CyclingFileAnalysis(
      path: path, format: data.format, time: data.testTime, voltage: data.voltage, current: data.current,
      capacity: data.capacity, stepType: data.stepType,
      halfCycles: halfCycles, cycles: summarizeCycles(halfCycles), isSymmetric: symmetric,
      overpotential: symmetric ? area.map { symmetricCellOverpotential(data, area: $0) } : nil,
      criticalCurrent: symmetric ? area.map { criticalCurrentDensity(data, area: $0) } : nil, area: area)
  }
}
