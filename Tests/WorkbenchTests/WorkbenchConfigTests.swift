import Engine
import TUI
import XCTest

@testable import Workbench

final class WorkbenchConfigTests: XCTestCase {
  func testReadsThemeColorsAndGraphSymbols() {
    let (config, errors) = WorkbenchConfig.parse("theme = \"light\"\ncolors = 256\ngraph_symbols = \"block\"\n", fileName: "config.toml")
    XCTAssertEqual(errors, [])
    XCTAssertEqual(config, WorkbenchConfig(theme: "light", colors: .palette256, graphSymbols: .block))
    XCTAssertEqual(WorkbenchConfig.parse("colors = \"truecolor\"", fileName: "c").0.colors, .trueColor)
    XCTAssertEqual(WorkbenchConfig.parse("colors = 8", fileName: "c").0.colors, .eight)
  }

  func testBadValuesAndUnknownKeysAreReportedWithTheirLine() {
    let text = """
      # settings
      theme = 7
      colors = 255
      graph_symbols = "dots"
      colour = 16
      """
    let (config, errors) = WorkbenchConfig.parse(text, fileName: "config.toml")
    XCTAssertEqual(config, WorkbenchConfig())
    XCTAssertEqual(errors.compactMap(\.line).sorted(), [2, 3, 4, 5])
    XCTAssertTrue(errors.allSatisfy { $0.file == "config.toml" })
    let messages = errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) }.map(\.message)
    XCTAssertEqual(messages[0], "'theme' must be a theme name such as \"dark\", found an integer")
    XCTAssertEqual(messages[1], "'colors' must be 8, 16, 256 or \"truecolor\", found 255")
    XCTAssertEqual(messages[2], "'graph_symbols' must be \"braille\", \"block\" or \"ascii\", found \"dots\"")
    XCTAssertTrue(messages[3].hasPrefix("unknown key 'colour'"), messages[3])
  }

  func testSyntaxErrorNamesFileAndLine() {
    let (_, errors) = WorkbenchConfig.parse("theme = \"dark\"\ncolors = = 3\n", fileName: "config.toml")
    XCTAssertEqual(errors.count, 1)
    XCTAssertEqual(errors.first?.file, "config.toml")
    XCTAssertEqual(errors.first?.line, 2)
  }
}
