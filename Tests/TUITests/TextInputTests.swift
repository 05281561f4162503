import XCTest

@testable import TUI

final class TextInputTests: XCTestCase {
  func type(_ text: String, into input: inout TextInput) {
    for c in text { _ = input.handle(.character(c)) }
  }

  func testEditsLikeAShellLine() {
    var input = TextInput()
    type("theme dark", into: &input)
    XCTAssertEqual(input.text, "theme dark")
    XCTAssertEqual(input.handle(.ctrl("a")), .moved)
    XCTAssertEqual(input.cursor, 0)
    _ = input.handle(.right)
    _ = input.handle(.delete)  // removes "h"
    XCTAssertEqual(input.text, "teme dark")
    _ = input.handle(.end)
    _ = input.handle(.backspace)
    XCTAssertEqual(input.text, "teme dar")
    _ = input.handle(.home)
    _ = input.handle(.backspace)  // nothing before the cursor
    XCTAssertEqual(input.text, "teme dar")
    _ = input.handle(.ctrl("e"))
    XCTAssertEqual(input.cursor, 8)
    _ = input.handle(.left)
    _ = input.handle(.left)
    XCTAssertEqual(input.handle(.ctrl("k")), .edited)
    XCTAssertEqual(input.text, "teme d")
    XCTAssertEqual(input.handle(.ctrl("w")), .edited)
    XCTAssertEqual(input.text, "teme ")
    XCTAssertEqual(input.cursor, 5)
    _ = input.handle(.ctrl("w"))  // skips the space, then the word
    XCTAssertEqual(input.text, "")
    type("abc", into: &input)
    _ = input.handle(.left)
    _ = input.handle(.ctrl("u"))
    XCTAssertEqual(input.text, "")
    XCTAssertEqual(input.cursor, 0)
    type("quit", into: &input)
    XCTAssertEqual(input.handle(.enter), .submitted("quit"))
    XCTAssertEqual(input.handle(.escape), .cancelled)
    XCTAssertEqual(input.handle(.pageUp), .ignored)
  }

  func testNumericEntryWithExponentsAndSIUnits() {
    let grams = NumericEntry.Unit("g")
    let pascals = NumericEntry.Unit("Pa")
    XCTAssertEqual(try NumericEntry.parse("2g", unit: grams).get(), 2)
    XCTAssertEqual(try NumericEntry.parse(" 2 mg ", unit: grams).get(), 0.002, accuracy: 1e-15)
    XCTAssertEqual(try NumericEntry.parse("1.5kg", unit: grams).get(), 1500)
    XCTAssertEqual(try NumericEntry.parse("300MPa", unit: pascals).get(), 3e8)
    XCTAssertEqual(try NumericEntry.parse("1.5e-3", unit: grams).get(), 0.0015)
    XCTAssertEqual(try NumericEntry.parse("-2.5E+2 kPa", unit: pascals).get(), -250_000)
    XCTAssertEqual(try NumericEntry.parse(".5", unit: .none).get(), 0.5)
    XCTAssertEqual(try NumericEntry.parse("5.", unit: .none).get(), 5)
    XCTAssertEqual(try NumericEntry.parse("20 µg", unit: grams).get(), 2e-5, accuracy: 1e-18)
  }

  func testBadNumbersAreMessagesNotCrashes() {
    let grams = NumericEntry.Unit("g")
    func message(_ text: String, _ unit: NumericEntry.Unit) -> String? {
      if case .failure(let failure) = NumericEntry.parse(text, unit: unit) { return failure.message }
      return nil
    }
    XCTAssertEqual(message("", grams), "expected a number such as 2.5, 1e-3 or 2 g, got nothing")
    XCTAssertEqual(message("abc", grams), "expected a number such as 2.5, 1e-3 or 2 g, got \"abc\"")
    XCTAssertEqual(message("2 Pa", grams), "expected a unit of g (e.g. kg, mg), got \"Pa\" in \"2 Pa\"")
    XCTAssertNotNil(message("2e", grams), "a dangling exponent is not a unit")
    XCTAssertNotNil(message("2xg", grams), "x is not an SI prefix")
    XCTAssertNotNil(message("1e999", grams), "overflow is reported")
    XCTAssertEqual(message("3 g", .none), "expected a plain number, got unit \"g\" in \"3 g\"")
    XCTAssertNotNil(message("-", .none))
  }

  func testNumericModeRefusesToSubmitBadText() {
    var input = TextInput(text: "2 gg", numericUnit: NumericEntry.Unit("g"))
    guard case .rejected(let message) = input.handle(.enter) else { return XCTFail("bad text must be rejected") }
    XCTAssertTrue(message.contains("\"gg\""), message)
    _ = input.handle(.backspace)
    XCTAssertEqual(input.handle(.enter), .submitted("2 g"))
    XCTAssertEqual(try input.numericValue?.get(), 2)
  }

  func testRenderShowsPromptTextAndCursorScrolledIntoView() {
    var buffer = Buffer(width: 10, height: 1)
    TextInput(text: "theme", prompt: ":").render(into: &buffer, area: buffer.area, theme: .dark)
    XCTAssertEqual(buffer.lines, [":theme    "])
    XCTAssertEqual(buffer.cell(x: 6, y: 0)?.style.attributes, .reverse, "the cursor after the text")
    XCTAssertEqual(buffer.cell(x: 5, y: 0)?.style.attributes, [])
    var narrow = Buffer(width: 4, height: 1)
    TextInput(text: "abcdefg").render(into: &narrow, area: narrow.area, theme: .dark)
    XCTAssertEqual(narrow.lines, ["efg "])
    var bad = Buffer(width: 6, height: 1)
    TextInput(text: "2q", numericUnit: NumericEntry.Unit("g")).render(into: &bad, area: bad.area, theme: .dark)
    XCTAssertEqual(bad.cell(x: 0, y: 0)?.style.foreground, Theme.dark.error)
  }

  func testTinyAreasNeverTrap() {
    var empty = Buffer(width: 0, height: 0)
    TextInput(text: "abc", prompt: ">").render(into: &empty, area: empty.area, theme: .dark)
    XCTAssertEqual(empty.lines, [])
    var one = Buffer(width: 1, height: 1)
    TextInput(text: "abc", prompt: ">").render(into: &one, area: one.area, theme: .dark)
    XCTAssertEqual(one.lines, [">"])
    var cursorOnly = Buffer(width: 1, height: 1)
    TextInput(text: "abc").render(into: &cursorOnly, area: cursorOnly.area, theme: .dark)
    XCTAssertEqual(cursorOnly.lines, [" "])
  }
}
