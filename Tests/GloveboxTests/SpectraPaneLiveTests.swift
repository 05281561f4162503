import Engine
import Foundation
import TUI
import Workbench
import XCTest

@testable import glovebox

/// Issue 16 "Live": a spectrum written into the workspace while the Spectra pane is open is read
/// and listed — through the runtime's workspace index (inotify), the pane's file request and the
/// read job — with no key pressed.
final class SpectraPaneLiveTests: XCTestCase {
  static let raman = "Raman shift (cm-1),intensity\n100,1\n101,3\n102,9\n103,3\n104,1\n"

  func testASpectrumWrittenWhileThePaneIsOpenAppears() throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-live-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    try Data(Self.raman.utf8).write(to: workspace.appendingPathComponent("first.csv"))
    let backend = MemoryBackend(width: 120, height: 40)
    let runtime = WorkbenchRuntime(state: AppState(panes: [SpectraPane(workspace: workspace.path)], workspace: workspace.path),
                                   backend: backend, resolveTheme: ThemeCatalog.resolve)
    runtime.minimumFrameInterval = 0
    func spectra() -> [String] { (runtime.state.panes.first as? SpectraPane)?.entries.map(\.path) ?? [] }
    /// Runs the loop until `done` holds or `seconds` pass (jobs finish on worker threads).
    func run(until done: () -> Bool, seconds: Double) {
      let deadline = Date().addingTimeInterval(seconds)
      repeat {
        _ = runtime.run(stopWhenIdle: true)
        if done() { return }
        Thread.sleep(forTimeInterval: 0.02)
      } while Date() < deadline
    }
    run(until: { spectra() == ["first.csv"] }, seconds: 10)
    XCTAssertEqual(spectra(), ["first.csv"])

    let written = Date()
    try Data(Self.raman.utf8).write(to: workspace.appendingPathComponent("second.csv"))
    run(until: { spectra().count == 2 }, seconds: 10)
    XCTAssertEqual(spectra(), ["first.csv", "second.csv"])
    XCTAssertLessThan(Date().timeIntervalSince(written), 3, "a new spectrum appears within a couple of seconds")
    let screen = backend.lastFrame?.lines.joined(separator: "\n") ?? ""
    XCTAssertTrue(screen.contains("Spectra (2)"), screen)
  }
}
