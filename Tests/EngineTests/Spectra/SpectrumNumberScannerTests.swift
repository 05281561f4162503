import Formats
import Foundation
import Testing
@testable import Engine

/// The byte-level number scanner against Swift's own `Double(String)` (the reference the general
/// reader uses), and the byte-level table against the general reader on the same files.
@Suite struct SpectrumNumberScannerTests {
  func scan(_ text: String, commaDecimal: Bool = false) -> Double? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBytes { SpectrumNumberScanner.parse($0, 0, bytes.count, commaDecimal: commaDecimal) }
  }

  @Test func decimalTextRoundTripsExactlyAsDoubleString() throws {
    let texts = [
      "0", "-0", "+0", "0.0", "-0.0", "1", "-1", "+1", "5.", ".5", "-.5", "+.25", "0.1", "0.2", "0.3",
      "1.5E+03", "1.5e-03", "2e0", "2E-0", "1e22", "1e23", "9007199254740993", "9007199254740992",
      "123456789012345678", "1234567890123456789", "12345678901234567890123", "0.30000000000000004",
      "3.141592653589793238462643383279", "2.2250738585072014e-308", "4.9e-324", "1e-400",
      "1.7976931348623157e308", "0.000000000000000000000000000001234", "100000000000000000000000",
      "5.0005", "104.999", "42.000000000000000000001", "1e-22", "8.98846567431158e307", "00012.50",
      "4503599627370497.5", "7.038531e-26", "1e+308",
    ]
    for text in texts {
      let expected = try #require(Double(text), "Swift reads \(text)")
      let scanned = try #require(scan(text), "scanner refused \(text)")
      #expect(scanned.bitPattern == expected.bitPattern, "\(text): scanner \(scanned), Double(String) \(expected)")
    }
    // Random decimals of up to 17 digits and exponents in the fast path's range and beyond.
    var g = SplitMix64(seed: 2026)
    for _ in 0..<20_000 {
      let digits = String(g.next() % 100_000_000_000_000_000)
      let point = Int(g.next() % UInt64(digits.count + 1))
      let exponent = Int(g.next() % 81) - 40
      var text = digits
      text.insert(".", at: text.index(text.startIndex, offsetBy: point))
      text += "e\(exponent)"
      let expected = try #require(Double(text))
      #expect(scan(text)?.bitPattern == expected.bitPattern, "\(text)")
    }
  }

  @Test func commaDecimalsAndRefusals() {
    #expect(scan("284,8", commaDecimal: true) == 284.8)
    #expect(scan("-1,25e2", commaDecimal: true) == -125)
    #expect(scan("284,8") == nil)
    for bad in ["nan", "NaN", "inf", "-inf", "infinity", "1e400", "-1e999", "1e", "1e+", "e5", ".", "-", "",
                "1.2.3", "1,2,3", "0x1p3", "1_000", "12abc", " 1", "1 ", "\"1\""] {
      #expect(scan(bad, commaDecimal: true) == nil, "\(bad) should be refused")
    }
  }

  func generalTable(_ text: String) throws -> DelimitedSpectrumReader.Table {
    try DelimitedSpectrumReader.table(Data(text.utf8), file: "t")
  }

  @Test func byteTableEqualsTheGeneralReader() throws {
    let files = [
      "# comment\n% another\n\n2theta Intensity\n5.0 10\n5.0005 11\r\n5.001 1.2e3\n\n",
      "BE/eV,Counts\r\n290,10\r\n289.5,12\r\n289,15",
      "Raman shift (cm-1);A;B\n100,5;1,5;2\n101,5;;2,5\n",
      "2theta\tI1\t2theta\tI2\n10\t1\t20\t5\n10.02\t2\t20.02\t6\n10.04\t3\t\t\n",
      "1 2\r3 4\r5 6\r",
      "x\ty\tz\n1\t2\n3\t4\n",
      "  7.25e-1\t  -3   \n 8 \t 9\n",
    ]
    for text in files {
      let fast = try #require(DelimitedSpectrumReader.fastTable(Data(text.utf8)), "byte path refused \(text.debugDescription)")
      let general = try generalTable(text)
      #expect(fast.headers == general.headers && fast.headerIsText == general.headerIsText, "\(text.debugDescription)")
      #expect(fast.width == general.width && fast.lines == general.lines, "\(text.debugDescription)")
      #expect(fast.cells.map(\.bitPattern) == general.cells.map(\.bitPattern), "\(text.debugDescription)")
    }
  }

  @Test func unusualFilesGoToTheGeneralReader() {
    // Quoted cells, ragged rows, Latin-1 text, hexadecimal numbers: the byte path declines.
    for text in ["x,y\n\"1\",\"2\"\n", "2theta I\n1 2\n3 4 5\n", "2θ I\n1 2\n", "2theta I\n0x10 2\n"] {
      #expect(DelimitedSpectrumReader.fastTable(Data(text.utf8)) == nil, "\(text.debugDescription)")
    }
  }

  @Test func nonNumbersAreRefusedWithTheirLine() {
    for (text, line) in [("2theta I\n1 2\n3 nan\n", 3), ("2theta I\n1 2\n3 4\ninf 5\n", 4), ("BE/eV,Counts\n1,2\n3,1e999\n", 3),
                         ("BE/eV;Counts\n1;2\n3;4,5,6\n", 3)] {
      do {
        _ = try SpectrumFileReader.read(Data(text.utf8), file: "bad.txt", axis: nil)
        Issue.record("\(text.debugDescription) was accepted")
      } catch let e as InputError {
        #expect(e.file == "bad.txt" && e.line == line && e.message.contains("expected a number"), "\(e)")
      } catch {
        Issue.record("unexpected \(error)")
      }
    }
  }
}
