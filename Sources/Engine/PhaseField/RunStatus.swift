import Foundation
import Formats

/// DIR/status.json: what the run's process last said about itself. Replaced atomically by the
/// run about once a second and at every change of state.
public struct RunStatus: Codable, Sendable, Equatable {
  public enum State: String, Codable, Sendable, CaseIterable { case running, paused, finished, stopped, failed }
  public var state: State
  public var step: Int
  /// Simulated time (s).
  public var time: Double
  /// Wall-clock seconds spent in this process.
  public var wallSeconds: Double
  /// Estimated wall-clock seconds to the stop condition, when one is known.
  public var etaSeconds: Double?
  public var pid: Int32
  public var message: String?
  public var checkpoint: String?
  /// The total step count this process stops at (`--steps` or `run.max_steps`), when it has one.
  public var targetSteps: Int?
  /// The simulated time (s) this process stops at (`--until` or `run.until`), when it has one.
  public var targetTime: Double?
  /// The step this process started from (its steps per second are (step − startStep) / wallSeconds).
  public var startStep: Int?

  public init(state: State, step: Int, time: Double, wallSeconds: Double, etaSeconds: Double? = nil,
              pid: Int32, message: String? = nil, checkpoint: String? = nil,
              targetSteps: Int? = nil, targetTime: Double? = nil, startStep: Int? = nil) {
    self.state = state
    self.step = step
    self.time = time
    self.wallSeconds = wallSeconds
    self.etaSeconds = etaSeconds
    self.pid = pid
    self.message = message
    self.checkpoint = checkpoint
    self.targetSteps = targetSteps
    self.targetTime = targetTime
    self.startStep = startStep
  }

  enum CodingKeys: String, CodingKey {
    case state, step, time, pid, message, checkpoint
    case wallSeconds = "wall_seconds"
    case etaSeconds = "eta_seconds"
    case targetSteps = "target_steps"
    case targetTime = "target_time"
    case startStep = "start_step"
  }

  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads status.json. Members this version does not know are skipped (the file is a report
  /// written by a run, not a setting, and a newer glovebox may say more); a missing required
  /// member, a value of the wrong kind or out of range, or a torn file is an error.
  /// - Throws: `InputError` naming the file and the line of the problem.
  public static func decode(_ data: Data, fileName: String? = nil) throws -> RunStatus {
    let object = try FlatJSONObject.parse(data, fileName: fileName)
    func fail(_ message: String, _ line: Int) -> InputError { InputError(message, file: fileName, line: line) }
    func required(_ key: String) throws -> FlatJSONObject.Member {
      guard let member = object.member(key) else {
        throw fail("expected a member \"\(key)\" in the run status", object.endLine)
      }
      return member
    }
    func number(_ member: FlatJSONObject.Member) throws -> Double {
      guard case .number(let v) = member.value else { throw fail("expected \"\(member.name)\" to be a number", member.line) }
      return v
    }
    func optionalNumber(_ key: String) throws -> Double? {
      guard let member = object.member(key), member.value != .null else { return nil }
      return try number(member)
    }
    func integer(_ member: FlatJSONObject.Member, _ range: ClosedRange<Double>) throws -> Double {
      let v = try number(member)
      guard v == v.rounded(), range.contains(v) else {
        throw fail("expected \"\(member.name)\" to be a whole number in \(Int(range.lowerBound))…\(Int(range.upperBound)), found \(v)", member.line)
      }
      return v
    }
    func optionalString(_ key: String) throws -> String? {
      guard let member = object.member(key), member.value != .null else { return nil }
      guard case .string(let s) = member.value else { throw fail("expected \"\(key)\" to be a string", member.line) }
      return s
    }
    let stateMember = try required("state")
    guard case .string(let stateText) = stateMember.value, let state = State(rawValue: stateText) else {
      throw fail("expected \"state\" to be one of \(State.allCases.map(\.rawValue).joined(separator: ", "))", stateMember.line)
    }
    let stepLimit = 9.0e15  // exactly representable, far beyond any run
    let step = Int(try integer(try required("step"), 0...stepLimit))
    let time = try number(try required("time"))
    let wall = try number(try required("wall_seconds"))
    let pid = Int32(try integer(try required("pid"), 0...Double(Int32.max)))
    func optionalStep(_ key: String) throws -> Int? {
      guard let member = object.member(key), member.value != .null else { return nil }
      return Int(try integer(member, 0...stepLimit))
    }
    return RunStatus(state: state, step: step, time: time, wallSeconds: wall,
                     etaSeconds: try optionalNumber("eta_seconds"), pid: pid,
                     message: try optionalString("message"), checkpoint: try optionalString("checkpoint"),
                     targetSteps: try optionalStep("target_steps"), targetTime: try optionalNumber("target_time"),
                     startStep: try optionalStep("start_step"))
  }
}
