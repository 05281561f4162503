import Foundation
import XCTest
@testable import Engine
import Formats

/// Merging run and scheduler states, observables from metrics rows, sweep.json and the CSV.
final class SweepStateTests: XCTestCase {
  func testMergeTable() {
    typealias S = SweepPointState
    // a finished run is finished whatever the scheduler says
    XCTAssertEqual(S.merge(run: .finished, task: .cancelled, poolAlive: false), .finished)
    // a task the scheduler holds: queued or running (a run on another node looks stale from here)
    XCTAssertEqual(S.merge(run: nil, task: .queued, poolAlive: false), .queued)
    XCTAssertEqual(S.merge(run: .stale, task: .running, poolAlive: false), .running)
    XCTAssertEqual(S.merge(run: .paused, task: .running, poolAlive: false), .paused)
    // an ended task's cause wins over the run's own "stopped by SIGTERM"
    XCTAssertEqual(S.merge(run: .stopped, task: .cancelled, poolAlive: false), .cancelled)
    XCTAssertEqual(S.merge(run: .stopped, task: .timedOut, poolAlive: false), .timedOut)
    XCTAssertEqual(S.merge(run: .running, task: .failed, poolAlive: false), .failed)
    // a task that completed without a status file never started its run
    XCTAssertEqual(S.merge(run: nil, task: .completed, poolAlive: false), .failed)
    // local: no status yet is queued while the pool lives, pending otherwise
    XCTAssertEqual(S.merge(run: nil, task: nil, poolAlive: true), .queued)
    XCTAssertEqual(S.merge(run: nil, task: nil, poolAlive: false), .pending)
    XCTAssertEqual(S.merge(run: .stale, task: nil, poolAlive: false), .stale)
    XCTAssertEqual(S.allCases.filter(\.needsResume), [.pending, .stopped, .cancelled, .timedOut, .failed, .stale, .unknown])
    XCTAssertEqual(SlurmTaskState(slurm: "CANCELLED by 0"), .cancelled)
    XCTAssertEqual(SlurmTaskState(slurm: "COMPLETING"), .running)
    XCTAssertNil(SlurmTaskState(slurm: "WHATEVER"))
  }

  func testObservablesInterpolateAndNeverExtrapolate() {
    let columns = ["step", "time_s", "li_area_fraction", "tip_height_um"]
    let rows: [[Double?]] = [[0, 0, 0.10, 1.0], [10, 1, 0.12, 1.5], [20, 2, 0.16, 2.5], [30, 3, nil, .nan]]
    let o = SweepObservables(columns: columns, rows: rows, at: 1.5, crossing: 2.0)
    XCTAssertEqual(o.finalTime, 3)
    XCTAssertEqual(o.finalTipHeight, 2.5)  // the last row's NaN is skipped
    XCTAssertEqual(o.finalLiArea, 0.16)
    // at t = 1.5 s: halfway between rows 1 and 2 → (1.5 + 2.5)/2 = 2.0 µm and (0.12 + 0.16)/2 = 0.14
    XCTAssertEqual(o.tipHeightAt ?? -1, 2.0, accuracy: 1e-12)
    XCTAssertEqual(o.liAreaAt ?? -1, 0.14, accuracy: 1e-12)
    // 2.0 µm is crossed between t = 1 (1.5 µm) and t = 2 (2.5 µm): t = 1 + (2.0 − 1.5)/(2.5 − 1.5) = 1.5 s
    XCTAssertEqual(o.crossingTime ?? -1, 1.5, accuracy: 1e-12)
    let outside = SweepObservables(columns: columns, rows: rows, at: 7, crossing: 9)
    XCTAssertNil(outside.tipHeightAt)
    XCTAssertNil(outside.crossingTime)
    XCTAssertNil(SweepObservables(columns: ["step"], rows: [[1]]).finalTime)
  }

  func point(_ value: Double, _ index: Int) -> SweepPoint {
    SweepPoint(index: index, parameters: [SweepParameter(key: "physics.electrode_potential", value: .float(value))],
               folder: SweepSpec.folderName(index: index, count: 2), config: SimulationConfig())
  }

  func testIndexRoundTripsAndRejectsForeignFiles() throws {
    var index = SweepIndex(name: "s", sweepFile: "/s.toml", base: "/b.toml", executor: .slurm, keys: ["physics.electrode_potential"],
                           runOverrides: ["--grid", "64"], slurm: SlurmResources(), processes: nil, points: [point(-0.1, 0), point(-0.25, 1)])
    index.submissions.append(SweepIndex.Submission(jobId: "12", indices: [0, 1]))
    let decoded = try SweepIndex.decode(try index.encoded())
    XCTAssertEqual(decoded, index)
    XCTAssertEqual(decoded.points[1].parameters["physics.electrode_potential"], .number(-0.25))
    func rejects(_ text: String, _ fragment: String, line: UInt = #line) {
      XCTAssertThrowsError(try SweepIndex.decode(Data(text.utf8), fileName: "sw/sweep.json"), line: line) { error in
        XCTAssertEqual((error as? InputError)?.file, "sw/sweep.json", line: line)
        XCTAssertTrue("\(error)".contains(fragment), "\(error)", line: line)
      }
    }
    let text = String(decoding: try index.encoded(), as: UTF8.self)
    rejects(String(text.prefix(text.count / 2)), "not a sweep index")  // torn
    rejects("{}", "not a sweep index")
    rejects(text.replacingOccurrences(of: "\"p001\"", with: "\"..\""), "plain folder name")
    rejects(text.replacingOccurrences(of: "\"index\" : 1", with: "\"index\" : 5"), "expected 1")
    rejects(text.replacingOccurrences(of: "\"state\" : \"pending\"", with: "\"state\" : \"sleeping\""), "not a sweep index")
  }

  func testCSVHasOneRowPerPointAndEmptyCellsForUnknownValues() {
    let observables = SweepObservables(columns: ["time_s", "tip_height_um", "li_area_fraction"], rows: [[0, 1, 0.1], [2, 3, 0.2]], at: 1)
    let points = [
      SweepPointSummary(index: 0, folder: "p000", parameters: [.number(-0.1)], state: .finished, reason: nil, step: 20,
                        observables: observables, problems: []),
      SweepPointSummary(index: 1, folder: "p001", parameters: [.number(-0.2)], state: .pending, reason: nil, step: nil,
                        observables: SweepObservables(columns: [], rows: []), problems: []),
    ]
    let csv = SweepSummaryTable.csv(points, keys: ["physics.electrode_potential"], at: 1, crossing: nil)
    XCTAssertEqual(csv, """
      index,folder,physics.electrode_potential,state,step,final_time_s,final_tip_height_um,final_li_area_fraction,tip_height_um_at_1.0s,li_area_fraction_at_1.0s
      0,p000,-0.1,finished,20,2.0,3.0,0.2,2.0,0.15000000000000002
      1,p001,-0.2,pending,,,,,,

      """)
  }
}
