import Engine
import Foundation

/// Everything the Cycling pane shows about one cycler file, computed in a background job: the
/// trace, its half-cycles and cycle table, and for a symmetric Li|Li cell the overpotentials and
/// the critical current density.
public struct CyclingFileAnalysis: Sendable {
  public var path: String
  public var format: String
  public var time: [Double]
  public var voltage: [Double]
  public var current: [Double]
  public var halfCycles: [HalfCycle]
  public var cycles: [CycleSummary]
  /// A symmetric cell: |V| small and both signs present (Li|Li plating and stripping).
  public var isSymmetric: Bool
  public var overpotential: OverpotentialReport?
  public var criticalCurrent: CriticalCurrentResult?
  /// Electrode area used for the areal numbers, cm².
  public var area: Double

  /// Reads and analyses a workspace file; throws the reader's error (with file and position).
  public static func analyse(path: String, workspace: String, area: Double) throws -> CyclingFileAnalysis {
    let url = WorkspaceFileScan.url(path, workspace: workspace)
    let data = try CyclingFile.read(path: url.path)
    guard data.count > 0 else { throw EffectFailure("\(path): no data points") }
    return analyse(data, path: path, area: area)
  }

  public static func analyse(_ data: CyclingData, path: String, area: Double) -> CyclingFileAnalysis {
    let halfCycles = data.halfCycles()
    let magnitudes = data.voltage.map(abs).sorted()
    let median = magnitudes.isEmpty ? 0 : magnitudes[magnitudes.count / 2]
    let symmetric = median < 0.5 && (data.voltage.contains { $0 < -1e-4 }) && (data.voltage.contains { $0 > 1e-4 })
    return CyclingFileAnalysis(
      path: path, format: data.format, time: data.testTime, voltage: data.voltage, current: data.current,
      halfCycles: halfCycles, cycles: summarizeCycles(halfCycles), isSymmetric: symmetric,
      overpotential: symmetric ? symmetricCellOverpotential(data, area: area) : nil,
      criticalCurrent: symmetric ? criticalCurrentDensity(data, area: area) : nil, area: area)
  }
}

/// Background reading of the workspace's cycler files.
public enum CyclingFilesLoading {
  public struct Outcome: Sendable {
    public var path: String
    public var analysis: CyclingFileAnalysis?
    public var error: String?
  }

  public static func read(path: String, workspace: String, area: Double) -> Outcome {
    guard FileManager.default.fileExists(atPath: WorkspaceFileScan.url(path, workspace: workspace).path) else {
      return Outcome(path: path, analysis: nil, error: "removed")
    }
    // BioLogic .mpt/.mpr hold impedance runs too: a file that reads as spectra belongs to the
    // Impedance pane.
    if let spectra = try? ImpedanceReader.read(contentsOf: WorkspaceFileScan.url(path, workspace: workspace)), !spectra.isEmpty {
      return Outcome(path: path, analysis: nil, error: "an impedance file")
    }
    do {
      return Outcome(path: path, analysis: try CyclingFileAnalysis.analyse(path: path, workspace: workspace, area: area), error: nil)
    } catch {
      return Outcome(path: path, analysis: nil, error: "\(error)")
    }
  }

  public static func scan(workspace: String, area: Double, context: JobContext) throws -> [Outcome] {
    var out: [Outcome] = []
    for path in WorkspaceFileScan.files(in: workspace) where !WorkspaceFileScan.isCertainlyNotData(path) {
      try context.checkCancellation()
      out.append(read(path: path, workspace: workspace, area: area))
    }
    return out
  }
}
