import Formats
import Foundation
import Testing
@testable import Engine

/// xylib runs in a child process: files that crash libxy 1.6 (found by the xylib fuzz family)
/// are errors naming the file, and the values it parses as nan/inf are refused.
@Suite struct XylibReaderIsolationTests {
  static let header = "; hand-written UXD\n_FILEVERSION=1\n_WL1=1.5406\n_DRIVE='COUPLED'\n_STEPSIZE=0.02\n_START=10\n_COUNTS\n"

  func write(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("xylib-\(UUID().uuidString).uxd")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func error(reading text: String) throws -> InputError? {
    let path = try write(text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try SpectrumFileReader.read(path: path)
      return nil
    } catch let e as InputError {
      #expect(e.file == path, "the error names the file: \(e)")
      return e
    }
  }

  @Test func oneRangeIsRead() throws {
    let path = try write(Self.header + " 100 105 110\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let s = try SpectrumFileReader.read(path: path)
    // x = _START + i·_STEPSIZE.
    #expect(s.count == 1 && s[0].y == [100, 105, 110])
    #expect(zip(s[0].x, [10, 10.02, 10.04]).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  /// xyconv (Debian libxy-bin 1.6) dies with SIGBUS on this file too: a second data range.
  @Test func aCrashInsideXylibIsAnError() throws {
    let e = try error(reading: Self.header + " 100 105 110\n_START=10\n_COUNTS\n 1 2 3\n")
    #expect(e?.message.contains("xylib crashed reading the file") == true, "\(String(describing: e))")
  }

  @Test func nonFiniteValuesAreRefused() throws {
    let e = try error(reading: Self.header + " 100 NaN 110\n")
    #expect(e?.message.contains("point 2 is nan, not a finite number") == true, "\(String(describing: e))")
  }
}
