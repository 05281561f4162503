import ArgumentParser

/// `glovebox sim …`: phase-field runs, PFHub verification and benchmarks.
struct SimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sim",
    abstract: "Phase-field simulations: runs, PFHub benchmarks, timings.",
    subcommands: [SimPFHubCommand.self, SimBenchCommand.self]
  )
}
