import Engine
import Foundation

/// The spectra of one workspace file, or why it is not an impedance file.
public struct ImpedanceFileContents: Sendable {
  public var path: String
  public var spectra: [ImpedanceSpectrum]
  public var error: String?
}

/// Background reading of the workspace's impedance files (every spectrum of every readable
/// file). The result is a Sendable snapshot the pane merges on the UI thread.
public enum ImpedanceSpectraLoading {
  public static func read(path: String, workspace: String) -> ImpedanceFileContents {
    let url = WorkspaceFileScan.url(path, workspace: workspace)
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

  /// Every file of the workspace that reads as impedance data.
  public static func scan(workspace: String, context: JobContext) throws -> [ImpedanceFileContents] {
    var out: [ImpedanceFileContents] = []
    for path in WorkspaceFileScan.files(in: workspace) where !WorkspaceFileScan.isCertainlyNotData(path) {
      try context.checkCancellation()
      out.append(read(path: path, workspace: workspace))
    }
    return out
  }
}
