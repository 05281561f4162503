import Engine
import Foundation

/// The sweep folder on disk: DIR/sweep.json, DIR/sweep.toml (the sweep file as given), one run
/// folder per point holding its config.toml, and DIR/slurm/ for the tasks' output files.
enum SweepFolder {
  /// Makes the whole folder beside its final place and renames it there, so a failure leaves
  /// nothing half-made.
  static func create(_ folder: URL, index: SweepIndex, points: [SweepPoint], sweepText: String) throws {
    let manager = FileManager.default
    let parent = folder.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).partial-\(getpid())")
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      try? manager.removeItem(at: staging)
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
      for point in points {
        let run = staging.appendingPathComponent(point.folder)
        try manager.createDirectory(at: run.appendingPathComponent(RunFolder.fieldsDirectory), withIntermediateDirectories: true)
        try Data(point.config.tomlText().utf8).write(to: run.appendingPathComponent(RunFolder.configFile))
      }
      try manager.createDirectory(at: staging.appendingPathComponent(SlurmBatchScript.outputFolder), withIntermediateDirectories: true)
      try Data(sweepText.utf8).write(to: staging.appendingPathComponent("sweep.toml"))
      try index.encoded().write(to: staging.appendingPathComponent(SweepIndex.fileName))
      if manager.fileExists(atPath: folder.path) { try manager.removeItem(at: folder) }  // checked empty by the caller
      try manager.moveItem(at: staging, to: folder)
    } catch {
      try? manager.removeItem(at: staging)
      throw ValidationErrorText("\(folder.path): cannot make the sweep folder (\(error.localizedDescription)); nothing was created")
    }
  }

  static func readIndex(_ folder: URL) throws -> SweepIndex {
    let url = folder.appendingPathComponent(SweepIndex.fileName)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw ValidationErrorText("\(url.path): no sweep index (is this a sweep folder made by `glovebox sim sweep`?)")
    }
    return try SweepIndex.decode(data, fileName: url.path)
  }

  static func writeIndex(_ index: SweepIndex, in folder: URL) throws {
    try index.encoded().write(to: folder.appendingPathComponent(SweepIndex.fileName), options: .atomic)
  }
}
