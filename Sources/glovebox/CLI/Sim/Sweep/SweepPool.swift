import ArgumentParser
import Engine
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The local executor: a pool of `processes` child processes, each `glovebox sim run` (or
/// `sim resume` for a point that has a checkpoint) on one point, started in order until every
/// point is done. One pool per sweep folder: it holds the folder's lock (`DIR/.lock`). A stop
/// signal (SIGTERM, SIGINT, SIGHUP) is passed on to the running points, which checkpoint and
/// stop; `sim sweep resume` continues them.
enum SweepPool {
  /// The pid of the pool that holds the folder's lock, nil when none does. Looks without
  /// writing: a shared lock that cannot be had means an owner is alive.
  static func livePool(_ folder: URL) -> Int32? {
    let path = folder.appendingPathComponent(RunFolderLock.fileName).path
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
      flock(descriptor, LOCK_UN)
      return nil
    }
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return -1 }
    return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  /// Starts the pool: detached (a new session, so it survives the terminal; its output goes to
  /// DIR/pool.log) or, with `wait`, in this process.
  static func start(folder: URL, processes: Int, threads: Int, wait: Bool, json: Bool, index: inout SweepIndex) throws {
    if let pid = livePool(folder) {
      throw reportFailure(ValidationErrorText("\(folder.path): a pool (pid \(pid)) is already running this sweep"))
    }
    if wait {
      let outcome = try run(folder: folder, processes: processes, threads: threads)
      if json { try printJSON(["finished": outcome.finished, "not_finished": outcome.notFinished]) } else {
        print("\(outcome.finished) of \(outcome.finished + outcome.notFinished) points finished; `glovebox sim sweep status \(folder.path)`")
      }
      if outcome.notFinished > 0 { throw ExitCode(3) }
      return
    }
    let pid = try spawnDetached(arguments: ["sim", "sweep", "pool", folder.path, "--processes", "\(processes)", "--threads", "\(threads)"],
                                log: folder.appendingPathComponent("pool.log").path)
    if json { try printJSON(["pid": Int(pid), "processes": processes, "threads": threads]) } else {
      print("pool pid \(pid) runs \(index.points.count) points, \(processes) at once, \(threads) solver thread\(threads == 1 ? "" : "s") each; "
            + "follow with `glovebox sim sweep status \(folder.path)`")
    }
  }

  struct Outcome {
    var finished: Int
    var notFinished: Int
  }

  /// Whether a point's run still has to be run here: not finished and not owned by a live process.
  static func needsRun(_ run: URL) -> Bool {
    let listing = SimRunFolderProbe.listing(of: run, name: run.lastPathComponent)
    guard listing.status != nil else { return true }
    switch RunSummary(listing: listing).state {
    case .finished, .running, .paused: return false
    case .stopped, .failed, .stale, .unknown: return true
    }
  }

  /// Runs the pool to the end (every point finished, failed, or stopped by a signal), each
  /// point with `threads` solver threads (`SweepThreads.local` chose them).
  static func run(folder: URL, processes: Int, threads: Int) throws -> Outcome {
    let lock = try RunFolderLock.acquire(folder)
    defer { withExtendedLifetime(lock) {} }
    SimSignals.install()
    var index = try SweepFolder.readIndex(folder)
    let todo = index.points.filter { needsRun(folder.appendingPathComponent($0.folder)) }.map(\.index)
    index.submissions.append(SweepIndex.Submission(pid: getpid(), indices: todo, threads: threads, processes: processes))
    try SweepFolder.writeIndex(index, in: folder)
    let executable = URL(fileURLWithPath: try gloveboxExecutablePath())
    let queue = Locked<[Int]>(todo)
    let children = Locked<[Int32: Bool]>([:])
    let group = DispatchGroup()
    let folders = index.points.map(\.folder)
    let threadArguments = ["--threads", "\(threads)"]
    for _ in 0..<min(max(1, processes), max(1, todo.count)) {
      group.enter()
      Thread.detachNewThread {
        defer { group.leave() }
        while SimSignals.pending == nil, let next = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
          let run = folder.appendingPathComponent(folders[next])
          let process = Process()
          process.executableURL = executable
          let hasCheckpoint = RunFolder.latestSnapshot(
            in: (try? FileManager.default.contentsOfDirectory(atPath: run.appendingPathComponent(RunFolder.fieldsDirectory).path)) ?? []) != nil
          process.arguments = (hasCheckpoint ? ["sim", "resume", run.path]
            : ["sim", "run", run.appendingPathComponent(RunFolder.configFile).path, "--out", run.path]) + threadArguments
          process.standardInput = FileHandle.nullDevice
          do { try process.run() } catch {
            FileHandle.standardError.write(Data("\(run.path): could not start glovebox (\(error))\n".utf8))
            continue
          }
          children.withLock { $0[process.processIdentifier] = true }
          process.waitUntilExit()
          _ = children.withLock { $0.removeValue(forKey: process.processIdentifier) }
        }
      }
    }
    // The signal watcher: a stop reaches every running point once.
    var forwarded = false
    while group.wait(timeout: .now() + 0.2) == .timedOut {
      if !forwarded, SimSignals.pending != nil {
        forwarded = true
        for pid in children.withLock({ Array($0.keys) }) { kill(pid, SIGTERM) }
      }
    }
    let gathered = try SweepState.gather(folder, byPool: true)
    let finished = gathered.points.filter { $0.state == .finished }.count
    return Outcome(finished: finished, notFinished: gathered.points.count - finished)
  }
}
