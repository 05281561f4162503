import Foundation
import XCTest

@testable import glovebox

/// The workspace index on temporary folders: what the walk records and skips, changes noticed
/// by inotify and by the polling fallback, and the parse cache.
final class WorkspaceIndexTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-index-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func started(_ options: WorkspaceIndex.Options = .init()) -> WorkspaceIndex {
    let index = WorkspaceIndex(root: root.path, options: options)
    index.start()
    XCTAssertTrue(index.waitUntilComplete(timeout: 10))
    addTeardownBlock { index.stop() }
    return index
  }

  static let eis = "frequency_hz,z_real_ohm,z_imag_ohm\n1e5,10,-1\n"
  static let cycler = "Test Time / s,Voltage / V,Current / A\n0,0.01,1e-4\n"

  /// Waits up to 2 s for `condition` (the brief's bound for noticing a change).
  func eventually(_ what: String, _ condition: () -> Bool) {
    let deadline = Date().addingTimeInterval(2)
    while Date() < deadline {
      if condition() { return }
      Thread.sleep(forTimeInterval: 0.005)
    }
    XCTFail("not within 2 s: \(what)")
  }

  func testTheWalkRecordsKindsAndSkipsHiddenBuildAndRunFolderContents() throws {
    try write("recipes/LPSC.toml", "name = \"LPSC\"\n")
    try write("data/b/cell.csv", Self.eis)
    try write("data/a/cycle.csv", Self.cycler)
    try write("notes.md", "# notes\n")
    try write(".git/HEAD", "ref: refs/heads/main\n")
    try write(".build/debug/x.csv", Self.eis)
    try write(".hidden.csv", Self.eis)
    try write("runs/r1/status.json", "{\"state\":\"running\"}\n")
    try write("runs/r1/metrics.csv", Self.cycler)
    try write("runs/r1/fields/step-1.vti", "<VTKFile/>")
    let index = started()
    XCTAssertEqual(index.count, 5, "recipe, two tables, notes and the run folder; nothing hidden or inside the run")
    XCTAssertEqual(index.files(of: .recipe), ["recipes/LPSC.toml"])
    XCTAssertEqual(index.files(of: .impedance), ["data/b/cell.csv"])
    XCTAssertEqual(index.files(of: .cycling), ["data/a/cycle.csv"])
    XCTAssertEqual(index.files(of: .other), ["notes.md"])
    XCTAssertEqual(index.files(of: .runFolder), ["runs/r1"])
    let status = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("runs/r1/status.json").path)
    XCTAssertEqual(index.entry("runs/r1")?.stamp.size, (status[.size] as? NSNumber)?.int64Value, "stamped by its status.json")
    XCTAssertEqual(index.drainChanges(), [], "the first walk is the baseline, not a list of changes")
    XCTAssertEqual(index.mode, .inotify)
  }

  func testFilesOfAKindAreSortedByPath() throws {
    for name in ["b.csv", "a/z.csv", "A.csv", "a.csv"] { try write(name, Self.eis) }
    XCTAssertEqual(started().files(of: .impedance), ["A.csv", "a.csv", "a/z.csv", "b.csv"])
  }

  func testInotifyNoticesCreateModifyRenameAndDelete() throws {
    try write("data/old.csv", Self.eis)
    let index = started()
    try write("data/new.csv", Self.eis)
    eventually("created file") { index.entry("data/new.csv")?.kind == .impedance }
    XCTAssertEqual(index.drainChanges(), [WorkspaceChange(path: "data/new.csv", kind: .impedance, event: .added)])

    try write("data/new.csv", Self.cycler)
    eventually("rewritten file re-classified") { index.entry("data/new.csv")?.kind == .cycling }
    XCTAssertEqual(index.drainChanges(), [WorkspaceChange(path: "data/new.csv", kind: .cycling, event: .changed)])

    try FileManager.default.moveItem(at: root.appendingPathComponent("data/old.csv"), to: root.appendingPathComponent("data/renamed.csv"))
    eventually("renamed file") { index.entry("data/renamed.csv") != nil && index.entry("data/old.csv") == nil }
    XCTAssertEqual(
      Set(index.drainChanges()),
      [WorkspaceChange(path: "data/old.csv", kind: .impedance, event: .removed),
       WorkspaceChange(path: "data/renamed.csv", kind: .impedance, event: .added)])

    try FileManager.default.removeItem(at: root.appendingPathComponent("data/new.csv"))
    eventually("deleted file") { index.entry("data/new.csv") == nil }
    XCTAssertEqual(index.drainChanges(), [WorkspaceChange(path: "data/new.csv", kind: .cycling, event: .removed)])
  }

  func testNewFoldersAreWatchedAndRemovedFoldersLeave() throws {
    let index = started()
    try write("batch/day1/a.csv", Self.eis)
    eventually("a file in a new nested folder") { index.entry("batch/day1/a.csv") != nil }
    // The new folder is watched: a file created in it later is noticed too.
    try write("batch/day1/b.csv", Self.eis)
    eventually("a later file in the new folder") { index.entry("batch/day1/b.csv") != nil }
    try FileManager.default.moveItem(at: root.appendingPathComponent("batch"), to: root.appendingPathComponent("moved"))
    eventually("moved folder") { index.entry("moved/day1/a.csv") != nil && index.entry("batch/day1/a.csv") == nil }
    try FileManager.default.removeItem(at: root.appendingPathComponent("moved"))
    eventually("removed folder") { index.count == 0 }
  }

  func testAFolderBecomesARunFolderWhenStatusJSONAppears() throws {
    try write("run/metrics.csv", Self.cycler)
    let index = started()
    XCTAssertEqual(index.files(of: .cycling), ["run/metrics.csv"])
    _ = index.drainChanges()
    try write("run/status.json", "{}")
    eventually("run folder") { index.files(of: .runFolder) == ["run"] && index.entry("run/metrics.csv") == nil }
    try write("run/metrics.csv", Self.cycler + "60,0.02,1e-4\n")
    eventually("run folder changed") { index.drainChanges().contains(WorkspaceChange(path: "run", kind: .runFolder, event: .changed)) }
    try write("run/fields/step-2.vti", "<VTKFile/>")
    index.flush(timeout: 2)
    XCTAssertEqual(index.count, 1, "nothing inside the run folder is indexed")
  }

  func testPollingFallbackWhenInotifyIsOff() throws {
    try write("a.csv", Self.eis)
    let index = started(.init(useInotify: false, pollInterval: 0.05))
    XCTAssertEqual(index.mode, .polling)
    try write("b.csv", Self.cycler)
    try FileManager.default.removeItem(at: root.appendingPathComponent("a.csv"))
    eventually("polled changes") { index.entry("b.csv") != nil && index.entry("a.csv") == nil }
    XCTAssertEqual(
      Set(index.drainChanges()),
      [WorkspaceChange(path: "b.csv", kind: .cycling, event: .added), WorkspaceChange(path: "a.csv", kind: .impedance, event: .removed)])
  }

  func testTheWatchLimitSwitchesToPolling() throws {
    for folder in ["a", "b", "c"] { try write("\(folder)/x.csv", Self.eis) }
    let index = started(.init(pollInterval: 0.05, watchLimit: 2))
    XCTAssertEqual(index.mode, .polling, "four folders, two watches allowed")
    XCTAssertEqual(index.files(of: .impedance), ["a/x.csv", "b/x.csv", "c/x.csv"], "the walk itself completes")
    try write("c/y.csv", Self.eis)
    eventually("a change noticed by polling") { index.entry("c/y.csv") != nil }
  }

  func testFlushTakesInEveryEarlierChange() throws {
    let index = started()
    for i in 0..<50 { try write("f\(i).csv", Self.eis) }
    XCTAssertTrue(index.flush(timeout: 2))
    XCTAssertEqual(index.drainChanges().count, 50)
  }

  func testStopEndsTheThreadPromptly() throws {
    let index = started()
    index.stop()
    eventually("stopped") { index.mode == .stopped }
  }

  func testParseCacheHitsUntilSizeOrTimeChange() throws {
    try write("cell.csv", Self.eis)
    let index = started()
    var parses = 0
    let parser: (String) throws -> Int = { path in
      parses += 1
      return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
    }
    XCTAssertEqual(try index.cachedParse("cell.csv", parser: parser), 2)
    XCTAssertEqual(try index.cachedParse("cell.csv", parser: parser), 2)
    XCTAssertEqual(parses, 1, "the second ask is a hit")
    XCTAssertEqual(index.parses.counters.hits, 1)
    try write("cell.csv", Self.eis + "1e4,11,-2\n")
    XCTAssertEqual(try index.cachedParse("cell.csv", parser: parser), 3, "a new size is a miss")
    // Same size, new modification time: a miss too.
    let url = root.appendingPathComponent("cell.csv")
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: url.path)
    XCTAssertEqual(try index.cachedParse("cell.csv", parser: parser), 3)
    XCTAssertEqual(parses, 3)
    // Another value type of the same file is parsed separately.
    let text: String = try index.cachedParse("cell.csv") { try String(contentsOfFile: $0, encoding: .utf8) }
    XCTAssertEqual(text, Self.eis + "1e4,11,-2\n")
    XCTAssertEqual(index.parses.counters.misses, 4)
  }

  func testParseCacheKeepsFailuresAndReportsMissingFiles() throws {
    try write("bad.csv", "garbage")
    let index = started()
    struct Malformed: Error, Equatable { var line: Int }
    var parses = 0
    for _ in 0..<2 {
      XCTAssertThrowsError(try index.cachedParse("bad.csv") { _ -> Int in
        parses += 1
        throw Malformed(line: 1)
      }) { XCTAssertEqual($0 as? Malformed, Malformed(line: 1)) }
    }
    XCTAssertEqual(parses, 1, "a malformed file is not re-read until it changes")
    XCTAssertThrowsError(try index.cachedParse("gone.csv") { _ in 0 }) {
      XCTAssertEqual("\($0)", "gone.csv: no such file")
    }
  }

  func testChangeBatchCoalescesPerPath() {
    var batch = WorkspaceChangeBatch()
    batch.add(.init(path: "a", kind: .impedance, event: .added))
    batch.add(.init(path: "a", kind: .impedance, event: .changed))
    batch.add(.init(path: "b", kind: .other, event: .added))
    batch.add(.init(path: "b", kind: .other, event: .removed))
    batch.add(.init(path: "c", kind: .cycling, event: .removed))
    batch.add(.init(path: "c", kind: .cycling, event: .added))
    batch.add(.init(path: "d", kind: .runFolder, event: .changed))
    batch.add(.init(path: "d", kind: .runFolder, event: .changed))
    XCTAssertEqual(
      batch.drain(),
      [.init(path: "a", kind: .impedance, event: .added), .init(path: "c", kind: .cycling, event: .changed),
       .init(path: "d", kind: .runFolder, event: .changed)])
    XCTAssertTrue(batch.isEmpty)
  }

  func testInotifyEventRecordsDecode() {
    // wd 3, IN_CREATE, cookie 0, len 8, "a.csv" NUL-padded; then wd 1, IN_Q_OVERFLOW, no name.
    var bytes: [UInt8] = [3, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0] + Array("a.csv".utf8) + [0, 0, 0]
    bytes += [1, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    var events: [Inotify.Event] = []
    Inotify.decode(bytes[...], into: &events)
    XCTAssertEqual(events.map(\.watch), [3, 1])
    XCTAssertEqual(events.map(\.name), ["a.csv", nil])
    XCTAssertTrue(events[0].has(IN_CREATE))
    XCTAssertTrue(events[1].has(IN_Q_OVERFLOW))
    // A record cut short is dropped, not read past the end.
    events = []
    Inotify.decode(bytes[0..<20], into: &events)
    XCTAssertEqual(events.count, 0)
  }
}
