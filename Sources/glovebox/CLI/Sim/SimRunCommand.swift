import ArgumentParser
import Engine
import Formats
import Foundation

/// Options shared by `sim run` and `sim resume` that override the configuration.
struct SimOverrides: ParsableArguments {
  @Option(help: "Grid points per side (nx = ny), keeping the domain.") var grid: Int?
  @Option(help: "Domain side length in m (both directions).") var length: Double?
  @Option(help: "Stop after this many steps (run: in total; resume: more steps).") var steps: Int?
  @Option(help: "Stop at this simulated time (s).") var until: Double?
  @Option(name: .customLong("dt-max"), help: "Largest time step (s).") var dtMax: Double?
  @Option(name: .customLong("output-interval"), help: "Simulated seconds between snapshots.") var outputInterval: Double?
  @Option(help: "Threads for the step's grid passes and transforms (default: the machine's cores; 1 = one thread). The results are the same bit for bit for any count.")
  var threads: Int?

  func apply(to config: inout SimulationConfig) throws {
    if let g = grid {
      guard g >= 8, g % 2 == 0 else { throw ValidationError("--grid must be an even number ≥ 8") }
      config.numerics.nx = g
      config.numerics.ny = g
    }
    if let l = length {
      guard l > 0 else { throw ValidationError("--length must be positive") }
      config.numerics.lengthX = l
      config.numerics.lengthY = l
    }
    if let u = until {
      guard u > 0 else { throw ValidationError("--until must be positive") }
      config.run.until = u
    }
    if let d = dtMax {
      guard d >= config.numerics.dtMin else { throw ValidationError("--dt-max must be ≥ dt_min") }
      config.numerics.dtMax = d
    }
    if let o = outputInterval {
      guard o > 0 else { throw ValidationError("--output-interval must be positive") }
      config.run.outputInterval = o
    }
    if let s = steps, s <= 0 { throw ValidationError("--steps must be positive") }
    ParallelWork.threads = try threadCount(threads)
  }

  /// `--threads` for a detached child, when given.
  var threadArguments: [String] { threads.map { ["--threads", "\($0)"] } ?? [] }
}

/// The thread count of `--threads`: the given number (1…1024), or the machine's active cores.
func threadCount(_ option: Int?) throws -> Int {
  guard let n = option else { return max(1, ProcessInfo.processInfo.activeProcessorCount) }
  guard n >= 1, n <= 1024 else { throw ValidationError("--threads must lie in 1…1024, got \(n)") }
  return n
}

func reportFailure(_ error: Error) -> ExitCode {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  return ExitCode(2)
}

struct SimRunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run a phase-field configuration into a run folder.")

  @Argument(help: "Configuration (TOML), e.g. Examples/sim/model1.toml.") var config: String
  @Option(help: "Run folder to create.") var out: String
  @OptionGroup var overrides: SimOverrides
  @Option(name: .customLong("electrode-potential"),
          help: "Electrode potential in V (physics.electrode_potential; negative while plating). Written to the run's config.toml, so a resume keeps it.")
  var electrodePotential: Double?
  @Flag(help: "Start in a new session (survives the terminal closing and SIGHUP).") var detach = false
  @Flag(help: "Print one JSON document.") var json = false

  func run() throws {
    var settings: SimulationConfig
    do {
      let text = try String(contentsOfFile: config, encoding: .utf8)
      settings = try SimulationConfig.parse(text, fileName: config)
    } catch let error as InputError {
      throw reportFailure(error)
    } catch {
      throw reportFailure(ValidationErrorText("\(config): cannot read (\(error.localizedDescription))"))
    }
    try overrides.apply(to: &settings)
    if let potential = electrodePotential {
      guard potential.isFinite else { throw ValidationError("--electrode-potential must be a finite number of volts") }
      settings.physics.electrodePotential = potential
    }
    let files = SimRunFiles(directory: URL(fileURLWithPath: out))
    try files.create()
    // Held until the process ends; a detaching parent only checks (its child takes the lock).
    // Checked first: a folder another process is writing is "in use", whatever it holds yet.
    let lock: RunFolderLock?
    do {
      if detach { try RunFolderLock.checkFree(files.directory); lock = nil } else { lock = try RunFolderLock.acquire(files.directory) }
    } catch {
      throw reportFailure(error)
    }
    defer { withExtendedLifetime(lock) {} }
    if let existing = files.latestSnapshotName() {
      throw reportFailure(ValidationErrorText("\(out): already holds a run (\(existing)); use `glovebox sim resume \(out)`"))
    }
    let limit = overrides.steps ?? settings.run.maxSteps
    do {
      try files.replace(RunFolder.configFile, with: Data(settings.tomlText().utf8))
      if !detach { try files.writeStartingStatus(pid: getpid(), config: settings, stepLimit: limit, message: "starting") }
    } catch {
      throw reportFailure(ValidationErrorText("\(out): \(error)"))
    }
    if detach {
      let pid = try spawnDetached(arguments: ["sim", "resume", out] + (overrides.steps.map { ["--steps", "\($0)"] } ?? [])
                                    + overrides.threadArguments,
                                  log: files.url(RunFolder.logFile).path)
      // The child writes its own status when it starts (and from then on); until then this one
      // says the run exists and who runs it. Written after the spawn, as only then is the pid
      // known: the child's first write comes after its exec and start-up, long after this one.
      do {
        try files.writeStartingStatus(pid: pid, config: settings, stepLimit: limit, message: "starting (detached)")
      } catch {
        throw reportFailure(ValidationErrorText("\(out): \(error)"))
      }
      if json { try printJSON(["pid": Int(pid)]) } else { print("started pid \(pid); follow with `glovebox sim status \(out)`") }
      return
    }
    SimSignals.install()
    let wisdom = FFTWisdomStore(runFolder: URL(fileURLWithPath: out))
    wisdom.activate()
    let state = LiModel.initialState(physics: settings.physics, numerics: settings.numerics, nucleus: settings.nucleus)
    let model: LiModel
    do {
      model = try LiModel(physics: settings.physics, numerics: settings.numerics, state: state,
                          mechanics: settings.mechanics, electronic: settings.electronic)
      try files.startFresh(model)
    } catch {
      files.recordStartFailure(error, config: settings)
      FileHandle.standardError.write(Data("\(out): FAILED: \(error)\n".utf8))
      throw ExitCode(3)
    }
    let outcome = try SimRunner(files: files, config: settings, model: model, stepLimit: limit, wisdom: wisdom,
                                onStatus: SimProgressText.foregroundReporter(model: model)).run()
    try finish(outcome, files: files, json: json)
  }
}

/// Prints the final status and maps a failed run to exit status 3 and a run stopped by a
/// signal to 128 + its number (see `SimSignals`).
func finish(_ outcome: SimRunner.Outcome, files: SimRunFiles, json: Bool) throws {
  let status = try files.readStatus()
  if json { try printJSON(status) } else {
    let times = String(format: "t = %.6g s, %.1f s wall", status.time, status.wallSeconds)
    print("\(status.state.rawValue): step \(status.step), \(times); checkpoint \(status.checkpoint ?? "-")")
  }
  if outcome == .failed {
    FileHandle.standardError.write(Data("\(files.directory.path): \(status.message ?? "run failed")\n".utf8))
    throw ExitCode(3)
  }
  if outcome == .stopped, let number = SimSignals.pending {
    throw ExitCode(SimSignals.exitStatus(number))
  }
}
