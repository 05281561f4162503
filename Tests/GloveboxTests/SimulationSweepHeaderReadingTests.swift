@testable import Engine
import Foundation
import Workbench
import XCTest

@testable import glovebox

/// The pane's view of a sweep that has not started: sweep.json alone, read by the runtime's
/// jobs (`.sweepHeaders` for the list, `.sweep` when opened), with no run folder to go by.
final class SimulationSweepHeaderReadingTests: XCTestCase {
  var workspace = ""

  override func setUpWithError() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-sweepheader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sweeps/q"), withIntermediateDirectories: true)
    workspace = dir.path
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: workspace)
  }

  func perform(_ job: SimulationJob) throws -> SimulationJobResult {
    let result = PaneJobRunner(workspace: workspace).perform(.simulation(job), context: JobContext())
    guard case .simulation(let done, let outcome) = result else { throw EffectFailure("another pane's result: \(result)") }
    XCTAssertEqual(done, job)
    return try outcome.get()
  }

  /// A local sweep folder as `sim sweep` makes it, before its pool has started any point:
  /// sweep.json and one folder per point holding only config.toml.
  func writeUnstartedSweep(states: SweepPointState) throws {
    let potentials = [-0.1, -0.15, -0.2, -0.25]
    let points = potentials.indices.map { i in
      SweepPoint(index: i, parameters: [SweepParameter(key: "physics.electrode_potential", value: .float(potentials[i]))],
                 folder: SweepSpec.folderName(index: i, count: 4), config: SimulationConfig())
    }
    var index = SweepIndex(name: "pot", sweepFile: "/s.toml", base: "/b.toml", executor: .local, keys: ["physics.electrode_potential"],
                           runOverrides: [], slurm: nil, processes: 2, points: points)
    index.points = index.points.map { var e = $0; e.state = states; return e }
    let folder = URL(fileURLWithPath: workspace).appendingPathComponent("sweeps/q")
    for point in points {
      let run = folder.appendingPathComponent(point.folder)
      try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
      try Data(point.config.tomlText().utf8).write(to: run.appendingPathComponent(RunFolder.configFile))
    }
    try index.encoded().write(to: folder.appendingPathComponent(SweepIndex.fileName))
  }

  func testTheHeaderOfAnUnstartedSweepListsEveryPoint() throws {
    try writeUnstartedSweep(states: .pending)
    guard case .sweepHeaders(let headers) = try perform(.sweepHeaders(paths: ["sweeps/q"])) else { return XCTFail("not headers") }
    let header = try XCTUnwrap(headers.first)
    XCTAssertEqual(header.path, "sweeps/q")
    XCTAssertEqual(header.name, "pot")
    XCTAssertEqual(header.executor, "local")
    XCTAssertEqual(header.points.map(\.folder), ["p000", "p001", "p002", "p003"])
    XCTAssertEqual(header.points.map(\.state), [.pending, .pending, .pending, .pending])
    XCTAssertNil(header.problem)
    XCTAssertNotNil(header.lastWrite)
    // opened: every point from sweep.json, pending (no pool, no run folder), nothing rewritten
    let before = try Data(contentsOf: URL(fileURLWithPath: workspace).appendingPathComponent("sweeps/q/sweep.json"))
    guard case .sweep(let sweep) = try perform(.sweep(path: "sweeps/q")) else { return XCTFail("not a sweep") }
    XCTAssertEqual(sweep.points.map(\.state), [.pending, .pending, .pending, .pending])
    XCTAssertEqual(sweep.points.map { $0.parameters.first?.number }, [-0.1, -0.15, -0.2, -0.25])
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: workspace).appendingPathComponent("sweeps/q/sweep.json")), before)
  }

  func testATornOrMissingSweepJSONIsAHeaderWithItsProblem() throws {
    try Data("{\"version\": 1, \"na".utf8).write(to: URL(fileURLWithPath: workspace).appendingPathComponent("sweeps/q/sweep.json"))
    guard case .sweepHeaders(let headers) = try perform(.sweepHeaders(paths: ["sweeps/q", "sweeps/gone"])) else {
      return XCTFail("not headers")
    }
    XCTAssertEqual(headers.map(\.path), ["sweeps/q", "sweeps/gone"])
    XCTAssertTrue(headers[0].problem?.hasPrefix("sweeps/q/sweep.json") == true && headers[0].problem?.contains("not a sweep index") == true,
                  "\(headers[0])")
    XCTAssertEqual(headers[1].problem, "sweeps/gone/sweep.json: cannot be read")
    XCTAssertEqual(headers.map(\.points.count), [0, 0])
  }
}
