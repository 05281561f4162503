import Formats
import XCTest
@testable import Engine

final class VTKTests: XCTestCase {
  func testRoundTripIsBitExact() throws {
    let values = [0.1, -2.5e-300, .pi, 1 / 3, -0.0, 7e300]
    let image = VTKImageData(nx: 3, ny: 2, spacing: (5e-8, 2.5e-8), pointFields: [("xi", values), ("c", values.reversed())],
                             fieldData: [("time", 0.123456789012345678), ("step", 42)])
    let back = try VTKImageData.parse(image.xml(), fileName: "a.vti")
    XCTAssertEqual(back, image)
    XCTAssertEqual(back.pointField("xi")?.map(\.bitPattern), values.map(\.bitPattern))
  }

  /// The encoding follows the VTK XML format: the base64 of a UInt64 byte count and the
  /// little-endian doubles. Hand value: [1.0] → 08 00.. | 00 00 00 00 00 00 F0 3F.
  func testBinaryLayoutMatchesVTKSpecification() {
    let encoded = VTKImageData.encode([1.0])
    let bytes = [UInt8](Data(base64Encoded: encoded) ?? Data())
    XCTAssertEqual(bytes, [8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    let xml = VTKImageData(nx: 2, ny: 1, spacing: (1, 1), pointFields: [("u", [1, 2])]).xml()
    XCTAssertTrue(xml.contains("WholeExtent=\"0 1 0 0 0 0\""))
    XCTAssertTrue(xml.contains("header_type=\"UInt64\""))
  }

  func testMalformedFilesNameTheLine() {
    let good = VTKImageData(nx: 2, ny: 1, spacing: (1, 1), pointFields: [("u", [1, 2])]).xml()
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
  }
}
