import Engine
import Foundation

/// Where the CLI keeps FFTW's measured plans (see `FFTPlanning`): one wisdom file per machine,
/// `$GLOVEBOX_FFTW_WISDOM`, else `$XDG_CACHE_HOME/glovebox/fftw-wisdom`, else
/// `~/.cache/glovebox/fftw-wisdom`, so every process on the machine makes the plans the first
/// one measured; and a copy in the run folder (`DIR/fftw-wisdom`), so `sim resume` makes the
/// plans the run started with even if the machine file changed or the folder moved.
/// Measured planning is used only when the machine file can be written: a process that could
/// not record its choice would leave the next one free to choose differently, and a resumed
/// run would then no longer repeat the uninterrupted one bit for bit. Then it stays ESTIMATE.
struct FFTWisdomStore {
  static let runFileName = "fftw-wisdom"
  let machineFile: URL?
  let runFile: URL?

  init(runFolder: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) {
    runFile = runFolder?.appendingPathComponent(Self.runFileName)
    if let explicit = environment["GLOVEBOX_FFTW_WISDOM"], !explicit.isEmpty {
      machineFile = URL(fileURLWithPath: explicit)
    } else if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
      machineFile = URL(fileURLWithPath: cache).appendingPathComponent("glovebox/fftw-wisdom")
    } else if let home = environment["HOME"], !home.isEmpty {
      machineFile = URL(fileURLWithPath: home).appendingPathComponent(".cache/glovebox/fftw-wisdom")
    } else {
      machineFile = nil
    }
  }

  /// Imports the machine's wisdom, then the run folder's, and switches to measured planning;
  /// returns false (planning stays ESTIMATE) when the machine file cannot be written or a
  /// stored file is not FFTW wisdom (it is then ignored, not trusted).
  @discardableResult
  func activate() -> Bool {
    guard let machineFile, Self.isWritable(machineFile) else { return false }
    // machine first, then the run folder's (later imports win); a file that is not wisdom is
    // skipped on its own, so a broken machine file does not discard a run's plans
    for file in [machineFile, runFile].compactMap({ $0 }) {
      if let text = try? String(contentsOf: file, encoding: .utf8), !text.isEmpty {
        FFTPlanning.useMeasuredPlans(importing: [text])
      }
    }
    return FFTPlanning.useMeasuredPlans(importing: [])
  }

  /// Writes the wisdom of every plan made so far to the machine file and the run folder
  /// (each replaced atomically). Called once the transforms of a run exist.
  func save() {
    guard FFTPlanning.measuresPlans else { return }
    let data = Data(FFTPlanning.exportedWisdom().utf8)
    for file in [machineFile, runFile].compactMap({ $0 }) {
      try? data.write(to: file, options: .atomic)
    }
  }

  private static func isWritable(_ file: URL) -> Bool {
    let folder = file.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    if FileManager.default.fileExists(atPath: file.path) {
      return FileManager.default.isWritableFile(atPath: file.path)
    }
    return FileManager.default.isWritableFile(atPath: folder.path)
  }
}
