import Foundation
import XCTest

/// A run folder has one owner (issue 12 §3): while a run steps in it, a second `sim run` on the
/// same folder is refused with the owner's pid, and nothing of the first run is touched.
final class CLISimLockTests: XCTestCase {
  let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path

  private func readableStatus(_ folder: URL) -> [String: Any]? {
    guard let data = try? Data(contentsOf: folder.appendingPathComponent("status.json")) else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
  }

  func testASecondRunOnAFolderInUseIsRefused() throws {
    let workspace = try CLIRunner.temporaryFolder(self)
    let folder = workspace.appendingPathComponent("run")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": workspace.appendingPathComponent("fftw-wisdom").path]
    let started = try CLIRunner.run(
      ["sim", "run", model, "--out", folder.path, "--grid", "32", "--steps", "1000000", "--until", "100000", "--detach", "--json"],
      environment: wisdom)
    XCTAssertEqual(started.status, 0, started.stderr)
    let pid = Int32(try XCTUnwrap(CLIRunner.number(try started.json()["pid"])))
    defer { kill(pid, SIGTERM) }
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline, (CLIRunner.number(readableStatus(folder)?["step"]) ?? 0) == 0 { Thread.sleep(forTimeInterval: 0.05) }
    XCTAssertGreaterThan(CLIRunner.number(readableStatus(folder)?["step"]) ?? 0, 0, "the first run is stepping")
    let configBefore = try Data(contentsOf: folder.appendingPathComponent("config.toml"))

    // A second run on the same folder: refused for the lock, before it looks at the snapshots
    // (the refusal does not depend on whether the first has written one yet).
    let second = try CLIRunner.run(["sim", "run", model, "--out", folder.path, "--grid", "32", "--steps", "5"], environment: wisdom)
    XCTAssertEqual(second.status, 2, second.stdout)
    XCTAssertTrue(second.stderr.contains("\(folder.path): in use by another glovebox process (pid \(pid))"), second.stderr)
    XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("config.toml")), configBefore, "the first run's config is untouched")
    let detached = try CLIRunner.run(["sim", "run", model, "--out", folder.path, "--grid", "32", "--detach"], environment: wisdom)
    XCTAssertEqual(detached.status, 2, detached.stdout)
    XCTAssertTrue(detached.stderr.contains("in use by another glovebox process"), detached.stderr)
  }
}
