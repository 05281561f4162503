import Foundation
import XCTest

/// A run folder on a 2 MB tmpfs that its snapshots overflow: the run ends `failed` with the
/// reason in words in status.json, the log and stderr, exits non-zero, keeps its earlier
/// snapshots whole and leaves no temporary file.
///
/// Mounting needs root. CI runs as root, so there a mount that fails is a test failure (with
/// mount's message); run as another user the test is skipped, saying why.
final class CLISimDiskFullTests: XCTestCase {
  struct MountFailed: Error {}

  private func mountTmpfs(at folder: URL, size: String) throws {
    guard getuid() == 0 else { throw XCTSkip("mounting a tmpfs needs root (uid \(getuid())); CI runs this as root") }
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/bin/mount")
    mount.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path]
    let errors = Pipe()
    mount.standardError = errors
    try mount.run()
    mount.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    guard mount.terminationStatus == 0 else {
      // As root the mount must work (CI); a failure here is the test's, not a reason to skip.
      XCTFail("mount -t tmpfs -o size=\(size) failed as root (status \(mount.terminationStatus)): \(message)")
      throw MountFailed()
    }
    addTeardownBlock {
      let umount = Process()
      umount.executableURL = URL(fileURLWithPath: "/bin/umount")
      umount.arguments = [folder.path]
      try? umount.run()
      umount.waitUntilExit()
    }
  }

  func testAFullDiskFailsTheRunInWords() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let disk = temporary.appendingPathComponent("disk")
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    try mountTmpfs(at: disk, size: "2m")
    let out = disk.appendingPathComponent("run")
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    // A 32² snapshot is about 80 KB: an output every 0.002 s up to t = 1 s would be ~500 of them.
    let result = try CLIRunner.run(["sim", "run", model, "--out", out.path, "--grid", "32", "--until", "1", "--output-interval", "0.002"],
                                   environment: ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path])
    print("disk full, exit \(result.status); stdout: \(result.stdout)stderr: \(result.stderr)")
    XCTAssertEqual(result.status, 3, "a failed run exits 3")
    let pattern = "no space left on device while writing "
    XCTAssertTrue(result.stderr.contains(pattern), result.stderr)

    let status = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("status.json"))) as? [String: Any]
    XCTAssertEqual(status?["state"] as? String, "failed")
    let message = status?["message"] as? String ?? ""
    XCTAssertTrue(message.hasPrefix(pattern) && message.contains("(wrote "), message)
    XCTAssertFalse(message.contains("NSCocoaErrorDomain") || message.contains("Error Domain"), message)
    let log = try String(contentsOf: out.appendingPathComponent("log.txt"), encoding: .utf8)
    XCTAssertTrue(log.contains("FAILED: " + pattern), log)

    let manager = FileManager.default
    let fields = try manager.contentsOfDirectory(atPath: out.appendingPathComponent("fields").path)
    let all = try manager.contentsOfDirectory(atPath: out.path) + fields
    XCTAssertEqual(all.filter { $0.hasPrefix(".partial-") || $0.hasPrefix(".dat.nosync") }, [], "no temporary file is left")
    let snapshots = fields.filter { $0.hasPrefix("step_") && $0.hasSuffix(".vti") }.sorted()
    XCTAssertGreaterThan(snapshots.count, 3, "snapshots were written before the disk filled")
    for name in snapshots {
      let text = try String(contentsOf: out.appendingPathComponent("fields/\(name)"), encoding: .utf8)
      XCTAssertTrue(text.hasSuffix("</VTKFile>\n"), "\(name) is whole")
    }
    XCTAssertEqual(status?["checkpoint"] as? String, snapshots.last)
  }
}
