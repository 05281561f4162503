import XCTest
@testable import TUI

final class PlotTests: XCTestCase {
  func testScatterPlotInASCIIWithAxes() {
    // Bounds 0…10 both ways, 16×7 cells: 5 plot rows; y ticks 0, 5, 10 (label width 2), so the
    // plot is 13 columns from x = 3. Dots: x → x/10·12, y → (10 − y)/10·4.
    let series = PlotSeries("", x: [0, 10, 5], y: [0, 10, 5])
    let plot = ScatterPlot(
      series: [series], xAxis: PlotAxis(bounds: 0...10), yAxis: PlotAxis(bounds: 0...10), symbols: .ascii)
    XCTAssertEqual(renderForTest(plot, width: 16, height: 7).lines, [
      "10┤            *",
      "  │             ",
      " 5┤      *      ",
      "  │             ",
      " 0┤*            ",
      "  └┬───────────┬",
      "   0          10",
    ])
  }

  func testReversedAxes() {
    // The scatter of the first test with x reversed: x → (10 − x)/10·12; y reversed: y → y/10·4.
    let series = PlotSeries("", x: [0, 10, 5], y: [0, 10, 5])
    let plot = ScatterPlot(
      series: [series], xAxis: PlotAxis(bounds: 0...10, isReversed: true), yAxis: PlotAxis(bounds: 0...10, isReversed: true),
      symbols: .ascii)
    XCTAssertEqual(renderForTest(plot, width: 16, height: 7).lines, [
      " 0┤            *",
      "  │             ",
      " 5┤      *      ",
      "  │             ",
      "10┤*            ",
      "  └┬───────────┬",
      "   10          0",
    ])
  }

  func testLinePlotInBraille() {
    // 8×4 cells: 2 plot rows, y ticks 0 and 1, plot 6 columns = 12×8 dots. The line (0,7)→(11,0)
    // by Bresenham: (0,7) (1,6) (2,6) (3,5) (4,4) (5,4) (6,3) (7,3) (8,2) (9,1) (10,1) (11,0).
    // Lower row: ⡠ (0x40|0x20) ⠔ (0x04|0x10) ⠉ (0x01|0x08); upper: ⣀ (0x40|0x80) ⠔ ⠊ (0x02|0x08).
    let plot = LinePlot(series: [PlotSeries("", x: [0, 1], y: [0, 1])], xAxis: PlotAxis(bounds: 0...1), yAxis: PlotAxis(bounds: 0...1))
    XCTAssertEqual(renderForTest(plot, width: 8, height: 4).lines, [
      "1┤   ⣀⠔⠊",
      "0┤⡠⠔⠉   ",
      " └┬────┬",
      "  0    1",
    ])
  }

  func testTitlesLegendAndSeriesColours() {
    let a = PlotSeries("Li", x: [0, 10], y: [0, 0])
    let b = PlotSeries("Na", x: [0, 10], y: [10, 10])
    let plot = LinePlot(series: [a, b], xAxis: PlotAxis("t (h)", bounds: 0...10), yAxis: PlotAxis("E (V)", bounds: 0...10), symbols: .ascii)
    // The x title centres over the 13 plot columns: (13 − 5) / 2 = 4 past column 3.
    let buffer = renderForTest(plot, width: 16, height: 9)
    XCTAssertEqual(buffer.lines, [
      "E (V)           ",
      "10┤+++++++++* Li",
      "  │         + Na",
      " 5┤             ",
      "  │             ",
      " 0┤*************",
      "  └┬───────────┬",
      "   0          10",
      "       t (h)    ",
    ].map { $0 + String(repeating: " ", count: max(0, 16 - $0.count)) })
    let theme = Theme.dark
    XCTAssertEqual(buffer.cell(x: 3, y: 5)?.style.foreground, theme.seriesColor(0))
    XCTAssertEqual(buffer.cell(x: 3, y: 1)?.style.foreground, theme.seriesColor(1))
    XCTAssertEqual(buffer.cell(x: 12, y: 2)?.style.foreground, theme.seriesColor(1))
    XCTAssertEqual(buffer.cell(x: 0, y: 0)?.style.foreground, theme.title)
    XCTAssertEqual(buffer.cell(x: 2, y: 3)?.style.foreground, theme.border)
  }

  func testAutomaticBoundsWidenToNiceTicks() {
    let plot = PlotRenderer(
      series: [PlotSeries("", x: [0.3, 9.3], y: [-1.3, 2.7])], xAxis: PlotAxis(), yAxis: PlotAxis(),
      symbols: .braille, legend: .hidden, equalAspect: false, defaultKind: .line)
    let frame = plot.layout(Rect(x: 0, y: 0, width: 40, height: 10))
    // 8 plot rows → 5 y ticks: span 4 → 5, step nice(1.25) = 1, bounds −2…3.
    XCTAssertEqual(frame.y.lower, -2)
    XCTAssertEqual(frame.y.upper, 3)
    XCTAssertEqual(frame.y.ticks.map(\.label), ["-2", "-1", "0", "1", "2", "3"])
    // Plot width 37 → 6 x ticks: span 10, step nice(2) = 2, bounds 0…10.
    XCTAssertEqual(frame.x.lower, 0)
    XCTAssertEqual(frame.x.upper, 10)
    XCTAssertEqual(frame.x.ticks.map(\.label), ["0", "2", "4", "6", "8", "10"])
  }

  func testLogAxisWithDecadeTicks() {
    // x 1…1000 on a log axis: decades 0…3 map to columns 0, 9, 18, 27 of the 28-column plot;
    // y 0…4 over 5 rows maps y to row 4 − y. Non-positive x (−5, 0) is not drawn. Labels centre
    // on their tick; "1000" is pushed left to stay inside the area.
    let data = PlotSeries("", x: [1, 10, 100, 1000, -5, 0], y: [1, 2, 3, 4, 9, 9])
    let plot = ScatterPlot(series: [data], xAxis: PlotAxis(scale: .log10), yAxis: PlotAxis(bounds: 0...4), symbols: .ascii)
    let lines = renderForTest(plot, width: 30, height: 7).lines
    XCTAssertEqual(lines, [
      "4┤                           *",
      " │                  *         ",
      "2┤         *                  ",
      " │*                           ",
      "0┤                            ",
      " └┬────────┬────────┬────────┬",
      "  1        10      100    1000",
    ])
  }

  func testEqualAspectGivesEqualUnitsAcrossAndDown() {
    // A semicircle 100 Ω wide and 50 Ω tall (a Nyquist arc).
    let arc = PlotSeries("", x: [0, 50, 100], y: [0, 50, 0])
    let renderer = PlotRenderer(
      series: [arc], xAxis: PlotAxis(), yAxis: PlotAxis(), symbols: .braille, legend: .hidden,
      equalAspect: true, defaultKind: .line)
    for (width, height) in [(40, 14), (80, 10), (20, 30)] {
      let frame = renderer.layout(Rect(x: 0, y: 0, width: width, height: height))
      let dotsW = Double(frame.plot.width * 2), dotsH = Double(frame.plot.height * 4)
      // Ohms per cell width across, and per cell width down (a cell is two widths tall).
      let across = (frame.x.upper - frame.x.lower) / ((dotsW - 1) / 2)
      let down = (frame.y.upper - frame.y.lower) / (2 * (dotsH - 1) / 4)
      XCTAssertEqual(across, down, accuracy: 1e-9 * across, "\(width)×\(height)")
      XCTAssertLessThanOrEqual(frame.x.lower, 0)
      XCTAssertGreaterThanOrEqual(frame.x.upper, 100)
      XCTAssertLessThanOrEqual(frame.y.lower, 0)
      XCTAssertGreaterThanOrEqual(frame.y.upper, 50)
    }
  }

  func testLinesBreakAtGapsAndFarPointsAreClipped() {
    let series = PlotSeries("", x: [0, 1, .nan, 3, 4, 1e300], y: [0, 0, 0, 0, 0, 1e300])
    let plot = LinePlot(series: [series], xAxis: PlotAxis(bounds: 0...4), yAxis: PlotAxis(bounds: 0...1), symbols: .ascii)
    let lines = renderForTest(plot, width: 12, height: 4).lines
    // y ticks 0 and 1 leave a plot 10 columns wide (x → x/4·9): 0…1 fills columns 0–2,
    // 3…4 columns 7–9 (6.75 rounds to 7), nothing between; the segment towards 1e300 is clipped
    // to the corner dot it starts from.
    XCTAssertEqual(lines[1], "0┤***    ***")
    XCTAssertEqual(lines[0], "1┤          ")
  }

  func testExtremeValuesNeverTrap() {
    let wide = PlotSeries("", x: [-1e308, 0, 1e308, .infinity], y: [1e308, -1e308, 0, 1])
    let flat = PlotSeries("", x: [2, 2, 2], y: [5, 5, 5])
    for series in [wide, flat] {
      for symbols in GraphSymbols.allCases {
        for equalAspect in [false, true] {
          let plot = LinePlot(series: [series], symbols: symbols, equalAspect: equalAspect)
          XCTAssertEqual(renderForTest(plot, width: 30, height: 10).lines.count, 10)
          XCTAssertEqual(renderForTest(ScatterPlot(series: [series], symbols: symbols), width: 30, height: 10).lines.count, 10)
        }
      }
    }
    // A single repeated point gets a range around it: 2 ± 0.2 across, 5 ± 0.5 down, widened to ticks.
    let frame = PlotRenderer(series: [flat], xAxis: PlotAxis(), yAxis: PlotAxis(), symbols: .braille, legend: .hidden,
                             equalAspect: false, defaultKind: .line).layout(Rect(x: 0, y: 0, width: 30, height: 10))
    XCTAssertLessThan(frame.x.lower, 2)
    XCTAssertGreaterThan(frame.x.upper, 2)
    XCTAssertLessThan(frame.y.lower, 5)
    XCTAssertGreaterThan(frame.y.upper, 5)
  }

  func testTinyAreasNeverTrap() {
    let series = [PlotSeries("a", x: [0, 1, 2], y: [1, 3, 2])]
    for symbols in GraphSymbols.allCases {
      XCTAssertEqual(renderForTest(LinePlot(series: series, symbols: symbols), width: 0, height: 0).lines, [])
      XCTAssertEqual(renderForTest(ScatterPlot(series: series, symbols: symbols), width: 1, height: 1).lines.count, 1)
      for (w, h) in [(1, 5), (5, 1), (2, 2), (6, 3), (7, 4)] {
        XCTAssertEqual(renderForTest(LinePlot(series: series, xAxis: PlotAxis("x"), yAxis: PlotAxis("y", scale: .log10), symbols: symbols, equalAspect: true), width: w, height: h).lines.count, h)
      }
    }
    // A 1×1 braille plot of a rising line has no axes: the line (0,3)→(1,0) in one cell's 2×4
    // dots is (0,3) (0,2) (1,1) (1,0) = 0x40 | 0x04 | 0x10 | 0x08 = U+285C.
    XCTAssertEqual(renderForTest(LinePlot(series: [PlotSeries("", x: [0, 1], y: [0, 1])]), width: 1, height: 1).lines, ["⡜"])
    XCTAssertEqual(renderForTest(LinePlot(series: []), width: 8, height: 4).lines.count, 4)
  }
}
