import Formats
import Foundation
import XCTest

@testable import Engine

/// The readers of pyimpspec JSON, PalmSens sessions and spreadsheets (xlsx, ods, fods), on small
/// files written here. The reference spectrum is R0 + R1 ‖ C with R0 = 100 Ω, R1 = 200 Ω,
/// C = 1 µF: Z = R0 + R1 / (1 + jωR1C), so Z'' < 0 (capacitive) at every frequency.
final class EISStructuredFormatsTests: XCTestCase {
  static let frequencies = [1000.0, 100.0, 10.0]

  static func z(_ f: Double) -> (re: Double, im: Double) {
    let wrc = 2 * Double.pi * f * 200 * 1e-6
    let d = 1 + wrc * wrc
    return (100 + 200 / d, -200 * wrc / d)
  }

  static func assertReference(_ s: ImpedanceSpectrum, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(s.frequencies, Self.frequencies, file: file, line: line)
    for (k, f) in Self.frequencies.enumerated() {
      XCTAssertEqual(s.real[k], Self.z(f).re, accuracy: 1e-9 * abs(Self.z(f).re), file: file, line: line)
      XCTAssertEqual(s.imaginary[k], Self.z(f).im, accuracy: 1e-9 * abs(Self.z(f).im), file: file, line: line)
      XCTAssertLessThan(s.imaginary[k], 0, "capacitive Z'' must come out negative", file: file, line: line)
    }
  }

  static func readError(_ data: Data, _ name: String) -> InputError? {
    do {
      _ = try ImpedanceReader.read(data: data, fileName: name)
      return nil
    } catch let error as InputError {
      return error
    } catch {
      return nil
    }
  }

  // MARK: pyimpspec JSON

  /// pandas' `to_json` of pyimpspec's data frame: columns of index → value, polar columns too.
  static func dataFrameJSON(imaginaryKey: String = "Im(Z) (ohm)", keys: [String] = ["0", "1", "2"]) -> String {
    func column(_ values: [Double]) -> String {
      "{" + zip(keys, values).map { "\"\($0)\": \($1)" }.joined(separator: ", ") + "}"
    }
    let f = frequencies
    return """
      {
        "f (Hz)": \(column(f)),
        "Re(Z) (ohm)": \(column(f.map { z($0).re })),
        "\(imaginaryKey)": \(column(f.map { z($0).im }))
      }
      """
  }

  func testPyimpspecDataFrameJSON() throws {
    let spectra = try ImpedanceReader.read(data: Data(Self.dataFrameJSON().utf8), fileName: "frame")
    XCTAssertEqual(spectra.count, 1)
    XCTAssertEqual(spectra[0].metadata["format"], "pyimpspec-json")
    Self.assertReference(spectra[0])
  }

  /// pyimpspec's `DataSet.to_dict`: arrays, and a mask whose true points are left out.
  func testPyimpspecDataSetDictionaryWithMask() throws {
    let f = Self.frequencies
    let json = """
      {"version": 2, "label": "cell A", "path": "", "uuid": "x",
       "frequencies": [\(f.map { "\($0)" }.joined(separator: ","))],
       "real_impedances": [\(f.map { "\(Self.z($0).re)" }.joined(separator: ","))],
       "imaginary_impedances": [\(f.map { "\(Self.z($0).im)" }.joined(separator: ","))],
       "mask": {"1": true, "2": false}}
      """
    let s = try XCTUnwrap(ImpedanceReader.read(data: Data(json.utf8), fileName: "set.json").first)
    XCTAssertEqual(s.frequencies, [1000, 10])
    XCTAssertEqual(s.real[1], Self.z(10).re, accuracy: 1e-9)
    XCTAssertEqual(s.metadata["masked points left out"], "1")
    XCTAssertEqual(s.name, "set.json [cell A]")
  }

  func testPyimpspecJSONMalformed() throws {
    // Cut short: the error names the line where the file ended.
    let whole = Self.dataFrameJSON()
    let cut = String(whole.prefix(whole.count - 30))
    let torn = try XCTUnwrap(Self.readError(Data(cut.utf8), "cut.json"))
    XCTAssertEqual(torn.file, "cut.json")
    XCTAssertEqual(torn.line, 4)
    // Rows out of order would reorder the spectrum silently.
    let shuffled = try XCTUnwrap(Self.readError(Data(Self.dataFrameJSON(keys: ["0", "2", "1"]).utf8), "shuffled.json"))
    XCTAssertTrue(shuffled.message.contains("row index \"1\""), shuffled.message)
    XCTAssertEqual(shuffled.line, 2)
    // No imaginary part.
    let noImaginary = try XCTUnwrap(Self.readError(Data(Self.dataFrameJSON(imaginaryKey: "T (K)").utf8), "noim.json"))
    XCTAssertTrue(noImaginary.message.contains("imaginary"), noImaginary.message)
    // A mask index outside the spectrum.
    let badMask = #"{"frequencies": [1], "real_impedances": [1], "imaginary_impedances": [-1],"# + "\n" + #""mask": {"7": true}}"#
    let mask = try XCTUnwrap(Self.readError(Data(badMask.utf8), "mask.json"))
    XCTAssertEqual(mask.line, 2)
    XCTAssertTrue(mask.message.contains("mask index from 0 to 0"), mask.message)
    // Brackets nested beyond the bound are an error, not a stack overflow.
    let deep = String(repeating: "[", count: 10_000)
    let nested = try XCTUnwrap(Self.readError(Data(("{\"f\": " + deep).utf8), "deep.json"))
    XCTAssertTrue(nested.message.contains("nested"), nested.message)
  }

  // MARK: PalmSens

  static func session(sign: String?, title: String = "Test data", type: String = "PalmSens.Data.DataSetEIS") -> Data {
    func array(_ unit: String, _ symbol: String, _ q: String?, _ values: [Double]) -> String {
      let qText = q.map { "\"Q\": \"\($0)\", " } ?? ""
      return """
        {"Type": "PalmSens.Data.DataArray", "Unit": {"Type": "PalmSens.Units.\(unit)", "S": "\(symbol)", \(qText)"A": "Z"},
         "DataValues": [\(values.map { "{\"V\": \($0)}" }.joined(separator: ", "))]}
        """
    }
    let f = frequencies
    let json = """
      {"Type": "PalmSens.DataFiles.SessionFile", "Measurements": [
      {"Title": "\(title)", "DataSet": {"Type": "\(type)", "Values": [
      \(array("Hertz", "Hz", "Frequency", f)),
      \(array("ZRe", "Ω", "Z'", f.map { z($0).re })),
      \(array("ZIm", "Ω", sign, f.map { -z($0).im }))
      ]}}]}
      """
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in json.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    return Data(bytes + [0xFF, 0xFE])
  }

  /// PSTrace writes −Z'' and says so in the array's `Unit.Q`; the reader turns it back to Z''.
  func testPalmSensSession() throws {
    let spectra = try ImpedanceReader.read(data: Self.session(sign: "-Z''"), fileName: "run")
    XCTAssertEqual(spectra.count, 1)
    XCTAssertEqual(spectra[0].metadata["format"], "pssession")
    XCTAssertEqual(spectra[0].metadata["title"], "Test data")
    Self.assertReference(spectra[0])
  }

  func testPalmSensMalformed() throws {
    let unsigned = try XCTUnwrap(Self.readError(Self.session(sign: nil), "nosign.pssession"))
    XCTAssertTrue(unsigned.message.contains("Unit.Q"), unsigned.message)
    XCTAssertEqual(unsigned.line, 7, "the line of the ZIm array's Unit object")
    let notEIS = try XCTUnwrap(Self.readError(Self.session(sign: "-Z''", type: "PalmSens.Data.DataSetCV"), "cv.pssession"))
    XCTAssertTrue(notEIS.message.contains("no") || notEIS.message.contains("EIS"), notEIS.message)
    let cut = Self.session(sign: "-Z''").dropLast(200)
    let torn = try XCTUnwrap(Self.readError(Data(cut), "cut.pssession"))
    XCTAssertEqual(torn.file, "cut.pssession")
    XCTAssertNotNil(torn.line)
  }
}
