import Foundation
import TUI
import Formats
import XCTest

@testable import glovebox

/// The runtime's theme-file edge: finding theme files by name and reading them.
final class ThemeFilesTests: XCTestCase {
  var themesDirectory: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Themes").path
  }

  func testThemesAreFoundByName() {
    XCTAssertEqual(ThemeFiles.path(named: "nord", in: ["/nonexistent", themesDirectory]), themesDirectory + "/nord.toml")
    XCTAssertEqual(ThemeFiles.path(named: "light.toml", in: [themesDirectory]), themesDirectory + "/light.toml")
    XCTAssertNil(ThemeFiles.path(named: "no-such-theme", in: [themesDirectory]))
  }

  func testListingAndLoadingAgreeWithParsingTheText() throws {
    let paths = ThemeFiles.themePaths(inDirectory: themesDirectory)
    XCTAssertTrue(paths.contains(themesDirectory + "/dark.toml"), "\(paths)")
    XCTAssertEqual(paths, paths.sorted())
    XCTAssertEqual(ThemeFiles.themePaths(inDirectory: "/nonexistent-themes"), [])
    let (theme, diagnostics) = try ThemeFiles.load(path: themesDirectory + "/dark.toml")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(theme, Theme.dark, "Themes/dark.toml is the built-in default")
  }

  func testMissingAndNonUTF8FilesAreErrorsNamingTheFile() throws {
    let missing = themesDirectory + "/no-such-theme.toml"
    XCTAssertThrowsError(try ThemeFiles.load(path: missing)) { error in
      XCTAssertEqual(error as? InputError, InputError("cannot read the theme file", file: missing))
    }
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-theme-\(UUID().uuidString).toml")
    try Data([0x6E, 0x61, 0x6D, 0x65, 0x20, 0x3D, 0x20, 0xFF, 0xFE]).write(to: bad)
    defer { try? FileManager.default.removeItem(at: bad) }
    XCTAssertThrowsError(try ThemeFiles.load(path: bad.path)) { error in
      XCTAssertEqual((error as? InputError)?.message, "the theme file is not UTF-8 text")
    }
  }
}
