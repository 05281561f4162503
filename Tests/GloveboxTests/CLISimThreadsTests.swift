import XCTest

/// Issue 19 §2: `--threads N` on `sim run` and `sim resume`. The threads split only work whose
/// numbers do not depend on the split (`ParallelWork`), so a run on two threads writes the same
/// snapshot bytes as a run on one, and a run may resume on another thread count bit for bit.
final class CLISimThreadsTests: XCTestCase {
  private func checkpoint(_ folder: URL) throws -> Data {
    let name = try XCTUnwrap(try status(folder)["checkpoint"] as? String)
    return try Data(contentsOf: folder.appendingPathComponent("fields").appendingPathComponent(name))
  }

  func testTwoThreadsWriteTheSameSnapshotAsOne() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    // 64²: every FFT batch is cut into its 4 pieces and every row pass into two halves
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]
    var fields: [Data] = []
    for threads in [1, 2] {
      let out = temporary.appendingPathComponent("t\(threads)")
      let run = try CLIRunner.run(["sim", "run", model, "--out", out.path, "--grid", "64", "--steps", "15",
                                   "--threads", "\(threads)", "--json"], environment: wisdom)
      XCTAssertEqual(run.status, 0, run.stderr)
      XCTAssertEqual(CLIRunner.number(try status(out)["step"]), 15)
      fields.append(try checkpoint(out))
    }
    XCTAssertGreaterThan(fields[0].count, 10_000)
    XCTAssertEqual(fields[0], fields[1], "the 2-thread snapshot differs from the 1-thread one")

    // 8 steps on two threads, then 7 on one: the same bytes again
    let split = temporary.appendingPathComponent("split")
    let first = try CLIRunner.run(["sim", "run", model, "--out", split.path, "--grid", "64", "--steps", "8",
                                   "--threads", "2", "--json"], environment: wisdom)
    XCTAssertEqual(first.status, 0, first.stderr)
    let resumed = try CLIRunner.run(["sim", "resume", split.path, "--steps", "7", "--threads", "1", "--json"],
                                    environment: wisdom)
    XCTAssertEqual(resumed.status, 0, resumed.stderr)
    XCTAssertEqual(try checkpoint(split), fields[0], "resumed on another thread count")
  }

  func testThreadCountIsRangeChecked() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    let out = temporary.appendingPathComponent("zero")
    let run = try CLIRunner.run(["sim", "run", model, "--out", out.path, "--grid", "16", "--steps", "1",
                                 "--threads", "0"])
    XCTAssertNotEqual(run.status, 0)
    XCTAssertTrue(run.stderr.contains("--threads"), run.stderr)
  }
}
