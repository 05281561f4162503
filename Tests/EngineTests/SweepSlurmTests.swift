import Foundation
import XCTest
@testable import Engine
import Formats

/// The batch script and the readers of Slurm's replies (texts as Slurm 22.05 prints them).
final class SweepSlurmTests: XCTestCase {
  func testArraySpecCompressesIndicesIntoRanges() {
    XCTAssertEqual(SlurmBatchScript.arraySpec([0, 1, 2, 3], maxParallel: nil), "0-3")
    XCTAssertEqual(SlurmBatchScript.arraySpec([0, 1, 2, 3], maxParallel: 2), "0-3%2")
    XCTAssertEqual(SlurmBatchScript.arraySpec([3, 1, 4, 5, 6, 9], maxParallel: nil), "1,3-6,9")
    XCTAssertEqual(SlurmBatchScript.arraySpec([7], maxParallel: 1), "7%1")
  }

  func testScriptRunsPointIOfTheSweepAndResumesACheckpoint() {
    var resources = SlurmResources()
    resources.partition = "debug"
    resources.time = "00:10:00"
    resources.memory = "1G"
    resources.cpusPerTask = 1
    let script = SlurmBatchScript(executable: "/opt/it's/glovebox", sweepFolder: "/scratch/sw", name: "pot scan", indices: [1, 3],
                                  pointCount: 1200, resources: resources).text
    let lines = script.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "#!/bin/bash")
    for expected in ["#SBATCH --job-name=glovebox-pot_scan", "#SBATCH --array=1,3", "#SBATCH --output=/scratch/sw/slurm/%A_%a.out",
                     "#SBATCH --partition=debug", "#SBATCH --time=00:10:00", "#SBATCH --mem=1G", "#SBATCH --cpus-per-task=1",
                     "GLOVEBOX='/opt/it'\\''s/glovebox'", "SWEEP='/scratch/sw'",
                     // 1200 points: four digits (p0000 … p1199), as SweepSpec.folderName
                     "RUN=\"$SWEEP/$(printf 'p%04d' \"$SLURM_ARRAY_TASK_ID\")\"",
                     "THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"", "  exec \"$GLOVEBOX\" sim resume \"$RUN\" --threads \"$THREADS\"",
                     "  exec \"$GLOVEBOX\" sim run \"$RUN/config.toml\" --out \"$RUN\" --threads \"$THREADS\""] {
      XCTAssertTrue(lines.contains(expected), "missing \(expected) in\n\(script)")
    }
    XCTAssertEqual(SweepSpec.folderName(index: 7, count: 1200), "p0007")
    XCTAssertEqual(SweepSpec.folderName(index: 7, count: 4), "p007")
    // nothing the user did not ask for
    XCTAssertFalse(SlurmBatchScript(executable: "/g", sweepFolder: "/s", name: "n", indices: [0], pointCount: 1, resources: SlurmResources())
      .text.contains("--partition"))
  }

  func testSbatchSqueueAndSacctReplies() {
    XCTAssertEqual(SlurmReplies.jobId(fromSbatch: "5\n"), "5")
    XCTAssertEqual(SlurmReplies.jobId(fromSbatch: "1234;cluster\n"), "1234")
    XCTAssertNil(SlurmReplies.jobId(fromSbatch: "sbatch: error: invalid partition specified: x\n"))
    // squeue --array --noheader --format="%i %T" (a pending remainder may come compressed)
    let queue = SlurmReplies.squeue("5_0 RUNNING\n5_1 RUNNING\n5_[2-3%2] PENDING\n9 PENDING\n")
    XCTAssertEqual(queue[.init(job: "5", task: 0)], .running)
    XCTAssertEqual(queue[.init(job: "5", task: 2)], .queued)
    XCTAssertEqual(queue[.init(job: "5", task: 3)], .queued)
    XCTAssertEqual(queue.count, 4)  // "9" is not an array task
    // sacct --parsable2 --format=JobID,State: step lines skipped, "CANCELLED by 0" read by its first word
    let ended = SlurmReplies.sacct("7_0|COMPLETED\n7_0.batch|COMPLETED\n7_1|CANCELLED by 0\n7_2|TIMEOUT\n7_3|OUT_OF_MEMORY\n")
    XCTAssertEqual(ended[.init(job: "7", task: 0)], .completed)
    XCTAssertEqual(ended[.init(job: "7", task: 1)], .cancelled)
    XCTAssertEqual(ended[.init(job: "7", task: 2)], .timedOut)
    XCTAssertEqual(ended[.init(job: "7", task: 3)], .failed)
  }

  func testTaskOutputFilesTellCancellationAndTimeOut() {
    // the line slurmstepd wrote for `scancel 5_1` on this machine's single-node Slurm
    XCTAssertEqual(SlurmReplies.ending(fromTaskOutput: "slurmstepd-vm: error: *** JOB 7 ON vm CANCELLED AT 2026-12-07T23:49:50 ***\n"),
                   .cancelled)
    XCTAssertEqual(SlurmReplies.ending(fromTaskOutput: "x\nslurmstepd: error: *** JOB 8 ON n1 CANCELLED AT 2026-01-01T00:00:00 DUE TO TIME LIMIT ***\n"),
                   .timedOut)
    XCTAssertEqual(SlurmReplies.ending(fromTaskOutput: "slurmstepd: error: Detected 1 oom-kill event(s) in StepId=9.batch\n"), .failed)
    XCTAssertNil(SlurmReplies.ending(fromTaskOutput: "finished: step 67, t = 0.05 s\n"))
  }
}
