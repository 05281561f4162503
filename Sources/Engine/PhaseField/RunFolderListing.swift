import Foundation

/// What the edge (the CLI or the runtime) gathered about one run folder, without decoding any
/// snapshot: the small text files, the names in fields/, modification times, the clock and
/// whether the status's process is alive as a run of this folder. `RunSummary.init(listing:)`
/// turns it into the columns of `sim list` and the Simulation pane.
public struct RunFolderListing: Sendable, Equatable {
  /// How the folder is shown (its path relative to where the listing started).
  public var name: String
  /// status.json's bytes; nil when the file is missing.
  public var status: Data?
  /// config.toml's text; nil when the file is missing.
  public var config: String?
  /// The names in fields/ (names only).
  public var snapshotNames: [String]
  /// The end of log.txt (the last few kilobytes; may start mid-line).
  public var logTail: String?
  /// Modification time of every file of the folder the edge looked at (status.json,
  /// metrics.csv, log.txt, the newest snapshot), by file name.
  public var modificationTimes: [String: Date]
  /// When the listing was made.
  public var now: Date
  /// Whether status.json's pid is alive and is a glovebox run of this folder (see
  /// `RunProcessCheck`); nil when the edge did not or could not check.
  public var processIsRun: Bool?

  public init(name: String, status: Data?, config: String?, snapshotNames: [String], logTail: String?,
              modificationTimes: [String: Date], now: Date, processIsRun: Bool?) {
    self.name = name
    self.status = status
    self.config = config
    self.snapshotNames = snapshotNames
    self.logTail = logTail
    self.modificationTimes = modificationTimes
    self.now = now
    self.processIsRun = processIsRun
  }
}

/// Whether a process's command line is a glovebox run of a given folder, from /proc/PID/cmdline
/// (split at NULs) and /proc/PID/cwd: the executable is named `glovebox`, the arguments are
/// `sim run … --out DIR` or `sim resume DIR`, and DIR (relative paths taken from the process's
/// working directory) is the folder. A pid reused by another program, or another run, is not.
public enum RunProcessCheck {
  public static func isRun(commandLine: [String], workingDirectory: String, of folder: String) -> Bool {
    guard let executable = commandLine.first, (executable as NSString).lastPathComponent == "glovebox" else { return false }
    let arguments = Array(commandLine.dropFirst())
    guard let sim = arguments.firstIndex(of: "sim"), sim + 1 < arguments.count else { return false }
    let rest = Array(arguments[(sim + 1)...])
    var named: String?
    switch rest.first {
    case "resume":
      named = rest.dropFirst().first { !$0.hasPrefix("-") }
    case "run":
      if let out = rest.firstIndex(of: "--out"), out + 1 < rest.count {
        named = rest[out + 1]
      } else {
        named = rest.first { $0.hasPrefix("--out=") }.map { String($0.dropFirst(6)) }
      }
    default:
      return false
    }
    guard let named else { return false }
    return canonical(named, relativeTo: workingDirectory) == canonical(folder, relativeTo: workingDirectory)
  }

  /// An absolute path without `.`/`..` components or a trailing slash (no symlinks resolved:
  /// this is a pure function).
  static func canonical(_ path: String, relativeTo directory: String) -> String {
    let absolute = path.hasPrefix("/") ? path : directory + "/" + path
    var parts: [Substring] = []
    for part in absolute.split(separator: "/") {
      if part == "." || part.isEmpty { continue }
      if part == ".." { _ = parts.popLast(); continue }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }
}
