import Foundation
import XCTest

/// Runs the built `glovebox` executable as a subprocess, the way a user or a script would, so the
/// CLI tests exercise argument parsing, JSON output, stderr messages and exit codes end to end.
enum CLIRunner {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The stdout parsed as one JSON object.
    func json(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
      let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
      return try XCTUnwrap(object as? [String: Any], "stdout is not a JSON object: \(stdout.prefix(400))", file: file, line: line)
    }
  }

  /// The repository root, from this file's path (Tests/GloveboxTests/CLIRunner.swift).
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// The `glovebox` binary: next to the test bundle (the product `make test` builds in the same
  /// configuration), else `.build/release` or `.build/debug` of the repository.
  static func executable() throws -> URL {
    let manager = FileManager.default
    var candidates: [URL] = []
    let bundleFolder = Bundle.main.bundleURL
    candidates.append(bundleFolder.appendingPathComponent("glovebox"))
    if let first = CommandLine.arguments.first {
      let testBinary = URL(fileURLWithPath: first).resolvingSymlinksInPath()
      candidates.append(testBinary.deletingLastPathComponent().appendingPathComponent("glovebox"))
      // macOS-style bundles: .build/release/X.xctest/Contents/MacOS/X
      candidates.append(
        testBinary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
          .deletingLastPathComponent().appendingPathComponent("glovebox"))
    }
    for configuration in ["release", "debug"] {
      candidates.append(repositoryRoot.appendingPathComponent(".build/\(configuration)/glovebox"))
    }
    for candidate in candidates where manager.isExecutableFile(atPath: candidate.path) {
      var isFolder: ObjCBool = false
      if manager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
        return candidate
      }
    }
    throw XCTSkip("glovebox executable not built (looked in \(candidates.map(\.path)))")
  }

  /// Runs `glovebox arguments…` in `directory` (default: the repository root) and waits. Output
  /// goes to temporary files, not pipes, so a large document cannot fill a pipe and block.
  static func run(_ arguments: [String], in directory: URL? = nil,
                  environment: [String: String] = [:]) throws -> Result {
    let manager = FileManager.default
    let capture = manager.temporaryDirectory.appendingPathComponent("glovebox-cli-out-\(UUID().uuidString)")
    try manager.createDirectory(at: capture, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: capture) }
    let outURL = capture.appendingPathComponent("stdout")
    let errURL = capture.appendingPathComponent("stderr")
    _ = manager.createFile(atPath: outURL.path, contents: nil)
    _ = manager.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = try executable()
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    process.currentDirectoryURL = directory ?? repositoryRoot
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }

  /// A fresh temporary folder, removed by the caller's tearDown block.
  static func temporaryFolder(_ test: XCTestCase) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "glovebox-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
  }

  static func number(_ value: Any?) -> Double? {
    (value as? NSNumber)?.doubleValue ?? (value as? Double)
  }
}
