import XCTest

@testable import Formats

/// zlib's streaming inflate behind the zip reader, against bytes a peer program wrote: CPython's
/// zlib (`zlib.compressobj(6, zlib.DEFLATED, -15)`, raw deflate) compressing the text below.
final class InflateStreamTests: XCTestCase {
  /// `<row r="0"><v>0</v></row>` … `<row r="39"><v>4</v></row>`: 1030 bytes.
  static let text: [UInt8] = (0..<40).flatMap { k in Array("<row r=\"\(k)\"><v>\(k % 7)</v></row>".utf8) }

  /// CPython 3's raw deflate of `text` (149 bytes).
  static let compressed: [UInt8] = [
    0x75, 0xd2, 0xc9, 0x09, 0x03, 0x41, 0x0c, 0x05, 0xd1, 0x54, 0xcc, 0x24, 0x30, 0x5a, 0x7a, 0x85, 0x76, 0xa7,
    0x64, 0x98, 0xc3, 0x38, 0x7d, 0x1b, 0xe1, 0x93, 0x45, 0x5d, 0x55, 0x97, 0x87, 0xf8, 0xeb, 0x7a, 0xbd, 0x1f,
    0xd7, 0xf3, 0x90, 0x63, 0xaf, 0x7b, 0xcb, 0x3a, 0xef, 0xbd, 0xce, 0xef, 0x6d, 0xaf, 0x5f, 0xd0, 0x08, 0x9a,
    0x83, 0x45, 0xb0, 0x1c, 0x3c, 0x82, 0xe7, 0x50, 0x22, 0x94, 0x1c, 0x6a, 0x84, 0x9a, 0x43, 0x8b, 0xd0, 0x72,
    0xe8, 0xc4, 0x1d, 0xc4, 0x9d, 0xc4, 0x55, 0x21, 0xaf, 0x2a, 0x81, 0xd5, 0x48, 0xac, 0x4e, 0x64, 0x2d, 0xf8,
    0xe2, 0x4a, 0x68, 0x6d, 0xa8, 0xee, 0xa8, 0x1e, 0xa8, 0x9e, 0xa4, 0x36, 0x21, 0xb5, 0x29, 0xa9, 0xcd, 0x70,
    0x19, 0x4e, 0x6a, 0x2b, 0xa4, 0xb6, 0x4a, 0x6a, 0x6b, 0xa8, 0xee, 0xa8, 0x1e, 0xa8, 0x9e, 0xa4, 0x76, 0xc1,
    0x41, 0x2b, 0xa9, 0xdd, 0x48, 0xed, 0x4e, 0x6a, 0x2f, 0xa4, 0xf6, 0x4a, 0x6a, 0x6f, 0xa8, 0xee, 0xa8, 0x1e,
    0xa8, 0x9e, 0xff, 0xea, 0x0f,
  ]

  /// Reads the whole stream `piece` bytes at a time.
  func inflate(_ compressed: [UInt8], piece: Int) throws -> [UInt8] {
    let stream = try InflateStream(MemoryByteSource(compressed))
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: piece)
    while true {
      let n = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
      if n == 0 { return output }
      output += buffer[0..<n]
    }
  }

  func testPeerCompressedTextInflatesInAnyPieceSize() throws {
    XCTAssertEqual(Self.text.count, 1030)
    for piece in [1, 7, 4096] {
      XCTAssertEqual(try inflate(Self.compressed, piece: piece), Self.text, "pieces of \(piece)")
    }
  }

  func testCRC32MatchesThePeer() {
    // CPython's zlib.crc32 of the same text, and the CRC-32 check value of "123456789".
    XCTAssertEqual(CRC32.checksum(Self.text), 0x6555_DE6D)
    XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
  }

  func testTruncatedStreamNamesWhereItEnds() {
    XCTAssertThrowsError(try inflate(Array(Self.compressed.prefix(20)), piece: 64)) { error in
      XCTAssertEqual(error as? InputError, InputError("deflate stream ends early at byte 20"))
    }
  }

  func testInvalidBlockTypeIsAnErrorNotATrap() {
    // BFINAL = 1, BTYPE = 11 (reserved): zlib's reason is "invalid block type".
    XCTAssertThrowsError(try inflate([0x07, 0x00, 0x00], piece: 64)) { error in
      let message = (error as? InputError)?.message ?? ""
      XCTAssertTrue(message.hasPrefix("invalid deflate data near byte "), message)
      XCTAssertTrue(message.hasSuffix(": invalid block type"), message)
    }
  }

  func testEmptyInputIsATruncatedStream() {
    XCTAssertThrowsError(try inflate([], piece: 64)) { error in
      XCTAssertEqual(error as? InputError, InputError("deflate stream ends early at byte 0"))
    }
  }
}
