import Foundation
import Formats

/// DIR/sweep.json: the sweep's index, point → parameters → folder → state, written when the
/// sweep is created and rewritten (atomically, by the edge) whenever its state is gathered or
/// a submission is made. The run folders stay the truth about a run; `state` here is the last
/// merged view (see `SweepPointState.merge`).
public struct SweepIndex: Codable, Sendable, Equatable {
  public enum Executor: String, Codable, Sendable, CaseIterable { case local, slurm }

  /// One point's entry.
  public struct Entry: Codable, Sendable, Equatable {
    public var index: Int
    public var folder: String
    public var parameters: [String: SweepValue]
    public var state: SweepPointState
    public init(index: Int, folder: String, parameters: [String: SweepValue], state: SweepPointState) {
      self.index = index
      self.folder = folder
      self.parameters = parameters
      self.state = state
    }
  }

  /// One submission: a Slurm job array (its id and the task ids = point indices it runs) or a
  /// local pool process (its pid).
  public struct Submission: Codable, Sendable, Equatable {
    public var jobId: String?
    public var pid: Int32?
    public var indices: [Int]
    /// Solver threads per point as run: a local pool's count, a Slurm array's `--threads`
    /// (nil there: `$SLURM_CPUS_PER_TASK`). nil in a sweep.json written before threads were recorded.
    public var threads: Int?
    /// A local pool's processes at once.
    public var processes: Int?
    public init(jobId: String? = nil, pid: Int32? = nil, indices: [Int], threads: Int? = nil, processes: Int? = nil) {
      self.jobId = jobId
      self.pid = pid
      self.indices = indices
      self.threads = threads
      self.processes = processes
    }
    enum CodingKeys: String, CodingKey {
      case pid, indices, threads, processes
      case jobId = "job_id"
    }
  }

  public var version = 1
  public var name: String
  /// The sweep file and base config as given when the sweep was made (for the record).
  public var sweepFile: String
  public var base: String
  public var executor: Executor
  /// The varied keys, in point-parameter order.
  public var keys: [String]
  /// The `sim run` overrides applied to every point, as command-line words.
  public var runOverrides: [String]
  public var slurm: SlurmResources?
  public var processes: Int?
  /// Solver threads per point as the user chose them (`--threads`, `[local] threads`); nil:
  /// the default (local: cores ÷ processes; Slurm: `$SLURM_CPUS_PER_TASK`). Each submission
  /// records the count it actually ran with.
  public var threads: Int?
  public var submissions: [Submission]
  public var points: [Entry]

  public init(name: String, sweepFile: String, base: String, executor: Executor, keys: [String], runOverrides: [String],
              slurm: SlurmResources?, processes: Int?, threads: Int? = nil, points: [SweepPoint]) {
    self.name = name
    self.sweepFile = sweepFile
    self.base = base
    self.executor = executor
    self.keys = keys
    self.runOverrides = runOverrides
    self.slurm = slurm
    self.processes = processes
    self.threads = threads
    submissions = []
    self.points = points.map { point in
      Entry(index: point.index, folder: point.folder,
            parameters: Dictionary(point.parameters.map { ($0.key, SweepValue($0.value)) }, uniquingKeysWith: { a, _ in a }),
            state: .pending)
    }
  }

  enum CodingKeys: String, CodingKey {
    case version, name, base, executor, keys, slurm, processes, threads, submissions, points
    case sweepFile = "sweep_file"
    case runOverrides = "run_overrides"
  }

  public static let fileName = "sweep.json"

  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads sweep.json; a torn or foreign file, or an index whose points do not match its keys,
  /// is an error naming the file and what was expected.
  public static func decode(_ data: Data, fileName: String? = nil) throws -> SweepIndex {
    let name = fileName ?? Self.fileName
    let index: SweepIndex
    do {
      index = try JSONDecoder().decode(SweepIndex.self, from: data)
    } catch let error as DecodingError {
      throw InputError("not a sweep index: \(describe(error))", file: name)
    } catch {
      throw InputError("not a sweep index: \(error)", file: name)
    }
    guard index.version == 1 else { throw InputError("sweep index version \(index.version); this glovebox reads version 1", file: name) }
    for (position, entry) in index.points.enumerated() {
      guard entry.index == position else {
        throw InputError("points[\(position)] has index \(entry.index); expected \(position)", file: name)
      }
      guard Set(entry.parameters.keys) == Set(index.keys) else {
        throw InputError("points[\(position)] sets \(entry.parameters.keys.sorted()); expected the keys \(index.keys)", file: name)
      }
      guard !entry.folder.isEmpty, !entry.folder.contains("/"), entry.folder != "..", entry.folder != "." else {
        throw InputError("points[\(position)].folder '\(entry.folder)' must be a plain folder name inside the sweep", file: name)
      }
    }
    if let threads = index.threads, !SweepThreads.allowed.contains(threads) {
      throw InputError("threads \(threads); expected a whole number in \(SweepThreads.allowed.lowerBound)…\(SweepThreads.allowed.upperBound)", file: name)
    }
    for submission in index.submissions {
      if let threads = submission.threads, !SweepThreads.allowed.contains(threads) {
        throw InputError("a submission's threads \(threads); expected a whole number in \(SweepThreads.allowed.lowerBound)…\(SweepThreads.allowed.upperBound)", file: name)
      }
      if let bad = submission.indices.first(where: { !index.points.indices.contains($0) }) {
        throw InputError("a submission names point \(bad); the sweep has \(index.points.count)", file: name)
      }
    }
    return index
  }

  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return p.isEmpty ? "" : " at \(p.hasPrefix(".") ? String(p.dropFirst()) : p)"
    }
    switch error {
    case .keyNotFound(let key, let context): return "expected a member \"\(key.stringValue)\"\(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(context.debugDescription)\(path(context))"
    case .dataCorrupted(let context): return "\(context.debugDescription)\(path(context)) (torn or not JSON?)"
    @unknown default: return "\(error)"
    }
  }
}
