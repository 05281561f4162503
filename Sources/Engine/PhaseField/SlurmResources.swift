import Formats

/// What a Slurm job array asks for: from the sweep file's `[slurm]` table, overridden by
/// command-line flags. Every field is optional; what is not given is left to the cluster's
/// defaults (Slurm's own, not made up here), except `maxParallel` (the `%M` of
/// `--array=…%M`), which is omitted when nil.
public struct SlurmResources: Sendable, Equatable, Codable {
  public var partition: String?
  /// Slurm's time format: MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS.
  public var time: String?
  public var cpusPerTask: Int?
  /// Memory per node: a whole number with an optional K, M, G or T suffix (Slurm's --mem).
  public var memory: String?
  public var maxParallel: Int?
  public var account: String?

  public init() {}

  enum CodingKeys: String, CodingKey {
    case partition, time, memory, account
    case cpusPerTask = "cpus_per_task"
    case maxParallel = "max_parallel"
  }

  static func parse(_ t: TOMLTable) throws -> SlurmResources {
    if let unknown = t.unknownKeys(allowed: ["partition", "time", "cpus_per_task", "memory", "max_parallel", "account"]).first {
      throw unknown
    }
    var r = SlurmResources()
    do {
      try r.set(partition: try t.optionalString("partition"), time: try t.optionalString("time"),
                cpus: try t.optionalInt("cpus_per_task"), memory: try t.optionalString("memory"),
                maxParallel: try t.optionalInt("max_parallel"), account: try t.optionalString("account"))
    } catch let error as SlurmResourceError {
      throw t.error(error.message, key: error.key)
    }
    return r
  }

  /// A bad resource value: `key` is the sweep file's name for it.
  public struct SlurmResourceError: Error, Equatable, CustomStringConvertible {
    public var key: String
    public var message: String
    public var description: String { message }
  }

  /// Sets the given values (nil leaves a field as it is), checking each.
  public mutating func set(partition: String? = nil, time: String? = nil, cpus: Int? = nil, memory: String? = nil,
                           maxParallel: Int? = nil, account: String? = nil) throws {
    func word(_ value: String, _ key: String) throws -> String {
      guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || "_-.,".contains($0) }) else {
        throw SlurmResourceError(key: key, message: "\(key) '\(value)' must be a non-empty name of letters, digits, _ - . ,")
      }
      return value
    }
    if let partition { self.partition = try word(partition, "partition") }
    if let account { self.account = try word(account, "account") }
    if let time {
      guard Self.isSlurmTime(time) else {
        throw SlurmResourceError(key: "time", message: "time '\(time)' must be Slurm's MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS")
      }
      self.time = time
    }
    if let cpus {
      guard cpus >= 1, cpus <= 100_000 else { throw SlurmResourceError(key: "cpus_per_task", message: "cpus_per_task must be a whole number ≥ 1") }
      cpusPerTask = cpus
    }
    if let memory {
      let digits = memory.last.map { "KMGTkmgt".contains($0) } == true ? memory.dropLast() : Substring(memory)
      guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits.count <= 12 else {
        throw SlurmResourceError(key: "memory", message: "memory '\(memory)' must be a whole number with an optional K, M, G or T (Slurm's --mem)")
      }
      self.memory = memory
    }
    if let maxParallel {
      guard maxParallel >= 1, maxParallel <= 100_000 else {
        throw SlurmResourceError(key: "max_parallel", message: "max_parallel must be a whole number ≥ 1")
      }
      self.maxParallel = maxParallel
    }
  }

  /// Slurm's time-limit forms (sbatch(1), --time).
  public static func isSlurmTime(_ text: String) -> Bool {
    func numbers(_ s: Substring, max count: Int) -> Bool {
      let parts = s.split(separator: ":", omittingEmptySubsequences: false)
      return (1...count).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
    let dash = text.split(separator: "-", omittingEmptySubsequences: false)
    switch dash.count {
    case 1: return numbers(dash[0], max: 3)
    case 2: return numbers(dash[0], max: 1) && numbers(dash[1], max: 3)
    default: return false
    }
  }
}
