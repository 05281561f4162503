import XCTest
@testable import TUI

final class LayoutTests: XCTestCase {
  func widths(_ total: Int, _ constraints: [Constraint], spacing: Int = 0) -> [Int] {
    Layout.split(Rect(x: 0, y: 0, width: total, height: 1), direction: .horizontal, constraints, spacing: spacing).map(\.width)
  }

  func testLengthAndFillCoverTheArea() {
    let rects = Layout.split(Rect(x: 3, y: 1, width: 10, height: 2), direction: .horizontal, [.length(3), .fill(1)])
    XCTAssertEqual(rects, [Rect(x: 3, y: 1, width: 3, height: 2), Rect(x: 6, y: 1, width: 7, height: 2)])
  }

  func testVerticalSplitKeepsTheOtherDimension() {
    let rects = Rect(x: 2, y: 5, width: 4, height: 10).rows([.length(1), .fill(1), .length(1)])
    XCTAssertEqual(rects, [
      Rect(x: 2, y: 5, width: 4, height: 1), Rect(x: 2, y: 6, width: 4, height: 8), Rect(x: 2, y: 14, width: 4, height: 1),
    ])
  }

  func testPercentagesRoundDownAndLeaveTheRestUnused() {
    // 50 % of 11 = 5.5 → 5 each; no fill or min to take the last cell.
    XCTAssertEqual(widths(11, [.percentage(50), .percentage(50)]), [5, 5])
  }

  func testRatioThenFillsByWeightWithLargestRemainder() {
    // 1/3 of 30 = 10; 20 left for weights 1:2 = 6.67 : 13.33 → 6 : 13 plus the leftover cell to
    // the larger remainder (20·1 mod 3 = 2 beats 20·2 mod 3 = 1) → 7 : 13.
    XCTAssertEqual(widths(30, [.ratio(1, 3), .fill(1), .fill(2)]), [10, 7, 13])
  }

  func testOverflowShrinksProportionallyToExactlyTheArea() {
    XCTAssertEqual(widths(6, [.length(5), .length(5)]), [3, 3])
    // 3 cells for bases 4 and 2: 3·4/6 = 2, 3·2/6 = 1.
    XCTAssertEqual(widths(3, [.length(4), .length(2)]), [2, 1])
    // One row for a tab bar, a body and a status line: the first fixed row wins.
    XCTAssertEqual(widths(1, [.length(1), .fill(1), .length(1)]), [1, 0, 0])
  }

  func testMinGrowsWithoutFillsAndMaxCaps() {
    XCTAssertEqual(widths(10, [.length(2), .min(3)]), [2, 8])
    XCTAssertEqual(widths(10, [.min(3), .fill(1)]), [3, 7])
    XCTAssertEqual(widths(10, [.max(4), .fill(1)]), [4, 6])
    XCTAssertEqual(widths(3, [.max(4), .fill(1)]), [3, 0])
  }

  func testSpacingBetweenSegments() {
    let rects = Layout.split(Rect(x: 0, y: 0, width: 10, height: 1), direction: .horizontal, [.fill(1), .fill(1)], spacing: 2)
    XCTAssertEqual(rects.map(\.x), [0, 6])
    XCTAssertEqual(rects.map(\.width), [4, 4])
  }

  func testSpacingShrinksWhenTheAreaCannotHoldIt() {
    // Width 3, three segments, spacing 5: spacing becomes 3 / 2 = 1, one cell is left for them.
    let rects = Layout.split(Rect(x: 0, y: 0, width: 3, height: 1), direction: .horizontal, [.fill(1), .fill(1), .fill(1)], spacing: 5)
    XCTAssertEqual(rects.map(\.width), [1, 0, 0])
    XCTAssertEqual(rects.map(\.x), [0, 2, 3])
    XCTAssertTrue(rects.allSatisfy { $0.right <= 3 })
  }

  func testZeroSizedAreasGiveEmptyRects() {
    let rects = Layout.split(.zero, direction: .vertical, [.length(3), .fill(1), .min(2), .percentage(40)], spacing: 1)
    XCTAssertEqual(rects.count, 4)
    XCTAssertTrue(rects.allSatisfy { $0.height == 0 && $0.width == 0 })
    XCTAssertEqual(widths(0, [.ratio(1, 2)]), [0])
    XCTAssertEqual(Layout.split(Rect(x: 0, y: 0, width: 5, height: 5), direction: .horizontal, []), [])
  }

  func testDegenerateConstraintsNeverGoNegative() {
    XCTAssertEqual(widths(10, [.length(-3), .percentage(150), .ratio(1, 0), .fill(0)]), [0, 10, 0, 0])
  }

  /// With a fill present the segments and spacing add up to the total for every size, and no
  /// size is negative — checked exhaustively for small areas.
  func testFillsAlwaysCoverExactly() {
    let cases: [[Constraint]] = [
      [.length(3), .fill(1), .length(2)], [.percentage(30), .fill(2), .ratio(1, 4)],
      [.min(5), .fill(1), .max(8)], [.fill(1), .fill(3), .fill(1)], [.length(20), .fill(1)],
    ]
    for constraints in cases {
      for total in 0...40 {
        for spacing in 0...2 {
          let sizes = Layout.sizes(total: total, constraints: constraints, spacing: spacing)
          let gap = Layout.effectiveSpacing(total: total, count: constraints.count, spacing: spacing)
          XCTAssertTrue(sizes.allSatisfy { $0 >= 0 }, "\(constraints) \(total)")
          XCTAssertEqual(sizes.reduce(0, +) + gap * (constraints.count - 1), total, "\(constraints) total \(total) spacing \(spacing)")
        }
      }
    }
  }
}
