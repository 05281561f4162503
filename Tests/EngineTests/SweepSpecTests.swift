import Foundation
import XCTest
@testable import Engine
import Formats

/// The sweep file: lists, ranges, crossed and zipped axes, and every kind of bad input.
final class SweepSpecTests: XCTestCase {
  let base = """
    name = "m"
    [physics]
    electrode_potential = -0.2
    transfer_coefficient = 0.5
    [numerics]
    nx = 32
    ny = 32
    """

  func parse(_ text: String) throws -> SweepSpec { try SweepSpec.parse(text, fileName: "s.toml") }

  func points(_ text: String) throws -> [SweepPoint] {
    try parse(text).points(base: try TOML.parse(base, fileName: "base.toml"), baseFileName: "base.toml")
  }

  func assertError(_ text: String, line: Int, contains fragment: String, file: StaticString = #filePath, fileLine: UInt = #line) {
    XCTAssertThrowsError(try points(text), file: file, line: fileLine) { error in
      guard let input = error as? InputError else { return XCTFail("not an InputError: \(error)", file: file, line: fileLine) }
      XCTAssertEqual(input.file, "s.toml", "\(input)", file: file, line: fileLine)
      XCTAssertEqual(input.line, line, "\(input)", file: file, line: fileLine)
      XCTAssertTrue(input.message.contains(fragment), "\(input)", file: file, line: fileLine)
    }
  }

  func testTheIssuesFormGivesOnePointPerValueWithTheValueInItsConfig() throws {
    let result = try points("""
      base = "model1.toml"
      [vary]
      "physics.electrode_potential" = [-0.1, -0.15, -0.2, -0.25]
      """)
    XCTAssertEqual(result.map(\.config.physics.electrodePotential), [-0.1, -0.15, -0.2, -0.25])
    XCTAssertEqual(result.map(\.folder), ["p000", "p001", "p002", "p003"])
    // everything else is the base's
    XCTAssertEqual(result.map(\.config.numerics.nx), [32, 32, 32, 32])
    XCTAssertEqual(result[2].parameters, [SweepParameter(key: "physics.electrode_potential", value: .float(-0.2))])
    XCTAssertEqual(try parse("base = \"b.toml\"\n[vary]\n\"physics.electrode_potential\" = [1.0]").name, "s")
  }

  func testLinearAndLogRangesIncludeBothEnds() throws {
    // linear: -0.1 + i·(-0.3 + 0.1)/4 = -0.1, -0.15, -0.2, -0.25, -0.3
    let linear = try parse("base = \"b\"\n[vary]\n\"physics.electrode_potential\" = { from = -0.1, to = -0.3, count = 5 }")
    let values = linear.axes[0].values[0].compactMap(\.doubleValue)
    for (v, expected) in zip(values, [-0.1, -0.15, -0.2, -0.25, -0.3]) { XCTAssertEqual(v, expected, accuracy: 1e-15) }
    XCTAssertEqual(values.count, 5)
    XCTAssertEqual(values.last, -0.3)  // the end exactly
    // log: 1e-12 · 100^(i/2) = 1e-12, 1e-11, 1e-10
    let log = try parse("base = \"b\"\n[vary]\n\"physics.diffusivity\" = { from = 1e-12, to = 1e-10, count = 3, scale = \"log\" }")
    let logValues = log.axes[0].values[0].compactMap(\.doubleValue)
    XCTAssertEqual(logValues[0], 1e-12)
    XCTAssertEqual(logValues[1], 1e-11, accuracy: 1e-24)
    XCTAssertEqual(logValues[2], 1e-10)
    // integer ends and an integral step keep integers (so numerics.nx can be a range)
    let grid = try points("base = \"b\"\n[vary]\n\"numerics.nx\" = { from = 32, to = 64, count = 3 }")
    XCTAssertEqual(grid.map(\.config.numerics.nx), [32, 48, 64])
  }

  func testVaryAxesAreCrossedAndZipAdvancesTogether() throws {
    let result = try points("""
      base = "b"
      [vary]
      "physics.electrode_potential" = [-0.1, -0.2]
      [vary.physics]
      transfer_coefficient = [0.4, 0.6]
      [zip]
      "numerics.nx" = [16, 32, 64]
      "numerics.ny" = [8, 16, 32]
      """)
    // 2 × 2 × 3 = 12, the last axis (the zip group) fastest
    XCTAssertEqual(result.count, 12)
    XCTAssertEqual(result[0].config.physics.electrodePotential, -0.1)
    XCTAssertEqual(result[0].config.physics.transferCoefficient, 0.4)
    XCTAssertEqual(result.prefix(3).map { [$0.config.numerics.nx, $0.config.numerics.ny] }, [[16, 8], [32, 16], [64, 32]])
    XCTAssertEqual(result[3].config.physics.transferCoefficient, 0.6)
    XCTAssertEqual(result[6].config.physics.electrodePotential, -0.2)
    XCTAssertEqual(result[11].config.physics.electrodePotential, -0.2)
    XCTAssertEqual(result[11].config.physics.transferCoefficient, 0.6)
    XCTAssertEqual(result[11].config.numerics.ny, 32)
    XCTAssertEqual(try parse("base = \"b\"\n[vary]\na.b = [1]\n[zip]\nc.d = [1, 2]\ne.f = [3, 4]").keys, ["a.b", "c.d", "e.f"])
  }

  func testBadSweepFilesAreErrorsAtTheirLine() {
    assertError("base = \"b\"\nmode = \"cross\"\n[vary]\n\"physics.electrode_potential\" = [1.0]", line: 2, contains: "unknown key 'mode'")
    assertError("[vary]\n\"physics.electrode_potential\" = [1.0]", line: 1, contains: "base")
    assertError("base = \"b\"\n[vary]\n\"physics.electrode_potential\" = []", line: 3, contains: "empty list")
    assertError("base = \"b\"\n[vary]\n\"physics.electrode_potential\" = { from = 0.1, to = 0.2, count = 0 }", line: 3, contains: "empty range")
    assertError("base = \"b\"\n[vary]\n\"physics.diffusivity\" = { from = 0.0, to = 1e-10, count = 3, scale = \"log\" }", line: 3,
                contains: "log range")
    assertError("base = \"b\"\n[vary]\n\"physics.diffusivity\" = { from = 1.0, to = 2.0, count = 3, step = 1 }", line: 3,
                contains: "unknown range key 'step'")
    assertError("base = \"b\"\n[zip]\n\"physics.a\" = [1, 2]\n\"physics.b\" = [1, 2, 3]", line: 4, contains: "equal lengths")
    assertError("base = \"b\"\n[vary]\n\"physics.diffusivity\" = [1e-11]\n[zip]\n\"physics.diffusivity\" = [1e-11]", line: 5,
                contains: "varied twice")
    assertError("base = \"b\"\n[vary]", line: 2, contains: "at least one key")
    assertError("base = \"b\"\n[vary]\n\"physics.electrode_potential\" = -0.1", line: 3, contains: "list")
    assertError("base = \"b\"\n[slurm]\ntime = \"soon\"\n[vary]\n\"physics.electrode_potential\" = [1.0]", line: 3, contains: "time 'soon'")
    assertError("base = \"b\"\n[slurm]\nmemory = \"2 GB\"\n[vary]\n\"physics.electrode_potential\" = [1.0]", line: 3, contains: "memory")
    assertError("base = \"b\"\n[local]\nprocesses = 0\n[vary]\n\"physics.electrode_potential\" = [1.0]", line: 3, contains: "processes")
  }

  func testAKeyTheConfigDoesNotHaveIsNamedAtTheSweepsLine() {
    assertError("base = \"b\"\n[vary]\n\"physics.electrode_potental\" = [-0.1]", line: 3,
                contains: "has no key 'physics.electrode_potental'")
  }

  /// Twelve crossed axes of 100 values are 10²⁴ points: more than an Int holds. The count
  /// saturates and the expansion refuses it at line 1 instead of trapping on the product.
  func testACrossedProductPastIntMaxIsRefusedNotATrap() throws {
    let values = (0..<100).map { String(format: "%.3f", -0.1 - Double($0) * 1e-3) }.joined(separator: ", ")
    let axes = (0..<12).map { "\"physics.key\($0)\" = [\(values)]" }.joined(separator: "\n")
    let spec = try parse("base = \"b\"\n[vary]\n" + axes)
    XCTAssertEqual(spec.pointCount, Int.max)
    assertError("base = \"b\"\n[vary]\n" + axes, line: 1, contains: "at most 100000 are supported")
  }

  /// Found by the sweep fuzz family: a swept key of thousands of dotted parts recursed once per
  /// part and overflowed the stack; it is refused at its line like a TOML table nested too deep.
  func testADottedKeyDeeperThanTOMLsLimitIsRefusedAtItsLine() {
    let key = "physics." + Array(repeating: "a", count: 20_000).joined(separator: ".")
    assertError("base = \"b\"\n[vary]\n\"\(key)\" = [-0.1]", line: 3, contains: "a config nests at most 100 deep")
  }

  func testAPointThatFailsValidationIsNamed() {
    // transfer_coefficient must lie in (0, 1): the second point (1.5) is invalid
    assertError("base = \"b\"\n\n[vary]\n\"physics.transfer_coefficient\" = [0.5, 1.5]", line: 4, contains: "point 1 (physics.transfer_coefficient = 1.5)")
    // a run override that a point's config rejects names the point too
    XCTAssertThrowsError(try parse("base = \"b\"\n[vary]\n\"physics.electrode_potential\" = [-0.1]")
      .points(base: try TOML.parse(base), baseFileName: "base.toml") { _ in throw InputError("--grid must be even") }) { error in
      XCTAssertTrue("\(error)".contains("point 0 (physics.electrode_potential = -0.1)"), "\(error)")
    }
  }

  func testSlurmResourcesAndTimeForms() throws {
    let spec = try parse("""
      base = "b"
      [slurm]
      partition = "gpu-long"
      time = "1-12:00:00"
      cpus_per_task = 2
      memory = "4G"
      max_parallel = 8
      [vary]
      "physics.electrode_potential" = [1.0]
      """)
    XCTAssertEqual(spec.slurm.partition, "gpu-long")
    XCTAssertEqual(spec.slurm.time, "1-12:00:00")
    XCTAssertEqual(spec.slurm.cpusPerTask, 2)
    XCTAssertEqual(spec.slurm.memory, "4G")
    XCTAssertEqual(spec.slurm.maxParallel, 8)
    // sbatch(1): "minutes", "minutes:seconds", "hours:minutes:seconds", "days-hours", "days-hours:minutes", "days-hours:minutes:seconds"
    for ok in ["30", "30:00", "02:00:00", "2-12", "2-12:30", "2-12:30:00"] { XCTAssertTrue(SlurmResources.isSlurmTime(ok), ok) }
    for bad in ["", "1:2:3:4", "a", "1--2", "-5", "1-"] { XCTAssertFalse(SlurmResources.isSlurmTime(bad), bad) }
  }
}
