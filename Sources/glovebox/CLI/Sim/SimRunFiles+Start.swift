import Engine
import Foundation

extension SimRunFiles {
  /// status.json from the first moment of a run, before the model is built or any snapshot is
  /// written: `running` at the step and time it starts from, with the pid of the process that
  /// will step it (a detaching parent writes its child's).
  func writeStartingStatus(pid: Int32, config: SimulationConfig, stepLimit: Int?, message: String) throws {
    let status = RunStatus(state: .running, step: 0, time: 0, wallSeconds: 0, pid: pid, message: message,
                           checkpoint: nil, targetSteps: stepLimit, targetTime: config.run.until, startStep: 0)
    try replace(RunFolder.statusFile, with: try status.encoded())
  }

  /// A fresh run's files, the same for `sim run` and a detached start (which is a `sim resume`
  /// of a folder with no snapshot): metrics.csv with its header and the step-0 row (replacing
  /// what a start killed before its first snapshot left), then the step-0 snapshot.
  func startFresh(_ model: LiModel) throws {
    let rows = RunMetricsRow.header + "\n" + RunMetricsRow(model: model, diagnostics: nil).csvLine + "\n"
    try replace(RunFolder.metricsFile, with: Data(rows.utf8))
    _ = try writeSnapshot(model)
  }

  /// Marks a run that could not start or resume as `failed` with `error` in words, keeping the
  /// step and time status.json had.
  func recordStartFailure(_ error: Error, config: SimulationConfig?) {
    let previous = try? readStatus()
    recordFailure(RunStatus(state: .failed, step: previous?.step ?? 0, time: previous?.time ?? 0, wallSeconds: 0,
                            pid: getpid(), message: "\(error)", checkpoint: latestSnapshotName(),
                            targetSteps: previous?.targetSteps, targetTime: config?.run.until ?? previous?.targetTime,
                            startStep: previous?.startStep))
  }
}
