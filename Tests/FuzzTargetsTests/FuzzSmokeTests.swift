import Formats
import Foundation
import FuzzTargets
import XCTest

/// The short, deterministic fuzzing pass of `make test`: every reader family gets its seed files
/// (shipped examples, test fixtures, inputs that once crashed) and a fixed number of mutations
/// of them from a fixed seed, read in-process. Each input must be read, or refused with an
/// `InputError` that names the file (a column for strings without a file), within 5 s, and an
/// accepted result holds only finite numbers. A crash ends the test run, which fails it.
/// `make fuzz` (scripts/fuzz.sh) runs the same families under libFuzzer for longer.
final class FuzzSmokeTests: XCTestCase {
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// A generator seed from the family's name (FNV-1a: stable across runs, unlike `hashValue`).
  static func seed(_ name: String) -> UInt64 {
    name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
  }

  struct Tally: CustomStringConvertible {
    var accepted = 0, rejected = 0, slowest = 0.0
    var description: String { "\(accepted) read, \(rejected) refused, slowest \(String(format: "%.3f", slowest)) s" }
  }

  /// Runs the family's seeds and `mutations` mutated inputs; returns what the readers did.
  @discardableResult
  func fuzz(_ family: FuzzFamily, mutations: Int, file: StaticString = #filePath, line: UInt = #line) throws -> Tally {
    let seeds = try family.seedFiles(root: Self.repositoryRoot)
    XCTAssertFalse(seeds.isEmpty, "\(family.name) has no seed files", file: file, line: line)
    let inputs = try seeds.map { (name: $0.lastPathComponent, bytes: Array(try Data(contentsOf: $0))) }
    var mutator = FuzzMutator(seed: Self.seed(family.name))
    var tally = Tally()
    var flaws = 0
    for index in 0..<(inputs.count + mutations) {
      let seed = inputs[index % inputs.count]
      let (bytes, mutation) = index < inputs.count ? (seed.bytes, "unmutated") : mutator.mutate(seed.bytes)
      let start = Date()
      let verdict = family.run(bytes)
      let seconds = Date().timeIntervalSince(start)
      tally.slowest = max(tally.slowest, seconds)
      XCTAssertLessThan(seconds, 5, "\(family.name) input \(index) (\(seed.name): \(mutation)) took \(seconds) s", file: file, line: line)
      switch verdict {
      case .accepted: tally.accepted += 1
      case .rejected: tally.rejected += 1
      case .flaw(let message):
        flaws += 1
        if flaws <= 5 {
          XCTFail("\(family.name) input \(index) (\(seed.name): \(mutation)): \(message)", file: file, line: line)
        }
      }
    }
    XCTAssertEqual(flaws, 0, "\(family.name): reader flaws", file: file, line: line)
    print("fuzz smoke \(family.name): \(inputs.count) seeds + \(mutations) mutations: \(tally)")
    return tally
  }

  func testEveryFamilyIsSmokeTested() {
    let tested: Set<String> = [
      "impedance", "cycler", "cyclerbin", "toml", "recipe", "protocol", "simconfig", "theme", "keymap", "circuit",
      "formula", "vtk", "spectra", "xylib", "cif", "sweep",
    ]
    XCTAssertEqual(Set(FuzzFamily.all.map(\.name)), tested, "a new family needs its smoke test below")
  }

  func testImpedance() throws { try fuzz(.impedance, mutations: 3000) }
  func testCycler() throws { try fuzz(.cycler, mutations: 400) }
  func testCyclerBinary() throws { try fuzz(.cyclerBinary, mutations: 400) }
  func testTOML() throws { try fuzz(.toml, mutations: 3000) }
  func testRecipe() throws { try fuzz(.recipe, mutations: 3000) }
  func testProtocol() throws { try fuzz(.cellProtocol, mutations: 3000) }
  func testSimulationConfig() throws { try fuzz(.simulationConfig, mutations: 3000) }
  func testTheme() throws { try fuzz(.theme, mutations: 3000) }
  func testKeymap() throws { try fuzz(.keymap, mutations: 3000) }
  func testCircuit() throws { try fuzz(.circuit, mutations: 3000) }
  func testFormula() throws { try fuzz(.formula, mutations: 3000) }
  func testVTK() throws { try fuzz(.vtk, mutations: 3000) }
  func testSpectra() throws { try fuzz(.spectra, mutations: 3000) }
  func testXylib() throws { try fuzz(.xylib, mutations: 2000) }
  func testCIF() throws { try fuzz(.cif, mutations: 1000) }
  func testSweep() throws { try fuzz(.sweep, mutations: 1000) }

  /// The mutator is the test's fixed point: the same seed must give the same inputs.
  func testMutationsAreDeterministic() {
    let seed = Array("name = \"LPSC\"\nmass = 2.5\n".utf8)
    var a = FuzzMutator(seed: 42), b = FuzzMutator(seed: 42), c = FuzzMutator(seed: 43)
    let first = (0..<50).map { _ in a.mutate(seed).bytes }
    XCTAssertEqual(first, (0..<50).map { _ in b.mutate(seed).bytes })
    XCTAssertNotEqual(first, (0..<50).map { _ in c.mutate(seed).bytes })
  }
}

/// Every input `make fuzz` ever kept (Tests/Fuzz/crashes/FAMILY-HASH/input) is read again by
/// its family: once a crash, a hang or a flaw, now read or cleanly refused.
final class FuzzCrashRegressionTests: XCTestCase {
  func testEveryKeptFuzzInputIsReadOrRefused() throws {
    let folder = FuzzSmokeTests.repositoryRoot.appendingPathComponent("Tests/Fuzz/crashes")
    let manager = FileManager.default
    // The first campaign's folders (crash_*) predate the families; they are seeds of them.
    for name in try manager.contentsOfDirectory(atPath: folder.path).sorted() where !name.hasPrefix("crash_") {
      let input = folder.appendingPathComponent(name).appendingPathComponent("input")
      guard manager.fileExists(atPath: input.path) else { continue }
      let familyName = String(name[..<(name.lastIndex(of: "-") ?? name.endIndex)])
      let family = try XCTUnwrap(FuzzFamily.named(familyName), "\(name): no family \(familyName)")
      let start = Date()
      let verdict = family.run(Array(try Data(contentsOf: input)))
      XCTAssertLessThan(Date().timeIntervalSince(start), 5, name)
      if case .flaw(let message) = verdict { XCTFail("\(name): \(message)") }
    }
  }
}
