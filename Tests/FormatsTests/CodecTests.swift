import XCTest
@testable import Formats

final class CodecTests: XCTestCase {
  private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  private func decode(_ text: String) throws -> [UInt8] {
    try Array(text.utf8).withUnsafeBytes { try Base64.decode($0) }
  }

  /// RFC 4648 §10's test vectors.
  func testBase64MatchesRFC4648Vectors() throws {
    let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
                   "foobar": "Zm9vYmFy"]
    for (plain, encoded) in vectors {
      XCTAssertEqual(text(Base64.encode(Array(plain.utf8))), encoded)
      XCTAssertEqual(text(try decode(encoded)), plain)
    }
  }

  func testBase64SkipsWhitespaceAndCoversAllByteValues() throws {
    XCTAssertEqual(text(try decode(" Zm9v\n  YmFy\r\n")), "foobar")
    let all = (0...255).map(UInt8.init)
    XCTAssertEqual(try Array(Base64.encode(all)).withUnsafeBytes { try Base64.decode($0) }, all)
    // Hand value: 0xFF 0xFE → 111111 111111 1110(00) → "//4=".
    XCTAssertEqual(text(Base64.encode([0xFF, 0xFE])), "//4=")
  }

  func testMalformedBase64NamesTheByte() {
    XCTAssertThrowsError(try decode("Zm9v*mFy")) { XCTAssertTrue("\($0)".contains("at byte 4"), "\($0)") }
    XCTAssertThrowsError(try decode("Zm9vY")) { XCTAssertTrue("\($0)".contains("ends inside"), "\($0)") }
    XCTAssertThrowsError(try decode("Zg==Zm8=")) { XCTAssertTrue("\($0)".contains("after '='"), "\($0)") }
    XCTAssertThrowsError(try decode("Z===")) { XCTAssertTrue("\($0)".contains("padding"), "\($0)") }
  }

  /// A stored (uncompressed) zlib stream built by hand from RFC 1950/1951: header 78 01, a final
  /// stored block (01, LEN 3, NLEN ~3), the bytes "abc", and Adler-32("abc") = 0x024D0127.
  private let storedABC: [UInt8] = [0x78, 0x01, 0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63, 0x02, 0x4D, 0x01, 0x27]

  func testZlibInflatesAHandMadeStream() throws {
    XCTAssertEqual(try storedABC.withUnsafeBytes { try ZlibBlock.decompress($0, expectedCount: 3) }, Array("abc".utf8))
  }

  func testZlibRoundTripAndSizeChecks() throws {
    let input = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 13) }
    let compressed = try input.withUnsafeBytes { try ZlibBlock.compress($0) }
    XCTAssertLessThan(compressed.count, input.count / 4)
    XCTAssertEqual(compressed.first, 0x78, "a zlib (RFC 1950) header, not raw deflate")
    XCTAssertEqual(try compressed.withUnsafeBytes { try ZlibBlock.decompress($0, expectedCount: input.count) }, input)
    XCTAssertThrowsError(try storedABC.withUnsafeBytes { try ZlibBlock.decompress($0, expectedCount: 2) }) {
      XCTAssertTrue("\($0)".contains("more than"), "\($0)")
    }
    XCTAssertThrowsError(try storedABC.withUnsafeBytes { try ZlibBlock.decompress($0, expectedCount: 4) }) {
      XCTAssertTrue("\($0)".contains("expected 4"), "\($0)")
    }
    XCTAssertThrowsError(try Array(storedABC.prefix(9)).withUnsafeBytes { try ZlibBlock.decompress($0, expectedCount: 3) }) {
      XCTAssertTrue("\($0)".contains("truncated") || "\($0)".contains("ends early"), "\($0)")
    }
    var corrupt = storedABC
    corrupt[13] ^= 1  // Adler-32 no longer matches
    XCTAssertThrowsError(try corrupt.withUnsafeBytes { try ZlibBlock.decompress($0, expectedCount: 3) }) {
      XCTAssertTrue("\($0)".contains("invalid"), "\($0)")
    }
  }
}
