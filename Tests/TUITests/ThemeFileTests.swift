import Formats
import XCTest

@testable import TUI

final class ThemeFileTests: XCTestCase {
  func testAFullFileSetsEveryKey() throws {
    let text = """
      # a test theme
      name = "paper"
      background = "#FFFFFF"
      text = 0              # palette index
      border = "default"
      "border.focused" = "bright-blue"
      "hint.key" = 'cyan'
      title = "#010203"
      selection = 255
      error = "red"
      warning = "yellow"
      ok = "green"

      [series]
      1 = 1
      2 = 2
      3 = 3
      4 = 4
      5 = 5
      6 = "#0a0b0c"

      [ heatmap ]
      low = 17
      mid = "#808080"
      high = "bright_white"
      """
    let (theme, diagnostics) = try ThemeFile.parse(text, fileName: "paper.toml")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(theme.name, "paper")
    XCTAssertEqual(theme.background, .rgb(255, 255, 255))
    XCTAssertEqual(theme.text, .indexed(0))
    XCTAssertEqual(theme.border, .terminalDefault)
    XCTAssertEqual(theme.borderFocused, .indexed(12))
    XCTAssertEqual(theme.hintKey, .indexed(6))
    XCTAssertEqual(theme.title, .rgb(1, 2, 3))
    XCTAssertEqual(theme.selection, .indexed(255))
    XCTAssertEqual(theme.error, .indexed(1))
    XCTAssertEqual(theme.warning, .indexed(3))
    XCTAssertEqual(theme.ok, .indexed(2))
    XCTAssertEqual(theme.series, [.indexed(1), .indexed(2), .indexed(3), .indexed(4), .indexed(5), .rgb(10, 11, 12)])
    XCTAssertEqual(theme.heatmapLow, .indexed(17))
    XCTAssertEqual(theme.heatmapMid, .rgb(128, 128, 128))
    XCTAssertEqual(theme.heatmapHigh, .indexed(15))
  }

  func testMissingKeysFallBackToDarkAndTheNameToTheFileName() throws {
    let (theme, diagnostics) = try ThemeFile.parse("text = \"#000000\"\n[series]\n2 = 9\n", fileName: "Themes/mine.toml")
    XCTAssertEqual(diagnostics, [])
    var expected = Theme.dark
    expected.name = "mine"
    expected.text = .rgb(0, 0, 0)
    expected.series[1] = .indexed(9)
    XCTAssertEqual(theme, expected)
  }

  func testEmptyFileIsTheDarkTheme() throws {
    let (theme, diagnostics) = try ThemeFile.parse("", fileName: "dark.toml")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(theme, Theme.dark)
  }

  func testUnknownKeysAndBadValuesAreReportedAndTheRestLoads() throws {
    let text = """
      name = "x"
      backgruond = "#000000"
      text = "#12345"
      border = 300
      title = true
      [series]
      7 = 1
      1 = "#00ff00"
      ok = 2.5
      """
    let (theme, diagnostics) = try ThemeFile.parse(text, fileName: "x.toml")
    XCTAssertEqual(theme.series[0], .rgb(0, 255, 0))
    XCTAssertEqual(theme.text, Theme.dark.text)
    XCTAssertEqual(theme.border, Theme.dark.border)
    XCTAssertEqual(diagnostics.map(\.line), [2, 3, 4, 5, 7, 9])
    XCTAssertEqual(diagnostics.map(\.column), [1, 8, 10, 9, 1, 1])
    XCTAssertTrue(diagnostics[0].message.hasPrefix("unknown key 'backgruond'; expected one of: name, background"), diagnostics[0].message)
    XCTAssertEqual(diagnostics[1].description,
      "x.toml:3:8: bad colour for 'text': expected \"#RRGGBB\", an integer 0–255, \"default\" or an ANSI colour name (black, red, …, bright-white), found \"#12345\"")
    XCTAssertEqual(diagnostics[2].message, "bad colour for 'border': palette index 300 is outside 0–255")
    XCTAssertTrue(diagnostics[3].message.hasSuffix("found the boolean true"), diagnostics[3].message)
    XCTAssertTrue(diagnostics[4].message.hasPrefix("unknown key 'series.7'"))
    XCTAssertTrue(diagnostics[5].message.hasPrefix("unknown key 'series.ok'"))
  }

  func testNameMustBeAString() throws {
    let (theme, diagnostics) = try ThemeFile.parse("name = 3", fileName: "n.toml")
    XCTAssertEqual(theme.name, "n")
    XCTAssertEqual(diagnostics, [InputError("expected a quoted string for 'name', found the integer 3", file: "n.toml", line: 1, column: 8)])
  }

  func testCommentsInsideStringsAndCRLF() throws {
    let (theme, diagnostics) = try ThemeFile.parse("text = \"#ffffff\" # white\r\n  # indented comment\r\nok = 10\r\n", fileName: "c.toml")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(theme.text, .rgb(255, 255, 255))
    XCTAssertEqual(theme.ok, .indexed(10))
  }

  func assertSyntaxError(_ text: String, line: Int, column: Int, _ message: String, file: StaticString = #filePath, at sourceLine: UInt = #line) {
    do {
      _ = try ThemeFile.parse(text, fileName: "bad.toml")
      XCTFail("no error", file: file, line: sourceLine)
    } catch {
      XCTAssertEqual(error, InputError(message, file: "bad.toml", line: line, column: column), file: file, line: sourceLine)
    }
  }

  func testSyntaxErrorsNameLineAndColumn() {
    // Theme files are read by Formats' TOML parser, so syntax errors are its messages (the
    // theme-only subset's wording before); each names the line and the column of the problem.
    assertSyntaxError("name = \"a\"\nbackground \"#000000\"", line: 2, column: 12, "expected '=' after the key 'background'")
    assertSyntaxError("text = \"#000000", line: 1, column: 16, "unterminated string: expected '\"' before the end of the line")
    assertSyntaxError("text = '#000000", line: 1, column: 16, "unterminated string: expected \"'\"")
    assertSyntaxError("\n\n[series\n", line: 3, column: 8, "expected ']' to close the table header")
    assertSyntaxError("text = #000000", line: 1, column: 8, "expected a value (string, number, true/false, array or table)")
    assertSyntaxError("text = blue", line: 1, column: 8, "expected a value (string in quotes, number, true/false, array or table), found 'blue'")
    assertSyntaxError("text = \"a\" \"b\"", line: 1, column: 12, "expected the end of the line, found '\"'")
    assertSyntaxError("text =", line: 1, column: 7, "expected a value after '='")
    assertSyntaxError("= 3", line: 1, column: 1, "expected a key (letters, digits, '_' or '-', or a quoted name), found '='")
    assertSyntaxError("text = \"\\q\"", line: 1, column: 9, "unknown escape sequence '\\q'")
    assertSyntaxError("text = 1\ntext = 2", line: 2, column: 1, "duplicate key 'text' (first defined on line 1)")
    assertSyntaxError("[series]\n1 = 1\n[series]\n1 = 2", line: 3, column: 9, "table [series] is defined twice")
    assertSyntaxError("text = 012", line: 1, column: 8, "expected a value (string in quotes, number, true/false, array or table), found '012'")
    // A bare dotted key cannot extend a key that already holds a colour (TOML's rule); quoted
    // `"border.focused"` can follow `border`.
    assertSyntaxError("border = 1\nborder.focused = 2", line: 2, column: 19, "'border' is already defined as an integer, not a table")
  }

  func testArrayOfTablesIsAnUnknownKey() throws {
    // `[[series]]` is TOML (an array of tables) but no theme key: reported at its header line.
    let (_, diagnostics) = try ThemeFile.parse("[[series]]\n", fileName: "s.toml")
    XCTAssertEqual(diagnostics.map(\.line), [1])
    XCTAssertTrue(diagnostics.first?.message.hasPrefix("unknown key 'series'; expected one of: name,") ?? false, "\(diagnostics)")
  }

  func testIntegersAndEscapes() throws {
    var entries: [ThemeFile.Entry] = []
    let root = try TOML.parse("a = +1_000\nb = -7\nc = \"\\u0041\\t\\\"\"\nd = 0", fileName: "t")
    try ThemeFile.flatten(root, prefix: "", into: &entries, fileName: "t")
    XCTAssertEqual(entries.map(\.value), [.integer(1000), .integer(-7), .string("A\t\""), .integer(0)])
  }

  func testArraysAreBadColoursAndTheRestLoads() throws {
    // Arrays are TOML but no colour: a diagnostic at the value, not a failed file.
    let (theme, diagnostics) = try ThemeFile.parse("text = [1, 2]\nok = 3\n", fileName: "a.toml")
    XCTAssertEqual(theme.ok, .indexed(3))
    XCTAssertEqual(diagnostics.map(\.description), [
      "a.toml:1:8: bad colour for 'text': \(ThemeFile.expectedColor), found an array"
    ])
  }

  func testOnePathSetTwiceUnderTwoSpellingsIsAnError() {
    // `"border.focused"` (one quoted key) and `[border] focused` are different TOML keys but the
    // same theme colour.
    assertSyntaxError("\"border.focused\" = 1\n[border]\nfocused = 2", line: 3, column: 1,
      "duplicate key 'border.focused' (first set on line 1)")
  }

  func testSerializeRoundTrips() throws {
    var theme = Theme.dark
    theme.name = "say \"hi\""
    theme.border = .terminalDefault
    theme.series[2] = .indexed(42)
    let (parsed, diagnostics) = try ThemeFile.parse(ThemeFile.serialize(theme), fileName: "r.toml")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(parsed, theme)
  }
}
