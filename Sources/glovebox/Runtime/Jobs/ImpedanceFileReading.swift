import Engine
import Foundation
import Workbench

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
