import Foundation

/// A scheduler command (sbatch, squeue, sacct, scancel) run as a child process: found on PATH,
/// output captured through files (a large answer cannot block on a full pipe).
enum ExternalTool {
  struct Reply {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The executable's path on PATH, nil when it is not there.
  static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = String(folder) + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs `name arguments…` and waits (at most `timeout` seconds; then it is killed and the
  /// reply says so). nil when the tool is not on PATH.
  static func run(_ name: String, _ arguments: [String], standardInput: Data? = nil, timeout: Double = 60) throws -> Reply? {
    guard let executable = find(name) else { return nil }
    let manager = FileManager.default
    let folder = manager.temporaryDirectory.appendingPathComponent("glovebox-tool-\(getpid())-\(UUID().uuidString)")
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err"), input = folder.appendingPathComponent("in")
    _ = manager.createFile(atPath: out.path, contents: nil)
    _ = manager.createFile(atPath: err.path, contents: nil)
    _ = manager.createFile(atPath: input.path, contents: standardInput ?? Data())
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    let inHandle = try FileHandle(forReadingFrom: input)
    defer {
      try? outHandle.close()
      try? errHandle.close()
      try? inHandle.close()
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = inHandle
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
      if Date() > deadline {
        process.terminate()
        process.waitUntilExit()
        return Reply(status: -1, stdout: "", stderr: "\(name) did not answer within \(Int(timeout)) s")
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return Reply(status: process.terminationStatus,
                 stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
                 stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
  }
}
