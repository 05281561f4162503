import Formats
import Foundation
import XCTest

@testable import Engine

/// `.dfr`, `.P00` and `.i2b` files written here from the reference spectrum of
/// `EISStructuredFormatsTests` (R0 + R1 ‖ C, its hand formula), with the sign conventions the
/// formats use: .dfr and .P00 store −Z'', .i2b stores Z''.
final class EISCountedFormatsTests: XCTestCase {
  typealias Reference = EISStructuredFormatsTests

  static func dfr(count: Int? = nil, cutLines: Int = 0, badFrequency: String? = nil) -> Data {
    var lines = ["VERSION8.0", " \(count ?? Reference.frequencies.count)", " 1"]
    for (k, f) in Reference.frequencies.enumerated() {
      let z = Reference.z(f)
      lines += [k == 1 ? (badFrequency ?? " \(f)") : " \(f)", " \(z.re)", " \(-z.im)", " 0.0", " 0.0", " 0.0", " 0.0", " 0.0", " 0.0"]
    }
    lines = Array(lines.dropLast(cutLines))
    if cutLines == 0 { lines += ["13.07.2022 22:32:00", " 2.0"] }
    return Data(lines.joined(separator: "\n").utf8)
  }

  static func p00(count: Int? = nil) -> Data {
    var text = "Procedure : pellet\nDescription\n f/Hz\t Z'/Ohm\t -Z''/Ohm\t time/s\t Edc/V\t Idc/A\t\n \(count ?? Reference.frequencies.count) \n"
    for f in Reference.frequencies {
      let z = Reference.z(f)
      text += " \(f)\t \(z.re)\t \(-z.im)\t 1.0\t 0.1\t 1e-8\t\n"
    }
    return Data(text.utf8)
  }

  static func i2b(count: Int? = nil) -> Data {
    var text = "metadata\nmore metadata\n\n\(count ?? Reference.frequencies.count)\n"
    for f in Reference.frequencies {
      let z = Reference.z(f)
      text += "\(f) \(z.re) \(z.im)\n"
    }
    return Data(text.utf8)
  }

  func testDFRP00AndI2BReadTheReferenceSpectrum() throws {
    // .dfr is recognised by its content; .P00 by its header; .i2b only by its extension.
    for (data, name, format) in [(Self.dfr(), "run", "dfr"), (Self.p00(), "run", "P00"), (Self.i2b(), "run.i2b", "i2b")] {
      let spectra = try ImpedanceReader.read(data: data, fileName: name)
      XCTAssertEqual(spectra.count, 1)
      XCTAssertEqual(spectra[0].metadata["format"], format)
      Reference.assertReference(spectra[0])
    }
  }

  func testCountedFormatsMalformed() throws {
    // A .dfr cut inside its third record (two of nine lines missing).
    let cut = try XCTUnwrap(Reference.readError(Self.dfr(cutLines: 2), "cut.dfr"))
    XCTAssertTrue(cut.message.contains("cut short"), cut.message)
    XCTAssertEqual(cut.line, 28)
    // A frequency that is not a number: line 3 + 9 + 1 = 13.
    let bad = try XCTUnwrap(Reference.readError(Self.dfr(badFrequency: "1O0"), "bad.dfr"))
    XCTAssertEqual(bad.line, 13)
    XCTAssertTrue(bad.message.contains("'1O0'"), bad.message)
    // Counts that disagree with the rows, or cannot be a count.
    let short = try XCTUnwrap(Reference.readError(Self.p00(count: 5), "short.P00"))
    XCTAssertTrue(short.message.contains("expected 5 points as line 4 states, found 3"), short.message)
    let long = try XCTUnwrap(Reference.readError(Self.i2b(count: 2), "long.i2b"))
    XCTAssertEqual(long.line, 7)
    let huge = try XCTUnwrap(Reference.readError(Self.i2b(count: 99_999_999_999), "huge.i2b"))
    XCTAssertTrue(huge.message.contains("point count from 1"), huge.message)
    XCTAssertEqual(huge.line, 4)
    let zero = try XCTUnwrap(Reference.readError(Self.dfr(count: 0), "zero.dfr"))
    XCTAssertEqual(zero.line, 2)
  }

  /// Headers other instruments write, each with its sign convention: `-Z'` holds −Z' and is
  /// turned back, `Phase(Z) (deg.)` is pyimpspec's, `mag` is a modulus.
  func testHeaderDialects() throws {
    let f = 100.0
    let z = Reference.z(f)
    let modulus = (z.re * z.re + z.im * z.im).squareRoot()
    let phase = atan2(z.im, z.re) * 180 / Double.pi
    let cases: [(String, String)] = [
      ("f,-Z',-Z''", "\(f),\(-z.re),\(-z.im)"),
      ("Frequency (Hz);Zs'[ohm];Zs''[ohm]", "\(f);\(z.re);\(z.im)".replacingOccurrences(of: ".", with: ",")),
      ("f (Hz),Mod(Z) (ohm),Phase(Z) (deg.)", "\(f),\(modulus),\(phase)"),
      ("freq,mag,-phase", "\(f),\(modulus),\(-phase)"),
      ("Freq\tZreal\tZimag", "\(f)\t\(z.re)\t\(z.im)"),
    ]
    for (header, row) in cases {
      let s = try XCTUnwrap(ImpedanceReader.read(data: Data((header + "\n" + row + "\n").utf8), fileName: "h.csv").first, header)
      XCTAssertEqual(s.real[0], z.re, accuracy: 1e-9 * z.re, header)
      XCTAssertEqual(s.imaginary[0], z.im, accuracy: 1e-9 * abs(z.im), header)
    }
  }
}
