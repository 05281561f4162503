import XCTest
@testable import TUI

final class ColorQuantizationTests: XCTestCase {
  func testTrueColourAndTerminalDefaultAreUnchanged() {
    XCTAssertEqual(Color.rgb(1, 2, 3).quantized(to: .trueColor), .rgb(1, 2, 3))
    XCTAssertEqual(Color.indexed(200).quantized(to: .trueColor), .indexed(200))
    for depth in ColorDepth.allCases {
      XCTAssertEqual(Color.terminalDefault.quantized(to: depth), .terminalDefault)
    }
  }

  func testPaletteRGBValues() {
    // Index 16 + 36·4 + 6·1 + 0 = 166 is cube (4, 1, 0) = (215, 95, 0); 244 is grey 8 + 10·12.
    XCTAssertTrue(Color.rgbOfPaletteIndex(166) == (215, 95, 0))
    XCTAssertTrue(Color.rgbOfPaletteIndex(244) == (128, 128, 128))
    XCTAssertTrue(Color.rgbOfPaletteIndex(12) == (0x5c, 0x5c, 0xff))
  }

  func testTo256PicksTheCubeForSaturatedColours() {
    // (255, 0, 0) is cube point (5, 0, 0) → 16 + 180 = 196, distance 0.
    XCTAssertEqual(Color.rgb(255, 0, 0).quantized(to: .palette256), .indexed(196))
    XCTAssertEqual(Color.rgb(215, 95, 0).quantized(to: .palette256), .indexed(166))
    // (100, 140, 210): levels 95 (d 5), 135 (d 5), 215 (d 5) → (1, 2, 4) = 16 + 36 + 12 + 4 = 68,
    // distance 75; the nearest grey (mean 150 → 148) is 48² + 8² + 62² away.
    XCTAssertEqual(Color.rgb(100, 140, 210).quantized(to: .palette256), .indexed(68))
  }

  func testTo256PicksTheGreyRampWhenNearer() {
    // (128, 128, 128): cube (135, 135, 135) is 3·7² = 147 away, grey 128 (index 244) 0.
    XCTAssertEqual(Color.rgb(128, 128, 128).quantized(to: .palette256), .indexed(244))
    // The dark theme's background (28, 31, 38): cube black is 28² + 31² + 38² = 3189 away;
    // grey 28 (mean 32.3 → step 2, index 234) is 0 + 3² + 10² = 109 away.
    XCTAssertEqual(Color.rgb(0x1c, 0x1f, 0x26).quantized(to: .palette256), .indexed(234))
    // (0, 0, 50): per-channel rounding gives cube (0, 0, 95), 45² = 2025 away; grey 18
    // (mean 16.7 → step 1, index 233) is 18² + 18² + 32² = 1672 away, so grey wins.
    XCTAssertEqual(Color.rgb(0, 0, 50).quantized(to: .palette256), .indexed(233))
  }

  func testPaletteIndicesStayAt256() {
    XCTAssertEqual(Color.indexed(200).quantized(to: .palette256), .indexed(200))
  }

  func testTo16And8UseTheNearestANSIColour() {
    // (250, 10, 10): bright red ff0000 is 5² + 10² + 10² = 225 away, red cd0000 45² + 200 = 2225.
    XCTAssertEqual(Color.rgb(250, 10, 10).quantized(to: .sixteen), .indexed(9))
    XCTAssertEqual(Color.rgb(250, 10, 10).quantized(to: .eight), .indexed(1))
    // Palette colour 196 is (255, 0, 0): exactly bright red at 16 colours.
    XCTAssertEqual(Color.indexed(196).quantized(to: .sixteen), .indexed(9))
    XCTAssertEqual(Color.rgb(0x1c, 0x1f, 0x26).quantized(to: .sixteen), .indexed(0))
    XCTAssertEqual(Color.indexed(3).quantized(to: .sixteen), .indexed(3))
    XCTAssertEqual(Color.indexed(3).quantized(to: .eight), .indexed(3))
    // Bright blue 5c5cff at 8 colours: blue 0000ee is 92² + 92² + 17² = 17217 away, magenta
    // cd00cd 113² + 92² + 50² = 23733, white e5e5e5 137² + 137² + 26² = 38214 → blue.
    XCTAssertEqual(Color.indexed(12).quantized(to: .eight), .indexed(4))
    // Bright cyan 00ffff at 8 colours: cyan 00cdcd is 2·50² = 5000 away, white 229² + 2·26².
    XCTAssertEqual(Color.indexed(14).quantized(to: .eight), .indexed(6))
    // Grey 7f7f7f at 8 colours: yellow cdcd00 is 78² + 78² + 127² = 28297 away (as are magenta
    // and cyan; the lowest index wins), white e5e5e5 3·102² = 31212, black 3·127² = 48387.
    XCTAssertEqual(Color.indexed(8).quantized(to: .eight), .indexed(3))
  }

  func testThemeQuantisationKeepsEveryColourWithinTheDepth() {
    let theme = Theme.dark.quantized(to: .sixteen)
    let colors = [theme.background, theme.text, theme.border, theme.borderFocused, theme.title, theme.selection,
                  theme.hintKey, theme.error, theme.warning, theme.ok, theme.heatmapLow, theme.heatmapMid, theme.heatmapHigh] + theme.series
    for color in colors {
      guard case .indexed(let i) = color else { return XCTFail("\(color) is not a palette colour") }
      XCTAssertLessThan(i, 16)
    }
  }
}
