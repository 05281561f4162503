import Foundation
import XCTest

import Formats
@testable import Engine

/// Threads × processes of a sweep: the default, the warning, the sweep file's `[local] threads`,
/// the record in sweep.json and the batch script.
final class SweepThreadsTests: XCTestCase {
  func testTheLocalDefaultIsCoresOverProcessesAndAChoiceIsKept() {
    XCTAssertEqual(SweepThreads.local(chosen: nil, processes: 2, cores: 2), 1)
    XCTAssertEqual(SweepThreads.local(chosen: nil, processes: 1, cores: 8), 8)
    XCTAssertEqual(SweepThreads.local(chosen: nil, processes: 3, cores: 8), 2)  // 8 ÷ 3 rounded down
    XCTAssertEqual(SweepThreads.local(chosen: nil, processes: 16, cores: 8), 1)  // never 0
    XCTAssertEqual(SweepThreads.local(chosen: 4, processes: 2, cores: 2), 4)
  }

  func testOversubscriptionIsAWarningNamingTheChoice() throws {
    XCTAssertNil(SweepThreads.oversubscription(threads: 1, processes: 2, cores: 2))
    XCTAssertNil(SweepThreads.oversubscription(threads: 4, processes: 2, cores: 8))
    let warning = try XCTUnwrap(SweepThreads.oversubscription(threads: 4, processes: 2, cores: 2))
    XCTAssertEqual(warning, "2 processes × 4 threads = 8 solver threads on 2 cores, as chosen; "
                   + "the points will share the cores (the default, cores ÷ processes, would be 1)")
    XCTAssertNotNil(SweepThreads.oversubscription(threads: 1024, processes: Int.max, cores: 2))  // no trap on the product
  }

  func spec(_ local: String) throws -> SweepSpec {
    try SweepSpec.parse("base = \"b\"\n[local]\n\(local)\n[vary]\n\"physics.electrode_potential\" = [1.0]", fileName: "s.toml")
  }

  func testTheSweepFilesLocalThreads() throws {
    XCTAssertEqual(try spec("threads = 2").threads, 2)
    XCTAssertNil(try spec("processes = 2").threads)
    for (bad, fragment) in [("threads = 0", "1…1024"), ("threads = -1", "1…1024"), ("threads = 1000000000", "1…1024"),
                            ("threads = 1e9", "integer"), ("threads = \"x\"", "integer")] {
      XCTAssertThrowsError(try spec(bad), bad) { error in
        let input = error as? InputError
        XCTAssertEqual(input?.file, "s.toml", "\(error)")
        XCTAssertEqual(input?.line, 3, "\(error)")
        XCTAssertTrue("\(error)".contains("threads") && "\(error)".contains(fragment), "\(bad): \(error)")
      }
    }
  }

  func testSweepJSONRecordsThreadsAndReadsAnIndexWrittenBeforeThem() throws {
    let point = SweepPoint(index: 0, parameters: [SweepParameter(key: "k.a", value: .float(1.5))], folder: "p000", config: SimulationConfig())
    var index = SweepIndex(name: "s", sweepFile: "/s.toml", base: "/b.toml", executor: .local, keys: ["k.a"], runOverrides: [],
                           slurm: nil, processes: 2, threads: 3, points: [point])
    index.submissions.append(SweepIndex.Submission(pid: 42, indices: [0], threads: 3, processes: 2))
    let text = String(decoding: try index.encoded(), as: UTF8.self)
    XCTAssertTrue(text.contains("\"threads\" : 3"), text)
    XCTAssertEqual(try SweepIndex.decode(Data(text.utf8)), index)
    // an index of the previous session has no threads anywhere: still read, threads unknown
    let old = text.replacingOccurrences(of: "\"threads\" : 3,", with: "").replacingOccurrences(of: ",\n      \"threads\" : 3", with: "")
    XCTAssertFalse(old.contains("threads"), old)
    let decoded = try SweepIndex.decode(Data(old.utf8))
    XCTAssertNil(decoded.threads)
    XCTAssertNil(decoded.submissions.first?.threads)
    // a recorded count outside 1…1024 is a foreign file
    XCTAssertThrowsError(try SweepIndex.decode(Data(text.replacingOccurrences(of: "\"threads\" : 3", with: "\"threads\" : 0").utf8),
                                               fileName: "sw/sweep.json")) { error in
      XCTAssertTrue("\(error)".hasPrefix("sw/sweep.json") && "\(error)".contains("1…1024"), "\(error)")
    }
  }

  func testTheBatchScriptRunsTheChosenThreadsElseTheTasksCPUs() {
    func script(_ threads: Int?) -> [String] {
      SlurmBatchScript(executable: "/g", sweepFolder: "/s", name: "n", indices: [0, 1], pointCount: 2, resources: SlurmResources(),
                       threads: threads).text.split(separator: "\n").map(String.init)
    }
    XCTAssertTrue(script(3).contains("THREADS=3"))
    XCTAssertFalse(script(3).contains { $0.contains("SLURM_CPUS_PER_TASK") })
    XCTAssertTrue(script(nil).contains("THREADS=\"${SLURM_CPUS_PER_TASK:-1}\""))
  }
}
