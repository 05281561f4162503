import Engine
import Foundation

/// The run loop of `sim run` / `sim resume`: steps the model, obeys DIR/control, writes
/// snapshots (the latest is the checkpoint), metrics rows and status.json.
struct SimRunner {
  let files: SimRunFiles
  let config: SimulationConfig
  let model: LiModel
  /// Stop when the total step count reaches this (nil: no step limit).
  let stepLimit: Int?
  /// Saved after this process's first step, when every transform of the run has been planned.
  var wisdom: FFTWisdomStore? = nil
  /// Called after each status.json write with what was written (about once a second while
  /// running); a foreground `sim run` in a terminal draws its progress line from it.
  var onStatus: ((RunStatus) -> Void)? = nil
  /// The step this process started from.
  let startStep: Int

  init(files: SimRunFiles, config: SimulationConfig, model: LiModel, stepLimit: Int?, wisdom: FFTWisdomStore? = nil,
       onStatus: ((RunStatus) -> Void)? = nil) {
    self.files = files
    self.config = config
    self.model = model
    self.stepLimit = stepLimit
    self.wisdom = wisdom
    self.onStatus = onStatus
    startStep = model.state.step
  }

  enum Outcome: String { case finished, stopped, failed }

  func status(_ state: RunStatus.State, wall: Double, message: String? = nil, checkpoint: String? = nil,
              eta: Double? = nil) throws {
    let s = RunStatus(state: state, step: model.state.step, time: model.state.time, wallSeconds: wall,
                      etaSeconds: eta, pid: getpid(), message: message,
                      checkpoint: checkpoint ?? files.latestSnapshotName(),
                      targetSteps: stepLimit, targetTime: config.run.until, startStep: startStep)
    try files.replace(RunFolder.statusFile, with: try s.encoded())
    onStatus?(s)
  }

  /// Appends the current state's row. Written before the state's snapshot: a run killed
  /// between the two resumes from the previous snapshot and drops the row (`truncateMetrics`),
  /// so every snapshot has its row and no row is written twice.
  func metrics() throws {
    try files.appendChecked(RunFolder.metricsFile, RunMetricsRow(model: model, diagnostics: model.lastDiagnostics).csvLine + "\n")
  }

  /// Stops on a received signal: the step in progress has finished, so its state is the
  /// checkpoint (`sim resume` continues from it bit for bit).
  private func stopBySignal(_ number: Int32, wall: Double, metricsWritten: Bool) throws -> Outcome {
    if !metricsWritten { try metrics() }
    let name = try files.writeSnapshot(model)
    try status(.stopped, wall: wall, message: "stopped by \(SimSignals.name(number))", checkpoint: name)
    files.log("stopped by \(SimSignals.name(number)) at step \(model.state.step); checkpoint \(name)")
    return .stopped
  }

  private func readControl() -> RunControlCommand? {
    guard let data = files.read(RunFolder.controlFile) else { return nil }
    do {
      return try RunControlCommand.parse(String(decoding: data, as: UTF8.self),
                                         fileName: files.url(RunFolder.controlFile).path)
    } catch {
      files.log("ignored control file: \(error)")
      try? FileManager.default.removeItem(at: files.url(RunFolder.controlFile))
      return nil
    }
  }

  private func clearControl() { try? FileManager.default.removeItem(at: files.url(RunFolder.controlFile)) }

  /// Runs to the stop condition. A write that fails (a full disk, a folder removed under the
  /// run) ends the run as `failed` with the reason in words in status.json, the log and stderr;
  /// the snapshots written before stay, and the failed write leaves no temporary file.
  func run() throws -> Outcome {
    let clock = ContinuousClock()
    let start = clock.now
    do {
      return try stepUntilStopped()
    } catch {
      files.recordFailure(RunStatus(state: .failed, step: model.state.step, time: model.state.time,
                                    wallSeconds: milliseconds(clock.now - start) / 1000, pid: getpid(),
                                    message: "\(error)", checkpoint: files.latestSnapshotName(),
                                    targetSteps: stepLimit, targetTime: config.run.until, startStep: startStep))
      return .failed
    }
  }

  private func stepUntilStopped() throws -> Outcome {
    let clock = ContinuousClock()
    let start = clock.now
    func wall() -> Double { milliseconds(clock.now - start) / 1000 }
    let startTime = model.state.time
    let interval = config.run.outputInterval
    var nextOutput = (floor(model.state.time / interval) + 1) * interval
    var lastStatus = clock.now
    var wisdomSaved = false
    // The step of the last metrics row, so a stop right after an output does not repeat it.
    var metricsStep = model.state.step
    func eta() -> Double? {
      let w = wall()
      var fractions: [Double] = []
      if let limit = stepLimit, limit > startStep {
        fractions.append(Double(model.state.step - startStep) / Double(limit - startStep))
      }
      if let until = config.run.until, until > startTime {
        fractions.append((model.state.time - startTime) / (until - startTime))
      }
      guard let done = fractions.max(), done > 0 else { return nil }
      return w * (1 - min(done, 1)) / done
    }
    try status(.running, wall: 0)
    files.log("running from step \(startStep) (t = \(startTime) s), pid \(getpid()), \(ParallelWork.threads) solver thread\(ParallelWork.threads == 1 ? "" : "s")")
    while true {
      if let limit = stepLimit, model.state.step >= limit { break }
      if let until = config.run.until, model.state.time >= until { break }
      if let number = SimSignals.pending {
        return try stopBySignal(number, wall: wall(), metricsWritten: metricsStep == model.state.step)
      }
      if let command = readControl() {
        switch command {
        case .stop:
          clearControl()
          if metricsStep != model.state.step { try metrics() }
          let name = try files.writeSnapshot(model)
          try status(.stopped, wall: wall(), message: "stopped by control file", checkpoint: name)
          files.log("stopped at step \(model.state.step); checkpoint \(name)")
          return .stopped
        case .pause:
          let name = try files.writeSnapshot(model)
          try status(.paused, wall: wall(), checkpoint: name)
          files.log("paused at step \(model.state.step)")
          var resumed = false
          while !resumed {
            Thread.sleep(forTimeInterval: 0.25)
            if let number = SimSignals.pending {
              clearControl()
              return try stopBySignal(number, wall: wall(), metricsWritten: true)
            }
            switch readControl() {
            case .resume?, nil:
              resumed = true
            case .stop?:
              clearControl()
              try status(.stopped, wall: wall(), message: "stopped while paused", checkpoint: name)
              files.log("stopped while paused at step \(model.state.step)")
              return .stopped
            case .pause?:
              continue
            }
          }
          clearControl()
          files.log("resumed at step \(model.state.step)")
          try status(.running, wall: wall())
        case .resume:
          clearControl()
        }
      }
      do {
        try model.step()
        if !wisdomSaved {
          wisdom?.save()
          wisdomSaved = true
        }
      } catch let divergence as LiModelDivergence {
        let name = try files.writeSnapshot(model)
        try status(.failed, wall: wall(), message: divergence.description, checkpoint: name)
        files.log("FAILED: \(divergence); last good state kept in \(name)")
        return .failed
      }
      if model.state.time >= nextOutput {
        try metrics()
        metricsStep = model.state.step
        let name = try files.writeSnapshot(model)
        nextOutput = (floor(model.state.time / interval) + 1) * interval
        if let d = model.lastDiagnostics {
          // Six significant digits: the log is read by people (and shown in pane 6); metrics.csv
          // keeps every digit.
          let g = { (v: Double) in String(format: "%.6g", v) }
          files.log("step \(d.step) t=\(g(d.time)) dt=\(g(d.dt)) xi=[\(g(d.minXi)), \(g(d.maxXi))] Li=\(g(d.lithiumTotal)) CG=\(d.potentialIterations) res=\(g(d.potentialResidual)) snapshot \(name)")
        }
      }
      if clock.now - lastStatus > .seconds(1) {
        lastStatus = clock.now
        try status(.running, wall: wall(), eta: eta())
      }
    }
    if metricsStep != model.state.step { try metrics() }
    let name = try files.writeSnapshot(model)
    try status(.finished, wall: wall(), checkpoint: name)
    files.log("finished at step \(model.state.step) (t = \(model.state.time) s) in \(wall()) s")
    return .finished
  }
}
