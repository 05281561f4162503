import XCTest

@testable import Engine
import Formats

/// Inputs the fuzz smoke test found (Tests/Fuzz/README.md): nesting by dotted TOML keys and by
/// circuit groups that recursed without a limit and overflowed the stack (signal 11).
final class FuzzFoundInputTests: XCTestCase {
  func testDottedKeysNestAtMostAHundredTables() throws {
    // 100 parts: a table 99 deep holding x = 1.
    let hundred = (0..<100).map { "k\($0)" }.joined(separator: ".")
    var table = try TOML.parse("\(hundred) = 1\n", fileName: "k.toml")
    for k in 0..<99 {
      guard case .table(let inner)? = table["k\(k)"] else { return XCTFail("k\(k) is not a table") }
      table = inner
    }
    XCTAssertEqual(table["k99"], .integer(1))
    // 20 000 parts, in a header and in a key: refused at line 2, naming the file.
    for text in ["x = 1\n[" + String(repeating: "a.", count: 20_000) + "b]\n", "x = 1\n" + String(repeating: "a.", count: 20_000) + "b = 1\n"] {
      XCTAssertThrowsError(try TOML.parse(text, fileName: "k.toml")) { error in
        let input = error as? InputError
        XCTAssertEqual(input?.file, "k.toml")
        XCTAssertEqual(input?.line, 2)
        XCTAssertTrue(input?.message.contains("more than 100 parts") ?? false, "\(error)")
      }
    }
    // An inline table's dotted keys add to the path of the key holding it: 60 + 60 parts.
    let sixty = (0..<60).map { "k\($0)" }.joined(separator: ".")
    XCTAssertThrowsError(try TOML.parse("\(sixty) = { \(sixty) = 1 }\n", fileName: "k.toml")) { error in
      XCTAssertTrue("\(error)".contains("nested more than 100 tables deep"), "\(error)")
    }
  }

  func testCircuitGroupsNestAtMostAHundredDeep() throws {
    // 99 nested groups, each adding a resistor: R0…R99, 100 parameters.
    var text = "R0"
    for i in 1...99 { text = "p(\(text),R\(i))" }
    XCTAssertEqual(try Circuit(text).parameterCount, 100)
    // 20 000 nested "p(": the 101st group is refused at its '(' (column 2·100 + 2 = 202).
    let deep = String(repeating: "p(", count: 20_000) + "R0"
    XCTAssertThrowsError(try Circuit(deep)) { error in
      XCTAssertEqual((error as? InputError)?.column, 202, "\(error)")
    }
  }
}

