import Engine
import Formats
import Foundation
import Workbench

/// `SpectraJob.readFiles`: every spectrum of each file (`SpectrumFileReader.read(path:axis:)`,
/// the reader `glovebox spectrum read` uses, with the axis the file names), or why it has none.
enum SpectraFileReading {
  static func read(_ paths: [String], workspace: String, context: JobContext) throws -> [SpectraFileContents] {
    try paths.map { path in
      try context.checkCancellation()
      return read(path, workspace: workspace)
    }
  }

  static func read(_ path: String, workspace: String) -> SpectraFileContents {
    let url = WorkspaceFileWalk.url(path, workspace: workspace)
    guard FileManager.default.fileExists(atPath: url.path) else {
      return SpectraFileContents(path: path, spectra: [], error: "removed")
    }
    do {
      let spectra = try SpectrumFileReader.read(path: url.path).filter { !$0.x.isEmpty }
      return SpectraFileContents(path: path, spectra: spectra, error: spectra.isEmpty ? "no spectra" : nil)
    } catch let error as InputError {
      return SpectraFileContents(path: path, spectra: [], error: error.description)
    } catch {
      return SpectraFileContents(path: path, spectra: [], error: "\(error)")
    }
  }
}
