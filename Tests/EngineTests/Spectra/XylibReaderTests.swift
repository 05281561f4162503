import Formats
import Foundation
import Testing
@testable import Engine

/// The xylib path: files written here, read through the C++ shim.
@Suite struct XylibReaderTests {
  func temporaryFile(_ text: String, _ name: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("xylib-\(UUID().uuidString)-\(name)")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func plainTextThroughXylib() throws {
    let path = try temporaryFile("10.00 49\n10.02 39\n10.04 31\n", "pattern.txt")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let s = try XylibReader.read(path: path, format: "text", axis: .twoTheta(wavelength: 1.540598))
    #expect(s.count == 1)
    #expect(s[0].x == [10, 10.02, 10.04] && s[0].y == [49, 39, 31])
    #expect(s[0].technique == .xrd)
    #expect(s[0].metadata["format"] == "xylib text")
  }

  @Test func xylibErrorsBecomeInputErrors() throws {
    // No axis in a plain text file: an error naming the file, not a guess.
    let path = try temporaryFile("1 2\n3 4\n", "plain.txt")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: InputError.self) { try XylibReader.read(path: path, format: "text") }
    // A text file forced through a binary reader, and a missing file: xylib's own messages.
    do {
      _ = try XylibReader.read(path: path, format: "bruker_raw")
      Issue.record("expected an error")
    } catch let e as InputError {
      #expect(e.file == path && e.message.hasPrefix("xylib"), "\(e)")
    }
    do {
      _ = try XylibReader.read(path: path + ".missing", format: nil)
      Issue.record("expected an error")
    } catch let e as InputError {
      #expect(e.file == path + ".missing", "\(e)")
    }
    // A truncated VAMAS file.
    let vamas = try temporaryFile("VAMAS Surface Chemical Analysis Standard Data Transfer Format 1988 May 4\nNot Specified\n", "cut.vms")
    defer { try? FileManager.default.removeItem(atPath: vamas) }
    #expect(throws: InputError.self) { try SpectrumFileReader.read(path: vamas) }
  }

  /// A VAMAS file written by hand for this test (Fixtures/spectra/handwritten_c1s.vms): XPS, Al Kα
  /// 1486.6 eV, work function 4.0 eV, regular scan KE 1200.0 + 0.5 i, ordinates 10 20 50 30 15.
  static var vamasFixture: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/spectra/handwritten_c1s.vms")
  }

  @Test func vamasKineticEnergyBecomesBindingEnergy() throws {
    let s = try SpectrumFileReader.read(path: Self.vamasFixture.path)
    #expect(s.count == 1 && s[0].technique == .xps && s[0].axis == .bindingEnergy)
    #expect(s[0].y == [10, 20, 50, 30, 15])
    // BE = 1486.6 − KE − 4.0
    let expected = [1200.0, 1200.5, 1201, 1201.5, 1202].map { 1486.6 - $0 - 4.0 }
    for (a, b) in zip(s[0].x, expected) { #expect(abs(a - b) < 1e-9) }
  }

  @Test func vamasWithAWrongPointCountIsAnError() throws {
    let text = try String(contentsOf: Self.vamasFixture, encoding: .utf8)
    // 7 ordinates announced, 5 present.
    let broken = text.replacingOccurrences(of: "\r\n5\r\n10\r\n50\r\n", with: "\r\n7\r\n10\r\n50\r\n")
    #expect(broken != text)
    let path = try temporaryFile(broken, "broken.vms")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: InputError.self) { try SpectrumFileReader.read(path: path) }
  }
}
