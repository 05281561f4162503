import Formats
import XCTest
@testable import Engine

final class VTKTests: XCTestCase {
  func testRoundTripIsBitExactInBothEncodings() throws {
    let values = [0.1, -2.5e-300, .pi, 1 / 3, -0.0, 7e300]
    let image = VTKImageData(nx: 3, ny: 2, spacing: (5e-8, 2.5e-8), pointFields: [("xi", values), ("c", values.reversed())],
                             fieldData: [("time", 0.123456789012345678), ("step", 42)])
    for encoding in [VTKArrayEncoding.raw, .zlib] {
      let back = try VTKImageData.parse(image.xml(encoding: encoding), fileName: "a.vti")
      XCTAssertEqual(back, image)
      XCTAssertEqual(back.pointField("xi")?.map(\.bitPattern), values.map(\.bitPattern))
    }
  }

  /// The encoding follows the VTK XML format: the base64 of a UInt64 byte count and the
  /// little-endian doubles. Hand value: [1.0] → 08 00.. | 00 00 00 00 00 00 F0 3F.
  func testBinaryLayoutMatchesVTKSpecification() {
    let encoded = VTKImageData.encode([1.0])
    let bytes = [UInt8](Data(base64Encoded: encoded) ?? Data())
    XCTAssertEqual(bytes, [8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    let xml = VTKImageData(nx: 2, ny: 1, spacing: (1, 1), pointFields: [("u", [1, 2])]).xml(encoding: .raw)
    XCTAssertTrue(xml.contains("WholeExtent=\"0 1 0 0 0 0\""))
    XCTAssertTrue(xml.contains("header_type=\"UInt64\""))
    XCTAssertFalse(xml.contains("compressor"))
  }

  /// The compressed layout by hand: for [1.0] the header is UInt64 words [1 block][32768-byte
  /// blocks][last block 8 bytes][its compressed size], base64'd on its own (32 bytes → 44
  /// characters with one '='), then the zlib stream of 00 00 00 00 00 00 F0 3F.
  func testZlibLayoutMatchesVTKSpecification() throws {
    let xml = VTKImageData(nx: 1, ny: 1, spacing: (1, 1), pointFields: [("u", [1.0])]).xml()
    XCTAssertTrue(xml.contains("compressor=\"vtkZLibDataCompressor\""))
    let line = try XCTUnwrap(xml.split(separator: "\n").first { $0.hasPrefix("          ") })
    let payload = line.trimmingCharacters(in: .whitespaces)
    let header = [UInt8](try XCTUnwrap(Data(base64Encoded: String(payload.prefix(44)))))
    let words = (0..<4).map { w in (0..<8).reduce(UInt64(0)) { $0 | UInt64(header[8 * w + $1]) << (8 * UInt64($1)) } }
    XCTAssertEqual(Array(words.prefix(3)), [1, 32_768, 8])
    let block = [UInt8](try XCTUnwrap(Data(base64Encoded: String(payload.dropFirst(44)))))
    XCTAssertEqual(UInt64(block.count), words[3])
    XCTAssertEqual(try block.withUnsafeBytes { try ZlibBlock.decompress($0, expectedCount: 8) }, [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
  }

  /// A file written by VTK 9.1's own vtkXMLImageDataWriter (zlib, UInt64 header, 16-byte
  /// blocks so the 48 bytes of the array are three full blocks; the script beside the fixture
  /// made it): values 0.5·k − 1, k = 0…5, time 2.5, origin (1, −2), spacing (0.25, 0.5).
  func testReadsAFileWrittenByVTK() throws {
    let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    let path = folder.appendingPathComponent("vtk/vtk-zlib-3x2.vti").path
    let image = try VTKImageData.read(path: path)
    XCTAssertEqual(image.nx, 3)
    XCTAssertEqual(image.ny, 2)
    XCTAssertEqual(image.spacing.x, 0.25)
    XCTAssertEqual(image.spacing.y, 0.5)
    XCTAssertEqual(image.origin.x, 1)
    XCTAssertEqual(image.origin.y, -2)
    XCTAssertEqual(image.pointField("xi"), [-1, -0.5, 0, 0.5, 1, 1.5])
    XCTAssertEqual(image.field("time"), 2.5)
  }

  func testSkippedArraysAreNotDecoded() throws {
    let image = VTKImageData(nx: 2, ny: 1, spacing: (1, 1), pointFields: [("a", [1, 2]), ("b", [3, 4])])
    var text = image.xml()
    // Corrupt b's payload: skipping b means it is never looked at.
    let bLine = try XCTUnwrap(text.split(separator: "\n").last { $0.hasPrefix("          ") })
    text = text.replacingOccurrences(of: String(bLine), with: "          ***")
    let only = try VTKImageData.parse(text, including: { $0 == "a" })
    XCTAssertEqual(only.pointFields.map(\.name), ["a"])
    XCTAssertThrowsError(try VTKImageData.parse(text))
  }

  func testMalformedFilesNameTheLine() {
    let good = VTKImageData(nx: 2, ny: 1, spacing: (1, 1), pointFields: [("u", [1, 2])]).xml(encoding: .raw)
    XCTAssertThrowsError(try VTKImageData.parse("<xml/>", fileName: "x.vti")) {
      XCTAssertEqual(($0 as? InputError)?.file, "x.vti")
    }
    let badBase64 = good.replacingOccurrences(of: VTKImageData.encode([1, 2]), with: "***")
    XCTAssertThrowsError(try VTKImageData.parse(badBase64, fileName: "x.vti")) {
      let e = $0 as? InputError
      XCTAssertEqual(e?.line, 7)
      XCTAssertTrue(e?.message.contains("base64") ?? false)
    }
    let wrongCount = good.replacingOccurrences(of: VTKImageData.encode([1, 2]), with: VTKImageData.encode([1]))
    XCTAssertThrowsError(try VTKImageData.parse(wrongCount)) {
      XCTAssertTrue("\($0)".contains("expected 2"))
    }
    let float32 = good.replacingOccurrences(of: "Float64", with: "Float32")
    XCTAssertThrowsError(try VTKImageData.parse(float32)) { XCTAssertTrue("\($0)".contains("Float64")) }
    let lz4 = good.replacingOccurrences(of: "header_type=\"UInt64\"", with: "header_type=\"UInt64\" compressor=\"vtkLZ4DataCompressor\"")
    XCTAssertThrowsError(try VTKImageData.parse(lz4)) { XCTAssertTrue("\($0)".contains("vtkLZ4DataCompressor")) }
    let rotated = good.replacingOccurrences(of: "Spacing=", with: "Direction=\"0 1 0 1 0 0 0 0 1\" Spacing=")
    XCTAssertThrowsError(try VTKImageData.parse(rotated)) { XCTAssertTrue("\($0)".contains("Direction")) }
    let unclosed = String(good.prefix { $0 != "*" }.dropLast(40))
    XCTAssertThrowsError(try VTKImageData.parse(unclosed, fileName: "cut.vti")) { XCTAssertTrue("\($0)".contains("cut.vti")) }
  }

  /// Truncations and corruptions of a compressed file are errors with a line, never traps.
  func testMalformedCompressedArraysAreErrors() throws {
    let values = (0..<5000).map { sin(Double($0) / 100) }
    let good = VTKImageData(nx: 100, ny: 50, spacing: (1, 1), pointFields: [("u", values)]).xml()
    let line = try XCTUnwrap(good.split(separator: "\n").first { $0.hasPrefix("          ") })
    let payload = line.trimmingCharacters(in: .whitespaces)
    let cases: [(String, String)] = [
      (String(payload.prefix(20)), "header"),
      (String(payload.dropLast(8)), ""),
      ("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + payload.dropFirst(32), "values"),  // 0 blocks
      ("/////////////////////////////////" + payload.dropFirst(32), ""),
      (String(payload.prefix(120)) + "AAAA" + payload.dropFirst(124), ""),
    ]
    for (replacement, hint) in cases {
      let bad = good.replacingOccurrences(of: payload, with: replacement)
      XCTAssertThrowsError(try VTKImageData.parse(bad, fileName: "z.vti"), replacement) { error in
        let e = error as? InputError
        XCTAssertEqual(e?.file, "z.vti")
        XCTAssertEqual(e?.line, 7, "\(error)")
        XCTAssertTrue(hint.isEmpty || "\(error)".contains(hint), "\(error)")
      }
    }
  }
}
