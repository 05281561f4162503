import Foundation
import XCTest
@testable import TUI

final class FieldMapTests: XCTestCase {
  let black = Color.rgb(0, 0, 0), white = Color.rgb(200, 200, 200), red = Color.rgb(255, 0, 0)
  var ramp: ColorRamp { ColorRamp(low: black, mid: .rgb(100, 100, 100), high: white) }

  func testBlockAverageByHand() {
    let grid = (0..<16).map(Double.init)  // 4 × 4, row 0 = 0 1 2 3
    XCTAssertEqual(FieldDownsample.blockAverage(grid, columns: 4, rows: 4, region: GridRegion(x: 0, y: 0, width: 4, height: 4),
                                                outputColumns: 2, outputRows: 2),
                   [2.5, 4.5, 10.5, 12.5])  // means of (0 1 4 5), (2 3 6 7), (8 9 12 13), (10 11 14 15)
    XCTAssertEqual(FieldDownsample.blockAverage(grid, columns: 4, rows: 4, region: GridRegion(x: 1, y: 1, width: 2, height: 2),
                                                outputColumns: 1, outputRows: 1), [7.5])  // (5 6 9 10)
    // Uneven blocks: 5 columns into 2 → columns ⌊i·2/5⌋: 0 1 2 | 3 4.
    XCTAssertEqual(FieldDownsample.blockAverage([0, 1, 2, 3, 4], columns: 5, rows: 1, region: GridRegion(x: 0, y: 0, width: 5, height: 1),
                                                outputColumns: 2, outputRows: 1), [1, 3.5])
    // NaN is left out of its block's mean; a block of NaN stays NaN.
    var holes = grid
    holes[0] = .nan
    let reduced = FieldDownsample.blockAverage(holes, columns: 4, rows: 4, region: GridRegion(x: 0, y: 0, width: 4, height: 4),
                                               outputColumns: 2, outputRows: 2)
    XCTAssertEqual(reduced[0], 10.0 / 3, accuracy: 1e-15)
    XCTAssertTrue(FieldDownsample.blockAverage([.nan], columns: 1, rows: 1, region: GridRegion(x: 0, y: 0, width: 1, height: 1),
                                               outputColumns: 1, outputRows: 1)[0].isNaN)
    // Larger output: nearest point; a region outside the grid: nothing.
    XCTAssertEqual(FieldDownsample.blockAverage([1, 2], columns: 2, rows: 1, region: GridRegion(x: 0, y: 0, width: 2, height: 1),
                                                outputColumns: 4, outputRows: 2), [1, 1, 2, 2, 1, 1, 2, 2])
    XCTAssertEqual(FieldDownsample.blockAverage(grid, columns: 4, rows: 4, region: GridRegion(x: 9, y: 0, width: 2, height: 2),
                                                outputColumns: 1, outputRows: 1), [])
  }

  func testBlockAverageOf1024SquareIsFast() {
    let n = 1024
    let field = (0..<(n * n)).map { Double($0 % 977) * 1e-3 }
    var best = Double.infinity
    var reduced: [Double] = []
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      reduced = FieldDownsample.blockAverage(field, columns: n, rows: n, region: GridRegion(x: 0, y: 0, width: n, height: n),
                                             outputColumns: 120, outputRows: 80)
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print("FieldDownsample 1024² → 120×80: \(String(format: "%.2f", best)) ms")
    XCTAssertEqual(reduced.count, 120 * 80)
    // The goal (issue 14) is for the optimised build `make test` runs; an unoptimised debug
    // build is about 10× slower and only has to stay interactive.
    #if DEBUG
      XCTAssertLessThan(best, 500, "1024² → 120×80 took \(best) ms (debug build)")
    #else
      XCTAssertLessThan(best, 50, "1024² → 120×80 took \(best) ms")
    #endif
    // Blocks of 1024/120 columns × 1024/80 rows: block (0, 0) is columns 0…8, rows 0…12
    // (⌊i·120/1024⌋ = 0 for i ≤ 8, ⌊j·80/1024⌋ = 0 for j ≤ 12): mean of (j·1024 + i) mod 977.
    var sum = 0.0
    for j in 0...12 { for i in 0...8 { sum += Double((j * n + i) % 977) * 1e-3 } }
    XCTAssertEqual(reduced[0], sum / 117, accuracy: 1e-12)
  }

  func testViewportZoomAndPanStayInsideTheGrid() {
    var view = FieldViewport(columns: 100, rows: 50)
    XCTAssertEqual(view.region, GridRegion(x: 0, y: 0, width: 100, height: 50))
    view.zoom(by: 2)  // 50 × 25 about the centre (50, 25): x = 25, y = round(12.5) = 13
    XCTAssertEqual(view.region, GridRegion(x: 25, y: 13, width: 50, height: 25))
    view.pan(x: 1, y: 0)  // centre 100 → clamped to 100 − 25 = 75: the right half
    XCTAssertEqual(view.region.x, 50)
    view.pan(x: 0, y: -1)  // down past the bottom: clamped
    XCTAssertEqual(view.region.y, 0)
    view.zoom(by: 1000)  // at most 2 points along the shorter axis: zoom 25 → 4 × 2
    XCTAssertEqual(view.region.width, 4)
    XCTAssertEqual(view.region.height, 2)
    view.zoom(by: 0.001)
    XCTAssertEqual(view.region, GridRegion(x: 0, y: 0, width: 100, height: 50))
  }

  func testRowZeroIsAtTheBottomAndTheInterfaceIsDrawn() {
    // Grid 4 × 2 (1 µm spacing), row 0 (bottom) = 0 0 1 1, row 1 (top) = 1 1 1 1, in a 4 × 1
    // area (too small for axes and scale): 4 columns × 2 half rows, top half = row 1.
    let values: [Double] = [0, 0, 1, 1, 1, 1, 1, 1]
    var map = FieldMap(values: values, columns: 4, rows: 2, spacing: (1e-6, 1e-6), name: "ξ", unit: "", bounds: 0...1, ramp: ramp)
    var buffer = renderForTest(map, width: 4, height: 1)
    XCTAssertEqual(buffer.lines, ["▀▀▀▀"])
    XCTAssertEqual((0..<4).map { buffer.cell(x: $0, y: 0)?.style.foreground }, [white, white, white, white])
    XCTAssertEqual((0..<4).map { buffer.cell(x: $0, y: 0)?.style.background }, [black, black, white, white])
    // The ξ = 0.5 contour: points ≥ 0.5 with a 4-neighbour below 0.5 — row 1 columns 0, 1
    // (above the zeros) and row 0 column 2 (right of a zero).
    map.interface = values
    map.interfaceColor = red
    buffer = renderForTest(map, width: 4, height: 1)
    XCTAssertEqual((0..<4).map { buffer.cell(x: $0, y: 0)?.style.foreground }, [red, red, white, white])
    XCTAssertEqual((0..<4).map { buffer.cell(x: $0, y: 0)?.style.background }, [black, black, red, white])
  }

  func testTrueAspectRatio() {
    // 4 × 2 points at 1 × 2 µm: a 4 × 4 µm square → 4 columns × 4 half rows in a 10 × 2 area.
    let map = FieldMap(values: Array(repeating: 0, count: 8), columns: 4, rows: 2, spacing: (1e-6, 2e-6), name: "c", unit: "mol/m³")
    XCTAssertEqual(map.drawnSize(width: 10, height: 2).columns, 4)
    XCTAssertEqual(map.drawnSize(width: 10, height: 2).subRows, 4)
    // A wide domain in a tall area is limited by the width: 8 × 2 µm in 4 × 10 → 4 × 1.
    let wide = FieldMap(values: Array(repeating: 0, count: 16), columns: 8, rows: 2, spacing: (1e-6, 1e-6), name: "c", unit: "")
    XCTAssertEqual(wide.drawnSize(width: 4, height: 10).columns, 4)
    XCTAssertEqual(wide.drawnSize(width: 4, height: 10).subRows, 1)
  }

  func testAxesInMicrometresAndColourBar() {
    // 30 × 6: y labels (3 wide + gap) at the left, x labels below, the bar (header "ξ", 1.0 and
    // 0.0) at the right (7 wide). The map gets 19 × 4 cells; 4 × 2 µm at scale
    // min(19/4, 8/2) = 4 cells per µm → 16 columns × 8 half rows.
    let map = FieldMap(values: [0, 0, 1, 1, 1, 1, 1, 1], columns: 4, rows: 2, spacing: (1e-6, 1e-6), name: "ξ", unit: "",
                       bounds: 0...1, ramp: ramp)
    let buffer = renderForTest(map, width: 30, height: 6)
    let bar = String(repeating: "▀", count: 16)
    XCTAssertEqual(buffer.lines, [
      String(repeating: " ", count: 21) + "ξ" + String(repeating: " ", count: 8),
      "1.0 " + bar + " ▀▀ 1.0   ",
      "    " + bar + " ▀▀       ",
      "    " + bar + " ▀▀       ",
      "0.0 " + bar + " ▀▀ 0.0   ",
      "    0.0       3.0 µm          ",
    ])
    // The bar's top is the high end, its bottom the low end.
    XCTAssertEqual(buffer.cell(x: 21, y: 1)?.style.foreground, white)
    XCTAssertEqual(buffer.cell(x: 21, y: 4)?.style.background, black)
  }

  func testTinyAreasDoNotTrap() {
    let map = FieldMap(values: [0, 1, 2, 3], columns: 2, rows: 2, spacing: (1, 1), name: "φ", unit: "V")
    for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 3)] { _ = renderForTest(map, width: w, height: h) }
    let broken = FieldMap(values: [0], columns: 2, rows: 2, spacing: (1, 1), name: "φ", unit: "V")
    XCTAssertEqual(renderForTest(broken, width: 3, height: 1).lines, ["   "])
  }
}

final class FieldMapImageTests: XCTestCase {
  func testImageKeepsAspectFlipsRowsAndDrawsTheContour() throws {
    // 4 × 2 points of 1 µm (4 × 2 µm) into at most 8 × 8 pixels: scale min(8/4, 8/2) = 2 → 8 × 4.
    // Row 0 (bottom) = 0 0 1 1, row 1 = 1 1 1 1; black → white, contour red.
    let ramp = ColorRamp(low: .rgb(0, 0, 0), mid: .rgb(100, 100, 100), high: .rgb(200, 200, 200))
    var map = FieldMap(values: [0, 0, 1, 1, 1, 1, 1, 1], columns: 4, rows: 2, spacing: (1e-6, 1e-6), name: "ξ", unit: "",
                       bounds: 0...1, ramp: ramp)
    let image = try XCTUnwrap(map.image(maxWidth: 8, maxHeight: 8, theme: .dark))
    XCTAssertEqual(image.width, 8)
    XCTAssertEqual(image.height, 4)
    XCTAssertTrue(image.pixel(x: 0, y: 0) == (200, 200, 200), "top row is the field's top row")
    XCTAssertTrue(image.pixel(x: 0, y: 3) == (0, 0, 0), "bottom-left is the field's row 0, column 0")
    XCTAssertTrue(image.pixel(x: 7, y: 3) == (200, 200, 200))
    // With ξ = the same values the contour is the metal pixels next to a zero: pixel row 1
    // (field row 2 of 4, upsampled from row 1) above the zeros, columns 0–3.
    map.interface = map.values
    map.interfaceColor = .rgb(255, 0, 0)
    let outlined = try XCTUnwrap(map.image(maxWidth: 8, maxHeight: 8, theme: .dark))
    XCTAssertTrue(outlined.pixel(x: 0, y: 1) == (255, 0, 0))
    XCTAssertTrue(outlined.pixel(x: 0, y: 0) == (200, 200, 200))
    XCTAssertTrue(outlined.pixel(x: 4, y: 3) == (255, 0, 0), "row 0 column 2 (upsampled to pixel 4) is next to a zero")
    XCTAssertNil(map.image(maxWidth: 0, maxHeight: 8, theme: .dark))
  }
}
