import Formats
import XCTest

@testable import Engine

/// The preview file beside a snapshot: its layout written out by hand, round trips, and every
/// kind of damage reported with the file and the byte offset.
final class SnapshotPreviewTests: XCTestCase {
  /// A 3 × 2 preview of a 6 × 4 grid with one field, ξ = 0…5.
  let preview = SnapshotPreview(sourceColumns: 6, sourceRows: 4, columns: 3, rows: 2, time: 0.25, originX: 0, originY: -1e-6,
                                spacingX: 2e-6, spacingY: 2e-6, fields: [("xi", [0, 1, 2, 3, 4, 5])])

  func decode(_ bytes: [UInt8]) throws -> SnapshotPreview {
    try bytes.withUnsafeBytes { try SnapshotPreview.decode($0, fileName: "run/fields/step_000000010.preview") }
  }

  func testLayoutByHand() {
    let bytes = preview.encoded()
    // 8 magic + 4·4 sides + 5·8 reals + 4 count + (2 + 2 "xi" + 6·4 values) = 96 bytes.
    XCTAssertEqual(bytes.count, 8 + 16 + 40 + 4 + 2 + 2 + 24)
    XCTAssertEqual(Array(bytes[0..<8]), Array("GBPREVW1".utf8))
    XCTAssertEqual(Array(bytes[8..<12]), [6, 0, 0, 0])
    // t = 0.25 = 0x3FD0000000000000, little-endian.
    XCTAssertEqual(Array(bytes[24..<32]), [0, 0, 0, 0, 0, 0, 0xD0, 0x3F])
    XCTAssertEqual(Array(bytes[64..<68]), [1, 0, 0, 0], "one field")
    XCTAssertEqual(Array(bytes[68..<72]), [2, 0, UInt8(ascii: "x"), UInt8(ascii: "i")])
    // The second value 1.0f = 0x3F800000.
    XCTAssertEqual(Array(bytes[76..<80]), [0, 0, 0x80, 0x3F])
  }

  func testRoundTripIsBitExact() throws {
    var many = preview
    many.fields.append(("concentration", [1e3, -0.0, .greatestFiniteMagnitude, 1.5e-40, 7, 8]))
    XCTAssertEqual(try decode(many.encoded()), many)
    XCTAssertEqual(SnapshotPreview.fileName(forSnapshot: "step_000000010.vti"), "step_000000010.preview")
  }

  func testReducedSizeKeepsThePointsSquare() {
    // 1024 × 1025 at most 256²: factor 1025/256 ≈ 4.004, sides round(1024/4.004) = 256 and 256.
    XCTAssertTrue(SnapshotPreview.reducedSize(nx: 1024, ny: 1025, maxColumns: 256, maxRows: 256) == (256, 256))
    // 512 × 129: factor 2, 256 × 65 (64.5 rounds away from zero).
    XCTAssertTrue(SnapshotPreview.reducedSize(nx: 512, ny: 129, maxColumns: 256, maxRows: 256) == (256, 65))
    XCTAssertTrue(SnapshotPreview.reducedSize(nx: 100, ny: 50, maxColumns: 256, maxRows: 256) == (100, 50))
  }

  func assertError(_ bytes: [UInt8], byte: Int, mentions words: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try decode(bytes), file: file, line: line) { error in
      guard let input = error as? InputError else { return XCTFail("\(error)", file: file, line: line) }
      XCTAssertEqual(input.file, "run/fields/step_000000010.preview", file: file, line: line)
      XCTAssertTrue(input.message.hasPrefix("byte \(byte): "), input.message, file: file, line: line)
      XCTAssertTrue(input.message.contains(words), input.message, file: file, line: line)
    }
  }

  func testEveryTruncationIsAnErrorAtTheEnd() {
    let bytes = preview.encoded()
    for length in 0..<bytes.count {
      XCTAssertThrowsError(try decode(Array(bytes[0..<length])), "\(length) bytes") { error in
        XCTAssertTrue("\(error)".contains("truncated") || "\(error)".contains("magic"), "\(length): \(error)")
        XCTAssertTrue("\(error)".hasPrefix("run/fields/step_000000010.preview: byte "), "\(error)")
      }
    }
  }

  func testMalformedHeadersAndFields() {
    let good = preview.encoded()
    var bytes = good
    bytes[0] = UInt8(ascii: "X")
    assertError(bytes, byte: 0, mentions: "magic")
    bytes = good
    bytes[16..<20] = [0, 0, 0, 0]
    assertError(bytes, byte: 16, mentions: "columns in 1…65536, found 0")
    bytes = good
    bytes[8..<12] = [2, 0, 0, 0]
    assertError(bytes, byte: 16, mentions: "no larger than its snapshot's")
    bytes = good
    bytes[24..<32] = [0, 0, 0, 0, 0, 0, 0xF8, 0x7F]
    assertError(bytes, byte: 24, mentions: "finite time")
    bytes = good
    bytes[48..<56] = [0, 0, 0, 0, 0, 0, 0, 0]
    assertError(bytes, byte: 48, mentions: "positive spacings")
    bytes = good
    bytes[64..<68] = [0xFF, 0xFF, 0xFF, 0xFF]
    assertError(bytes, byte: 64, mentions: "1…64 fields, found 4294967295")
    bytes = good
    bytes[70] = 0xFF
    assertError(bytes, byte: 70, mentions: "UTF-8")
    bytes = good
    bytes[68..<70] = [0, 0]
    assertError(bytes, byte: 70, mentions: "empty")
    assertError(good + [0], byte: 96, mentions: "1 more bytes")
    // A field claiming far more values than the file holds fails before allocating them.
    bytes = good
    bytes[20..<24] = [0xFF, 0xFF, 0, 0]
    bytes[12..<16] = [0xFF, 0xFF, 0, 0]
    bytes[16..<20] = [0xFF, 0xFF, 0, 0]
    bytes[8..<12] = [0xFF, 0xFF, 0, 0]
    assertError(bytes, byte: 72, mentions: "truncated")
  }
}
