import Foundation
import XCTest

/// What the sim CLI tests ask of a run folder and of a glovebox process they start, in one place
/// (six test classes had their own copies).
extension XCTestCase {
  /// status.json of `folder` as a dictionary (it is replaced atomically, so any read is whole).
  func status(_ folder: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: folder.appendingPathComponent("status.json"))
    return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Waits until status.json satisfies `condition`; a time-out is an error (a failure, not a skip).
  func waitForStatus(_ folder: URL, seconds: Double = 120, _ condition: ([String: Any]) -> Bool) throws -> [String: Any] {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let s = try? status(folder), condition(s) { return s }
      Thread.sleep(forTimeInterval: 0.02)
    }
    throw CLIWaitTimeout("status.json of \(folder.path) did not reach the expected state in \(seconds) s")
  }

  /// Starts `glovebox arguments…` without waiting (output to /dev/null).
  func start(_ arguments: [String], environment: [String: String]) throws -> Process {
    let process = Process()
    process.executableURL = try CLIRunner.executable()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }
}
