import Foundation
import XCTest

/// A torn latest snapshot (power loss, full disk) and the temporary file of a killed write
/// (issue 12 §3): resume says so, removes the leftover, sets the torn file aside and continues
/// from the newest complete snapshot, without writing any metrics row twice.
final class CLISimTornSnapshotTests: XCTestCase {
  func testResumeFallsBackFromATornSnapshot() throws {
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    let workspace = try CLIRunner.temporaryFolder(self)
    let folder = workspace.appendingPathComponent("run")
    let fields = folder.appendingPathComponent("fields")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": workspace.appendingPathComponent("fftw-wisdom").path]
    let first = try CLIRunner.run(
      ["sim", "run", model, "--out", folder.path, "--grid", "32", "--steps", "300", "--output-interval", "0.1"], environment: wisdom)
    XCTAssertEqual(first.status, 0, first.stderr)
    let snapshots = try FileManager.default.contentsOfDirectory(atPath: fields.path).filter { $0.hasSuffix(".vti") }.sorted()
    XCTAssertGreaterThanOrEqual(snapshots.count, 3)
    let latest = try XCTUnwrap(snapshots.last), previous = snapshots[snapshots.count - 2]
    let previousStep = try XCTUnwrap(Int(previous.dropFirst(5).dropLast(4)))
    // Tear the latest in half; leave a killed write's temporary file beside it.
    let whole = try Data(contentsOf: fields.appendingPathComponent(latest))
    try whole.prefix(whole.count / 2).write(to: fields.appendingPathComponent(latest))
    try Data("partial".utf8).write(to: fields.appendingPathComponent(".dat.nosyncXYZ"))

    let resumed = try CLIRunner.run(["sim", "resume", folder.path, "--steps", "10", "--json"], environment: wisdom)
    XCTAssertEqual(resumed.status, 0, resumed.stderr)
    XCTAssertTrue(resumed.stderr.contains("snapshot \(latest) cannot be read"), resumed.stderr)
    XCTAssertTrue(resumed.stderr.contains("resuming from \(previous)"), resumed.stderr)
    XCTAssertEqual(CLIRunner.number(try resumed.json()["step"]), Double(previousStep + 10))
    let after = try FileManager.default.contentsOfDirectory(atPath: fields.path)
    XCTAssertFalse(after.contains(".dat.nosyncXYZ"), "the leftover is removed")
    XCTAssertTrue(after.contains(latest + ".torn"), "the torn snapshot is set aside, not deleted")
    let log = try String(contentsOf: folder.appendingPathComponent("log.txt"), encoding: .utf8)
    XCTAssertTrue(log.contains("removed 1 leftover temporary snapshot file(s)"), log)
    // One metrics row per output time: the steps are strictly increasing.
    let metrics = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
    let steps = metrics.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ",").first ?? "") }
    XCTAssertEqual(steps, steps.sorted())
    XCTAssertEqual(Set(steps).count, steps.count, "no row written twice: \(steps)")
    XCTAssertEqual(steps.last, previousStep + 10)
  }
}
