import Engine
import Foundation
import XCTest

@testable import glovebox

/// `glovebox demo instrument`: the spectra carry the drifting resistances the model states, and
/// the cycler file grows as a readable Battery Data Format CSV.
final class DemoTests: XCTestCase {
  func testInstrumentFeedWritesDriftingSpectraAndAGrowingCyclerFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-demo-\(UUID().uuidString)").path
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    // Three spectra, 0.01 s apart at 360 000 test-s per s: test times 0, 3600 and 7200 s.
    let command = try DemoInstrument.parse(["--out", dir, "--count", "3", "--interval", "0.01", "--speed", "360000", "--json"])
    try command.run()
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    XCTAssertEqual(names, ["insitu_0001.csv", "insitu_0002.csv", "insitu_0003.csv", "live_Li-Li_cycling.bdf.csv"])
    let spectrum = try XCTUnwrap(ImpedanceReader.read(contentsOf: URL(fileURLWithPath: dir + "/insitu_0003.csv")).first)
    XCTAssertEqual(spectrum.count, 57)
    let fit = CircuitFit.run(CircuitFitRequest(circuit: try Circuit(LiveCellModel.circuit), spectrum: spectrum))
    // At t = 2 h: R1 = 400·(1 + 0.02·2) = 416 Ω, R2 = 600·(1 + 0.25·2) = 900 Ω (0.5 % noise).
    XCTAssertEqual(fit.value(of: "R1") ?? 0, 416, accuracy: 416 * 0.03)
    XCTAssertEqual(fit.value(of: "R2") ?? 0, 900, accuracy: 900 * 0.03)
    // 3 × 3600 test-s of cycler points every 10 s.
    let cycling = try CyclingFile.read(path: dir + "/live_Li-Li_cycling.bdf.csv")
    XCTAssertEqual(cycling.count, 1080)
    // V = j·A·(R1 + R2) at t = 0: 0.1 mA/cm² · 0.785398 cm² · 1000 Ω = 78.5 mV (± noise).
    XCTAssertEqual(cycling.voltage[0], 0.0785398, accuracy: 0.002)
  }
}
