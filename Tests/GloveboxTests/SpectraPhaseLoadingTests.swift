import Engine
import Foundation
import XCTest

@testable import Workbench
@testable import glovebox

/// The runtime's stick patterns for the Spectra pane: every `structures/*.cif` of the workspace,
/// or the CIF's error naming the file.
final class SpectraPhaseLoadingTests: XCTestCase {
  func testPatternsOfTheWorkspaceStructuresAndABrokenCIFWithItsError() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let structures = folder.appendingPathComponent("structures")
    try FileManager.default.createDirectory(at: structures, withIntermediateDirectories: true)
    let licl = CLIRunner.repositoryRoot.appendingPathComponent("Examples/structures/LiCl.cif")
    try FileManager.default.copyItem(at: licl, to: structures.appendingPathComponent("LiCl.cif"))
    try "data_broken\n_cell_length_a 5.0\n".write(to: structures.appendingPathComponent("broken.cif"), atomically: true, encoding: .utf8)
    try "not a structure".write(to: structures.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

    let lambda = 1.540562
    let phases = try SpectraPhaseLoading.load(wavelength: lambda, twoThetaMax: 60, workspace: folder.path, context: JobContext())
    XCTAssertEqual(phases.map(\.path), ["structures/LiCl.cif", "structures/broken.cif"])
    let rockSalt = phases[0]
    XCTAssertNil(rockSalt.error)
    XCTAssertEqual(rockSalt.system, .cubic)
    // Fm-3m with a = 5.1295 Å: 111, 200, 220, 311 below 60° (h, k, l all even or all odd), at
    // Bragg's 2θ = 2 asin(λ √(h²+k²+l²) / 2a): 30.1516°, 34.9553°, 50.2679°, 59.7418° (by hand).
    let hkl = rockSalt.sticks.map { [$0.h, $0.k, $0.l].map(abs).sorted(by: >) }
    XCTAssertEqual(hkl, [[1, 1, 1], [2, 0, 0], [2, 2, 0], [3, 1, 1]])
    for (stick, expected) in zip(rockSalt.sticks, [30.1516, 34.9553, 50.2679, 59.7418]) {
      XCTAssertEqual(stick.twoTheta, expected, accuracy: 1e-3)
    }
    XCTAssertEqual(rockSalt.sticks.map(\.intensity).max(), 100)
    let broken = phases[1]
    XCTAssertTrue(broken.sticks.isEmpty)
    let error = try XCTUnwrap(broken.error)
    XCTAssertTrue(error.contains("broken.cif"), error)

    // No structures folder: no phases (the pane says so).
    let empty = try CLIRunner.temporaryFolder(self)
    XCTAssertTrue(try SpectraPhaseLoading.load(wavelength: lambda, twoThetaMax: 60, workspace: empty.path, context: JobContext()).isEmpty)
  }
}
