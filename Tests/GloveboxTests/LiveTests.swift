import Engine
import Foundation
import TUI
import Workbench
import XCTest

@testable import glovebox

/// The panes follow the workspace folder through the real runtime: the watcher reports a new
/// file, the pane parses it in a background job, and the next frame lists it — while keys keep
/// being handled.
final class LiveTests: XCTestCase {
  final class TestClock: @unchecked Sendable {
    var now = 0.0
    func read() -> Double {
      now += 0.001
      return now
    }
  }

  func spectrumText(r1: Double) throws -> String {
    let circuit = try Circuit("R0-p(R1,CPE1)")
    let f = (0...40).map { pow(10, 5 - Double($0) / 8) }
    let z = circuit.impedance([10, r1, 1e-5, 0.9], frequencies: f)
    return zip(f, z).map { "\($0),\($1.re),\($1.im)" }.joined(separator: "\n") + "\n"
  }

  func testANewSpectrumAndAGrowingCyclerFileAppearWhileKeysAreHandled() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-live-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    try spectrumText(r1: 100).write(to: dir.appendingPathComponent("first.csv"), atomically: true, encoding: .utf8)
    let backend = MemoryBackend(width: 120, height: 40)
    let runtime = WorkbenchRuntime(
      state: AppState(panes: [ImpedancePane(workspace: dir.path), CyclingPane(workspace: dir.path)], workspace: dir.path),
      backend: backend, resolveTheme: ThemeCatalog.resolve, clock: TestClock().read)
    runtime.minimumFrameInterval = 0
    runtime.watchInterval = 0
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    XCTAssertTrue(try XCTUnwrap(backend.lastFrame).lines.contains { $0.contains("first.csv") })
    // A spectrum copied in appears; a key pressed meanwhile is handled in the same loop.
    try spectrumText(r1: 200).write(to: dir.appendingPathComponent("second.csv"), atomically: true, encoding: .utf8)
    backend.enqueue(.character("j"))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    let screen = try XCTUnwrap(backend.lastFrame).lines
    XCTAssertTrue(screen.contains { $0.contains("second.csv") }, screen.joined(separator: "\n"))
    // The cycler file grows: the Cycling pane (pane 2 here) shows the new points.
    let cycler = dir.appendingPathComponent("cell.bdf.csv")
    var rows = "Test Time / s,Voltage / V,Current / A\n"
    for i in 0..<120 { rows += "\(Double(i) * 60),\(i / 30 % 2 == 0 ? 0.02 : -0.02),\(i / 30 % 2 == 0 ? 1e-4 : -1e-4)\n" }
    try rows.write(to: cycler, atomically: true, encoding: .utf8)
    backend.enqueue(.character("2"))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    // ±20 mV with both current signs: a symmetric cell, whose table lists its steps (half-cycles).
    XCTAssertTrue(try XCTUnwrap(backend.lastFrame).lines.contains { $0.contains("Steps (4) ·") })
    let handle = try FileHandle(forWritingTo: cycler)
    _ = try handle.seekToEnd()
    var more = ""
    for i in 120..<240 { more += "\(Double(i) * 60),\(i / 30 % 2 == 0 ? 0.02 : -0.02),\(i / 30 % 2 == 0 ? 1e-4 : -1e-4)\n" }
    handle.write(Data(more.utf8))
    try handle.close()
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    let grown = try XCTUnwrap(backend.lastFrame).lines
    XCTAssertTrue(grown.contains { $0.contains("Steps (8) ·") }, grown.joined(separator: "\n"))
  }
}
