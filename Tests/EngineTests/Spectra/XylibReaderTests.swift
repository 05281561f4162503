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
}
