import XCTest
@testable import TUI

final class HeatMapTests: XCTestCase {
  let ramp = ColorRamp(low: .rgb(0, 0, 0), mid: .rgb(100, 100, 100), high: .rgb(200, 200, 200))

  func testColourRampInterpolatesThroughMid() {
    XCTAssertEqual(ramp.color(at: 0), .rgb(0, 0, 0))
    XCTAssertEqual(ramp.color(at: 0.25), .rgb(50, 50, 50))
    XCTAssertEqual(ramp.color(at: 0.5), .rgb(100, 100, 100))
    XCTAssertEqual(ramp.color(at: 0.75), .rgb(150, 150, 150))
    XCTAssertEqual(ramp.color(at: 2), .rgb(200, 200, 200))
    XCTAssertEqual(ramp.color(at: .nan), .rgb(0, 0, 0))
    // Palette colours blend through their xterm RGB: index 196 is (255, 0, 0), 21 is (0, 0, 255).
    let palette = ColorRamp(low: .indexed(196), mid: .indexed(21), high: .indexed(21))
    XCTAssertEqual(palette.color(at: 0.25), .rgb(128, 0, 128))
    // The terminal default cannot be blended: it snaps to the nearer stop.
    let plain = ColorRamp(low: .terminalDefault, mid: .rgb(10, 10, 10), high: .rgb(10, 10, 10))
    XCTAssertEqual(plain.color(at: 0.2), .terminalDefault)
    XCTAssertEqual(plain.color(at: 0.3), .rgb(10, 10, 10))
  }

  func testTwoRowsPerCellWithHalfBlocks() {
    // Row 0 = 0, 1, 2, 2 and row 1 = 2, 1, 0, 0 over bounds 0…2: the upper half (foreground) is
    // row 0, the lower half (background) row 1.
    let map = HeatMap(values: [0, 1, 2, 2, 2, 1, 0, 0], columns: 4, rows: 2, bounds: 0...2, ramp: ramp)
    let buffer = renderForTest(map, width: 4, height: 1)
    XCTAssertEqual(buffer.lines, ["▀▀▀▀"])
    let styles = (0..<4).compactMap { buffer.cell(x: $0, y: 0)?.style }
    XCTAssertEqual(styles.map(\.foreground), [.rgb(0, 0, 0), .rgb(100, 100, 100), .rgb(200, 200, 200), .rgb(200, 200, 200)])
    XCTAssertEqual(styles.map(\.background), [.rgb(200, 200, 200), .rgb(100, 100, 100), .rgb(0, 0, 0), .rgb(0, 0, 0)])
  }

  func testNearestResamplingAndLevels() {
    // 4×4 grid into 2×1 cells: 4 half-rows → rows 0 and 2, columns 0 and 2.
    let values = (0..<16).map(Double.init)
    let map = HeatMap(values: values, columns: 4, rows: 4, levels: 2, ramp: ramp)
    let buffer = renderForTest(map, width: 2, height: 1)
    // Auto range 0…15; two levels split at 7.5: 0 and 2 → low, 8 and 10 → high.
    XCTAssertEqual(buffer.cell(x: 0, y: 0)?.style, Style(foreground: .rgb(0, 0, 0), background: .rgb(200, 200, 200)))
    XCTAssertEqual(buffer.cell(x: 1, y: 0)?.style, Style(foreground: .rgb(0, 0, 0), background: .rgb(200, 200, 200)))
  }

  func testPreservedAspectKeepsGridPointsSquare() {
    // A 4×2 grid in a 10×10 area: scale min(10/4, 20/2) = 2.5 → 10 columns × 5 half rows, so
    // 3 cell rows with the last lower half empty. In ASCII a grid point is half a row tall:
    // 10 columns × 2.5 → 3 rows.
    let values: [Double] = [0, 0, 2, 2, 2, 2, 0, 0]
    let map = HeatMap(values: values, columns: 4, rows: 2, bounds: 0...2, ramp: ramp, preservesAspect: true)
    let buffer = renderForTest(map, width: 10, height: 10)
    XCTAssertEqual(map.drawnSize(in: buffer.area, subRows: 2).width, 10)
    XCTAssertEqual(map.drawnSize(in: buffer.area, subRows: 2).subRows, 5)
    XCTAssertEqual(buffer.lines.prefix(4), ["▀▀▀▀▀▀▀▀▀▀", "▀▀▀▀▀▀▀▀▀▀", "▀▀▀▀▀▀▀▀▀▀", "          "])
    // Half rows 0–4 sample grid rows 0, 0, 0, 1, 1 (r · 2 / 5); the sixth half row is background.
    XCTAssertEqual(buffer.cell(x: 0, y: 1)?.style, Style(foreground: .rgb(0, 0, 0), background: .rgb(200, 200, 200)))
    XCTAssertEqual(buffer.cell(x: 0, y: 2)?.style, Style(foreground: .rgb(200, 200, 200), background: Theme.dark.background))
    XCTAssertEqual(map.drawnSize(in: Rect(x: 0, y: 0, width: 10, height: 10), subRows: 1).subRows, 3)
    // A tall grid in a wide area is limited by the height: 2×8 in 40×4 → scale 1 → 2 columns.
    let tall = HeatMap(values: Array(repeating: 1, count: 16), columns: 2, rows: 8, preservesAspect: true)
    XCTAssertEqual(tall.drawnSize(in: Rect(x: 0, y: 0, width: 40, height: 4), subRows: 2).width, 2)
  }

  func testNonFiniteValuesShowTheBackground() {
    let map = HeatMap(values: [.nan, 1], columns: 1, rows: 2, bounds: 0...1, ramp: ramp)
    XCTAssertEqual(renderForTest(map, width: 1, height: 1).cell(x: 0, y: 0)?.style,
                   Style(foreground: Theme.dark.background, background: .rgb(200, 200, 200)))
  }

  func testASCIIDensityCharacters() {
    // Value v of 0…15 picks density index round(v/15 · 9) of " .:-=+*#%@".
    let map = HeatMap(values: (0..<16).map(Double.init), columns: 4, rows: 4, symbols: .ascii)
    XCTAssertEqual(renderForTest(map, width: 4, height: 4).lines, [" ..:", ":-==", "++*#", "#%%@"])
  }

  func testColourScaleLegend() {
    // Range 0…2: label step nice(0.2) = 0.2, one decimal; bar of 2 columns, then the labels.
    let map = HeatMap(values: [0, 2], columns: 1, rows: 2, showsScale: true, ramp: ramp)
    let buffer = renderForTest(map, width: 12, height: 5)
    XCTAssertEqual(buffer.lines, [
      "▀▀▀▀▀ ▀▀ 2.0",
      "▀▀▀▀▀ ▀▀    ",
      "▀▀▀▀▀ ▀▀ 1.0",
      "▀▀▀▀▀ ▀▀    ",
      "▀▀▀▀▀ ▀▀ 0.0",
    ])
    // The bar's top half-row is the high end, its bottom half-row the low end.
    XCTAssertEqual(buffer.cell(x: 6, y: 0)?.style.foreground, .rgb(200, 200, 200))
    XCTAssertEqual(buffer.cell(x: 6, y: 4)?.style.background, .rgb(0, 0, 0))
  }

  func testTinyAreasAndBadShapes() {
    let map = HeatMap(values: [1, 2, 3, 4], columns: 2, rows: 2, showsScale: true)
    XCTAssertEqual(renderForTest(map, width: 0, height: 0).lines, [])
    XCTAssertEqual(renderForTest(map, width: 1, height: 1).lines, ["▀"])
    XCTAssertEqual(renderForTest(HeatMap(values: [1], columns: 2, rows: 2), width: 2, height: 1).lines, ["  "])
    XCTAssertEqual(renderForTest(HeatMap(values: [], columns: 0, rows: 0), width: 2, height: 1).lines, ["  "])
  }
}
