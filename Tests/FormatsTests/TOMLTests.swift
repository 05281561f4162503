import XCTest

@testable import Formats

/// The TOML reader against the TOML 1.0 specification's own examples and rules, and the error
/// messages a person sees for malformed files.
final class TOMLTests: XCTestCase {
  func testScalarsOfEveryKind() throws {
    let doc = try TOML.parse(
      """
      # a comment
      name = "LPSC"   # trailing comment
      literal = 'C:\\Users\\lab'
      count = 1_000
      hex = 0xff
      ratio = 0.85
      exponent = 6.02e23
      negative = -3.5E-2
      flag = true
      off = false
      when = 1979-05-27T07:32:00Z
      spaced = 1979-05-27 07:32:00
      escaped = "tab\\tquote\\" µ \\u00B0C"
      """, fileName: "t.toml")
    XCTAssertEqual(doc["name"], .string("LPSC"))
    XCTAssertEqual(doc["literal"], .string("C:\\Users\\lab"))
    XCTAssertEqual(doc["count"], .integer(1000))
    XCTAssertEqual(doc["hex"], .integer(255))
    XCTAssertEqual(doc["ratio"], .float(0.85))
    XCTAssertEqual(doc["exponent"], .float(6.02e23))
    XCTAssertEqual(doc["negative"], .float(-0.035))
    XCTAssertEqual(doc["flag"], .boolean(true))
    XCTAssertEqual(doc["off"], .boolean(false))
    XCTAssertEqual(doc["when"], .dateTime("1979-05-27T07:32:00Z"))
    XCTAssertEqual(doc["spaced"], .dateTime("1979-05-27 07:32:00"))
    XCTAssertEqual(doc["escaped"], .string("tab\tquote\" µ °C"))
    XCTAssertEqual(doc.line(of: "ratio"), 6)
  }

  func testTablesDottedKeysAndArraysOfTables() throws {
    let doc = try TOML.parse(
      """
      product = "Li6PS5Cl"
      site.temperature_C = 25

      [[precursor]]
      formula = "Li2S"
      purity = 99.9

      [[precursor]]
      formula = "P2S5"

      [process.anneal]
      target_C = 550
      hold_h = 6
      ratio = [5, 1, 2]
      mixed = [ "a",
        "b", # comment inside an array
      ]
      point = { x = 1, y = 2.5, tag.name = "z" }
      """)
    let precursors = try doc.tables("precursor")
    XCTAssertEqual(precursors.count, 2)
    XCTAssertEqual(try precursors[0].string("formula"), "Li2S")
    XCTAssertEqual(try precursors[0].double("purity"), 99.9)
    XCTAssertEqual(try precursors[1].string("formula"), "P2S5")
    XCTAssertEqual(precursors[1].line, 8)
    XCTAssertEqual(try doc.table("site").double("temperature_C"), 25)
    let anneal = try doc.table("process").table("anneal")
    XCTAssertEqual(anneal.line, 11)
    XCTAssertEqual(anneal.path, "process.anneal")
    XCTAssertEqual(try anneal.double("hold_h"), 6)
    XCTAssertEqual(try anneal.doubles("ratio"), [5, 1, 2])
    XCTAssertEqual(try anneal.strings("mixed"), ["a", "b"])
    let point = try anneal.table("point")
    XCTAssertEqual(try point.double("y"), 2.5)
    XCTAssertEqual(try point.table("tag").string("name"), "z")
  }

  func testMultilineStrings() throws {
    let doc = try TOML.parse(
      "a = \"\"\"\nline one\nline two\"\"\"\nb = '''\nraw \\n text'''\nc = \"\"\"joined \\\n    here\"\"\"\n")
    XCTAssertEqual(doc["a"], .string("line one\nline two"))
    XCTAssertEqual(doc["b"], .string("raw \\n text"))
    XCTAssertEqual(doc["c"], .string("joined here"))
  }

  func testKeyOrderIsKept() throws {
    let doc = try TOML.parse("z = 1\na = 2\nm = 3\n")
    XCTAssertEqual(doc.keys, ["z", "a", "m"])
  }

  // MARK: Errors a person sees

  func assertError(_ text: String, line: Int, column: Int? = nil, contains fragment: String, file: StaticString = #filePath, sourceLine: UInt = #line) {
    XCTAssertThrowsError(try TOML.parse(text, fileName: "bad.toml"), file: file, line: sourceLine) { error in
      guard let error = error as? InputError else { return XCTFail("not an InputError: \(error)", file: file, line: sourceLine) }
      XCTAssertEqual(error.file, "bad.toml", file: file, line: sourceLine)
      XCTAssertEqual(error.line, line, "\(error)", file: file, line: sourceLine)
      if let column { XCTAssertEqual(error.column, column, "\(error)", file: file, line: sourceLine) }
      XCTAssertTrue(error.message.contains(fragment), "\(error.message) lacks '\(fragment)'", file: file, line: sourceLine)
    }
  }

  func testMalformedDocumentsNameLineColumnAndExpectation() {
    assertError("a = 1\nb = \"open\n", line: 2, contains: "unterminated string")
    assertError("a = 1\nb 2\n", line: 2, column: 3, contains: "expected '='")
    assertError("a = 1\na = 2\n", line: 2, contains: "duplicate key 'a' (first defined on line 1)")
    assertError("[t]\nx = 1\n[t]\n", line: 3, contains: "defined twice")
    assertError("x = [1, 2\n", line: 2, contains: "unterminated array")
    assertError("x = 5 6\n", line: 1, column: 7, contains: "expected the end of the line")
    assertError("x = hello\n", line: 1, column: 5, contains: "found 'hello'")
    assertError("x = 007\n", line: 1, contains: "found '007'")
    assertError("x = 1.\n", line: 1, contains: "found '1.'")
    assertError("[a\nx = 1\n", line: 1, contains: "expected ']'")
    assertError("p = { x = 1 }\np.y = 2\n", line: 2, contains: "inline value")
    assertError("s = \"bad \\q escape\"\n", line: 1, contains: "unknown escape")
    // Found by the toml and protocol fuzz families (Tests/Fuzz/crashes/toml-6f9b13ba9d1c,
    // protocol-11f462507187): a backslash ending the line trapped computing the column, as the
    // line had moved on past the escape the error points back at. Column 7 is the backslash.
    assertError("s = \"a\\\nb = 1\n", line: 1, column: 7, contains: "unknown escape sequence '\\' followed by byte 0xA")
    assertError("a = 1\n[a]\n", line: 2, contains: "already defined as an integer")
  }

  func testColumnsCountCharactersNotBytes() {
    // "µ" is two UTF-8 bytes; the error must point at the character a person sees.
    assertError("name = \"µm\" x\n", line: 1, column: 13, contains: "expected the end of the line")
  }

  func testTypedAccessorsSayWhatWasExpectedWhere() throws {
    let doc = try TOML.parse("[batch]\nmass_g = \"two\"\nsteps = 3\n", fileName: "r.toml")
    let batch = try doc.table("batch")
    XCTAssertThrowsError(try batch.double("mass_g")) { error in
      XCTAssertEqual("\(error)", "r.toml:2: 'batch.mass_g' must be a number, found a string")
    }
    XCTAssertThrowsError(try batch.double("purity")) { error in
      XCTAssertEqual("\(error)", "r.toml:1: missing key 'batch.purity'")
    }
    XCTAssertEqual(try batch.double("steps"), 3, "an integer serves where a number is expected")
    XCTAssertThrowsError(try batch.int("mass_g"))
    let unknown = batch.unknownKeys(allowed: ["mass_g"])
    XCTAssertEqual(unknown.count, 1)
    XCTAssertEqual(unknown.first?.line, 3)
  }
}
