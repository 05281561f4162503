import Formats
import XCTest

@testable import TUI

/// Every theme in `Themes/` must parse without a single diagnostic. The test reads the files
/// itself: TUI only parses text (the runtime's `ThemeFiles` finds and reads theme files).
final class ShippedThemesTests: XCTestCase {
  var themesDirectory: String {
    // Tests/TUITests/ShippedThemesTests.swift → the package root.
    let here = URL(fileURLWithPath: #filePath)
    return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes").path
  }

  var themePaths: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: themesDirectory)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted().map { themesDirectory + "/" + $0 }
  }

  func parse(path: String) throws -> (theme: Theme, diagnostics: [InputError]) {
    try ThemeFile.parse(try String(contentsOfFile: path, encoding: .utf8), fileName: path)
  }

  func load(_ name: String) throws -> Theme {
    let (theme, diagnostics) = try parse(path: themesDirectory + "/" + name)
    XCTAssertEqual(diagnostics, [])
    return theme
  }

  func testEveryShippedThemeParsesCleanly() throws {
    let paths = themePaths
    XCTAssertGreaterThanOrEqual(paths.count, 5)
    for path in paths {
      let (theme, diagnostics) = try parse(path: path)
      XCTAssertEqual(diagnostics, [], path)
      XCTAssertEqual(theme.name + ".toml", URL(fileURLWithPath: path).lastPathComponent, "a theme's name is its file name")
      XCTAssertEqual(theme.series.count, 6)
    }
  }

  func testTheRequiredThemesShip() throws {
    let names = Set(themePaths.map { URL(fileURLWithPath: $0).lastPathComponent })
    XCTAssertTrue(names.isSuperset(of: ["dark.toml", "light.toml", "ansi16.toml", "high-contrast.toml"]), "\(names)")
  }

  func testDarkFileIsTheBuiltInDefault() throws {
    XCTAssertEqual(try load("dark.toml"), Theme.dark)
  }

  func testAnsi16UsesOnlyPaletteIndices0To15() throws {
    let theme = try load("ansi16.toml")
    let colors = [theme.background, theme.text, theme.border, theme.borderFocused, theme.title, theme.selection,
                  theme.hintKey, theme.error, theme.warning, theme.ok, theme.heatmapLow, theme.heatmapMid, theme.heatmapHigh] + theme.series
    for color in colors {
      guard case .indexed(let i) = color else { return XCTFail("\(color) in ansi16.toml is not a palette index") }
      XCTAssertLessThan(i, 16)
    }
  }
}
