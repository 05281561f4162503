import Foundation
import XCTest

/// DESIGN.md: TUI is pure — no file system. Its theme files are read by the runtime
/// (`ThemeFiles`); TUI only parses text. This test reads TUI's sources for the calls that reach
/// the file system.
final class TUIPurityTests: XCTestCase {
  static let fileSystemCalls = [
    "FileManager", "FileHandle", "fopen(", "opendir(", "String(contentsOf", "Data(contentsOf", "contentsOfFile",
    "open(", "readdir(", "stat(",
  ]

  func testTUISourcesMakeNoFileSystemCalls() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/TUI")
    let walker = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
    var files = 0
    for case let url as URL in walker where url.pathExtension == "swift" {
      files += 1
      let text = try String(contentsOf: url, encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        for call in Self.fileSystemCalls where Self.contains(code, call) {
          XCTFail("\(url.lastPathComponent):\(number + 1) calls \(call) — file access belongs in the runtime")
        }
      }
    }
    XCTAssertGreaterThan(files, 20, "the check must see TUI's sources")
  }

  /// `call` as a whole identifier (`open(` must not match `reopen(` or `isOpen(`).
  static func contains(_ line: Substring, _ call: String) -> Bool {
    var search = line[...]
    while let range = search.range(of: call) {
      let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
      if let before, before.isLetter || before.isNumber || before == "_" || before == "." && call.first?.isLowercase == true {
        search = search[range.upperBound...]
        continue
      }
      return true
    }
    return false
  }

  func testTheCheckerFindsACallAndIgnoresLookalikes() {
    XCTAssertTrue(Self.contains("let d = FileManager.default", "FileManager"))
    XCTAssertTrue(Self.contains("  let fd = open(path, O_RDONLY)", "open("))
    XCTAssertFalse(Self.contains("  isOpen(x)", "open("))
    XCTAssertFalse(Self.contains("  reopen(x)", "open("))
  }
}
