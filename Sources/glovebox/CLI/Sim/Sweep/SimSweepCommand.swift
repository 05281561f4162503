import ArgumentParser
import Engine
import Foundation

/// `glovebox sim sweep …`: parameter sweeps on a local pool or as a Slurm job array.
struct SimSweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Parameter sweeps: every point a run folder, run on this machine's cores or as a Slurm job array.",
    discussion: "glovebox sim sweep SWEEP.toml --out DIR [--executor local|slurm] [--dry-run] …\n"
      + "glovebox sim sweep status DIR [--json] [--csv FILE] [--at T] [--cross H]\n"
      + "glovebox sim sweep resume DIR\n"
      + "--threads N: solver threads per point (local default: cores ÷ processes, at least 1; slurm: $SLURM_CPUS_PER_TASK).\n"
      + "The sweep file's syntax is described in Examples/sim/README.md (\"Sweeps\").",
    subcommands: [SimSweepStartCommand.self, SimSweepStatusCommand.self, SimSweepResumeCommand.self, SimSweepPoolCommand.self],
    defaultSubcommand: SimSweepStartCommand.self)
}

/// Slurm resource flags (each overrides the sweep file's `[slurm]` value).
struct SlurmOptions: ParsableArguments {
  @Option(help: "Slurm partition.") var partition: String?
  @Option(help: "Time limit per point (Slurm's format, e.g. 02:00:00).") var time: String?
  @Option(name: .customLong("cpus-per-task"), help: "CPUs per point.") var cpusPerTask: Int?
  @Option(help: "Memory per point (Slurm's --mem, e.g. 2G).") var mem: String?
  @Option(name: .customLong("max-parallel"), help: "At most this many points at once (the %M of --array).") var maxParallel: Int?
  @Option(help: "Slurm account.") var account: String?

  func applied(to resources: SlurmResources) throws -> SlurmResources {
    var r = resources
    do {
      try r.set(partition: partition, time: time, cpus: cpusPerTask, memory: mem, maxParallel: maxParallel, account: account)
    } catch let error as SlurmResources.SlurmResourceError {
      throw ValidationError("--\(error.key.replacingOccurrences(of: "_", with: "-")): \(error.message)")
    }
    return r
  }
}

/// The path of this executable (what the pool and the batch script run).
func gloveboxExecutablePath() throws -> String {
  var buffer = [CChar](repeating: 0, count: 4096)
  let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  guard length > 0 else { throw ValidationErrorText("cannot find the glovebox executable (/proc/self/exe)") }
  return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
