import Foundation
import Formats

/// One run folder as the run list shows it (`glovebox sim list`, the Simulation pane): a pure
/// function of a `RunFolderListing`. Nothing here decodes a snapshot, so a folder with hundreds
/// of them summarises as fast as an empty one. A file that cannot be read makes an entry of
/// `errors` (file and line) and leaves the values it would have given nil — never a crash and
/// never a made-up value.
public struct RunSummary: Sendable, Equatable {
  public enum State: String, Sendable, Equatable, CaseIterable {
    case running, paused, finished, stopped, failed
    /// status.json says running or paused, but its process is gone or is not a run of this folder.
    case stale
    /// status.json is missing or cannot be read.
    case unknown
  }

  public var name: String
  /// config.toml's `name` (the preset/model), nil when it cannot be read.
  public var model: String?
  public var state: State
  public var step: Int?
  /// Simulated time (s).
  public var time: Double?
  /// The target the run stops at: total steps and/or simulated time (s).
  public var targetSteps: Int?
  public var targetTime: Double?
  /// Fraction 0…1 of the nearer target (a run ends at whichever comes first).
  public var progress: Double?
  /// Steps per wall-clock second of the last process (over its whole life).
  public var stepsPerSecond: Double?
  /// Wall-clock seconds to the target, for a running run (the run's own estimate, less the time
  /// since it wrote it).
  public var etaSeconds: Double?
  /// Seconds since any file of the folder changed.
  public var secondsSinceWrite: Double?
  /// The newest activity (the latest modification time), for ordering.
  public var lastWrite: Date?
  public var pid: Int32?
  /// Why the run failed (the log's FAILED line, else status.json's message) or stopped.
  public var reason: String?
  public var snapshotCount: Int
  public var latestSnapshot: String?
  /// What could not be read, with file and line.
  public var errors: [InputError]

  public init(listing: RunFolderListing) {
    name = listing.name
    snapshotCount = listing.snapshotNames.reduce(0) { $0 + (RunFolder.step(ofSnapshot: $1) != nil ? 1 : 0) }
    latestSnapshot = RunFolder.latestSnapshot(in: listing.snapshotNames)
    errors = []
    state = .unknown
    lastWrite = listing.modificationTimes.values.max()
    secondsSinceWrite = lastWrite.map { Swift.max(0, listing.now.timeIntervalSince($0)) }

    let config = Self.readConfig(listing.config, errors: &errors)
    model = config.name
    let statusName = RunFolder.statusFile
    var status: RunStatus?
    if let data = listing.status {
      do { status = try RunStatus.decode(data, fileName: statusName) } catch let error as InputError {
        errors.append(error)
      } catch {
        errors.append(InputError("\(error)", file: statusName))
      }
    } else {
      errors.append(InputError("expected a run status file", file: statusName))
    }
    guard let status else { return }
    step = status.step
    time = status.time
    pid = status.pid
    targetSteps = status.targetSteps ?? config.maxSteps
    targetTime = status.targetTime ?? config.until
    progress = Self.progress(step: status.step, time: status.time, targetSteps: targetSteps, targetTime: targetTime)
    if let start = status.startStep, status.wallSeconds > 0, status.step >= start {
      stepsPerSecond = Double(status.step - start) / status.wallSeconds
    }
    switch status.state {
    case .running, .paused:
      if listing.processIsRun == false {
        state = .stale
        reason = "process \(status.pid) is not running this folder; resume continues from \(latestSnapshot ?? "step 0")"
      } else {
        state = status.state == .running ? .running : .paused
      }
    case .finished: state = .finished
    case .stopped:
      state = .stopped
      reason = status.message
    case .failed:
      state = .failed
      reason = Self.failure(inLog: listing.logTail) ?? status.message
    }
    if state == .running, let eta = status.etaSeconds, eta.isFinite {
      let age = listing.modificationTimes[statusName].map { listing.now.timeIntervalSince($0) } ?? 0
      etaSeconds = Swift.max(0, eta - Swift.max(0, age))
    }
  }

  /// The fraction of the nearer target: max(step / targetSteps, time / targetTime), clamped to 1.
  public static func progress(step: Int, time: Double, targetSteps: Int?, targetTime: Double?) -> Double? {
    var fractions: [Double] = []
    if let n = targetSteps, n > 0 { fractions.append(Double(step) / Double(n)) }
    if let t = targetTime, t > 0, time.isFinite { fractions.append(time / t) }
    return fractions.max().map { Swift.min(1, Swift.max(0, $0)) }
  }

  /// The text after "FAILED: " of the log's last failure line (the runner writes one).
  static func failure(inLog tail: String?) -> String? {
    guard let tail else { return nil }
    for line in tail.split(whereSeparator: \.isNewline).reversed() {
      if let range = line.range(of: "FAILED: ") { return String(line[range.upperBound...]) }
    }
    return nil
  }

  /// The config's name and stop settings; a config that does not parse (a syntax error, an
  /// unknown key) adds its error, and its name is still taken when the TOML itself reads.
  static func readConfig(_ text: String?, errors: inout [InputError]) -> (name: String?, until: Double?, maxSteps: Int?) {
    let file = RunFolder.configFile
    guard let text else {
      errors.append(InputError("expected the run's configuration file", file: file))
      return (nil, nil, nil)
    }
    do {
      let config = try SimulationConfig.parse(text, fileName: file)
      return (config.name, config.run.until, config.run.maxSteps)
    } catch {
      errors.append((error as? InputError) ?? InputError("\(error)", file: file))
      let name = (try? TOML.parse(text, fileName: file)).flatMap { try? $0.optionalString("name") }
      return (name, nil, nil)
    }
  }
}
