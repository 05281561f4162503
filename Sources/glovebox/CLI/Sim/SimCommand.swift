import ArgumentParser

/// `glovebox sim …`: phase-field runs, PFHub verification and benchmarks.
struct SimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sim",
    abstract: "Phase-field simulations: runs, PFHub benchmarks, timings.",
    subcommands: [
      SimRunCommand.self, SimResumeCommand.self, SimStatusCommand.self, SimListCommand.self, SimWatchCommand.self, SimPauseCommand.self,
      SimStopCommand.self, SimSweepCommand.self, SimPFHubCommand.self, SimBenchCommand.self, SimSnapshotBench.self,
    ]
  )
}
