import Engine
import Foundation
import Lab
import Workbench

/// Performs the panes' jobs: the one place that maps a job value to its work. Jobs that need the
/// workspace's files are done here (read, then parsed by Engine's and Lab's readers, handing
/// back typed values); compute jobs go to the pure functions their pane names.
struct PaneJobRunner: Sendable {
  let workspace: String

  /// Does `job` on the calling thread (a worker's) and pairs it with its result.
  func perform(_ job: PaneJob, context: JobContext) -> PaneJobResult {
    let workspace = self.workspace
    switch job {
    case .materials(let lab):
      return .materials(lab, context.outcome { try WorkspaceFiles.load(workspace: workspace) })
    case .assembly(let lab):
      return .assembly(lab, context.outcome { try WorkspaceFiles.load(workspace: workspace) })
    case .impedance(.readFiles(let paths)):
      return .impedance(.readFiles(paths: paths), context.outcome {
        .files(try ImpedanceFileReading.read(paths, workspace: workspace, context: context))
      })
    case .impedance(let compute):
      return .impedance(compute, context.outcome {
        guard let result = try compute.computed(context: context) else {
          throw EffectFailure("the runtime has no work for \(compute)")
        }
        return result
      })
    case .cycling(.analyse(let paths, let area)):
      return .cycling(.analyse(paths: paths, area: area), context.outcome {
        .analysed(try CyclingFileReading.read(paths, area: area, workspace: workspace, context: context))
      })
    }
  }
}

/// `ImpedanceJob.readFiles`: every spectrum of each file, or why it has none.
enum ImpedanceFileReading {
  static func read(_ paths: [String], workspace: String, context: JobContext) throws -> [ImpedanceFileContents] {
    try paths.map { path in
      try context.checkCancellation()
      return read(path, workspace: workspace)
    }
  }

  static func read(_ path: String, workspace: String) -> ImpedanceFileContents {
    let url = WorkspaceFileWalk.url(path, workspace: workspace)
    guard FileManager.default.fileExists(atPath: url.path) else {
      return ImpedanceFileContents(path: path, spectra: [], error: "removed")
    }
    do {
      let spectra = try ImpedanceReader.read(contentsOf: url).filter { $0.count > 0 }
      return ImpedanceFileContents(path: path, spectra: spectra, error: spectra.isEmpty ? "no spectra" : nil)
    } catch {
      return ImpedanceFileContents(path: path, spectra: [], error: "\(error)")
    }
  }
}

/// `CyclingJob.analyse`: each cycler file read and analysed at the electrode area.
enum CyclingFileReading {
  static func read(_ paths: [String], area: Double, workspace: String, context: JobContext) throws -> [CyclingFileOutcome] {
    try paths.map { path in
      try context.checkCancellation()
      return read(path, area: area, workspace: workspace)
    }
  }

  static func read(_ path: String, area: Double, workspace: String) -> CyclingFileOutcome {
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
