import ArgumentParser
import Engine
import Foundation

struct SimResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Resume a paused run, or continue a stopped/finished run from its latest checkpoint.")

  @Argument(help: "Run folder.") var directory: String
  @OptionGroup var overrides: SimOverrides
  @Flag(help: "Continue in a new session (survives SIGHUP).") var detach = false
  @Flag(help: "Print one JSON document.") var json = false

  func run() throws {
    let files = SimRunFiles(directory: URL(fileURLWithPath: directory))
    // A live run of this folder is asked to resume; a pid that is gone or now belongs to some
    // other process (a stale run) is not, and the run continues here from its checkpoint.
    if let status = try? files.readStatus(), status.pid != getpid(), status.state == .paused || status.state == .running,
      SimRunFolderProbe.processIsRun(pid: status.pid, folder: files.directory) ?? processIsAlive(status.pid)
    {
      try files.replace(RunFolder.controlFile, with: Data("resume\n".utf8))
      if json { try printJSON(["resumed_pid": Int(status.pid)]) } else { print("asked pid \(status.pid) to resume") }
      return
    }
    let configPath = files.url(RunFolder.configFile).path
    var settings: SimulationConfig
    do {
      settings = try SimulationConfig.parse(try String(contentsOfFile: configPath, encoding: .utf8), fileName: configPath)
    } catch {
      throw reportFailure(error)
    }
    // Grid and domain come from the run's own config; only the stop and output settings apply.
    guard overrides.grid == nil, overrides.length == nil else {
      throw ValidationError("--grid and --length cannot change on resume (the checkpoint fixes the grid)")
    }
    try overrides.apply(to: &settings)
    let lock: RunFolderLock?
    do {
      if detach { try RunFolderLock.checkFree(files.directory); lock = nil } else { lock = try RunFolderLock.acquire(files.directory) }
    } catch {
      throw reportFailure(error)
    }
    defer { withExtendedLifetime(lock) {} }
    if detach {
      let pid = try spawnDetached(arguments: ["sim", "resume", directory] + (overrides.steps.map { ["--steps", "\($0)"] } ?? [])
                                    + (overrides.until.map { ["--until", "\($0)"] } ?? []) + overrides.threadArguments,
                                  log: files.url(RunFolder.logFile).path)
      if json { try printJSON(["pid": Int(pid)]) } else { print("continuing in pid \(pid)") }
      return
    }
    SimSignals.install()
    // A detached start is a resume of a folder without a status of its own yet.
    if !FileManager.default.fileExists(atPath: files.url(RunFolder.statusFile).path) {
      let limit = overrides.steps ?? settings.run.maxSteps
      do { try files.writeStartingStatus(pid: getpid(), config: settings, stepLimit: limit, message: "starting") } catch {
        throw reportFailure(ValidationErrorText("\(directory): \(error)"))
      }
    }
    let wisdom = FFTWisdomStore(runFolder: URL(fileURLWithPath: directory))
    wisdom.activate()
    let model: LiModel
    do {
      var state: LiModelState
      var image: VTKImageData?
      let leftovers = files.removeTemporaries()
      if !leftovers.isEmpty { files.log("removed \(leftovers.count) leftover temporary snapshot file(s) of a killed run: \(leftovers.joined(separator: ", "))") }
      let names = files.snapshotNamesNewestFirst()
      if !names.isEmpty {
        // A snapshot torn by a power loss or a full disk: say so and restart from the newest
        // complete one (its metrics rows after it are dropped, as the run writes them again).
        var restored: (LiModelState, VTKImageData)?
        for (index, name) in names.enumerated() {
          let path = files.fields.appendingPathComponent(name).path
          do {
            let loaded = try VTKImageData.read(path: path)
            restored = (try LiModel.restoredState(from: loaded, numerics: settings.numerics, fileName: path), loaded)
            break
          } catch {
            guard index + 1 < names.count else { throw error }
            let message = "snapshot \(name) cannot be read (\(error)); resuming from \(names[index + 1]), the newest complete one"
            files.log(message)
            FileHandle.standardError.write(Data("\(files.directory.path): \(message)\n".utf8))
            files.setAsideTorn(name)
          }
        }
        guard let restored else { throw ValidationErrorText("\(files.directory.path): no readable snapshot") }
        state = restored.0
        image = restored.1
        // Rows after the restored step (a fallback, or rows written before a killed snapshot)
        // and rows torn by a kill go; the run writes them again.
        try files.truncateMetrics(after: state.step)
      } else {
        state = LiModel.initialState(physics: settings.physics, numerics: settings.numerics, nucleus: settings.nucleus)
      }
      model = try LiModel(physics: settings.physics, numerics: settings.numerics, state: state,
                          mechanics: settings.mechanics, electronic: settings.electronic)
      if let image { model.restorePhaseRate(from: image) } else { try files.startFresh(model) }
    } catch {
      files.recordStartFailure(error, config: settings)
      throw reportFailure(error)
    }
    let limit = overrides.steps.map { model.state.step + $0 } ?? settings.run.maxSteps
    let outcome = try SimRunner(files: files, config: settings, model: model, stepLimit: limit, wisdom: wisdom,
                                onStatus: SimProgressText.foregroundReporter(model: model)).run()
    try finish(outcome, files: files, json: json)
  }
}

struct SimStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "status", abstract: "Show a run folder's status.")
  @Argument(help: "Run folder.") var directory: String
  @Flag(help: "Print one JSON document.") var json = false

  struct Report: Encodable {
    var status: RunStatus
    var alive: Bool
  }

  func run() throws {
    let files = SimRunFiles(directory: URL(fileURLWithPath: directory))
    let status: RunStatus
    do { status = try files.readStatus() } catch { throw reportFailure(error) }
    let alive = SimRunFolderProbe.processIsRun(pid: status.pid, folder: files.directory) ?? processIsAlive(status.pid)
    if json { try printJSON(Report(status: status, alive: alive)) } else {
      let eta = status.etaSeconds.map { String(format: ", ETA %.0f s", $0) } ?? ""
      let stale = !alive && (status.state == .running || status.state == .paused)
      print("\(status.state.rawValue)\(stale ? " (stale: process \(status.pid) is not running this folder)" : ""): step \(status.step), t = \(status.time) s, wall \(String(format: "%.1f", status.wallSeconds)) s\(eta)")
      if let m = status.message { print(m) }
    }
  }
}

/// `sim pause DIR` / `sim stop DIR`: write the control file the run polls each step.
struct SimControlCommand {
  static func send(_ command: RunControlCommand, to directory: String, json: Bool) throws {
    let files = SimRunFiles(directory: URL(fileURLWithPath: directory))
    guard FileManager.default.fileExists(atPath: files.url(RunFolder.statusFile).path) else {
      throw reportFailure(ValidationErrorText("\(directory): not a run folder (no status.json)"))
    }
    try files.replace(RunFolder.controlFile, with: Data("\(command.rawValue)\n".utf8))
    if json { try printJSON(["sent": command.rawValue]) } else { print("sent \(command.rawValue) to \(directory)") }
  }
}

struct SimPauseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause a running run.")
  @Argument(help: "Run folder.") var directory: String
  @Flag(help: "Print one JSON document.") var json = false
  func run() throws { try SimControlCommand.send(.pause, to: directory, json: json) }
}

struct SimStopCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop a run (it writes a checkpoint first).")
  @Argument(help: "Run folder.") var directory: String
  @Flag(help: "Print one JSON document.") var json = false
  func run() throws { try SimControlCommand.send(.stop, to: directory, json: json) }
}
