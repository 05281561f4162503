import XCTest
@testable import Engine

/// The byte-level number parser of the EC-Lab table must round exactly like the standard
/// library's (correctly rounded) parser, which is the independent reference here.
final class BioLogicDecimalBytesTests: XCTestCase {
  private func parse(_ text: String, decimalComma: Bool = false) -> Double? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { DecimalBytes.parse($0, 0, $0.count, decimalComma: decimalComma) }
  }

  func testAgreesWithTheStandardParserBitForBit() {
    // SplitMix64 with a fixed seed: the same 20 000 bit patterns on every run.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    for _ in 0..<20000 {
      let bits = next()
      let value = Double(bitPattern: bits & 0x7FEF_FFFF_FFFF_FFFF) * (bits & 1 == 0 ? 1 : -1)
      for text in [String(value), String(format: "%.7E", value), String(format: "%.15E", value), String(format: "%.3f", value)] {
        guard let reference = Double(text), reference.isFinite else { continue }
        XCTAssertEqual(parse(text)?.bitPattern, reference.bitPattern, text)
      }
    }
    for text in ["1.0003201E+003", "7.836904905780102E-001", "-2.9081272E-004", "0", "-0.0", "+5", ".5", "5.", "12345678901234567890123", "1e-320", "2.2250738585072011e-308"] {
      XCTAssertEqual(parse(text)?.bitPattern, Double(text)?.bitPattern, text)
    }
  }

  func testDecimalCommaAndRejections() {
    XCTAssertEqual(parse("1,5E+002", decimalComma: true), 150)
    XCTAssertNil(parse("1,5E+002"))
    for text in ["", "-", "E5", "1e", "1e+", "1.2.3", "nan", "inf", "1 2", "0x10", "1e400"] {
      XCTAssertNil(parse(text), text)
    }
  }
}
