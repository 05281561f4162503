import Engine
import Formats
import Foundation
import Workbench

/// `SpectraJob.loadPhases`: the stick pattern of every `structures/*.cif` of the workspace at
/// one wavelength (the computation `glovebox xrd pattern` does), or the CIF's error per file.
enum SpectraPhaseLoading {
  static let folder = "structures"

  static func load(wavelength: Double, twoThetaMax: Double, workspace: String, context: JobContext) throws -> [SpectraPhase] {
    let dir = WorkspaceFileWalk.url(folder, workspace: workspace)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
      .filter { $0.lowercased().hasSuffix(".cif") }.sorted()
    return try names.map { name in
      try context.checkCancellation()
      return phase(folder + "/" + name, url: dir.appendingPathComponent(name), wavelength: wavelength, twoThetaMax: twoThetaMax)
    }
  }

  static func phase(_ path: String, url: URL, wavelength: Double, twoThetaMax: Double) -> SpectraPhase {
    let name = url.deletingPathExtension().lastPathComponent
    do {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw InputError("cannot read the file as UTF-8 text", file: path) }
      let structure = try CrystalStructure(cif: text, file: path)
      let pattern = try structure.powderPattern(PowderPatternSettings(wavelength: wavelength, twoThetaMin: 0, twoThetaMax: twoThetaMax))
      return SpectraPhase(path: path, name: name, cell: structure.cell, system: LatticeRefinement.system(of: structure.cell),
                          sticks: pattern.peaks, error: nil)
    } catch let error as InputError {
      return SpectraPhase(path: path, name: name, cell: nil, system: nil, sticks: [], error: error.description)
    } catch {
      return SpectraPhase(path: path, name: name, cell: nil, system: nil, sticks: [], error: "\(error)")
    }
  }
}
