import Foundation
import XCTest

/// Every input that ever crashed `glovebox` (Tests/Fuzz/crashes/*, each with the command that
/// crashed in its info.txt) is run again: the program must end by itself with a clean status —
/// 0 when the input is still usable, 1 or 2 with an error naming the file when it is not — and
/// never by a signal (the crashes were SIGILL traps and SIGSEGV stack overflows).
final class FuzzRegressionTests: XCTestCase {
  static var crashesFolder: URL {
    CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fuzz/crashes")
  }

  /// The arguments of the `command (run in this folder): glovebox …` line of info.txt.
  static func arguments(info: String, outputFolder: String) -> [String]? {
    guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("command") }),
      let range = line.range(of: "glovebox ")
    else { return nil }
    return line[range.upperBound...].split(separator: " ").map { $0 == "OUTDIR" ? outputFolder : String($0) }
  }

  func testEveryCrashInputEndsCleanly() throws {
    let manager = FileManager.default
    let folders = try manager.contentsOfDirectory(atPath: Self.crashesFolder.path).filter { $0.hasPrefix("crash_") }.sorted()
    XCTAssertGreaterThanOrEqual(folders.count, 8, "the eight inputs of the first fuzzing campaign")
    for name in folders {
      let source = Self.crashesFolder.appendingPathComponent(name)
      // A copy: a run writes an output folder, and nothing may change the kept inputs.
      let work = manager.temporaryDirectory.appendingPathComponent("glovebox-fuzz-\(name)-\(UUID().uuidString)")
      try manager.copyItem(at: source, to: work)
      defer { try? manager.removeItem(at: work) }
      let info = try String(contentsOf: work.appendingPathComponent("info.txt"), encoding: .utf8)
      let arguments = try XCTUnwrap(Self.arguments(info: info, outputFolder: work.appendingPathComponent("out").path), name)
      let inputName = try XCTUnwrap(manager.contentsOfDirectory(atPath: source.path).first { $0 != "info.txt" })
      let result = try CLIRunner.run(arguments, in: work)
      XCTAssertTrue([0, 1, 2].contains(result.status), "\(name): status \(result.status)\n\(result.stderr.suffix(600))")
      XCTAssertFalse(result.stderr.contains("Fatal error") || result.stderr.contains("crashed"), "\(name): \(result.stderr.suffix(600))")
      if result.status != 0 {
        XCTAssertTrue(result.stderr.contains(inputName), "\(name): the error names the file: \(result.stderr.prefix(400))")
      }
    }
  }
}
