import Engine
import Foundation
import Workbench

/// `CyclingJob.analyse`: each cycler file read and analysed at the electrode area.
enum CyclingFileReading {
  static func read(_ paths: [String], area: Double?, workspace: String, context: JobContext) throws -> [CyclingFileOutcome] {
    try paths.map { path in
      try context.checkCancellation()
      return read(path, area: area, workspace: workspace)
    }
  }

  static func read(_ path: String, area: Double?, workspace: String) -> CyclingFileOutcome {
    let url = WorkspaceFileWalk.url(path, workspace: workspace)
    guard FileManager.default.fileExists(atPath: url.path) else {
      return CyclingFileOutcome(path: path, analysis: nil, error: "removed")
    }
    // BioLogic .mpt/.mpr hold impedance runs too: a file that reads as spectra belongs to the
    // Impedance pane.
    if let spectra = try? ImpedanceReader.read(contentsOf: url), !spectra.isEmpty {
      return CyclingFileOutcome(path: path, analysis: nil, error: "an impedance file")
    }
    do {
      let data = try CyclingFile.read(path: url.path)
      guard data.count > 0 else { return CyclingFileOutcome(path: path, analysis: nil, error: "\(path): no data points") }
      return CyclingFileOutcome(path: path, analysis: CyclingFileAnalysis.analyse(data, path: path, area: area), error: nil)
    } catch {
      return CyclingFileOutcome(path: path, analysis: nil, error: "\(error)")
    }
  }
}
