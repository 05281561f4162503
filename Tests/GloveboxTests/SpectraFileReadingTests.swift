import Foundation
import XCTest

@testable import Workbench
@testable import glovebox

/// The runtime's reading for the Spectra pane: spectra with their axis, or the reader's error
/// naming the file and line, or "removed".
final class SpectraFileReadingTests: XCTestCase {
  func testReadsTheExamplesAndReportsAMalformedFileWithItsLine() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    try "Raman shift (cm-1),Intensity\n100,5\n101,6\n102,seven\n".write(
      to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    try "Raman shift (cm-1),Intensity\n100,5\n101,6\n102,7\n".write(
      to: folder.appendingPathComponent("good.csv"), atomically: true, encoding: .utf8)
    let good = SpectraFileReading.read("good.csv", workspace: folder.path)
    XCTAssertNil(good.error)
    XCTAssertEqual(good.spectra.first?.x, [100, 101, 102])
    XCTAssertEqual(good.spectra.first?.technique, .raman)
    let bad = SpectraFileReading.read("bad.csv", workspace: folder.path)
    XCTAssertTrue(bad.spectra.isEmpty)
    let error = try XCTUnwrap(bad.error)
    XCTAssertTrue(error.contains("bad.csv") && error.contains(":4"), error)
    XCTAssertEqual(SpectraFileReading.read("gone.csv", workspace: folder.path).error, "removed")

    let examples = CLIRunner.repositoryRoot.appendingPathComponent("Examples").path
    let techniques = try ["spectra/xps_ti2p_synthetic.csv", "spectra/raman_band_synthetic.csv", "spectra/xrd_pair_synthetic.csv"].map {
      try XCTUnwrap(SpectraFileReading.read($0, workspace: examples).spectra.first).technique
    }
    XCTAssertEqual(techniques, [.xps, .raman, .xrd])
  }
}
