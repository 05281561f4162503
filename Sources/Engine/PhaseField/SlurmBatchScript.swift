/// The batch script of a sweep's job array: task i runs point i. Pure text, so `--dry-run`
/// prints exactly what `sbatch` is given.
public struct SlurmBatchScript: Sendable, Equatable {
  /// The glovebox executable the tasks run (an absolute path, visible on the compute nodes).
  public var executable: String
  /// The sweep folder (absolute, on a file system the compute nodes share).
  public var sweepFolder: String
  public var name: String
  /// The point indices to run (= the array's task ids).
  public var indices: [Int]
  /// The number of points of the whole sweep (fixes the folder names' width).
  public var pointCount: Int
  public var resources: SlurmResources
  /// Solver threads per task: the user's `--threads`; nil: `$SLURM_CPUS_PER_TASK` (1 when unset).
  public var threads: Int?

  public init(executable: String, sweepFolder: String, name: String, indices: [Int], pointCount: Int, resources: SlurmResources,
              threads: Int? = nil) {
    self.threads = threads
    self.executable = executable
    self.sweepFolder = sweepFolder
    self.name = name
    self.indices = indices
    self.pointCount = pointCount
    self.resources = resources
  }

  /// Where the tasks' output files go, relative to the sweep folder (`%A_%a.out`).
  public static let outputFolder = "slurm"

  /// `--array`'s value: the indices as comma-separated ranges ("0-3", "1,4-6"), then `%M`
  /// when a limit on simultaneous tasks is set.
  public static func arraySpec(_ indices: [Int], maxParallel: Int?) -> String {
    var parts: [String] = []
    var runStart: Int?
    var previous: Int?
    for i in Set(indices).sorted() {
      if let p = previous, i == p + 1 { previous = i; continue }
      if let s = runStart, let p = previous { parts.append(s == p ? "\(s)" : "\(s)-\(p)") }
      runStart = i
      previous = i
    }
    if let s = runStart, let p = previous { parts.append(s == p ? "\(s)" : "\(s)-\(p)") }
    return parts.joined(separator: ",") + (maxParallel.map { "%\($0)" } ?? "")
  }

  /// A word for the shell in single quotes (a quote inside becomes '\'').
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  public var text: String {
    let width = max(3, String(max(0, pointCount - 1)).count)
    let jobName = "glovebox-" + String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(40))
    var lines = [
      "#!/bin/bash",
      "#SBATCH --job-name=\(jobName)",
      "#SBATCH --array=\(Self.arraySpec(indices, maxParallel: resources.maxParallel))",
      "#SBATCH --output=\(sweepFolder)/\(Self.outputFolder)/%A_%a.out",
      "#SBATCH --ntasks=1",
    ]
    if let p = resources.partition { lines.append("#SBATCH --partition=\(p)") }
    if let a = resources.account { lines.append("#SBATCH --account=\(a)") }
    if let t = resources.time { lines.append("#SBATCH --time=\(t)") }
    if let c = resources.cpusPerTask { lines.append("#SBATCH --cpus-per-task=\(c)") }
    if let m = resources.memory { lines.append("#SBATCH --mem=\(m)") }
    lines += [
      "# Glovebox sweep '\(name)': array task i runs point i of \(sweepFolder)/sweep.json.",
      "# A point that already has a checkpoint (a cancelled or timed-out task) continues from it.",
      "set -u",
      "GLOVEBOX=\(Self.quoted(executable))",
      "SWEEP=\(Self.quoted(sweepFolder))",
      "RUN=\"$SWEEP/$(printf 'p%0\(width)d' \"$SLURM_ARRAY_TASK_ID\")\"",
    ]
    if let threads {
      lines += ["# Solver threads per task, as chosen with --threads.", "THREADS=\(threads)"]
    } else {
      lines += [
        "# One solver thread per CPU the task was given (Slurm sets SLURM_CPUS_PER_TASK only with",
        "# --cpus-per-task); without it the task has one CPU, and more threads would only contend.",
        "THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"",
      ]
    }
    lines += [
      "if ls \"$RUN\"/fields/step_*.vti >/dev/null 2>&1; then",
      "  exec \"$GLOVEBOX\" sim resume \"$RUN\" --threads \"$THREADS\"",
      "else",
      "  exec \"$GLOVEBOX\" sim run \"$RUN/config.toml\" --out \"$RUN\" --threads \"$THREADS\"",
      "fi",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
